// The README in the tarball: links relative to the repository become absolute GitHub links,
// since the registry page has no repository next to it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { readmeForRegistry } = require('../n8n-nodes-sequence-money/gulpfile.js') as {
	readmeForRegistry: (markdown: string, github: string | undefined) => string;
};

describe('readmeForRegistry', () => {
	const markdown = [
		'![Panel](docs/screenshots/node-sequence.png)',
		'<img src="./docs/screenshots/dark.png" width="400">',
		'[results](bench/RESULTS.md) and [a section](#credentials) and [n8n](https://n8n.io)',
	].join('\n');

	it('points images at raw files and documents at GitHub pages of the repository', () => {
		expect(readmeForRegistry(markdown, 'someone/repo').split('\n')).toEqual([
			'![Panel](https://raw.githubusercontent.com/someone/repo/HEAD/docs/screenshots/node-sequence.png)',
			'<img src="https://raw.githubusercontent.com/someone/repo/HEAD/docs/screenshots/dark.png" width="400">',
			'[results](https://github.com/someone/repo/blob/HEAD/bench/RESULTS.md) and [a section](#credentials) and [n8n](https://n8n.io)',
		]);
	});

	it('leaves the text as it is while no GitHub repository is set (the release check refuses then)', () => {
		expect(readmeForRegistry(markdown, undefined)).toBe(markdown);
	});
});
