/** End-to-end suite: a real n8n server with the packed package, and the Sequence sandbox. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
	// One n8n at a time: the machine has two cores.
	maxWorkers: 1,
	testTimeout: 120000,
};
