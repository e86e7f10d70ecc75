#!/usr/bin/env node
// Refuses to publish while package.json still lacks what only the publisher can know.
// Nothing in this repository invents a homepage, a repository or a maintainer's address:
// they are left empty until someone who owns them fills them in.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Usage: node scripts/check-publishable.mjs [path to package.json]  (default: this package's)
const manifestPath = process.argv[2]
	? resolve(process.argv[2])
	: join(dirname(fileURLToPath(import.meta.url)), '..', 'package.json');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));

const problems = [];
const repositoryUrl =
	typeof manifest.repository === 'string' ? manifest.repository : (manifest.repository?.url ?? '');
if (!/^(git\+)?https:\/\/github\.com\/[^/]+\/[^/]+?(\.git)?$/.test(repositoryUrl)) {
	problems.push(
		'repository.url: the public GitHub repository this is published from, e.g. "git+https://github.com/<owner>/<name>.git" (n8n checks the npm provenance against it)',
	);
}
if (!/^https:\/\//.test(manifest.homepage ?? '')) {
	problems.push(
		'homepage: e.g. the repository\'s README, "https://github.com/<owner>/<name>#readme"',
	);
}
// n8n's lint wants an author name and email, so until the publisher sets them they hold
// placeholders that cannot be mistaken for facts: "unset: …" and an address under .invalid
// (a domain reserved never to exist, RFC 2606).
const author =
	typeof manifest.author === 'string' ? { name: manifest.author } : (manifest.author ?? {});
const name = (author.name ?? '').trim();
const email = (author.email ?? '').trim();
if (name === '' || /^unset\b/i.test(name))
	problems.push('author.name: the maintainer (a person or organisation)');
if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) || /\.invalid$/i.test(email)) {
	problems.push('author.email: an address the maintainer reads');
}

if (problems.length > 0) {
	console.error(
		`Not publishing ${manifest.name}@${manifest.version}: package.json is missing what only the publisher can set:`,
	);
	for (const problem of problems) console.error(`  - ${problem}`);
	console.error('Fill these in (see "Publishing" in the README), then release again.');
	process.exit(1);
}
console.log(`${manifest.name}@${manifest.version}: repository, homepage and author are set.`);
