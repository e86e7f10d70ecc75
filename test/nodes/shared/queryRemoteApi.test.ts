import {
	MIN_SECRET_LENGTH,
	NO_ANSWER_STATUS,
	isJsonContentType,
	isQueryRemoteApiTriggerType,
	parseBasicAuth,
	queryRemoteApiSecretProblem,
	secretsMatch,
	urlTokenProblem,
} from '../../../n8n-nodes-sequence-money/nodes/shared/queryRemoteApi';

describe('queryRemoteApi: constants', () => {
	it('never answers 2xx when no amount was given, and asks for 16-character secrets', () => {
		expect(NO_ANSWER_STATUS).toBe(500);
		expect(MIN_SECRET_LENGTH).toBe(16);
	});
});

describe('isQueryRemoteApiTriggerType', () => {
	it.each([
		['sequenceQueryRemoteApiTrigger', true],
		['n8n-nodes-sequence-money.sequenceQueryRemoteApiTrigger', true],
		['@scope/n8n-nodes-sequence-money.sequenceQueryRemoteApiTrigger', true],
		['n8n-nodes-base.webhook', false],
		['x.mySequenceQueryRemoteApiTrigger', false],
		['sequenceQueryRemoteApiTriggerV2', false],
	])('%s → %p', (type, expected) => {
		expect(isQueryRemoteApiTriggerType(type)).toBe(expected);
	});
});

describe('secretsMatch', () => {
	const secret = 'qra_Q7v2LmX9pR4tK8nZ3bW6';

	it('matches only the exact secret', () => {
		expect(secretsMatch(secret, secret)).toBe(true);
		expect(secretsMatch(`${secret} `, secret)).toBe(false);
		expect(secretsMatch(secret.slice(0, -1), secret)).toBe(false);
		expect(secretsMatch(secret.toLowerCase(), secret)).toBe(false);
	});

	it('never matches a value that is not a string, or an empty expected secret', () => {
		expect(secretsMatch([secret], secret)).toBe(false);
		expect(secretsMatch(undefined, secret)).toBe(false);
		expect(secretsMatch('', '')).toBe(false);
	});
});

describe('parseBasicAuth', () => {
	const header = (text: string) => `Basic ${Buffer.from(text).toString('base64')}`;

	it('reads the username and the password (which may contain colons)', () => {
		expect(parseBasicAuth(header('sequence:pa:ss'))).toEqual({
			username: 'sequence',
			password: 'pa:ss',
		});
		expect(parseBasicAuth(`basic  ${Buffer.from('a:b').toString('base64')} `)).toEqual({
			username: 'a',
			password: 'b',
		});
		expect(parseBasicAuth(header(':'))).toEqual({ username: '', password: '' });
	});

	it.each([
		['absent', undefined],
		['a list', ['Basic eDp5']],
		['another scheme', 'Bearer eDp5'],
		['not base64', 'Basic ***'],
		['without a colon', `Basic ${Buffer.from('sequence').toString('base64')}`],
	])('undefined when %s', (_label, value) => {
		expect(parseBasicAuth(value)).toBeUndefined();
	});
});

describe('queryRemoteApiSecretProblem', () => {
	it.each([
		[undefined, 'The Secret is empty.'],
		['   ', 'The Secret is empty.'],
		[42, 'The Secret is empty.'],
		['short', 'The Secret is only 5 characters long; use at least 16 random characters.'],
		[
			'  fifteen-chars15  ',
			'The Secret is only 15 characters long; use at least 16 random characters.',
		],
		[
			'sixteen chars 16',
			'The Secret may only contain visible ASCII characters (no spaces), so that it survives headers and URLs.',
		],
		[
			'sixteen-chars-16é',
			'The Secret may only contain visible ASCII characters (no spaces), so that it survives headers and URLs.',
		],
	])('%p → %p', (secret, problem) => {
		expect(queryRemoteApiSecretProblem(secret)).toBe(problem);
	});

	it.each(['sixteen-chars-16', ' qra_Ab+cD1234567890xyz '])('%p is usable', (secret) => {
		expect(queryRemoteApiSecretProblem(secret)).toBeUndefined();
	});
});

describe('urlTokenProblem', () => {
	it.each(['abcDEF0123456789', 'a-b.c_d~e', ' trimmed-secret-16 '])(
		'%p survives a URL',
		(secret) => {
			expect(urlTokenProblem(secret)).toBeUndefined();
		},
	);

	it.each(['a+b', 'a%41', 'a&b', 'a=b', 'a/b'])('%p changes in a URL', (secret) => {
		expect(urlTokenProblem(secret)).toBe(
			'The Secret has characters that change in a URL (such as + % & =): as a ?token= it would never match. Use only letters, digits and - . _ ~ (e.g. from openssl rand -hex 32), or Header Secret / Basic Auth.',
		);
	});
});

describe('isJsonContentType', () => {
	it.each([
		'application/json',
		'APPLICATION/JSON',
		'application/json; charset=utf-8',
		'application/json;charset=utf-8',
	])('%p is JSON', (contentType) => {
		expect(isJsonContentType(contentType)).toBe(true);
	});

	// n8n parses only these: any other type arrives unread.
	it.each([
		'application/json ; charset=utf-8',
		' application/json',
		'application/vnd.api+json',
		'text/json',
		'text/plain',
		'',
		undefined,
		['application/json'],
	])('%p is not', (contentType) => {
		expect(isJsonContentType(contentType)).toBe(false);
	});
});
