// The links the package shows in n8n (credentials' and nodes' documentation) must lead somewhere
// real: the package's own README on its npm page, at a heading that exists. And no other address
// may appear in the package than Sequence's, that page, and addresses that cannot exist by design.
import { readFileSync, readdirSync, statSync } from 'fs';
import { join, relative } from 'path';

const repositoryRoot = join(__dirname, '..');
const packageDir = join(repositoryRoot, 'n8n-nodes-sequence-money');
const packageName = (
	JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { name: string }
).name;
const registryPage = `https://www.npmjs.com/package/${packageName}`;

function filesBelow(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? filesBelow(path) : [path];
	});
}

const sources = [
	...filesBelow(join(packageDir, 'nodes')),
	...filesBelow(join(packageDir, 'credentials')),
	join(packageDir, 'package.json'),
].filter((file) => /\.(ts|json)$/.test(file));

/** GitHub's and npm's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function headingAnchors(markdown: string): Set<string> {
	const anchors = new Set<string>();
	for (const match of markdown.matchAll(/^#{1,6}\s+(.+)$/gm)) {
		anchors.add(
			match[1]
				.trim()
				.toLowerCase()
				.replace(/[^\p{L}\p{N}\s_-]/gu, '')
				.replace(/\s/g, '-'),
		);
	}
	return anchors;
}

describe('documentation links in the package', () => {
	const readmeAnchors = headingAnchors(readFileSync(join(repositoryRoot, 'README.md'), 'utf8'));
	const links = sources.flatMap((file) =>
		[
			...readFileSync(file, 'utf8').matchAll(
				/(?:documentationUrl\s*=\s*|"url":\s*)['"]([^'"]+)['"]/g,
			),
		].map((match) => ({
			file: relative(packageDir, file),
			url: match[1],
		})),
	);

	it('are there: every node and credential links its documentation', () => {
		const files = links.map((link) => link.file);
		for (const file of sources.filter((source) => /\.(node\.json|credentials\.ts)$/.test(source))) {
			expect(files).toContain(relative(packageDir, file));
		}
	});

	it.each(['sequence-node', 'credentials', 'query-remote-api'])(
		'the README has the heading #%s',
		(anchor) => {
			expect(readmeAnchors.has(anchor)).toBe(true);
		},
	);

	it('lead to a heading of the README on the package’s npm page', () => {
		for (const { file, url } of links) {
			const [page, anchor] = url.split('#');
			expect({ file, page }).toEqual({ file, page: registryPage });
			expect({ file, anchor, exists: readmeAnchors.has(anchor) }).toEqual({
				file,
				anchor,
				exists: true,
			});
		}
	});

	it('no other address appears in the package than Sequence’s, its npm page, loopback, .invalid and example.com (reserved for examples)', () => {
		const allowed = (host: string) =>
			host === 'api.getsequence.io' ||
			host === 'getsequence.io' ||
			host === 'www.npmjs.com' ||
			host === '127.0.0.1' ||
			host.endsWith('.invalid') ||
			host === 'example.com' ||
			host.endsWith('.example.com');
		for (const file of sources) {
			for (const match of readFileSync(file, 'utf8').matchAll(/https?:\/\/([A-Za-z0-9.-]+)/g)) {
				expect({
					file: relative(packageDir, file),
					host: match[1],
					allowed: allowed(match[1]),
				}).toEqual({
					file: relative(packageDir, file),
					host: match[1],
					allowed: true,
				});
			}
		}
	});
});
