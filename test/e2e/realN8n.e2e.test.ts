// Every node on a real n8n server (installed from the packed tarball, as users install
// community nodes), against the Sequence sandbox. All traffic stays on 127.0.0.1.
import { readFileSync } from 'fs';
import { createServer } from 'http';
import type { AddressInfo } from 'net';
import { join } from 'path';
import { request } from 'undici';

import { DEMO_QUERY_REMOTE_API_SECRET, IDS, PATHS } from '../../dev/demo/demoWorkflows';
import { type Environment, startEnvironment } from '../../dev/realN8n/environment';
import { REPOSITORY_ROOT } from '../../dev/realN8n/n8nRuntime';

const PACKAGE = 'n8n-nodes-sequence-money';

/** Extra workflows: what n8n answers when no amount is given, and several items (n8n's real Split Out). */
function extraWorkflows() {
	const trigger = (id: string, path: string) => ({
		id: `${id}-t`,
		name: 'Sequence Query Remote API',
		type: `${PACKAGE}.sequenceQueryRemoteApiTrigger`,
		typeVersion: 1.1,
		position: [0, 0],
		webhookId: `${id}-webhook`,
		parameters: { path, authentication: 'none' },
	});
	const respond = (
		id: string,
		name: string,
		position: [number, number],
		parameters: Record<string, unknown>,
	) => ({
		id,
		name,
		type: `${PACKAGE}.sequenceRespondWithAmount`,
		typeVersion: 1,
		position,
		parameters,
	});
	return [
		{
			id: 'SeqE2eNoAnswer01',
			name: 'e2e: ends without answering',
			settings: { executionOrder: 'v1' },
			nodes: [trigger('noanswer', 'no-answer')],
			connections: {},
		},
		{
			id: 'SeqE2eFails00001',
			name: 'e2e: fails before answering',
			settings: { executionOrder: 'v1' },
			nodes: [
				trigger('fails', 'fails-before-answer'),
				{
					// The credential is bound to another rule: the node fails before any request.
					id: 'fails-trigger',
					name: 'Broken Computation',
					type: `${PACKAGE}.sequence`,
					typeVersion: 1,
					position: [240, 0],
					parameters: { resource: 'rule', operation: 'trigger', ruleId: 'ru_not_this_one' },
					credentials: { sequenceRuleSecretApi: { id: IDS.ruleCredential, name: 'rule' } },
				},
				respond('fails-respond', 'Respond With Amount', [480, 0], {
					amount: '={{ $json.amount }}',
				}),
			],
			connections: {
				'Sequence Query Remote API': {
					main: [[{ node: 'Broken Computation', type: 'main', index: 0 }]],
				},
				'Broken Computation': { main: [[{ node: 'Respond With Amount', type: 'main', index: 0 }]] },
			},
		},
		...[
			{ id: 'SeqE2eSplitDflt1', path: 'split-default', severalItems: {} },
			{ id: 'SeqE2eSplitSum01', path: 'split-sum', severalItems: { severalItems: 'sum' } },
		].map(({ id, path, severalItems }) => ({
			id,
			name: `e2e: one item per invoice (${path})`,
			settings: { executionOrder: 'v1' },
			nodes: [
				trigger(id, path),
				{
					id: `${id}-split`,
					name: 'Split Out',
					type: 'n8n-nodes-base.splitOut',
					typeVersion: 1,
					position: [240, 0],
					parameters: { fieldToSplitOut: 'body.invoices', options: {} },
				},
				respond(`${id}-respond`, 'Respond With Amount', [480, 0], {
					amount: '={{ $json.cents }}',
					unit: 'cents',
					...severalItems,
				}),
				// A second reply on another branch, run after the first: it must send nothing.
				respond(`${id}-second`, 'Second Reply', [240, 300], { amount: '={{ 1 }}' }),
			],
			connections: {
				'Sequence Query Remote API': {
					main: [
						[
							{ node: 'Split Out', type: 'main', index: 0 },
							{ node: 'Second Reply', type: 'main', index: 0 },
						],
					],
				},
				'Split Out': { main: [[{ node: 'Respond With Amount', type: 'main', index: 0 }]] },
			},
		})),
	];
}

