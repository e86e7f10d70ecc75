import nock from 'nock';
import type { ICredentialTestFunctions, IHttpRequestOptions } from 'n8n-workflow';

import {
	REFUSED_BASE_URL,
	SequenceAccessTokenApi,
} from '../../n8n-nodes-sequence-money/credentials/SequenceAccessTokenApi.credentials';
import { baseUrlProblem } from '../../n8n-nodes-sequence-money/nodes/shared/sequenceIds';
import { SequenceRuleSecretApi } from '../../n8n-nodes-sequence-money/credentials/SequenceRuleSecretApi.credentials';
import { Sequence } from '../../n8n-nodes-sequence-money/nodes/Sequence/Sequence.node';
import { ruleCredentialProblem } from '../../n8n-nodes-sequence-money/nodes/Sequence/methods/credentialTest';
import { SequenceQueryRemoteApiTrigger } from '../../n8n-nodes-sequence-money/nodes/SequenceQueryRemoteApiTrigger/SequenceQueryRemoteApiTrigger.node';
import { InMemoryCredentialsHelper } from '../harness/credentialsHelper';
import { buildWorkflow } from '../harness/runWorkflow';
import { findSecretLeaks, recordForSecretScan } from '../harness/secretScan';
import { ACCESS_TOKEN, RULE_SECRET, SANDBOX_URL, manualToSequence } from '../harness/workflows';

const workflow = buildWorkflow(manualToSequence({ resource: 'account', operation: 'getMany' }));
const node = workflow.getNode('Sequence')!;
const helper = new InMemoryCredentialsHelper({});
const resolve = (value: string, credentials: Record<string, unknown>) =>
	workflow.expression.getSimpleParameterValue(
		node,
		value,
		'internal',
		{ $credentials: credentials },
		undefined,
		'',
	);

async function authenticatedHeaders(type: string, credentials: Record<string, string>) {
	const options = await helper.authenticate(
		credentials,
		type,
		{ url: '/x', headers: {} } as IHttpRequestOptions,
		workflow,
		node,
	);
	return options.headers as Record<string, string>;
}

/** What n8n's credential dialog does on "Test": the type's test request, authenticated. */
async function runCredentialTest(credentials: Record<string, string>) {
	const { request } = new SequenceAccessTokenApi().test;
	const baseURL = String(resolve(request.baseURL as string, credentials));
	const headers = await authenticatedHeaders('sequenceAccessTokenApi', credentials);
	const response = await fetch(`${baseURL}${request.url}`, {
		method: request.method,
		headers: { ...(request.headers as Record<string, string>), ...headers },
		body: request.body as string,
	});
	return response.status;
}

describe('credentials', () => {
	afterAll(() => expect(findSecretLeaks([ACCESS_TOKEN, RULE_SECRET])).toEqual([]));

	it('declare their names, secret fields as passwords, and icons', () => {
		const access = new SequenceAccessTokenApi();
		const rule = new SequenceRuleSecretApi();
		expect([access.name, access.displayName]).toEqual([
			'sequenceAccessTokenApi',
			'Sequence Access Token API',
		]);
		expect([rule.name, rule.displayName]).toEqual([
			'sequenceRuleSecretApi',
			'Sequence Rule Secret API',
		]);
		expect(
			access.properties.find((property) => property.name === 'accessToken')?.typeOptions?.password,
		).toBe(true);
		expect(
			rule.properties.find((property) => property.name === 'ruleSecret')?.typeOptions?.password,
		).toBe(true);
		for (const credential of [access, rule]) {
			expect(credential.properties.find((property) => property.name === 'baseUrl')?.default).toBe(
				'https://api.getsequence.io',
			);
		}
	});

	it.each([
		[ACCESS_TOKEN, `Bearer ${ACCESS_TOKEN}`],
		[`Bearer ${ACCESS_TOKEN}`, `Bearer ${ACCESS_TOKEN}`],
		[`  BEARER   ${ACCESS_TOKEN}\n`, `Bearer ${ACCESS_TOKEN}`],
	])('the access token %p is sent as %p', async (accessToken, header) => {
		const headers = await authenticatedHeaders('sequenceAccessTokenApi', { accessToken });
		expect(headers).toEqual({ 'x-sequence-access-token': header });
	});

	it.each([
		[RULE_SECRET, `Bearer ${RULE_SECRET}`],
		[` bearer ${RULE_SECRET} `, `Bearer ${RULE_SECRET}`],
	])('the rule secret %p is sent as %p', async (ruleSecret, header) => {
		const headers = await authenticatedHeaders('sequenceRuleSecretApi', { ruleSecret });
		expect(headers).toEqual({ 'x-sequence-signature': header });
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

	describe('the rule secret check (no request: it would fire the rule)', () => {
		const check = new Sequence().methods.credentialTest.sequenceRuleSecretCheck;
		const test = (data: Record<string, string>) =>
			check.call({} as ICredentialTestFunctions, {
				id: '1',
				name: 'rule',
				type: 'sequenceRuleSecretApi',
				data,
			});

		it('accepts a well-formed secret and says it cannot be verified without triggering', async () => {
			const result = await test({
				ruleSecret: `Bearer ${RULE_SECRET}`,
				ruleId: 'ru_1',
				baseUrl: SANDBOX_URL,
			});
			recordForSecretScan('rule secret check', result);
			expect(result).toEqual({
				status: 'OK',
				message: expect.stringContaining('only confirm it when the rule is triggered'),
			});
		});

		it.each([
			[{ ruleSecret: '  ' }, 'The Rule Secret is empty.'],
			[{ ruleSecret: 'two words' }, /spaces or line breaks/],
			[{ ruleSecret: 'x', ruleId: 'not a rule' }, /is not a Sequence rule ID/],
			[{ ruleSecret: 'x', baseUrl: 'api.getsequence.io' }, /not a valid http\(s\) address/],
			[
				{ ruleSecret: 'x', baseUrl: 'http://api.getsequence.io' },
				/uses http:\/\/, which would send your secret unencrypted/,
			],
		])('refuses %p', async (data, message) => {
			const result = await test(data as Record<string, string>);
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(message);
			expect(ruleCredentialProblem(data)).toMatch(message);
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

		it.each([
			'whs_Q7v2LmX9pR4tK8nZ3bW6',
			'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6',
			'Abc-def.ghi_jkl~mno',
		])('accepts %p', async (secret) => {
			expect(await test(secret)).toEqual({
				status: 'OK',
				message: 'The secret is long enough and URL-safe.',
			});
		});

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
});
