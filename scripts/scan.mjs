#!/usr/bin/env node
// What n8n's verification scanner (@n8n/scan-community-package) would say of this package, before
// it is published. The scanner's command line only takes a name on the npm registry (it downloads
// the tarball and the source its provenance points at), so this runs its exported analysis on the
// same two things it would look at: the packed tarball and the source tree. It also checks that
// the tarball holds only what the package needs. Run after the build (`npm run scan` does both).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import {
	SOURCE_FILE_PATTERNS,
	analyzePackage,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const packageDir = join(repositoryRoot, 'n8n-nodes-sequence-money');
const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));

function runOrFail(command, args, cwd) {
	const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
	if (result.status !== 0) {
		console.error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
		process.exit(1);
	}
	return result.stdout;
}

const workDir = mkdtempSync(join(tmpdir(), 'sequence-scan-'));
let failures = 0;
try {
	const [packed] = JSON.parse(
		runOrFail(
			'npm',
			['pack', '--json', '--loglevel=error', '--pack-destination', workDir],
			packageDir,
		),
	);
	const tarball = join(workDir, packed.filename);
	const extracted = join(workDir, 'package');
	runOrFail('tar', ['-xzf', tarball, '-C', workDir], workDir);

	console.log(
		`${packed.filename}: ${packed.entryCount} files, ${packed.size} bytes packed, ${packed.unpackedSize} unpacked`,
	);
	for (const file of packed.files.map((entry) => entry.path).sort()) console.log(`  ${file}`);

	// Only the package's files: compiled code, icons and codex files under dist/, and what npm always adds.
	const unexpected = packed.files
		.map((entry) => entry.path)
		.filter(
			(file) =>
				!/^dist\/.+\.(js|json|svg|png)$/.test(file) &&
				!['package.json', 'README.md', 'LICENSE'].includes(file),
		);
	const declared = [...manifest.n8n.nodes, ...manifest.n8n.credentials];
	const codexFiles = manifest.n8n.nodes.map((file) => file.replace(/\.js$/, '.json'));
	const missing = [...declared, ...codexFiles, 'README.md', 'LICENSE'].filter(
		(file) => !existsSync(join(extracted, file)),
	);
	for (const file of unexpected) console.error(`✗ not a file the package needs: ${file}`);
	for (const file of missing) console.error(`✗ missing from the tarball: ${file}`);
	failures += unexpected.length + missing.length;

	// The two legs of the scanner's own analyzePackageByName(): the tarball (compiled .js and the
	// published package.json), and the source (nodes/, credentials/ and package.json).
	for (const [label, directory, patterns] of [
		['tarball', extracted, ['**/*.js', 'package.json']],
		['source', packageDir, SOURCE_FILE_PATTERNS],
	]) {
		const result = await analyzePackage(directory, patterns);
		if (result.passed) {
			console.log(`✓ scanner, ${label}: no findings`);
		} else {
			failures += 1;
			console.error(`✗ scanner, ${label}: ${result.message}`);
			if (result.details) console.error(result.details);
		}
	}
} finally {
	rmSync(workDir, { recursive: true, force: true });
}
if (failures > 0) {
	console.error(`${failures} problem(s) found.`);
	process.exit(1);
}
console.log('Scan passed: zero findings on tarball and source.');
