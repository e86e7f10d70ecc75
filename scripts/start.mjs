#!/usr/bin/env node
// `npm start` (run under Node 24 by with-node24.mjs): build the package and the demo
// tooling, then start the Sequence sandbox and a real n8n with the package installed.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
for (const args of [['run', 'build:compile'], ['exec', '--', 'tsc', '-p', 'tsconfig.dev.json']]) {
	const result = spawnSync('npm', args, { cwd: root, stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}
const demo = spawn(process.execPath, [join(root, '.dev-build', 'test', 'realN8n', 'demo.js'), ...process.argv.slice(2)], {
	cwd: root,
	stdio: 'inherit',
});
// Ctrl-C reaches the demo directly (same terminal); it stops n8n and the sandbox itself.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => demo.kill(signal));
demo.on('exit', (code) => process.exit(code ?? 1));
