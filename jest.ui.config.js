/**
 * Browser suite: the n8n editor (real n8n server with the packed package) in Debian's Chromium.
 * Its files are named *.spec.ts so that the default `npm test` (which matches *.test.ts) leaves them out.
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/ui'],
	testMatch: ['**/*.spec.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
	// One n8n and one browser at a time: the machine has two cores.
	maxWorkers: 1,
	testTimeout: 180000,
};
