import {
	baseUrlProblem,
	normalizeSecret,
	parseRuleId,
} from '../../../n8n-nodes-sequence-money/nodes/shared/sequenceIds';

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

	it.each([
		'',
		'   ',
		'ru 123',
		'../accounts',
		'https://api.getsequence.io/accounts',
		'ru_1/trigger?x',
		'https://api.getsequence.io/rules/%E0%A4%A/trigger',
		null,
		{},
		'a'.repeat(200),
	])('refuses %p', (input) => {
		expect(parseRuleId(input)).toBeUndefined();
	});
});

describe('Base URLs', () => {
	it.each([
		'https://api.getsequence.io',
		'https://proxy.example.com:8443/sequence',
		'http://127.0.0.1:4010',
		'http://localhost:4010',
		'http://[::1]:4010',
		'http://127.1.2.3',
	])('accepts %p', (url) => {
		expect(baseUrlProblem(url)).toBeUndefined();
	});

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
