// Manual Trigger → Sequence (version 2, Platform API: Account and Rule reads), run by n8n's
// real engine, with nock as Sequence's Platform v1 API.
import nock from 'nock';
import type { INodeParameters } from 'n8n-workflow';

import { sharedPacer } from '../../../n8n-nodes-sequence-money/nodes/shared/rateLimiter';
import { type WorkflowJson, runWorkflow } from '../../harness/runWorkflow';
import { findSecretLeaks, recordForSecretScan } from '../../harness/secretScan';
import { SANDBOX_URL } from '../../harness/workflows';

const API_KEY = 'sk_live_Zt4Hq8Wn2Kc6Vm9Pb3Rx';
const credentials = {
	sequencePlatformApi: {
		apiKey: API_KEY,
		environment: 'custom',
		baseUrl: `${SANDBOX_URL}/platform/v1`,
	},
};
const ACCOUNT_ID = 'c7a7f26f-1b2c-4d3e-8f90-a1b2c3d4e5f6';
const RULE_ID = '551ff9b6-3c1d-4a8e-9f2b-7d6e5c4b3a21';

/** Manual Trigger → a version-2 Sequence node (no Authentication given: the default). */
function workflow(parameters: INodeParameters): WorkflowJson {
	return {
		name: 'Manual → Sequence (Platform API)',
		nodes: [
			{
				id: 'd2a0b7c1-0000-4000-8000-000000000001',
				name: 'When clicking ‘Execute workflow’',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'd2a0b7c1-0000-4000-8000-000000000002',
				name: 'Sequence',
				type: 'n8n-nodes-sequence-money.sequence',
				typeVersion: 2,
				position: [220, 0],
				parameters,
				credentials: { sequencePlatformApi: { id: '3', name: 'Sequence Platform' } },
			},
		],
		connections: {
			'When clicking ‘Execute workflow’': {
				main: [[{ node: 'Sequence', type: 'main', index: 0 }]],
			},
		},
	};
}

interface Seen {
	path: string;
	query: Record<string, string>;
	headers: Record<string, string>;
}

/** Answers GET `path` with `replies` in order and records what was asked. */
function platform(
	path: string,
	replies: Array<{ status: number; body: unknown; headers?: Record<string, string> }>,
): Seen[] {
	const seen: Seen[] = [];
	for (const reply of replies) {
		nock(SANDBOX_URL)
			.get(`/platform/v1${path}`)
			.query(true)
			.reply(async (request: Request) => {
				const url = new URL(request.url);
				seen.push({
					path: url.pathname,
					query: Object.fromEntries(url.searchParams.entries()),
					headers: Object.fromEntries(request.headers.entries()),
				});
				return [reply.status, reply.body as nock.Body, reply.headers ?? {}];
			});
	}
	return seen;
}

const pageOf = (items: unknown[], page: number, hasNextPage: boolean, requestId: string) => ({
	status: 200,
	body: { data: { items, pagination: { page, pageSize: 100, hasNextPage } }, requestId },
});
const account = (index: number) => ({ id: `acc-${index}`, name: `Pod ${index}`, type: 'POD' });

beforeAll(() => nock.disableNetConnect());
beforeEach(() => sharedPacer().clear());
afterEach(() => nock.cleanAll());
afterAll(() => expect(findSecretLeaks([API_KEY])).toEqual([]));

