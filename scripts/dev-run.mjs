#!/usr/bin/env node
// Runs a development tool written in TypeScript (the `npm start` demo, the benchmarks) under
// Node 24 (via with-node24.mjs): builds the package and the tooling, then runs the entry.
// Usage: node scripts/dev-run.mjs <entry relative to .dev-build, e.g. dev/demo/demo.js> [args]
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
	console.error('usage: node scripts/dev-run.mjs <entry.js> [args]');
	process.exit(2);
}
for (const buildArgs of [
	['run', 'build', '--workspace', 'n8n-nodes-sequence-money'],
	['exec', '--', 'tsc', '-p', 'tsconfig.dev.json'],
]) {
	const result = spawnSync('npm', buildArgs, { cwd: root, stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}
const tool = spawn(process.execPath, [join(root, '.dev-build', entry), ...args], {
	cwd: root,
	stdio: 'inherit',
});
// Ctrl-C reaches the tool directly (same terminal); it stops what it started itself.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => tool.kill(signal));
tool.on('exit', (code) => process.exit(code ?? 1));