let environment: Environment;
const secrets: string[] = [];

async function postJson(path: string, body: unknown, headers: Record<string, string> = {}) {
	const response = await request(`${environment.server.url}${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body: JSON.stringify(body),
		headersTimeout: 60_000,
		bodyTimeout: 60_000,
	});
	const text = await response.body.text();
	return {
		status: response.statusCode,
		headers: response.headers,
		text,
		json: text ? JSON.parse(text) : undefined,
	};
}

async function executionCount(workflowId: string): Promise<number> {
	const { body } = await environment.rest<{ data: { count: number; results: unknown[] } }>(
		'GET',
		`/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}&limit=250`,
	);
	return body.data.count ?? body.data.results.length;
}

beforeAll(async () => {
	environment = await startEnvironment({
		log: (message) => process.stderr.write(`[e2e] ${message}\n`),
		extraWorkflows,
		maxWaitSeconds: 5,
	});
	secrets.push(
		environment.data.accessTokens[0],
		...environment.data.rules.map((rule) => rule.secret),
		DEMO_QUERY_REMOTE_API_SECRET,
	);
	process.stderr.write(`[e2e] timings (ms): ${JSON.stringify(environment.timings)}\n`);
}, 600_000);

afterAll(async () => {
	await environment?.stop();
});

beforeEach(() => environment.sandbox.reset());

describe('the package, installed like a community node', () => {
	it('is loaded by n8n with its three nodes and four credentials', async () => {
		const nodes = await fetch(`${environment.server.url}/types/nodes.json`, {
			headers: { cookie: environment.authCookie },
		});
		const names = ((await nodes.json()) as Array<{ name: string }>).map((node) => node.name);
		expect(names).toEqual(
			expect.arrayContaining([
				`${PACKAGE}.sequence`,
				`${PACKAGE}.sequenceQueryRemoteApiTrigger`,
				`${PACKAGE}.sequenceRespondWithAmount`,
			]),
		);
		const credentials = await fetch(`${environment.server.url}/types/credentials.json`, {
			headers: { cookie: environment.authCookie },
		});
		const credentialNames = ((await credentials.json()) as Array<{ name: string }>).map(
			(credential) => credential.name,
		);
		expect(credentialNames).toEqual(
			expect.arrayContaining([
				'sequenceAccessTokenApi',
				'sequenceRuleSecretApi',
				'sequenceQueryRemoteApiAuthApi',
				'sequencePlatformApi',
			]),
		);
	});
});

describe('1. Query Remote API through the production webhook', () => {
	const amountUrl = () => `${environment.server.url}/webhook/${PATHS.amount}`;

	it('Sequence gets the amount the workflow computes ({} → the default $125.50)', async () => {
		const result = await environment.sandbox.queryRemoteApi(
			`${amountUrl()}?token=${DEMO_QUERY_REMOTE_API_SECRET}`,
		);
		expect(result).toMatchObject({
			status: 200,
			amountInCents: 12550,
			body: '{"amountInCents":12550}',
		});
	});

	it('each concurrent request gets the amount computed from its own invoices', async () => {
		const requests = Array.from({ length: 12 }, (_, index) => ({
			invoices: [{ cents: 1999 + index }, { cents: 1 }, { cents: index * 100 }],
		}));
		const results = await Promise.all(
			requests.map((body) =>
				environment.sandbox.queryRemoteApi(`${amountUrl()}?token=${DEMO_QUERY_REMOTE_API_SECRET}`, {
					body: JSON.stringify(body),
				}),
			),
		);
		expect(results.map((result) => result.amountInCents)).toEqual(
			requests.map((body) => body.invoices.reduce((sum, invoice) => sum + invoice.cents, 0)),
		);
	});

	it.each([
		['a negative amount', { amount: -5 }, /negative/],
		['text', { amount: 'twelve' }, /not a number/],
		['a fraction of a cent', { amount: 12.345 }, /fraction of a cent/],
		['over the $100,000 cap', { amount: 100000.01 }, /above the Maximum Amount/],
	])('%s gets an error reply and no amount', async (_label, body, reason) => {
		const result = await environment.sandbox.queryRemoteApi(
			`${amountUrl()}?token=${DEMO_QUERY_REMOTE_API_SECRET}`,
			{ body: JSON.stringify(body) },
		);
		expect(result.status).toBe(422);
		expect(result.amountInCents).toBeUndefined();
		expect(JSON.parse(result.body).error).toMatch(reason);
	});

	it('a missing or wrong token gets 401/403 and starts no execution', async () => {
		const before = await executionCount(IDS.amountWorkflow);
		const missing = await environment.sandbox.queryRemoteApi(amountUrl());
		const wrong = await environment.sandbox.queryRemoteApi(
			`${amountUrl()}?token=${DEMO_QUERY_REMOTE_API_SECRET.slice(0, -1)}x`,
		);
		expect([missing.status, wrong.status]).toEqual([401, 403]);
		expect(missing.amountInCents).toBeUndefined();
		expect(wrong.amountInCents).toBeUndefined();
		// Successful calls above did start executions, so the count is a real signal.
		await new Promise((resolve) => setTimeout(resolve, 1000));
		expect(await executionCount(IDS.amountWorkflow)).toBe(before);
		expect(before).toBeGreaterThan(0);
	});

	it('other methods and bodies are refused without starting the workflow', async () => {
		const text = await request(`${amountUrl()}?token=${DEMO_QUERY_REMOTE_API_SECRET}`, {
			method: 'POST',
			headers: { 'content-type': 'text/plain' },
			body: 'amount=5',
		});
		expect(text.statusCode).toBe(415);
		await text.body.text();
		// n8n does not parse other JSON types: the unread body must not pass for {} (the default amount).
		for (const contentType of ['application/vnd.api+json', 'application/json ; charset=utf-8']) {
			const unparsed = await request(`${amountUrl()}?token=${DEMO_QUERY_REMOTE_API_SECRET}`, {
				method: 'POST',
				headers: { 'content-type': contentType },
				body: JSON.stringify({ amount: 5 }),
			});
			expect([contentType, unparsed.statusCode]).toEqual([contentType, 415]);
			expect(await unparsed.body.text()).not.toContain('amountInCents');
		}
		const get = await request(`${amountUrl()}?token=${DEMO_QUERY_REMOTE_API_SECRET}`, {
			method: 'GET',
		});
		expect(get.statusCode).toBeGreaterThanOrEqual(400);
		expect(get.statusCode).toBeLessThan(500);
		await get.body.text();
	});

	it('a workflow that ends without answering gives a non-2xx status (never an empty 200)', async () => {
		const result = await environment.sandbox.queryRemoteApi(
			`${environment.server.url}/webhook/no-answer`,
		);
		expect(result.status).toBe(500);
		expect(result.body).toBe('');
		expect(result.amountInCents).toBeUndefined();
	});

	it("several items (one per invoice, from n8n's Split Out) get an error reply by default, never the first amount", async () => {
		const body = JSON.stringify({ invoices: [{ cents: 1999 }, { cents: 1 }] });
		const result = await environment.sandbox.queryRemoteApi(
			`${environment.server.url}/webhook/split-default`,
			{ body },
		);
		expect(result.status).toBe(422);
		expect(result.amountInCents).toBeUndefined();
		expect(JSON.parse(result.body).error).toMatch(/2 items reached this node/);
	});

	it('Add Up Their Amounts answers the exact total once; the second respond node sends nothing and fails the execution', async () => {
		const invoices = [{ cents: 1999 }, { cents: 1 }, { cents: 123456 }];
		const result = await environment.sandbox.queryRemoteApi(
			`${environment.server.url}/webhook/split-sum`,
			{ body: JSON.stringify({ invoices }) },
		);
		expect(result).toMatchObject({ status: 200, body: '{"amountInCents":125456}' });
		const deadline = Date.now() + 15_000;
		let executions: Array<{ id: string; status: string }> = [];
		while (Date.now() < deadline) {
			const { body } = await environment.rest<{
				data: { results: Array<{ id: string; status: string }> };
			}>(
				'GET',
				`/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: 'SeqE2eSplitSum01' }))}`,
			);
			executions = body.data.results;
			if (
				executions.length &&
				executions.every((execution) => !['new', 'running'].includes(execution.status))
			)
				break;
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		expect(executions.map((execution) => execution.status)).toEqual(['error']);
		const { body } = await environment.rest<{ data: { data: string } }>(
			'GET',
			`/executions/${executions[0].id}`,
		);
		expect(body.data.data).toContain(
			'Sequence was already answered in this execution (by \\"Respond With Amount\\")',
		);
	});

	it('a workflow that fails before answering gives 500 "Error in workflow"', async () => {
		const result = await environment.sandbox.queryRemoteApi(
			`${environment.server.url}/webhook/fails-before-answer`,
		);
		expect(environment.sandbox.requests).toHaveLength(0);
		expect(result.status).toBe(500);
		expect(JSON.parse(result.body)).toEqual({ message: 'Error in workflow' });
	});
});

describe('2. Trigger a rule from a workflow', () => {
	const rule = () => environment.data.rules[0];

	it('triggers exactly once with the documented headers and an idempotency key', async () => {
		const reply = await postJson(`/webhook/${PATHS.triggerRule}`, { paymentId: 'pay_001' });
		expect(reply.status).toBe(200);
		expect(reply.json).toMatchObject({
			ruleId: rule().id,
			code: 'OK',
			requestId: expect.any(String),
			attempts: 1,
		});
		const triggers = environment.sandbox.triggersOf(rule().id);
		expect(triggers).toHaveLength(1);
		expect(triggers[0].body).toEqual({ payment: 'pay_001' });
		const [recorded] = environment.sandbox.requests;
		expect(recorded.headers['x-sequence-signature']).toBe(`Bearer ${rule().secret}`);
		expect(recorded.headers['content-type']).toBe('application/json');
		expect(recorded.headers['idempotency-key']).toMatch(/^n8n-[0-9a-f]{40}$/);
		expect(reply.json.idempotencyKey).toBe(recorded.headers['idempotency-key']);
		expect(reply.json.requestId).toBe(triggers[0].requestId);
	});

	it('with a 429 and a 500 (after Sequence acted) injected, the rule is still triggered exactly once', async () => {
		environment.sandbox.injectFaults(
			/\/trigger$/,
			{ kind: 'status', status: 429, retryAfter: '1' },
			{ kind: 'status', status: 500, after: true },
		);
		const reply = await postJson(`/webhook/${PATHS.triggerRule}`, { paymentId: 'pay_002' });
		expect(reply.status).toBe(200);
		expect(reply.json).toMatchObject({ code: 'OK', attempts: 3 });
		expect(environment.sandbox.requests.map((recorded) => recorded.status)).toEqual([
			429, 500, 200,
		]);
		const keys = new Set(
			environment.sandbox.requests.map((recorded) => recorded.headers['idempotency-key']),
		);
		expect(keys.size).toBe(1);
		expect(environment.sandbox.triggersOf(rule().id)).toHaveLength(1);
	});

	it('a dropped connection after Sequence acted is retried without a second trigger', async () => {
		environment.sandbox.injectFaults(/\/trigger$/, { kind: 'drop', after: true });
		const reply = await postJson(`/webhook/${PATHS.triggerRule}`, { paymentId: 'pay_003' });
		expect(reply.status).toBe(200);
		expect(environment.sandbox.requests).toHaveLength(2);
		expect(environment.sandbox.triggersOf(rule().id)).toHaveLength(1);
	});
});

describe('3. Get Many accounts', () => {
	it('returns the sandbox accounts with exact cents and balance errors', async () => {
		const reply = await postJson(`/webhook/${PATHS.balances}`, {});
		expect(reply.status).toBe(200);
		const accounts = environment.data.accounts;
		expect(reply.json).toHaveLength(accounts.length);
		expect(reply.json.map((item: { id: string }) => item.id)).toEqual(
			accounts.map((account) => account.id),
		);
		expect(reply.json[0]).toMatchObject({
			name: 'Main Operating Pod',
			balanceInCents: 2534277,
			balanceInDollars: 25342.77,
		});
		expect(reply.json[3]).toMatchObject({ balanceInCents: 10 });
		expect(reply.json[4]).toMatchObject({
			balanceInCents: null,
			balanceError: 'Connection to the bank expired',
		});
		const [recorded] = environment.sandbox.requests;
		expect(recorded.headers['x-sequence-access-token']).toBe(
			`Bearer ${environment.data.accessTokens[0]}`,
		);
		expect(recorded.body).toBe('{}');
	});
});

describe("4. Credential tests through n8n's REST API", () => {
	const testCredential = (type: string, data: Record<string, string>) =>
		environment.rest<{ data: { status: string; message: string } }>('POST', '/credentials/test', {
			credentials: { id: '', name: 'e2e', type, data },
		});

	it('the access token test passes with a good token and fails with a bad one', async () => {
		const good = await testCredential('sequenceAccessTokenApi', {
			accessToken: environment.data.accessTokens[0],
			baseUrl: environment.sandbox.url,
		});
		expect(good.body.data.status).toBe('OK');
		const bad = await testCredential('sequenceAccessTokenApi', {
			accessToken: 'wrong-token-000000',
			baseUrl: environment.sandbox.url,
		});
		expect(bad.body.data.status).toBe('Error');
		// n8n's tester may ask more than once; every request was the documented one.
		const recorded = environment.sandbox.requests.map((request) => [request.path, request.status]);
		expect(recorded[0]).toEqual(['/accounts', 200]);
		expect(recorded.slice(1).length).toBeGreaterThanOrEqual(1);
		for (const entry of recorded.slice(1)) expect(entry).toEqual(['/accounts', 401]);
	});

	it('the access token test never follows a redirect, nor sends the token over plain http to another machine', async () => {
		// A loopback server that redirects to the sandbox: n8n's tester must not go on there.
		let redirected = 0;
		const redirecting = createServer((_incoming, response) => {
			redirected++;
			response.writeHead(307, { Location: `${environment.sandbox.url}/accounts` }).end();
		});
		await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
		try {
			const viaRedirect = await testCredential('sequenceAccessTokenApi', {
				accessToken: environment.data.accessTokens[0],
				baseUrl: `http://127.0.0.1:${(redirecting.address() as AddressInfo).port}`,
			});
			expect(viaRedirect.body.data.status).toBe('Error');
			expect(redirected).toBeGreaterThanOrEqual(1);
		} finally {
			redirecting.closeAllConnections();
			await new Promise((resolve) => redirecting.close(resolve));
		}
		const plainHttp = await testCredential('sequenceAccessTokenApi', {
			accessToken: environment.data.accessTokens[0],
			baseUrl: 'http://api.getsequence.io',
		});
		// Sent to an address that cannot resolve instead (n8n shows only the code).
		expect(plainHttp.body.data).toEqual({ status: 'Error', message: 'ENOTFOUND' });
		expect(environment.sandbox.requests).toEqual([]);
	});

	it('the stored demo credential passes its test', async () => {
		const stored = await environment.rest<{ data: { data: Record<string, string> } }>(
			'GET',
			`/credentials/${IDS.accessCredential}?includeData=true`,
		);
		const result = await environment.rest<{ data: { status: string } }>(
			'POST',
			'/credentials/test',
			{
				credentials: {
					id: IDS.accessCredential,
					name: 'stored',
					type: 'sequenceAccessTokenApi',
					data: stored.body.data.data,
				},
			},
		);
		expect(result.body.data.status).toBe('OK');
	});
});

