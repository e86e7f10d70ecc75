// Lint for the development code: tests, the sandbox and demo, benchmarks, scripts.
// The package itself (n8n-nodes-sequence-money/) is linted by n8n's own `n8n-node lint`
// with n8n's unmodified configuration, so it is left out here.
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
	globalIgnores([
		'n8n-nodes-sequence-money/**',
		'**/node_modules/**',
		'**/dist/**',
		'.dev-build/**',
		'coverage/**',
	]),
	{
		files: ['**/*.ts'],
		extends: [tseslint.configs.recommended],
		languageOptions: { parser: tseslint.parser },
		rules: { '@typescript-eslint/no-explicit-any': 'off' },
	},
);
