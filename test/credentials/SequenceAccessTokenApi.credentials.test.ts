import nock from 'nock';

import {
	REFUSED_BASE_URL,
	SequenceAccessTokenApi,
} from '../../n8n-nodes-sequence-money/credentials/SequenceAccessTokenApi.credentials';
import { baseUrlProblem } from '../../n8n-nodes-sequence-money/nodes/shared/sequenceIds';
import { credentialProbe } from '../harness/credentialProbe';
import { findSecretLeaks } from '../harness/secretScan';
import { ACCESS_TOKEN, RULE_SECRET, SANDBOX_URL } from '../harness/workflows';

const { resolve, headers: authenticatedHeaders } = credentialProbe('sequenceAccessTokenApi');

/** What n8n's credential dialog does on "Test": the type's test request, authenticated. */
async function runCredentialTest(credentials: Record<string, string>) {
	const { request } = new SequenceAccessTokenApi().test;
	const baseURL = String(resolve(request.baseURL as string, credentials));
	const headers = await authenticatedHeaders(credentials);
	const response = await fetch(`${baseURL}${request.url}`, {
		method: request.method,
		headers: { ...(request.headers as Record<string, string>), ...headers },
		body: request.body as string,
	});
	return response.status;
}

describe('Sequence Access Token API credential', () => {
	afterAll(() => expect(findSecretLeaks([ACCESS_TOKEN, RULE_SECRET])).toEqual([]));

	it('declares its name, the token as a password, and the default base URL', () => {
		const access = new SequenceAccessTokenApi();
		expect([access.name, access.displayName]).toEqual([
			'sequenceAccessTokenApi',
			'Sequence Access Token API',
		]);
		expect(
			access.properties.find((property) => property.name === 'accessToken')?.typeOptions?.password,
		).toBe(true);
		expect(access.properties.find((property) => property.name === 'baseUrl')?.default).toBe(
			'https://api.getsequence.io',
		);
	});

	it.each([
		[ACCESS_TOKEN, `Bearer ${ACCESS_TOKEN}`],
		[`Bearer ${ACCESS_TOKEN}`, `Bearer ${ACCESS_TOKEN}`],
		[`  BEARER   ${ACCESS_TOKEN}\n`, `Bearer ${ACCESS_TOKEN}`],
	])('the access token %p is sent as %p', async (accessToken, header) => {
		const headers = await authenticatedHeaders({ accessToken });
		expect(headers).toEqual({ 'x-sequence-access-token': header });
	});

	it("the access token test lists accounts (moves nothing) at the credential's base URL", () => {
		const { request } = new SequenceAccessTokenApi().test;
		expect(request).toMatchObject({ url: '/accounts', method: 'POST', body: '{}' });
		expect(resolve(request.baseURL as string, { baseUrl: 'https://proxy.example/' })).toBe(
			'https://proxy.example',
		);
		expect(resolve(request.baseURL as string, { baseUrl: '' })).toBe('https://api.getsequence.io');
		expect(request.disableFollowRedirect).toBe(true);
	});

	// The same rule as the node's: the token never goes over plain http to another machine.
	it.each([
		['https://api.getsequence.io', 'https://api.getsequence.io'],
		['http://127.0.0.1:4010/', 'http://127.0.0.1:4010'],
		['http://localhost:4010', 'http://localhost:4010'],
		['http://[::1]:4010', 'http://[::1]:4010'],
		['http://api.getsequence.io', REFUSED_BASE_URL],
		['http://127.0.0.1:80@evil.example', REFUSED_BASE_URL],
		['http://localhost.evil.example', REFUSED_BASE_URL],
		['http://sandbox.localhost', REFUSED_BASE_URL],
		['ftp://api.getsequence.io', REFUSED_BASE_URL],
	])('the access token test sends %p to %p, as the node would or would not', (baseUrl, sentTo) => {
		const { request } = new SequenceAccessTokenApi().test;
		expect(resolve(request.baseURL as string, { baseUrl })).toBe(sentTo);
		expect(baseUrlProblem(baseUrl.replace(/\/+$/, ''))).toEqual(
			sentTo === REFUSED_BASE_URL ? expect.any(String) : undefined,
		);
	});

	describe('the access token test against Sequence', () => {
		beforeAll(() => nock.disableNetConnect());
		afterEach(() => nock.cleanAll());

		it('passes with a good token and fails with a bad one', async () => {
			nock(SANDBOX_URL)
				.post('/accounts', {})
				.times(2)
				.reply(async (request: Request) =>
					request.headers.get('x-sequence-access-token') === `Bearer ${ACCESS_TOKEN}`
						? [200, { message: 'OK', requestId: 'r', data: { accounts: [], errors: [] } }]
						: [401, { message: 'Unauthorized', requestId: 'r' }],
				);
			expect(
				await runCredentialTest({ accessToken: ` Bearer ${ACCESS_TOKEN}`, baseUrl: SANDBOX_URL }),
			).toBe(200);
			expect(await runCredentialTest({ accessToken: 'wrong-token', baseUrl: SANDBOX_URL })).toBe(
				401,
			);
		});
	});
});
