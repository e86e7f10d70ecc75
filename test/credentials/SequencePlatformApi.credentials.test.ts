import nock from 'nock';
import type { IAuthenticateRuleResponseCode } from 'n8n-workflow';

import {
	CALLED_REASON,
	SequencePlatformApi,
} from '../../n8n-nodes-sequence-money/credentials/SequencePlatformApi.credentials';
import { REFUSED_BASE_URL } from '../../n8n-nodes-sequence-money/nodes/shared/credentialFields';
import { credentialProbe } from '../harness/credentialProbe';
import { findSecretLeaks } from '../harness/secretScan';

const API_KEY = 'sk_live_9Qm2Rt7Lx4Vb8Nc1Zp6W';
const SANDBOX = 'http://127.0.0.1:4011/platform/v1';
const { resolve, headers: authenticatedHeaders } = credentialProbe('sequencePlatformApi');

/**
 * What n8n's credential dialog does on "Test": the type's test request, authenticated; an
 * error status is reported with the message of the matching rule, as n8n's tester does.
 */
async function runCredentialTest(credentials: Record<string, string>) {
	const { request, rules } = new SequencePlatformApi().test;
	const baseURL = String(resolve(request.baseURL as string, credentials));
	const headers = await authenticatedHeaders(credentials);
	const query = new URLSearchParams(request.qs as Record<string, string>).toString();
	const response = await fetch(`${baseURL}${request.url}?${query}`, {
		method: request.method,
		headers,
	});
	const rule = (rules as IAuthenticateRuleResponseCode[]).find(
		(candidate) => candidate.properties.value === response.status,
	);
	return { status: response.status, message: rule?.properties.message };
}

describe('Sequence Platform API credential', () => {
	afterAll(() => expect(findSecretLeaks([API_KEY])).toEqual([]));

	it('declares its name, the key as a password, production by default', () => {
		const credential = new SequencePlatformApi();
		expect([credential.name, credential.displayName]).toEqual([
			'sequencePlatformApi',
			'Sequence Platform API',
		]);
		const field = (name: string) =>
			credential.properties.find((property) => property.name === name);
		expect(field('apiKey')?.typeOptions?.password).toBe(true);
		expect(field('environment')?.default).toBe('production');
		expect(field('baseUrl')?.displayOptions).toEqual({ show: { environment: ['custom'] } });
	});

	it.each([
		[API_KEY, `Bearer ${API_KEY}`],
		[`Bearer ${API_KEY}`, `Bearer ${API_KEY}`],
		[`  bearer  ${API_KEY}\n`, `Bearer ${API_KEY}`],
	])(
		'the key %p is sent as Authorization %p, with the reason for calling',
		async (apiKey, header) => {
			expect(await authenticatedHeaders({ apiKey })).toEqual({
				Authorization: header,
				'x-called-reason': CALLED_REASON,
			});
		},
	);

	it('tests with GET /accounts?pageSize=1 (reads one account, moves nothing), following no redirect', () => {
		const { request } = new SequencePlatformApi().test;
		expect(request).toMatchObject({ url: '/accounts', method: 'GET', qs: { pageSize: 1 } });
		expect(request.disableFollowRedirect).toBe(true);
	});

	it.each([
		[
			{ environment: 'production', baseUrl: 'http://ignored.example' },
			'https://api.getsequence.io/platform/v1',
		],
		[{}, 'https://api.getsequence.io/platform/v1'],
		[
			{ environment: 'custom', baseUrl: 'https://proxy.example/platform/v1/' },
			'https://proxy.example/platform/v1',
		],
		[
			{ environment: 'custom', baseUrl: 'http://127.0.0.1:4010/platform/v1' },
			'http://127.0.0.1:4010/platform/v1',
		],
		[{ environment: 'custom', baseUrl: 'http://api.getsequence.io/platform/v1' }, REFUSED_BASE_URL],
		[{ environment: 'custom', baseUrl: 'http://localhost.evil.example' }, REFUSED_BASE_URL],
		[{ environment: 'custom', baseUrl: '' }, REFUSED_BASE_URL],
	])('with %p the test goes to %p (never plain http to another machine)', (credentials, sentTo) => {
		const { request } = new SequencePlatformApi().test;
		expect(resolve(request.baseURL as string, credentials)).toBe(sentTo);
	});

	describe('against Sequence', () => {
		beforeAll(() => nock.disableNetConnect());
		afterEach(() => nock.cleanAll());

		it('passes with a good key, says "wrong key" for 401 and "lacks READ_ACCOUNTS" for 403', async () => {
			const scope = nock('http://127.0.0.1:4011')
				.get('/platform/v1/accounts')
				.query({ pageSize: '1' })
				.times(3)
				.reply(async (request: Request) => {
					const authorization = request.headers.get('authorization');
					if (authorization === `Bearer ${API_KEY}`) {
						return [
							200,
							{
								data: { items: [], pagination: { page: 1, pageSize: 1, hasNextPage: false } },
								requestId: 'req-1',
							},
						];
					}
					if (authorization === 'Bearer sk_no_accounts') {
						return [403, { error: { code: 'ACCESS_DENIED', message: 'Access denied' } }];
					}
					return [401, { error: { code: 'UNAUTHORIZED', message: 'Unauthorized' } }];
				});
			const custom = { environment: 'custom', baseUrl: SANDBOX };
			expect(await runCredentialTest({ ...custom, apiKey: ` Bearer ${API_KEY}` })).toEqual({
				status: 200,
				message: undefined,
			});
			const wrong = await runCredentialTest({ ...custom, apiKey: 'sk_wrong' });
			expect(wrong.status).toBe(401);
			expect(wrong.message).toMatch(/did not accept this API key/);
			const limited = await runCredentialTest({ ...custom, apiKey: 'sk_no_accounts' });
			expect(limited.status).toBe(403);
			expect(limited.message).toMatch(/^The key works, but it lacks the READ_ACCOUNTS permission/);
			expect(scope.isDone()).toBe(true);
		});
	});
});