describe('Sequence node version 2: Platform API reads', () => {
	it('starts on the Platform API: Account → Get Many, Return All pages at 100 until hasNextPage is false', async () => {
		const seen = platform('/accounts', [
			pageOf([account(1), account(2)], 1, true, 'req-1'),
			pageOf([account(3)], 2, false, 'req-2'),
		]);
		const result = await runWorkflow(
			workflow({ resource: 'account', operation: 'getMany', returnAll: true }),
			{ credentials },
		);
		recordForSecretScan(
			'platform requests',
			seen.map(({ path, query }) => ({ path, query })),
		);
		expect(seen.map((request) => request.query)).toEqual([
			{ page: '1', pageSize: '100' },
			{ page: '2', pageSize: '100' },
		]);
		expect(seen[0].headers.authorization).toBe(`Bearer ${API_KEY}`);
		expect(seen[0].headers['x-called-reason']).toMatch(/n8n/);
		expect(result.output('Sequence')).toEqual([
			{ ...account(1), requestId: 'req-1' },
			{ ...account(2), requestId: 'req-1' },
			{ ...account(3), requestId: 'req-2' },
		]);
	});

	it('with a Limit asks for only that many and stops there', async () => {
		const seen = platform('/accounts', [pageOf([account(1), account(2)], 1, true, 'req-1')]);
		const result = await runWorkflow(
			workflow({ resource: 'account', operation: 'getMany', returnAll: false, limit: 2 }),
			{ credentials },
		);
		expect(seen.map((request) => request.query)).toEqual([{ page: '1', pageSize: '2' }]);
		expect(result.output('Sequence')).toHaveLength(2);
	});

	it('sends the filters as the API names them', async () => {
		const seen = platform('/accounts', [pageOf([], 1, false, 'req-1')]);
		await runWorkflow(
			workflow({
				resource: 'account',
				operation: 'getMany',
				returnAll: true,
				filters: { type: 'EXTERNAL_ACCOUNT', includeDeleted: true },
			}),
			{ credentials },
		);
		expect(seen[0].query).toEqual({
			type: 'EXTERNAL_ACCOUNT',
			state: 'ALL',
			page: '1',
			pageSize: '100',
		});
	});

	it('Account → Get reads one account; its balance keeps integer cents and gains dollars formatted from them', async () => {
		const balance = {
			balanceInCents: 245000,
			availableBalanceInCents: null,
			lastStatementBalanceInCents: 198000,
			nextPaymentMinimumInCents: 3500,
			balanceLastUpdatedAt: '2026-11-25T06:00:00Z',
			error: null,
		};
		const seen = platform(`/accounts/${ACCOUNT_ID}`, [
			{
				status: 200,
				body: {
					data: { id: ACCOUNT_ID, name: 'Amex Gold', type: 'EXTERNAL_ACCOUNT', balance },
					requestId: 'req-9',
				},
			},
		]);
		const result = await runWorkflow(
			workflow({
				resource: 'account',
				operation: 'get',
				accountId: { __rl: true, mode: 'id', value: ACCOUNT_ID },
			}),
			{ credentials },
		);
		expect(seen).toHaveLength(1);
		expect(result.output('Sequence')).toEqual([
			{
				id: ACCOUNT_ID,
				name: 'Amex Gold',
				type: 'EXTERNAL_ACCOUNT',
				balance: {
					...balance,
					balanceInDollars: '2450.00',
					lastStatementBalanceInDollars: '1980.00',
					nextPaymentMinimumInDollars: '35.00',
				},
				requestId: 'req-9',
			},
		]);
	});

	it('Rule → Get Many filters by source account; Rule → Get reads one rule', async () => {
		const listed = platform('/rules', [
			pageOf([{ id: RULE_ID, name: 'Auto-save', status: 'ENABLED' }], 1, false, 'req-3'),
		]);
		const list = await runWorkflow(
			workflow({
				resource: 'rule',
				operation: 'getMany',
				returnAll: true,
				filters: { sourceId: ACCOUNT_ID },
			}),
			{ credentials },
		);
		expect(listed[0].query).toEqual({ sourceId: ACCOUNT_ID, page: '1', pageSize: '100' });
		expect(list.output('Sequence')).toEqual([
			{ id: RULE_ID, name: 'Auto-save', status: 'ENABLED', requestId: 'req-3' },
		]);

		platform(`/rules/${RULE_ID}`, [
			{ status: 200, body: { data: { id: RULE_ID, steps: [] }, requestId: 'req-4' } },
		]);
		const one = await runWorkflow(
			workflow({
				resource: 'rule',
				operation: 'get',
				ruleId: { __rl: true, mode: 'list', value: RULE_ID },
			}),
			{ credentials },
		);
		expect(one.output('Sequence')).toEqual([{ id: RULE_ID, steps: [], requestId: 'req-4' }]);
	});

	it('a key without the permission gets an error naming it, not "wrong key"', async () => {
		platform('/accounts', [
			{ status: 403, body: { error: { code: 'ACCESS_DENIED', message: 'Access denied' } } },
		]);
		const result = await runWorkflow(
			workflow({ resource: 'account', operation: 'getMany', returnAll: true }),
			{ credentials },
		);
		const error = result.nodeError('Sequence');
		expect(`${error?.message} ${error?.description}`).toMatch(/READ_ACCOUNTS/);
		expect(error?.httpCode).toBe('403');
	});

	it('an unknown rule is reported as such', async () => {
		platform(`/rules/${RULE_ID}`, [
			{ status: 404, body: { error: { code: 'RULE_NOT_FOUND', message: 'Rule not found' } } },
		]);
		const result = await runWorkflow(
			workflow({
				resource: 'rule',
				operation: 'get',
				ruleId: { __rl: true, mode: 'id', value: RULE_ID },
			}),
			{ credentials },
		);
		expect(result.nodeError('Sequence')?.message).toMatch(/RULE_NOT_FOUND|not found/i);
	});

	it('a page without hasNextPage is an error, never taken for the last page', async () => {
		platform('/accounts', [
			{
				status: 200,
				body: {
					data: { items: [account(1)], pagination: { page: 1, pageSize: 100 } },
					requestId: 'req-5',
				},
			},
		]);
		const result = await runWorkflow(
			workflow({ resource: 'account', operation: 'getMany', returnAll: true }),
			{ credentials },
		);
		expect(result.nodeError('Sequence')?.message).toMatch(/not in the documented form/);
	});

	it('an ID that cannot be one is refused before anything is sent: by n8n as typed, by the node from an expression', async () => {
		await expect(
			runWorkflow(
				workflow({
					resource: 'account',
					operation: 'get',
					accountId: { __rl: true, mode: 'id', value: '../rules' },
				}),
				{ credentials },
			),
		).rejects.toThrow(/Not a valid account ID/);
		const result = await runWorkflow(
			workflow({
				resource: 'account',
				operation: 'get',
				accountId: { __rl: true, mode: 'id', value: '={{ "../" + "rules" }}' },
			}),
			{ credentials },
		);
		expect(result.nodeError('Sequence')?.message).toBe(
			'The account ID is missing or not valid, so nothing was sent',
		);
		expect(nock.pendingMocks()).toEqual([]);
	});
});
