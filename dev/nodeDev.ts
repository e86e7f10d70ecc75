// `npm run dev`: n8n's own contributor loop, `n8n-node dev`, on the n8n version this project pins.
//
// `n8n-node dev` on its own runs `npx n8n@latest`: the newest n8n, whatever it is that day, which
// may not install everywhere (it did not on the machines this project is tested on). This starts the
// pinned n8n from the cache instead, and lets `n8n-node dev --external-n8n` do the rest: it links the
// package into <user folder>/.n8n/custom and recompiles on every change; n8n, started with
// N8N_DEV_RELOAD=true, reloads the nodes. The user folder is kept between runs (your workflows and
// credentials stay), in the project's cache folder. The Sequence sandbox runs alongside.
import { type ChildProcess, spawn } from 'child_process';
import { createWriteStream, existsSync, mkdirSync } from 'fs';
import { join } from 'path';

import { SANDBOX_DATA_FILE } from './realN8n/environment';
import {
	N8nServer,
	PACKAGE_DIR,
	PACKAGE_NAME,
	REPOSITORY_ROOT,
	cacheRoot,
	ensureN8nInstalled,
	portIfFree,
	stopProcessGroup,
} from './realN8n/n8nRuntime';
import { SequenceSandbox, loadSandboxData } from './sandbox/sequenceSandbox';

const say = (message: string) => process.stdout.write(`${message}\n`);

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
		await new Promise((resolvePromise) => setTimeout(resolvePromise, 200));
	}
}

async function main(): Promise<void> {
	const userFolder = join(cacheRoot(), 'dev-user-folder');
	mkdirSync(userFolder, { recursive: true });
	const logFile = join(userFolder, 'n8n.log');
	await ensureN8nInstalled((message) => say(`· ${message}`));

	const sandbox = new SequenceSandbox(loadSandboxData(SANDBOX_DATA_FILE));
	const sandboxUrl = await sandbox.start(await portIfFree(4010));

	// n8n-node dev (from the package folder, as a contributor would run it): links the package
	// into the user folder's custom nodes and starts `tsc --watch`.
	const nodeCli = join(REPOSITORY_ROOT, 'node_modules', '@n8n', 'node-cli', 'bin', 'n8n-node.mjs');
	const watcher: ChildProcess = spawn(
		process.execPath,
		[nodeCli, 'dev', '--external-n8n', '--custom-user-folder', userFolder],
		{
			cwd: PACKAGE_DIR,
			stdio: process.stdin.isTTY ? 'inherit' : ['ignore', 'inherit', 'inherit'],
			detached: false,
		},
	);
	const link = join(userFolder, '.n8n', 'custom', 'node_modules', PACKAGE_NAME);
	await waitFor(() => existsSync(link), 60_000, `n8n-node dev to link the package at ${link}`);

	const server = new N8nServer();
	await server.prepare({ userFolder, port: await portIfFree(5678) });
	const n8nLog = createWriteStream(logFile, { flags: 'a' });
	// n8n reloads changed nodes only in development mode (NODE_ENV unset or "development").
	await server.start({
		env: { NODE_ENV: 'development', N8N_DEV_RELOAD: 'true' },
		log: (line) => n8nLog.write(`${line}\n`),
	});

	say('');
	say(`  n8n ${server.url}  (pinned version, N8N_DEV_RELOAD on; its log: ${logFile})`);
	say(`  Sequence sandbox ${sandboxUrl}  (use it as the Base URL of a credential)`);
	say(`  user folder ${userFolder}  (kept between runs)`);
	say(
		'  Edit anything under n8n-nodes-sequence-money/: n8n-node dev recompiles, n8n reloads the nodes.',
	);
	say('  Ctrl-C stops everything.');
	say('');

	let stopping = false;
	const stop = async (code: number) => {
		if (stopping) return;
		stopping = true;
		await stopProcessGroup(watcher, 'SIGTERM', 5_000).catch(() => undefined);
		await server.stop();
		await sandbox.stop();
		n8nLog.end();
		process.exit(code);
	};
	process.on('SIGINT', () => void stop(0));
	process.on('SIGTERM', () => void stop(0));
	// Quitting n8n-node dev (q or Ctrl-C in its panel) ends the session.
	watcher.on('exit', () => void stop(0));
}

main().catch((error: unknown) => {
	process.stderr.write(
		`npm run dev failed: ${error instanceof Error ? error.stack : String(error)}\n`,
	);
	process.exit(1);
});
