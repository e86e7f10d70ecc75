#!/usr/bin/env node
// Runs a command under Node 24 with this project's dependencies installed.
//
// n8n 2.x (and n8n-workflow's native isolated-vm) need Node 24, but many machines
// still ship Node 20. Rather than asking people to switch Node by hand, we fetch
// the official Node 24 binary from the npm registry (package node-<os>-<arch>)
// into a cache folder the first time, and say so. Nothing else in the user's
// home or system is touched.
//
// Usage: node scripts/with-node24.mjs <command> [args...]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REQUIRED_NODE_MAJOR = 24;
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function cacheRoot() {
	if (process.env.SEQUENCE_DEV_CACHE) return resolve(process.env.SEQUENCE_DEV_CACHE);
	const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
	return join(base, 'n8n-nodes-sequence-money');
}

function log(message) {
	process.stderr.write(`[n8n-nodes-sequence-money] ${message}\n`);
}

function nodeMajor(version) {
	return Number(String(version).replace(/^v/, '').split('.')[0]);
}

function run(command, args, options) {
	const result = spawnSync(command, args, { stdio: 'inherit', ...options });
	if (result.error) throw result.error;
	if (result.status !== 0) {
		throw new Error(`"${command} ${args.join(' ')}" exited with code ${result.status}`);
	}
}

/** Returns the directory holding a Node >= 24 `node` binary, installing one if needed. */
export function ensureNode24() {
	if (nodeMajor(process.versions.node) >= REQUIRED_NODE_MAJOR) {
		return { binDir: dirname(process.execPath), headersDir: undefined };
	}
	const packageName = `node-${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`;
	const prefix = join(cacheRoot(), 'node24');
	const packageDir = join(prefix, 'node_modules', packageName);
	const binDir = process.platform === 'win32' ? packageDir : join(packageDir, 'bin');
	const nodeBinary = join(binDir, process.platform === 'win32' ? 'node.exe' : 'node');
	if (!existsSync(nodeBinary)) {
		log(`Node ${process.versions.node} is running, but n8n 2.x needs Node ${REQUIRED_NODE_MAJOR}.`);
		log(`Downloading Node ${REQUIRED_NODE_MAJOR} (npm package ${packageName}) into ${prefix}`);
		log('(one time, about 30 MB; delete that folder to remove it).');
		mkdirSync(prefix, { recursive: true });
		run(
			'npm',
			[
				'install',
				'--prefix',
				prefix,
				'--no-audit',
				'--no-fund',
				'--loglevel=error',
				`${packageName}@${REQUIRED_NODE_MAJOR}`,
			],
			{
				cwd: prefix,
			},
		);
	}
	return { binDir, headersDir: packageDir };
}

/** Environment in which `node`, `npm` and the project's bins all run under Node 24. */
export function node24Environment() {
	const { binDir, headersDir } = ensureNode24();
	const env = { ...process.env };
	env.PATH = [binDir, join(projectRoot, 'node_modules', '.bin'), env.PATH].join(delimiter);
	// Native modules (sqlite3, isolated-vm) must compile against Node 24's headers,
	// not those of whatever Node npm is configured for.
	if (headersDir) env.npm_config_nodedir = headersDir;
	// Values set by an outer `npm run` under Node 20 would point child npm at Node 20.
	delete env.npm_node_execpath;
	delete env.npm_execpath;
	delete env.NODE;
	return env;
}

/** Installs dependencies when node_modules is missing, stale, or built for another Node. */
export function ensureDependencies(env) {
	const lockFile = join(projectRoot, 'package-lock.json');
	const marker = join(projectRoot, 'node_modules', '.installed-for-node');
	const nodeVersion = spawnSync('node', ['-p', 'process.versions.modules'], {
		env,
		encoding: 'utf8',
	}).stdout.trim();
	const upToDate =
		existsSync(marker) &&
		readFileSync(marker, 'utf8').trim() === nodeVersion &&
		(!existsSync(lockFile) || statSync(marker).mtimeMs >= statSync(lockFile).mtimeMs);
	if (upToDate) return;
	const useCi = existsSync(lockFile);
	log(
		`Installing dependencies (npm ${useCi ? 'ci' : 'install'}) under Node ${REQUIRED_NODE_MAJOR}...`,
	);
	// n8n's lint plugin (eslint-plugin-n8n-nodes-base, under @n8n/node-cli) runs `npx only-allow pnpm`
	// when installed. npm 11.19+ skips it (the root package.json denies it in allowScripts); older npm
	// runs it, and with `yes=false` in the npm configuration npx refuses to fetch only-allow and the
	// install fails. Answering yes lets it fetch only-allow, which then passes (checked with npm 10.9).
	const installEnv = { ...env, npm_config_yes: 'true' };
	run('npm', [useCi ? 'ci' : 'install', '--no-audit', '--no-fund'], {
		cwd: projectRoot,
		env: installEnv,
	});
	writeFileSync(marker, `${nodeVersion}\n`);
}

function main() {
	const [command, ...args] = process.argv.slice(2);
	if (!command) {
		log('usage: node scripts/with-node24.mjs <command> [args...]');
		process.exit(2);
	}
	const env = node24Environment();
	if (process.env.SEQUENCE_SKIP_INSTALL !== '1') ensureDependencies(env);
	const child = spawn(command, args, { stdio: 'inherit', env, cwd: process.cwd() });
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
		process.on(signal, () => child.kill(signal));
	}
	child.on('error', (error) => {
		log(`could not start "${command}": ${error.message}`);
		process.exit(127);
	});
	child.on('exit', (code, signal) => {
		process.exit(code ?? (signal ? 1 : 0));
	});
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	try {
		main();
	} catch (error) {
		log(error instanceof Error ? error.message : String(error));
		process.exit(1);
	}
}