describe('secrets', () => {
	it("never appear in n8n's log", () => {
		expect(environment.server.logs.length).toBeGreaterThan(5);
		const log = environment.server.logs.join('\n');
		for (const secret of secrets) expect(log).not.toContain(secret.slice(0, 12));
	});
});

describe('5. Platform API (v1) on the real server, against the v1 sandbox', () => {
	const v1 = JSON.parse(
		readFileSync(join(REPOSITORY_ROOT, 'dev', 'sandbox', 'data', 'platformV1.json'), 'utf8'),
	) as {
		apiKeys: Array<{ key: string; permissions: Record<string, unknown> }>;
		rules: Array<{ id: string; name: string | null }>;
	};
	const keyWith = (predicate: (permissions: Record<string, unknown>) => boolean) =>
		v1.apiKeys.find((apiKey) => predicate(apiKey.permissions))!.key;
	const fullKey = keyWith(
		(permissions) => 'READ_ACCOUNTS' in permissions && 'READ_RULES' in permissions,
	);
	const noAccountsKey = keyWith(
		(permissions) => !('READ_ACCOUNTS' in permissions) && 'READ_RULES' in permissions,
	);
	const platformData = (apiKey: string) => ({
		apiKey,
		environment: 'custom',
		baseUrl: `${environment.sandbox.url}/platform/v1`,
	});

	it('the credential test: a good key passes, a wrong one is "not accepted", one without READ_ACCOUNTS "works but lacks"', async () => {
		const test = (apiKey: string) =>
			environment.rest<{ data: { status: string; message: string } }>('POST', '/credentials/test', {
				credentials: {
					id: '',
					name: 'e2e',
					type: 'sequencePlatformApi',
					data: platformData(apiKey),
				},
			});
		expect((await test(fullKey)).body.data.status).toBe('OK');
		const wrong = (await test('sk_wrong_key_0000000000')).body.data;
		expect(wrong).toEqual({
			status: 'Error',
			message: expect.stringMatching(/did not accept this API key/),
		});
		const limited = (await test(noAccountsKey)).body.data;
		expect(limited).toEqual({
			status: 'Error',
			message: expect.stringMatching(/^The key works, but it lacks the READ_ACCOUNTS permission/),
		});
	});

	it('the rule picker lists the sandbox’s rules through n8n’s REST API, as the editor asks for them', async () => {
		const created = await environment.rest<{ data: { id: string } }>('POST', '/credentials', {
			name: 'Sequence Platform (e2e)',
			type: 'sequencePlatformApi',
			data: platformData(fullKey),
		});
		const credentialId = created.body.data.id;
		const search = (filter?: string) =>
			environment.rest<{ data: { results: Array<{ name: string; value: string }> } }>(
				'POST',
				'/dynamic-node-parameters/resource-locator-results',
				{
					path: 'parameters.ruleId',
					nodeTypeAndVersion: { name: `${PACKAGE}.sequence`, version: 2 },
					currentNodeParameters: {
						authentication: 'platformApi',
						resource: 'rule',
						operation: 'get',
					},
					methodName: 'searchRules',
					credentials: {
						sequencePlatformApi: { id: credentialId, name: 'Sequence Platform (e2e)' },
					},
					filter,
				},
			);
		const byValue = (a: { value: string }, b: { value: string }) => a.value.localeCompare(b.value);
		const all = await search();
		expect([...all.body.data.results].sort(byValue)).toEqual(
			v1.rules.map((rule) => ({ name: rule.name ?? rule.id, value: rule.id })).sort(byValue),
		);
		const saving = await search('save');
		expect(saving.body.data.results.map((result) => result.name).sort()).toEqual(
			v1.rules
				.map((rule) => rule.name ?? rule.id)
				.filter((name) => name.toLowerCase().includes('save'))
				.sort(),
		);
		const platformRequests = environment.sandbox.requests.filter((request) =>
			request.path.startsWith('/platform/v1'),
		);
		expect(platformRequests.length).toBeGreaterThanOrEqual(2);
		for (const request of platformRequests) {
			expect(request.headers.authorization).toBe('Bearer [redacted]');
		}
	});
});
