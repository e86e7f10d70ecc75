import crypto from 'crypto';
import type { ICredentialTestFunctions, IDataObject } from 'n8n-workflow';

import {
	type Authentication,
	checkAuthentication,
	readAuthCredentials,
	secretInRequest,
} from '../../../n8n-nodes-sequence-money/nodes/SequenceQueryRemoteApiTrigger/authentication';
import { SequenceQueryRemoteApiTrigger } from '../../../n8n-nodes-sequence-money/nodes/SequenceQueryRemoteApiTrigger/SequenceQueryRemoteApiTrigger.node';
import { type FakeRequest, fakeWebhookContext } from './fakeWebhookContext';

const SECRET = 'qra_Q7v2LmX9pR4tK8nZ3bW6';
const CHALLENGE = { 'WWW-Authenticate': 'Basic realm="Sequence Query Remote API"' };
const NOT_SET_UP = {
	status: 500,
	error:
		"The trigger's authentication is not set up (the secret is missing, too short, or not usable in a URL); no request is accepted until it is.",
};

const basic = (username: string, password: string) =>
	`Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;

/** checkAuthentication on a request, with the credential the trigger would read. */
async function check(authentication: Authentication, request: FakeRequest) {
	const { context } = fakeWebhookContext(request);
	const credentials = authentication === 'none' ? {} : await readAuthCredentials(context);
	return checkAuthentication(context, authentication, credentials);
}

describe('authentication: None', () => {
	it('accepts any request without reading the credential or the request', () => {
		const { context } = fakeWebhookContext();
		context.getHeaderData = jest.fn();
		context.getQueryData = jest.fn();
		expect(checkAuthentication(context, 'none', {})).toBeUndefined();
		expect(context.getHeaderData).not.toHaveBeenCalled();
		expect(context.getQueryData).not.toHaveBeenCalled();
	});
});

describe('authentication: fails closed (500) when switched on but not set up', () => {
	const modes: Authentication[] = ['queryToken', 'headerSecret', 'basicAuth'];
	// Each request carries what would be the right secret, so only the setup is at fault.
	const rightRequest = (secret: string): FakeRequest => ({
		query: { token: secret },
		headers: { 'x-query-remote-api-secret': secret, authorization: basic('sequence', secret) },
	});

	it.each(modes)('%s: no credential at all', async (mode) => {
		expect(await check(mode, { ...rightRequest(SECRET), credentials: undefined })).toEqual(
			NOT_SET_UP,
		);
	});

	it.each(modes)('%s: a credential without a secret', async (mode) => {
		expect(await check(mode, { ...rightRequest(''), credentials: {} })).toEqual(NOT_SET_UP);
	});

	it.each(modes)('%s: an empty or blank secret', async (mode) => {
		expect(await check(mode, { ...rightRequest(''), credentials: { secret: '' } })).toEqual(
			NOT_SET_UP,
		);
		expect(await check(mode, { ...rightRequest('   '), credentials: { secret: '   ' } })).toEqual(
			NOT_SET_UP,
		);
	});

	it.each(modes)('%s: a secret shorter than 16 characters', async (mode) => {
		const secret = 'fifteen-chars15';
		expect(await check(mode, { ...rightRequest(secret), credentials: { secret } })).toEqual(
			NOT_SET_UP,
		);
	});

	it.each(modes)('%s: a secret that is not a string', async (mode) => {
		expect(await check(mode, { ...rightRequest(SECRET), credentials: { secret: 1234 } })).toEqual(
			NOT_SET_UP,
		);
	});

	it('Query Token: a secret with characters a URL changes ("+" arrives as a space)', async () => {
		const secret = 'qra_Ab+cD1234567890xyz';
		expect(
			await check('queryToken', { query: { token: secret }, credentials: { secret } }),
		).toEqual(NOT_SET_UP);
	});

	it('the same secret is fine in a header or as a Basic Auth password', async () => {
		const secret = 'qra_Ab+cD1234567890xyz';
		const request = { ...rightRequest(secret), credentials: { secret } };
		expect(await check('headerSecret', request)).toBeUndefined();
		expect(await check('basicAuth', request)).toBeUndefined();
	});

	it('a secret of exactly 16 characters is enough', async () => {
		const secret = 'sixteen-chars-16';
		expect(await check('queryToken', { query: { token: secret }, credentials: { secret } })).toBe(
			undefined,
		);
	});
});

describe('authentication: Query Token', () => {
	const credentials = { secret: SECRET };

	it('accepts the right token', async () => {
		expect(await check('queryToken', { query: { token: SECRET }, credentials })).toBeUndefined();
	});

	it('compares with the secret as trimmed in the credential', async () => {
		const padded = { secret: `  ${SECRET}\n` };
		expect(await check('queryToken', { query: { token: SECRET }, credentials: padded })).toBe(
			undefined,
		);
	});

	it.each([
		['no token', {}],
		['an empty token', { token: '' }],
	])('%s → 401', async (_label, query) => {
		expect(await check('queryToken', { query, credentials })).toEqual({
			status: 401,
			error: 'Missing token: add ?token=<secret> to the URL.',
		});
	});

	it.each([
		['one character more', `${SECRET}x`],
		['one character less', SECRET.slice(0, -1)],
		['another case', SECRET.toUpperCase()],
		['a list of tokens (?token=a&token=b)', [SECRET, SECRET]],
	])('a wrong token (%s) → 403', async (_label, token) => {
		expect(await check('queryToken', { query: { token } as IDataObject, credentials })).toEqual({
			status: 403,
			error: 'Wrong token.',
		});
	});

	it('does not take the secret from a header instead', async () => {
		const request = { headers: { 'x-query-remote-api-secret': SECRET }, credentials };
		expect((await check('queryToken', request))?.status).toBe(401);
	});
});

describe('authentication: Header Secret', () => {
	it('reads x-query-remote-api-secret when the credential names no header', async () => {
		const credentials = { secret: SECRET };
		const request = { headers: { 'x-query-remote-api-secret': SECRET }, credentials };
		expect(await check('headerSecret', request)).toBeUndefined();
		expect(await check('headerSecret', { headers: {}, credentials })).toEqual({
			status: 401,
			error: 'Missing header x-query-remote-api-secret.',
		});
	});

	describe('with the header named in the credential (trimmed, any case)', () => {
		const credentials = { secret: SECRET, headerName: ' X-My-Secret ' };

		it('accepts the right value', async () => {
			const request = { headers: { 'x-my-secret': SECRET }, credentials };
			expect(await check('headerSecret', request)).toBeUndefined();
		});

		it.each([
			['no header', {}],
			['an empty header', { 'x-my-secret': '' }],
			['the secret in the default header only', { 'x-query-remote-api-secret': SECRET }],
		])('%s → 401', async (_label, headers) => {
			expect(await check('headerSecret', { headers, credentials })).toEqual({
				status: 401,
				error: 'Missing header x-my-secret.',
			});
		});

		it('the secret in the query only → 401', async () => {
			const request = { query: { token: SECRET }, credentials };
			expect((await check('headerSecret', request))?.status).toBe(401);
		});

		it('a wrong value → 403', async () => {
			const request = { headers: { 'x-my-secret': 'wrong' }, credentials };
			expect(await check('headerSecret', request)).toEqual({
				status: 403,
				error: 'Wrong value in header x-my-secret.',
			});
		});
	});
});

describe('authentication: Basic Auth', () => {
	const credentials = { secret: SECRET, username: 'sequence' };

	it('accepts the right username and password', async () => {
		const request = { headers: { authorization: basic('sequence', SECRET) }, credentials };
		expect(await check('basicAuth', request)).toBeUndefined();
	});

	it.each([
		['no Authorization header', {}],
		['another scheme', { authorization: `Bearer ${SECRET}` }],
		[
			'no colon in the credentials',
			{ authorization: `Basic ${Buffer.from('sequence').toString('base64')}` },
		],
	])('%s → 401 with the Basic challenge', async (_label, headers) => {
		expect(await check('basicAuth', { headers, credentials })).toEqual({
			status: 401,
			error: 'Basic authentication required.',
			headers: CHALLENGE,
		});
	});

	it.each([
		['a wrong password', basic('sequence', 'wrong')],
		['a wrong username', basic('admin', SECRET)],
		['both wrong', basic('admin', 'wrong')],
	])('%s → 403 with the Basic challenge', async (_label, authorization) => {
		expect(await check('basicAuth', { headers: { authorization }, credentials })).toEqual({
			status: 403,
			error: 'Wrong username or password.',
			headers: CHALLENGE,
		});
	});

	it.each([
		['absent', { secret: SECRET }],
		['empty', { secret: SECRET, username: '' }],
	])('the username defaults to "sequence" when %s in the credential', async (_label, creds) => {
		const right = { headers: { authorization: basic('sequence', SECRET) }, credentials: creds };
		const wrong = { headers: { authorization: basic('', SECRET) }, credentials: creds };
		expect(await check('basicAuth', right)).toBeUndefined();
		expect((await check('basicAuth', wrong))?.status).toBe(403);
	});

	it("uses the credential's username instead when one is set", async () => {
		const custom = { secret: SECRET, username: 'rules' };
		const request = (username: string) => ({
			headers: { authorization: basic(username, SECRET) },
			credentials: custom,
		});
		expect(await check('basicAuth', request('rules'))).toBeUndefined();
		expect((await check('basicAuth', request('sequence')))?.status).toBe(403);
	});

	describe('compares in constant time, both the username and the password, always', () => {
		let timingSafeEqual: jest.SpyInstance;
		beforeEach(() => {
			timingSafeEqual = jest.spyOn(crypto, 'timingSafeEqual');
		});
		afterEach(() => timingSafeEqual.mockRestore());

		it.each([
			['right', basic('sequence', SECRET), undefined],
			['a wrong username', basic('admin', SECRET), 403],
			['a wrong password', basic('sequence', 'wrong'), 403],
		])('with %s: two constant-time comparisons', async (_label, authorization, status) => {
			const result = await check('basicAuth', { headers: { authorization }, credentials });
			expect(result?.status).toBe(status);
			expect(timingSafeEqual).toHaveBeenCalledTimes(2);
		});

		it('Query Token and Header Secret compare in constant time too', async () => {
			await check('queryToken', { query: { token: 'wrong' }, credentials });
			const headerCredentials = { secret: SECRET };
			await check('headerSecret', {
				headers: { 'x-query-remote-api-secret': 'wrong' },
				credentials: headerCredentials,
			});
			expect(timingSafeEqual).toHaveBeenCalledTimes(2);
		});
	});
});

describe('secretInRequest: where the secret travels, so that it stays out of the workflow', () => {
	it.each<[Authentication, IDataObject, object]>([
		['none', {}, {}],
		['queryToken', { secret: SECRET }, { queryParameter: 'token' }],
		['headerSecret', { secret: SECRET }, { header: 'x-query-remote-api-secret' }],
		['headerSecret', { secret: SECRET, headerName: ' X-My-Secret ' }, { header: 'x-my-secret' }],
		// In the Authorization header, which is never copied anyway.
		['basicAuth', { secret: SECRET }, {}],
	])('%s with %j → %j', (authentication, credentials, expected) => {
		expect(secretInRequest(authentication, credentials)).toEqual(expected);
	});
});

describe('the Query Remote API secret check (local: the secret protects our own URL)', () => {
	const check = new SequenceQueryRemoteApiTrigger().methods.credentialTest
		.sequenceQueryRemoteApiSecretCheck;
	const test = (secret: string) =>
		check.call({} as ICredentialTestFunctions, {
			id: '1',
			name: 'amount',
			type: 'sequenceQueryRemoteApiAuthApi',
			data: { secret },
		});

	it.each([SECRET, 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6', 'Abc-def.ghi_jkl~mno'])(
		'accepts %p',
		async (secret) => {
			expect(await test(secret)).toEqual({
				status: 'OK',
				message: 'The secret is long enough and URL-safe.',
			});
		},
	);

	// n8n decodes the query string: "+" arrives as a space, "%41" as "A", "&" ends the value.
	it.each([
		'Ab+cD1234567890xyz',
		'Ab%41cD1234567890xyz',
		'Ab&cD1234567890xyz',
		'q83vEjKl0pZ1mN2bX4cV/w==',
	])(
		'accepts %p for headers and Basic Auth, warning that Query Token would reject every call',
		async (secret) => {
			expect(await test(secret)).toEqual({
				status: 'OK',
				message: expect.stringMatching(/Query Token would reject every call/),
			});
		},
	);

	it.each([
		['', /empty/],
		['short-secret', /only 12 characters long; use at least 16/],
		['two words 1234567890', /visible ASCII characters \(no spaces\)/],
	])('refuses %p', async (secret, message) => {
		const result = await test(secret);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(message);
	});
});
