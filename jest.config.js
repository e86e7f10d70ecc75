/**
 * One configuration, one project per suite. `npm test` runs "unit" (unit tests and whole
 * workflows on n8n's engine in-process); the others start a real n8n and run on their own
 * (`npm run test:e2e`, `test:e2e:queue`, `test:ui`).
 */
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] };

module.exports = {
	projects: [
		{
			displayName: 'unit',
			testEnvironment: 'node',
			roots: ['<rootDir>/test'],
			testMatch: ['**/*.test.ts'],
			testPathIgnorePatterns: ['/node_modules/', '/test/e2e/', '/test/e2e-queue/', '/test/ui/'],
			transform,
			globalSetup: '<rootDir>/test/setup/globalSetup.ts',
			globalTeardown: '<rootDir>/test/setup/globalTeardown.ts',
			setupFilesAfterEnv: ['<rootDir>/test/setup/nock.ts'],
		},
		{
			// A real n8n server with the packed package, and the Sequence sandbox.
			displayName: 'e2e',
			testEnvironment: 'node',
			setupFilesAfterEnv: ['<rootDir>/test/setup/realN8n.ts'],
			roots: ['<rootDir>/test/e2e'],
			testMatch: ['**/*.e2e.test.ts'],
			transform,
		},
		{
			// n8n main + webhook process + workers with Redis and PostgreSQL, and the sandbox.
			displayName: 'queue',
			testEnvironment: 'node',
			setupFilesAfterEnv: ['<rootDir>/test/setup/realN8n.ts'],
			roots: ['<rootDir>/test/e2e-queue'],
			testMatch: ['**/*.e2e.test.ts'],
			transform,
		},
		{
			// The n8n editor in Debian's Chromium.
			displayName: 'ui',
			testEnvironment: 'node',
			setupFilesAfterEnv: ['<rootDir>/test/setup/realN8n.ts'],
			roots: ['<rootDir>/test/ui'],
			testMatch: ['**/*.spec.ts'],
			transform,
		},
	],
	// One n8n (and one browser) at a time: the machine has two cores. Unit tests are fast enough.
	maxWorkers: 1,
	testTimeout: 30_000,
};
