// The README in the tarball: links relative to the repository become absolute GitHub links,
// since the registry page has no repository next to it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { readmeForRegistry } = require('../n8n-nodes-sequence-money/gulpfile.js') as {
	readmeForRegistry: (markdown: string, github: string | undefined, ref: string) => string;
};

describe('readmeForRegistry', () => {
	const markdown = [
		'![Panel](docs/screenshots/node-sequence.png)',
		'<img src="./docs/screenshots/dark.png" width="400">',
		'[results](bench/RESULTS.md) and [a section](#credentials) and [n8n](https://n8n.io)',
	].join('\n');

	it('points images at raw files and documents at GitHub pages of the repository, at the version’s tag', () => {
		expect(readmeForRegistry(markdown, 'someone/repo', '0.2.0').split('\n')).toEqual([
			'![Panel](https://raw.githubusercontent.com/someone/repo/0.2.0/docs/screenshots/node-sequence.png)',
			'<img src="https://raw.githubusercontent.com/someone/repo/0.2.0/docs/screenshots/dark.png" width="400">',
			'[results](https://github.com/someone/repo/blob/0.2.0/bench/RESULTS.md) and [a section](#credentials) and [n8n](https://n8n.io)',
		]);
	});

	it('leaves the text as it is while no GitHub repository is set (the release check refuses then)', () => {
		expect(readmeForRegistry(markdown, undefined, '0.2.0')).toBe(markdown);
	});
});
