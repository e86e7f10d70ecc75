#!/usr/bin/env node
// `npm start`: builds the package and explains how to load it into n8n.
// (The full local demo with a real n8n and a Sequence sandbox is being added.)
import { spawnSync } from 'node:child_process';

const build = spawnSync('npm', ['run', 'build:compile'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
console.log('\nBuilt into dist/. To try it in n8n 2.x (Node 24): npm pack, then install the .tgz');
console.log('from Settings → Community Nodes, or copy the package into ~/.n8n/custom.');
