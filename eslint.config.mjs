// n8n's community-node rules on the published code and package.json, as n8n's own
// node-cli applies them, plus typescript-eslint's recommended rules.
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';

const n8nRecommended = n8nCommunityNodesPlugin.configs.recommended;

export default defineConfig(
	globalIgnores(['dist/**', 'node_modules/**', 'coverage/**']),
	{
		files: ['nodes/**/*.ts', 'credentials/**/*.ts'],
		extends: [n8nRecommended, tseslint.configs.recommended],
		languageOptions: { parser: tseslint.parser },
		rules: { 'no-console': 'error' },
	},
	{
		files: ['test/**/*.ts', 'bench/**/*.ts'],
		extends: [tseslint.configs.recommended],
		languageOptions: { parser: tseslint.parser },
		rules: { '@typescript-eslint/no-explicit-any': 'off' },
	},
	{
		files: ['package.json'],
		extends: [n8nRecommended],
		languageOptions: { parser: tseslint.parser, parserOptions: { extraFileExtensions: ['.json'] } },
	},
);
