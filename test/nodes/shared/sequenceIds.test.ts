import { automaticIdempotencyKey, customIdempotencyKeyProblem } from '../../../n8n-nodes-sequence-money/nodes/shared/idempotency';
import { baseUrlProblem, normalizeSecret, parseRuleId } from '../../../n8n-nodes-sequence-money/nodes/shared/sequenceIds';

describe('rule IDs', () => {
	it.each([
		['ru_12345', 'ru_12345'],
		['  ru_12345 ', 'ru_12345'],
		['https://api.getsequence.io/rules/ru_12345/trigger', 'ru_12345'],
		['https://api.getsequence.io/rules/ru_12345/trigger/', 'ru_12345'],
		['api.getsequence.io/rules/abc-DEF_9/trigger?x=1', 'abc-DEF_9'],
		[12345, '12345'],
	])('reads %p as %p', (input, expected) => {
		expect(parseRuleId(input)).toBe(expected);
	});

	it.each(['', '   ', 'ru 123', '../accounts', 'https://api.getsequence.io/accounts', 'ru_1/trigger?x', 'https://api.getsequence.io/rules/%E0%A4%A/trigger', null, {}, 'a'.repeat(200)])(
		'refuses %p',
		(input) => {
			expect(parseRuleId(input)).toBeUndefined();
		},
	);
});

describe('Base URLs', () => {
	it.each(['https://api.getsequence.io', 'https://proxy.example.com:8443/sequence', 'http://127.0.0.1:4010', 'http://localhost:4010', 'http://[::1]:4010', 'http://127.1.2.3'])(
		'accepts %p',
		(url) => {
			expect(baseUrlProblem(url)).toBeUndefined();
		},
	);

	it.each([
		['http://api.getsequence.io', /unencrypted/],
		['http://localhost.example.com', /unencrypted/],
		// *.localhost names are looked up in DNS by glibc: not guaranteed to stay on the machine.
		['http://sandbox.localhost', /unencrypted/],
		['http://127.0.0.1:80@evil.example', /unencrypted/],
		['http://127.0.0.1.nip.io', /unencrypted/],
		['http://192.168.1.10', /unencrypted/],
		['ftp://api.getsequence.io', /not a valid http\(s\) address/],
		['api.getsequence.io', /not a valid http\(s\) address/],
	])('refuses %p', (url, message) => {
		expect(baseUrlProblem(url)).toMatch(message);
	});
});

describe('secrets as pasted', () => {
	it.each([
		['abc', 'abc'],
		['  abc \n', 'abc'],
		['Bearer abc', 'abc'],
		['bearer   abc ', 'abc'],
		[' BEARER abc', 'abc'],
		['Bearerabc', 'Bearerabc'],
		[undefined, ''],
	])('%p → %p', (input, expected) => {
		expect(normalizeSecret(input)).toBe(expected);
	});
});

describe('idempotency keys', () => {
	const parts = { executionId: 'execution-42', nodeId: 'node-a', runIndex: 0, itemIndex: 0, ruleId: 'ru_1' };

	it('is stable for the same execution, node, run, item and rule', () => {
		expect(automaticIdempotencyKey(parts)).toBe(automaticIdempotencyKey({ ...parts }));
		expect(automaticIdempotencyKey(parts)).toMatch(/^n8n-[0-9a-f]{40}$/);
	});

	it.each(['executionId', 'nodeId', 'runIndex', 'itemIndex', 'ruleId'] as const)('changes with %s', (field) => {
		const changed = { ...parts, [field]: typeof parts[field] === 'number' ? 1 : 'other' };
		expect(automaticIdempotencyKey(changed)).not.toBe(automaticIdempotencyKey(parts));
	});

	it('checks custom keys', () => {
		expect(customIdempotencyKeyProblem('invoice-2025-001')).toBeUndefined();
		expect(customIdempotencyKeyProblem(1234)).toBeUndefined();
		expect(customIdempotencyKeyProblem('')).toMatch(/empty/);
		expect(customIdempotencyKeyProblem('has space')).toMatch(/visible ASCII/);
		expect(customIdempotencyKeyProblem('é')).toMatch(/visible ASCII/);
		expect(customIdempotencyKeyProblem('x'.repeat(256))).toMatch(/256 characters/);
		expect(customIdempotencyKeyProblem(undefined)).toMatch(/must be text/);
		expect(customIdempotencyKeyProblem({})).toMatch(/must be text/);
	});
});
