// The sandbox's Platform v1 API must behave as Sequence's reference describes it
// (docs: SEQUENCE-PLATFORM-V1.md), or tests against it prove nothing.
import nock from 'nock';
import { join } from 'path';
import { request } from 'undici';

import {
	PlatformV1,
	accountSchema,
	defaultPlatformV1Data,
	parseRfc3339,
	transferSchema,
} from '../../../dev/sandbox/platformV1';
import { SequenceSandbox, loadSandboxData } from '../../../dev/sandbox/sequenceSandbox';

const data = defaultPlatformV1Data();
const byName = <T extends { name: string | null }>(items: T[], name: string): T => {
	const found = items.find((item) => item.name === name);
	if (!found) throw new Error(`no ${name} in the data`);
	return found;
};
const apiKey = (name: string) => byName(data.apiKeys, name);
const FULL = apiKey('Production Key');
const NO_ACCOUNTS = apiKey('Reporting without accounts');
const LIMITED = apiKey('Vacation helper');
const NONE = apiKey('No permissions');
const account = (name: string) => byName(data.accounts, name).id;
const PAYROLL = account('Main Payroll');
const EMERGENCY = account('Emergency Fund');
const BILLS = account('Bills');
const VACATION = account('Vacation');
const CAR_FUND = account('Old Car Fund');
const CHASE = account('Chase Checking ••4567');
const AMEX = account('Amex Gold ••1234');
const rule = (name: string | null) => data.rules.find((candidate) => candidate.name === name)!.id;
const AUTO_SAVE = rule('Auto-save on deposit');
const AMEX_RULE = rule('Pay the Amex statement');
const TOP_UP = rule('Top up Bills');
const UNSUPPORTED = rule('Student loan payoff');
const WEEKLY = rule('Weekly vacation savings');
const MISSING = '00000000-0000-4000-8000-000000000000';

/** The tests' clock: 20 s into a minute, one day after the data's last day. */
const T0 = Date.parse('2025-07-01T00:00:20.000Z');
let clock = T0;
let sandbox: SequenceSandbox;

interface Reply {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	text: string;
	body: any;
}

async function call(
	path: string,
	options: { key?: string | null; method?: string; headers?: Record<string, string> } = {},
): Promise<Reply> {
	const key = options.key === undefined ? FULL.key : options.key;
	const response = await request(`${sandbox.url}/platform/v1${path}`, {
		method: (options.method ?? 'GET') as 'GET',
		headers: { ...(key === null ? {} : { authorization: `Bearer ${key}` }), ...options.headers },
	});
	const text = await response.body.text();
	const isJson = /^application\/json/.test(String(response.headers['content-type']));
	return {
		status: response.statusCode,
		headers: response.headers,
		text,
		body: isJson ? JSON.parse(text) : undefined,
	};
}

function without<T extends object, K extends keyof T>(value: T, key: K): Omit<T, K> {
	const copy = { ...value };
	delete copy[key];
	return copy;
}

const items = (reply: Reply) => {
	expect(reply.status).toBe(200);
	return reply.body.data.items as any[];
};
const ids = (reply: Reply) => items(reply).map((item) => item.id as string);

function expectError(reply: Reply, status: number, code: string, field?: string) {
	expect({ status: reply.status, body: reply.body }).toEqual({
		status,
		body: { error: { code, message: expect.any(String) } },
	});
	if (field) expect(reply.body.error.message).toMatch(new RegExp(`^${field}\\b`));
}

const transfersOf = (id: string, mode: 'LIVE' | 'SIMULATION' | 'ALL' = 'LIVE') =>
	data.transfers.filter(
		(transfer) =>
			(transfer.source?.id === id || transfer.destination?.id === id) &&
			(mode === 'ALL' || transfer.executionMode === mode),
	);

beforeAll(async () => {
	// The unit-test guard blocks all sockets; this suite talks to a real server on loopback.
	nock.enableNetConnect('127.0.0.1');
	sandbox = new SequenceSandbox(
		loadSandboxData(join(__dirname, '..', '..', '..', 'dev', 'sandbox', 'data', 'sandbox.json')),
		new PlatformV1(defaultPlatformV1Data(), { now: () => clock }),
	);
	await sandbox.start();
});
afterAll(() => sandbox.stop());
beforeEach(() => {
	sandbox.reset();
	clock = T0;
});

describe('the data set', () => {
	it('holds every §7 field, validated strictly, and covers every enum the spec lists', () => {
		expect(data.accounts).toHaveLength(9);
		expect(data.transfers).toHaveLength(35);
		const values = <T>(list: T[], pick: (item: T) => unknown) => new Set(list.map(pick));
		expect(values(data.accounts, (a) => a.type)).toEqual(
			new Set(['INCOME_SOURCE', 'POD', 'EXTERNAL_ACCOUNT']),
		);
		expect(values(data.accounts, (a) => a.externalAccountType)).toEqual(
			new Set([null, 'DEPOSITORY', 'LIABILITY', 'INVESTMENT']),
		);
		expect(values(data.transfers, (t) => t.origin)).toEqual(
			new Set([
				'DIRECT_DEPOSIT',
				'CHECK_DEPOSIT',
				'CASHBACK',
				'USER_PULL',
				'RULE',
				'USER',
				'EXTERNAL_PULL',
				'UNKNOWN',
			]),
		);
		expect(values(data.transfers, (t) => t.direction)).toEqual(
			new Set(['MONEY_IN', 'MONEY_OUT', 'INTERNAL']),
		);
		expect(values(data.transfers, (t) => t.status)).toEqual(
			new Set([
				'PENDING_APPROVAL',
				'PROCESSING',
				'PENDING',
				'COMPLETE',
				'INCOMPLETE',
				'ERROR',
				'CANCELLED',
			]),
		);
		expect(values(data.transfers, (t) => t.executionMode)).toEqual(new Set(['LIVE', 'SIMULATION']));
		expect(values(data.executions, (e) => `${e.status}`)).toEqual(
			new Set(['EXECUTED', 'PARTIAL', 'FAILED', 'IN_PROGRESS']),
		);
		expect(values(data.executions, (e) => e.executionMode)).toEqual(
			new Set(['LIVE', 'SIMULATION']),
		);
		expect(values(data.executions, (e) => e.triggerDetails.type)).toEqual(
			new Set(['MANUAL', 'SEQUENCE_API', 'SCHEDULED', 'ON_FUNDS_TRANSFERRED', 'REMOTE_API']),
		);
		expect(values(data.rules, (r) => `${r.status}/${r.isSupported}`)).toEqual(
			new Set(['ENABLED/true', 'DISABLED/true', 'ENABLED/false']),
		);
		const actionTypes = new Set(
			data.rules.flatMap((r) => r.steps.flatMap((step) => step.actions.map((a) => a.type))),
		);
		expect(actionTypes).toEqual(
			new Set([
				'FIXED',
				'PERCENTAGE',
				'TOP_UP',
				'ROUND_DOWN',
				'NEXT_PAYMENT_MINIMUM',
				'TOTAL_AMOUNT_DUE',
				'LAST_STATEMENT_BALANCE',
				'PERCENTAGE_LIABILITY_BALANCE',
			]),
		);
		// The special cases the reference names.
		const origin = (name: string) => data.transfers.filter((t) => t.origin === name);
		expect(origin('DIRECT_DEPOSIT').every((t) => t.source === null)).toBe(true);
		expect(origin('EXTERNAL_PULL').every((t) => t.destination === null)).toBe(true);
		expect(data.transfers.filter((t) => t.status === 'ERROR').every((t) => t.errorCode)).toBe(true);
		expect(data.executions.filter((e) => e.status === 'FAILED').every((e) => e.errorMessage)).toBe(
			true,
		);
		const amex = byName(data.accounts, 'Amex Gold ••1234');
		expect(amex.balance).toMatchObject({
			lastStatementBalanceInCents: expect.any(Number),
			nextPaymentMinimumInCents: expect.any(Number),
			nextPaymentDueDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
		});
		expect(amex.routingNumber).toMatch(/^\d{9}$/);
		const amounts = [
			...data.transfers.map((t) => t.amountInCents),
			...data.externalTransactions.map((t) => t.amountInCents),
			...data.cardTransactions.map((t) => t.amountInCents),
		];
		expect(amounts.every((amount) => Number.isInteger(amount) && amount > 0)).toBe(true);
		expect(data.transfers.every((t) => t.amountInCents >= 100)).toBe(true);
	});

	it('is consistent: refs match accounts, executions match their rules and transfers', () => {
		const accounts = new Map(data.accounts.map((a) => [a.id, a]));
		for (const transfer of data.transfers)
			for (const side of [transfer.source, transfer.destination]) {
				if (!side || side.type === 'EXTERNAL_ENTITY') continue;
				const target = accounts.get(side.id!)!;
				expect(side).toEqual({
					id: target.id,
					name: target.name,
					type: target.type,
					isDeleted: target.deletedAt !== null,
				});
			}
		const bills = accounts.get(BILLS)!;
		expect(accounts.get(AMEX)!.linkedAccount).toBeNull();
		expect(bills.linkedAccount).toEqual(without(accounts.get(AMEX)!, 'linkedAccount'));
		const transfers = new Map(data.transfers.map((t) => [t.id, t]));
		for (const execution of data.executions) {
			expect(data.rules.some((r) => r.id === execution.ruleId)).toBe(true);
			for (const id of execution.transferIds)
				expect(transfers.get(id)).toMatchObject({
					ruleId: execution.ruleId,
					ruleExecutionId: execution.id,
					executionMode: execution.executionMode,
				});
			const created = execution.transferIds.map((id) => transfers.get(id)!);
			expect(execution.transfersCompleted).toBe(
				created.filter((t) => t.status === 'COMPLETE').length,
			);
			expect(execution.transfersAttempted).toBeGreaterThanOrEqual(created.length);
		}
		const ruleTransfers = data.transfers.filter((t) => t.origin === 'RULE');
		expect(
			ruleTransfers.every((t) => data.executions.some((e) => e.id === t.ruleExecutionId)),
		).toBe(true);
	});

	it('refuses data with a missing field', () => {
		expect(accountSchema.safeParse(data.accounts[0]).success).toBe(true);
		expect(accountSchema.safeParse(without(data.accounts[0], 'bankAccountNumber')).success).toBe(
			false,
		);
		expect(transferSchema.safeParse({ ...data.transfers[0], completedAt: null }).success).toBe(
			false,
		);
	});
});

describe('authentication, routing and envelopes', () => {
	it('401 UNAUTHORIZED without a key, with an unknown key or another scheme; nothing secret echoed', async () => {
		const attempts: Array<Record<string, string>> = [
			{},
			{ authorization: 'Bearer sk_sandbox_unknown_key_000000' },
			{ authorization: `Basic ${FULL.key}` },
			{ authorization: FULL.key },
			{ 'x-sequence-access-token': `Bearer ${FULL.key}` },
		];
		for (const headers of attempts) {
			const reply = await call('/accounts', { key: null, headers });
			expectError(reply, 401, 'UNAUTHORIZED');
			expect(reply.text).not.toContain('sk_');
		}
		expect(sandbox.platformV1.requests.map((recorded) => recorded.status)).toEqual([
			401, 401, 401, 401, 401,
		]);
	});

	it('answers an unlisted method on a known path with a plain-text 404, before authenticating', async () => {
		for (const [method, path] of [
			['DELETE', '/accounts'],
			['PUT', `/rules/${AUTO_SAVE}`],
			['POST', '/accounts'],
			['PATCH', `/transfers/${data.transfers[0].id}`],
			['GET', `/rules/${AUTO_SAVE}/trigger`],
			['DELETE', '/audit-logs'],
		]) {
			for (const key of [FULL.key, null]) {
				const reply = await call(path, { method, key });
				expect(reply.status).toBe(404);
				expect(reply.headers['content-type']).toMatch(/^text\/plain/);
				expect(reply.text).toBe(`Cannot ${method} /platform/v1${path}`);
				expect(() => JSON.parse(reply.text)).toThrow();
			}
		}
	});

	it('answers an unknown path with a plain-text 404 too', async () => {
		for (const path of [
			'',
			'/',
			'/nothing',
			'/accounts/',
			`/accounts/${PAYROLL}/rules`,
			'/webhooks',
		]) {
			const reply = await call(path);
			expect(reply.status).toBe(404);
			expect(reply.headers['content-type']).toMatch(/^text\/plain/);
		}
	});

	it('puts {data, requestId: "req-<n>"} on every success and X-Request-Id on every reply', async () => {
		const replies = [
			await call('/accounts'),
			await call(`/accounts/${PAYROLL}`),
			await call('/accounts', { key: null }),
			await call('/accounts', { key: NONE.key }),
			await call('/accounts', { method: 'DELETE' }),
			await call('/accounts?pageSize=0'),
			await call(`/rules/${AUTO_SAVE}`),
		];
		expect(replies.map((reply) => reply.headers['x-request-id'])).toEqual(
			replies.map((_, index) => `req-${index + 1}`),
		);
		for (const reply of replies.filter((candidate) => candidate.status === 200)) {
			expect(Object.keys(reply.body)).toEqual(['data', 'requestId']);
			expect(reply.body.requestId).toBe(reply.headers['x-request-id']);
		}
		for (const reply of replies.filter((candidate) => candidate.status >= 400 && candidate.body))
			expect(Object.keys(reply.body)).toEqual(['error']);
	});

	it('logs every request: method, path, query, headers without the key', async () => {
		await call(`/transfers?accountIds[]=${PAYROLL}&pageSize=2`, {
			headers: { 'x-called-reason': 'test' },
		});
		await call('/accounts', { key: 'sk_sandbox_wrong_key_1234567' });
		expect(sandbox.platformV1.requests).toEqual([
			{
				method: 'GET',
				path: '/platform/v1/transfers',
				query: [
					['accountIds[]', PAYROLL],
					['pageSize', '2'],
				],
				headers: expect.objectContaining({
					authorization: 'Bearer [redacted]',
					'x-called-reason': 'test',
				}),
				status: 200,
				apiKeyId: FULL.id,
				requestId: 'req-1',
				receivedAt: T0,
			},
			expect.objectContaining({ status: 401, code: 'UNAUTHORIZED', requestId: 'req-2' }),
		]);
		expect(
			sandbox.requests.map((recorded) => [recorded.path, recorded.query, recorded.status]),
		).toEqual([
			['/platform/v1/transfers', `?accountIds[]=${PAYROLL}&pageSize=2`, 200],
			['/platform/v1/accounts', '', 401],
		]);
		const logs = JSON.stringify([sandbox.requests, sandbox.platformV1.requests]);
		expect(logs).not.toContain(FULL.key);
		expect(logs).not.toContain('sk_sandbox_wrong');
	});

	it('applies the fault switches under /platform/v1 with v1 error bodies', async () => {
		sandbox.injectFaults(/^\/platform\/v1\/accounts$/, { kind: 'status', status: 500 });
		sandbox.injectFaults(/^\/platform\/v1\/rules$/, {
			kind: 'status',
			status: 429,
			retryAfter: '7',
		});
		expectError(await call('/accounts'), 500, 'UNEXPECTED_ERROR');
		const limited = await call('/rules');
		expectError(limited, 429, 'RATE_LIMIT_EXCEEDED');
		expect(limited.headers['retry-after']).toBe('7');
		expect((await call('/accounts')).status).toBe(200);
	});

	it('does not carry out the two writes: 501 NOT_IMPLEMENTED (after authentication)', async () => {
		expectError(await call('/transfers', { method: 'POST' }), 501, 'NOT_IMPLEMENTED');
		expectError(await call(`/rules/${WEEKLY}/trigger`, { method: 'POST' }), 501, 'NOT_IMPLEMENTED');
		expectError(await call('/transfers', { method: 'POST', key: null }), 401, 'UNAUTHORIZED');
	});

	it('keeps serving the legacy API beside it, on 127.0.0.1 only', async () => {
		expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		const legacy = await request(`${sandbox.url}/accounts`, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				'x-sequence-access-token': 'Bearer sandbox-access-token-5b8f0c1e9a7d4e32',
			},
			body: '{}',
		});
		expect(legacy.statusCode).toBe(200);
		expect(await legacy.body.json()).toMatchObject({ message: 'OK' });
		expect(sandbox.platformV1.requests).toHaveLength(0);
	});
});

describe('permissions', () => {
	const everyRead = () => [
		'/accounts',
		`/accounts/${PAYROLL}`,
		`/accounts/${PAYROLL}/transfers`,
		`/transfers?accountIds[]=${PAYROLL}`,
		`/transfers/${data.transfers[0].id}`,
		'/rules',
		`/rules/${AUTO_SAVE}`,
		`/rules/${AUTO_SAVE}/executions`,
		`/rules/${AUTO_SAVE}/executions/${data.executions[0].id}`,
		`/external-transactions?accountIds[]=${CHASE}`,
		`/card-transactions?accountId=${VACATION}`,
		'/audit-logs',
	];

	it('403 ACCESS_DENIED on every read for a key without permissions', async () => {
		for (const path of everyRead())
			expectError(await call(path, { key: NONE.key }), 403, 'ACCESS_DENIED');
	});

	it('403 on the account reads for a key without READ_ACCOUNTS, the rest allowed', async () => {
		const statuses = [];
		for (const path of everyRead())
			statuses.push((await call(path, { key: NO_ACCOUNTS.key })).status);
		expect(statuses).toEqual([403, 403, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200]);
		expect((await call('/accounts', { key: NO_ACCOUNTS.key })).body.error.code).toBe(
			'ACCESS_DENIED',
		);
	});

	it('limits a key to its listed accounts and rules', async () => {
		const key = { key: LIMITED.key };
		expect(ids(await call('/accounts?state=ALL', key))).toEqual([PAYROLL, VACATION]);
		expect((await call(`/accounts/${VACATION}`, key)).status).toBe(200);
		expectError(await call(`/accounts/${EMERGENCY}`, key), 403, 'ACCESS_DENIED');
		// Not in the list: 403 even when the account does not exist.
		expectError(await call(`/accounts/${MISSING}`, key), 403, 'ACCESS_DENIED');
		// READ_TRANSFERS covers Vacation only.
		expect((await call(`/accounts/${VACATION}/transfers`, key)).status).toBe(200);
		expectError(await call(`/accounts/${PAYROLL}/transfers`, key), 403, 'ACCESS_DENIED');
		expect((await call(`/transfers?accountIds[]=${VACATION}`, key)).status).toBe(200);
		expectError(
			await call(`/transfers?accountIds[]=${VACATION}&accountIds[]=${PAYROLL}`, key),
			403,
			'ACCESS_DENIED',
		);
		const toVacation = data.transfers.find(
			(t) => t.source?.id === PAYROLL && t.destination?.id === VACATION,
		)!;
		const toEmergency = data.transfers.find(
			(t) => t.source?.id === PAYROLL && t.destination?.id === EMERGENCY,
		)!;
		expect((await call(`/transfers/${toVacation.id}`, key)).status).toBe(200);
		expectError(await call(`/transfers/${toEmergency.id}`, key), 403, 'ACCESS_DENIED');
		expectError(
			await call(`/external-transactions?accountIds[]=${CHASE}`, key),
			403,
			'ACCESS_DENIED',
		);
		expect((await call(`/card-transactions?accountId=${VACATION}`, key)).status).toBe(200);
		expectError(await call(`/card-transactions?accountId=${BILLS}`, key), 403, 'ACCESS_DENIED');
		// READ_RULES covers the weekly rule only.
		expect(ids(await call('/rules', key))).toEqual([WEEKLY]);
		expect((await call(`/rules/${WEEKLY}`, key)).status).toBe(200);
		expect((await call(`/rules/${WEEKLY}/executions`, key)).status).toBe(200);
		expectError(await call(`/rules/${AUTO_SAVE}`, key), 403, 'ACCESS_DENIED');
		expectError(await call(`/rules/${AUTO_SAVE}/executions`, key), 403, 'ACCESS_DENIED');
		expectError(
			await call(`/rules/${AUTO_SAVE}/executions/${data.executions[0].id}`, key),
			403,
			'ACCESS_DENIED',
		);
		expectError(await call('/audit-logs', key), 403, 'ACCESS_DENIED');
	});
});

describe('accounts', () => {
	const summaryKeys = [
		'id',
		'name',
		'type',
		'description',
		'externalAccountType',
		'beneficiaryName',
		'institutionName',
		'canBeSource',
		'canBeDestination',
		'linkedAccount',
		'createdAt',
		'updatedAt',
		'deletedAt',
	];

	it('lists AccountSummary items: active by default, by type, ALL with the deleted one', async () => {
		const active = await call('/accounts?pageSize=100');
		expect(items(active)).toHaveLength(8);
		expect(ids(active)).not.toContain(CAR_FUND);
		for (const item of items(active))
			expect(Object.keys(item).sort()).toEqual([...summaryKeys].sort());
		const bills = items(active).find((item) => item.id === BILLS);
		const { linkedAccount, ...summary } = bills;
		expect(summary.name).toBe('Bills');
		expect(linkedAccount).toMatchObject({ id: AMEX, externalAccountType: 'LIABILITY' });
		expect(linkedAccount).not.toHaveProperty('balance');
		expect(linkedAccount).not.toHaveProperty('linkedAccount');
		expect(ids(await call('/accounts?state=ALL&pageSize=100'))).toHaveLength(9);
		expect(ids(await call('/accounts?type=POD'))).toEqual([EMERGENCY, BILLS, VACATION]);
		expect(ids(await call('/accounts?type=POD&state=ALL'))).toEqual([
			EMERGENCY,
			BILLS,
			VACATION,
			CAR_FUND,
		]);
		expect(ids(await call('/accounts?type=INCOME_SOURCE'))).toEqual([PAYROLL]);
		expect(ids(await call('/accounts?type=EXTERNAL_ACCOUNT'))).toHaveLength(4);
		expect(items(await call('/accounts'))).toHaveLength(8);
		expect((await call('/accounts')).body.data.pagination).toEqual({
			page: 1,
			pageSize: 10,
			hasNextPage: false,
		});
	});

	it.each([
		['type=pod', 'type'],
		['type=', 'type'],
		['state=active', 'state'],
		['state=DELETED', 'state'],
		['limit=5', 'limit'],
	])('GET /accounts?%s → 400 naming %s', async (query, field) => {
		expectError(await call(`/accounts?${query}`), 400, 'INVALID_PARAMETERS', field);
	});

	it('gets one Account with numbers (unmasked) and balance; 404 ACCOUNT_NOT_FOUND otherwise', async () => {
		const amex = await call(`/accounts/${AMEX}`);
		expect(amex.body.data).toEqual(data.accounts.find((a) => a.id === AMEX));
		expect(amex.body.data).toMatchObject({
			bankAccountNumber: '1111222233331234',
			balance: { balanceInCents: 245000, lastStatementBalanceInCents: 198000 },
		});
		expect((await call(`/accounts/${BILLS}`)).body.data.linkedAccount).toEqual(
			expect.objectContaining({ id: AMEX, balance: expect.any(Object) }),
		);
		expect((await call(`/accounts/${CAR_FUND}`)).body.data.deletedAt).toEqual(expect.any(String));
		expectError(await call(`/accounts/${MISSING}`), 404, 'ACCOUNT_NOT_FOUND');
		expectError(await call('/accounts/not-a-uuid'), 404, 'ACCOUNT_NOT_FOUND');
		expectError(await call(`/accounts/${PAYROLL}?page=1`), 400, 'INVALID_PARAMETERS', 'page');
	});
});

describe('transfers', () => {
	it('lists an account’s LIVE transfers, newest first, by role', async () => {
		const either = items(await call(`/accounts/${PAYROLL}/transfers?pageSize=100`));
		expect(either.map((t) => t.id)).toEqual(
			[...transfersOf(PAYROLL)]
				.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
				.map((t) => t.id),
		);
		expect(either).toHaveLength(19);
		expect(either[0]).toEqual(data.transfers.find((t) => t.id === either[0].id));
		const createdAt = either.map((t) => Date.parse(t.createdAt));
		expect(createdAt).toEqual([...createdAt].sort((a, b) => b - a));
		const source = items(
			await call(`/accounts/${PAYROLL}/transfers?accountRole=source&pageSize=100`),
		);
		expect(source).toHaveLength(12);
		expect(source.every((t) => t.source.id === PAYROLL)).toBe(true);
		const destination = items(
			await call(`/accounts/${PAYROLL}/transfers?accountRole=destination&pageSize=100`),
		);
		expect(destination).toHaveLength(7);
		expect(destination.every((t) => t.destination.id === PAYROLL)).toBe(true);
		expect(
			items(await call(`/accounts/${PAYROLL}/transfers?accountRole=either&pageSize=100`)),
		).toHaveLength(19);
		expectError(
			await call(`/accounts/${PAYROLL}/transfers?accountRole=SOURCE`),
			400,
			'INVALID_PARAMETERS',
			'accountRole',
		);
		expectError(await call(`/accounts/${MISSING}/transfers`), 404, 'ACCOUNT_NOT_FOUND');
	});

	it('filters by executionMode: LIVE by default, SIMULATION, ALL', async () => {
		const path = `/accounts/${PAYROLL}/transfers?pageSize=100`;
		expect(items(await call(path)).every((t) => t.executionMode === 'LIVE')).toBe(true);
		expect(items(await call(`${path}&executionMode=LIVE`))).toHaveLength(19);
		const simulated = items(await call(`${path}&executionMode=SIMULATION`));
		expect(simulated).toHaveLength(5);
		expect(simulated.every((t) => t.executionMode === 'SIMULATION')).toBe(true);
		expect(items(await call(`${path}&executionMode=ALL`))).toHaveLength(24);
		expectError(
			await call(`${path}&executionMode=live`),
			400,
			'INVALID_PARAMETERS',
			'executionMode',
		);
	});

	it('GET /transfers needs accountIds, in bracket or repeated form, never indexed', async () => {
		expectError(await call('/transfers'), 400, 'INVALID_PARAMETERS', 'accountIds');
		const both = [...new Set([...transfersOf(BILLS), ...transfersOf(AMEX)])]
			.map((t) => t.id)
			.sort();
		const brackets = await call(
			`/transfers?accountIds[]=${BILLS}&accountIds[]=${AMEX}&pageSize=100`,
		);
		expect(ids(brackets).sort()).toEqual(both);
		expect(both).toHaveLength(6);
		const repeated = await call(`/transfers?accountIds=${BILLS}&accountIds=${AMEX}&pageSize=100`);
		expect(ids(repeated)).toEqual(ids(brackets));
		const encoded = await call(
			`/transfers?accountIds%5B%5D=${BILLS}&accountIds%5B%5D=${AMEX}&pageSize=100`,
		);
		expect(ids(encoded)).toEqual(ids(brackets));
		expect(ids(await call(`/transfers?accountIds=${AMEX}`))).toEqual(
			transfersOf(AMEX)
				.map((t) => t.id)
				.reverse(),
		);
		for (const query of [
			`accountIds[0]=${BILLS}`,
			`accountIds[0]=${BILLS}&accountIds[1]=${AMEX}`,
			`accountIds[]=${BILLS}&accountIds[1]=${AMEX}`,
			`accountIds%5B0%5D=${BILLS}`,
			`accountIds[a]=${BILLS}`,
			`accountIds=${BILLS},${AMEX}`,
			'accountIds[]=not-a-uuid',
			'accountIds=',
		])
			expectError(await call(`/transfers?${query}`), 400, 'INVALID_PARAMETERS', 'accountIds');
		expectError(
			await call(`/transfers?accountId=${BILLS}`),
			400,
			'INVALID_PARAMETERS',
			'accountId',
		);
		// An id the key may read but that does not exist: simply nothing.
		expect(items(await call(`/transfers?accountIds[]=${MISSING}`))).toEqual([]);
	});

	it.each([
		['direction=MONEY_IN', 7, (t: any) => t.direction === 'MONEY_IN'],
		['direction=MONEY_OUT', 1, (t: any) => t.direction === 'MONEY_OUT'],
		['direction=INTERNAL', 11, (t: any) => t.direction === 'INTERNAL'],
		['status=PENDING', 1, (t: any) => t.status === 'PENDING'],
		['status=ERROR', 1, (t: any) => t.status === 'ERROR' && t.errorCode === 'PAYMENT_FAILED'],
		['origin=DIRECT_DEPOSIT', 4, (t: any) => t.origin === 'DIRECT_DEPOSIT' && t.source === null],
		['origin=EXTERNAL_PULL', 1, (t: any) => t.origin === 'EXTERNAL_PULL' && t.destination === null],
		['origin=RULE&direction=INTERNAL', 11, (t: any) => t.origin === 'RULE'],
		['status=COMPLETE&origin=USER_PULL', 0, () => true],
	])('filters GET /transfers by %s', async (query, count, check) => {
		const found = items(await call(`/transfers?accountIds[]=${PAYROLL}&pageSize=100&${query}`));
		expect(found).toHaveLength(count);
		expect(found.every(check)).toBe(true);
	});

	it('filters by rule_execution_id (snake_case) and origin values of the enum only', async () => {
		const execution = data.executions.find(
			(e) => e.transferIds.length === 2 && e.executionMode === 'LIVE',
		)!;
		const found = await call(
			`/transfers?accountIds[]=${PAYROLL}&rule_execution_id=${execution.id}`,
		);
		expect(ids(found).sort()).toEqual([...execution.transferIds].sort());
		expectError(
			await call(`/transfers?accountIds[]=${PAYROLL}&ruleExecutionId=${execution.id}`),
			400,
			'INVALID_PARAMETERS',
			'ruleExecutionId',
		);
		expectError(
			await call(`/transfers?accountIds[]=${PAYROLL}&origin=UNKNOWN`),
			400,
			'INVALID_PARAMETERS',
			'origin',
		);
		const all = items(await call(`/transfers?accountIds[]=${PAYROLL}&pageSize=100`));
		expect(all.some((t) => t.origin === 'UNKNOWN')).toBe(true);
		expectError(
			await call(`/transfers?accountIds[]=${PAYROLL}&status=DONE`),
			400,
			'INVALID_PARAMETERS',
			'status',
		);
		expectError(
			await call(`/transfers?accountIds[]=${PAYROLL}&direction=OUT`),
			400,
			'INVALID_PARAMETERS',
			'direction',
		);
	});

	it('filters from/to inclusively on createdAt, in any RFC 3339 form', async () => {
		// Payroll's LIVE transfers on 2025-06-02: the deposit at 09:00:00 and two at 09:01:02/03.
		const window = async (from: string, to: string) =>
			items(
				await call(
					`/transfers?accountIds[]=${PAYROLL}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
				),
			).map((t) => t.createdAt);
		const june2 = [
			'2025-06-02T09:01:03.000Z',
			'2025-06-02T09:01:02.000Z',
			'2025-06-02T09:00:00.000Z',
		];
		expect(await window('2025-06-02T09:00:00Z', '2025-06-02T09:01:03Z')).toEqual(june2);
		expect(await window('2025-06-02T11:00:00+02:00', '2025-06-02T05:01:03-04:00')).toEqual(june2);
		expect(await window('2025-06-02T09:00:00.000001Z', '2025-06-02T09:01:03.000Z')).toEqual(
			june2.slice(0, 2),
		);
		expect(await window('2025-06-02T09:00:00Z', '2025-06-02T09:01:02.999999Z')).toEqual(
			june2.slice(1),
		);
		expect(await window('2025-06-02t09:00:00.5z', '2025-06-02T09:01:02.5+00:00')).toEqual([
			june2[1],
		]);
		expect(await window('2025-06-02T09:00:00Z', '2025-06-02T09:00:00Z')).toEqual([june2[2]]);
		// Only one end.
		const since = items(await call(`/transfers?accountIds[]=${PAYROLL}&from=2025-06-30T00:00:00Z`));
		expect(since).toHaveLength(3);
	});

	it.each([
		['from', '2025-06-01'],
		['from', '2025-06-01T00:00:00'],
		['to', '2025-02-30T00:00:00Z'],
		['to', '2025-06-01T24:00:00Z'],
		['from', '2025-06-01T00:00:00+2:00'],
		['from', 'yesterday'],
		['to', '1717200000'],
		// An unencoded "+" arrives as a space.
		['from', '2025-06-01T00:00:00+02:00'],
	])('refuses %s=%s with 400', async (field, value) => {
		const raw = field === 'from' && value.includes('+02:00') ? value : encodeURIComponent(value);
		expectError(
			await call(`/transfers?accountIds[]=${PAYROLL}&${field}=${raw}`),
			400,
			'INVALID_PARAMETERS',
			field,
		);
	});

	it('refuses from after to', async () => {
		expectError(
			await call(
				`/transfers?accountIds[]=${PAYROLL}&from=2025-06-02T00:00:00Z&to=2025-06-01T00:00:00Z`,
			),
			400,
			'INVALID_PARAMETERS',
			'from',
		);
	});

	it('gets one transfer (any mode); 404 TRANSFER_NOT_FOUND otherwise', async () => {
		for (const transfer of [
			data.transfers.find((t) => t.executionMode === 'SIMULATION')!,
			data.transfers.find((t) => t.origin === 'DIRECT_DEPOSIT')!,
			data.transfers.find((t) => t.destination?.type === 'EXTERNAL_ENTITY')!,
		])
			expect((await call(`/transfers/${transfer.id}`)).body.data).toEqual(transfer);
		expectError(await call(`/transfers/${MISSING}`), 404, 'TRANSFER_NOT_FOUND');
	});
});

describe('paging', () => {
	it('pages through generated transfers with hasNextPage', async () => {
		const added = sandbox.platformV1.addTransfers(VACATION, 25);
		expect(added).toHaveLength(25);
		for (const transfer of added) expect(transferSchema.safeParse(transfer).success).toBe(true);
		const seen: string[] = [];
		const pages = [];
		for (let page = 1; page <= 4; page++) {
			const reply = await call(`/accounts/${VACATION}/transfers?page=${page}`);
			pages.push(reply.body.data.pagination);
			seen.push(...ids(reply));
		}
		expect(pages).toEqual([
			{ page: 1, pageSize: 10, hasNextPage: true },
			{ page: 2, pageSize: 10, hasNextPage: true },
			{ page: 3, pageSize: 10, hasNextPage: true },
			{ page: 4, pageSize: 10, hasNextPage: false },
		]);
		expect(seen).toHaveLength(35);
		expect(new Set(seen).size).toBe(35);
		expect(seen.slice(10)).toEqual(expect.arrayContaining(added.map((t) => t.id)));
		const beyond = await call(`/accounts/${VACATION}/transfers?page=5`);
		expect(beyond.body.data).toEqual({
			items: [],
			pagination: { page: 5, pageSize: 10, hasNextPage: false },
		});
		const exact = await call(`/accounts/${VACATION}/transfers?pageSize=35`);
		expect(exact.body.data.pagination.hasNextPage).toBe(false);
		const oneShort = await call(`/accounts/${VACATION}/transfers?pageSize=34`);
		expect(oneShort.body.data.pagination.hasNextPage).toBe(true);
		// reset() drops the generated transfers.
		sandbox.reset();
		expect(items(await call(`/accounts/${VACATION}/transfers?pageSize=100`))).toHaveLength(10);
	});

	it('accepts pageSize 1 to 100 and page from 1', async () => {
		const one = await call('/accounts?pageSize=1&page=2');
		expect(one.body.data.items).toHaveLength(1);
		expect(one.body.data.pagination).toEqual({ page: 2, pageSize: 1, hasNextPage: true });
		expect((await call('/accounts?pageSize=100')).body.data.pagination.pageSize).toBe(100);
	});

	it.each([
		['pageSize=0', 'pageSize'],
		['pageSize=101', 'pageSize'],
		['pageSize=-1', 'pageSize'],
		['pageSize=1.5', 'pageSize'],
		['pageSize=ten', 'pageSize'],
		['pageSize=', 'pageSize'],
		['page=0', 'page'],
		['page=-2', 'page'],
		['page=1&page=2', 'page'],
	])('refuses %s with 400 naming %s', async (query, field) => {
		expectError(await call(`/rules?${query}`), 400, 'INVALID_PARAMETERS', field);
	});

	it('serves 5,000 transfers on one account quickly', async () => {
		sandbox.platformV1.addTransfers(PAYROLL, 5_000);
		const started = performance.now();
		const seen: string[] = [];
		let page = 1;
		let reply: Reply;
		do {
			reply = await call(`/transfers?accountIds[]=${PAYROLL}&pageSize=100&page=${page++}`);
			seen.push(...ids(reply));
		} while (reply.body.data.pagination.hasNextPage);
		const elapsed = performance.now() - started;
		expect(seen).toHaveLength(5_019);
		expect(new Set(seen).size).toBe(5_019);
		expect(page - 1).toBe(51);
		expect(elapsed).toBeLessThan(10_000);
		// Every fifth generated transfer is an ATM withdrawal: 1,000 and the seed's one.
		const filtered = await call(
			`/accounts/${PAYROLL}/transfers?origin=EXTERNAL_PULL&pageSize=100&page=11`,
		);
		expect(filtered.body.data).toMatchObject({
			items: [expect.objectContaining({ origin: 'EXTERNAL_PULL', destination: null })],
			pagination: { page: 11, hasNextPage: false },
		});
	});
});

describe('rules and executions', () => {
	it('lists RuleSummary items, filtered by sourceId', async () => {
		const rules = items(await call('/rules'));
		expect(rules).toHaveLength(6);
		expect(Object.keys(rules[0]).sort()).toEqual(
			[
				'id',
				'name',
				'description',
				'status',
				'isSupported',
				'createdAt',
				'updatedAt',
				'deletedAt',
			].sort(),
		);
		expect(rules.find((r) => r.id === UNSUPPORTED).isSupported).toBe(false);
		expect(ids(await call(`/rules?sourceId=${PAYROLL}`))).toEqual([
			AUTO_SAVE,
			TOP_UP,
			UNSUPPORTED,
			WEEKLY,
		]);
		expect(ids(await call(`/rules?sourceId=${BILLS}`))).toEqual([AMEX_RULE]);
		expect(ids(await call(`/rules?sourceId=${MISSING}`))).toEqual([]);
		expectError(await call('/rules?sourceId='), 400, 'INVALID_PARAMETERS', 'sourceId');
	});

	it('gets a Rule (trigger and steps, no isSupported); 403 INVALID_RULE, 404 RULE_NOT_FOUND', async () => {
		const reply = await call(`/rules/${AUTO_SAVE}`);
		expect(reply.body.data).toEqual(
			without(data.rules.find((r) => r.id === AUTO_SAVE)!, 'isSupported'),
		);
		expect(reply.body.data).not.toHaveProperty('isSupported');
		expect(reply.body.data.steps[0].actions[0]).toMatchObject({
			type: 'PERCENTAGE',
			percentageValue: 20,
		});
		expect((await call(`/rules/${TOP_UP}`)).body.data.status).toBe('DISABLED');
		expectError(await call(`/rules/${UNSUPPORTED}`), 403, 'INVALID_RULE');
		expectError(await call(`/rules/${MISSING}`), 404, 'RULE_NOT_FOUND');
	});

	it('lists a rule’s executions: LIVE by default, newest first, with filters', async () => {
		const path = `/rules/${AUTO_SAVE}/executions`;
		const live = items(await call(path));
		expect(live.map((e) => e.status)).toEqual(['IN_PROGRESS', 'EXECUTED', 'PARTIAL', 'EXECUTED']);
		expect(Object.keys(live[0])).toEqual(['id', 'ruleId', 'status', 'executionMode', 'createdAt']);
		expect(
			items(await call(`${path}?executionMode=SIMULATION`)).map((e) => e.executionMode),
		).toEqual(['SIMULATION']);
		expect(items(await call(`${path}?executionMode=ALL`))).toHaveLength(5);
		expect(items(await call(`${path}?status=EXECUTED`))).toHaveLength(2);
		expect(items(await call(`${path}?status=PARTIAL`))).toHaveLength(1);
		expect(items(await call(`${path}?triggerType=ON_FUNDS_TRANSFERRED`))).toHaveLength(4);
		expect(items(await call(`${path}?triggerType=SEQUENCE_API`))).toHaveLength(0);
		expect(items(await call(`${path}?triggerType=SEQUENCE_API&executionMode=ALL`))).toHaveLength(1);
		expect(
			items(await call(`${path}?from=2025-05-01T00:00:00Z&to=2025-06-02T09:01:00Z`)).map(
				(e) => e.createdAt,
			),
		).toEqual(['2025-06-02T09:01:00.000Z', '2025-05-02T09:01:00.000Z']);
		const amex = items(
			await call(`/rules/${AMEX_RULE}/executions?executionMode=ALL&status=FAILED`),
		);
		expect(amex.map((e) => e.executionMode).sort()).toEqual(['LIVE', 'SIMULATION']);
		expect(items(await call(`/rules/${UNSUPPORTED}/executions`))).toEqual([]);
		expectError(await call(`${path}?status=DONE`), 400, 'INVALID_PARAMETERS', 'status');
		expectError(await call(`${path}?triggerType=manual`), 400, 'INVALID_PARAMETERS', 'triggerType');
		expectError(await call(`${path}?to=soon`), 400, 'INVALID_PARAMETERS', 'to');
		expectError(await call(`/rules/${MISSING}/executions`), 404, 'RULE_NOT_FOUND');
	});

	it('gets one RuleExecution; 404 RULE_EXECUTION_NOT_FOUND for another rule’s or a missing id', async () => {
		for (const execution of data.executions) {
			const reply = await call(`/rules/${execution.ruleId}/executions/${execution.id}`);
			expect(reply.body.data).toEqual(execution);
		}
		const failed = data.executions.find(
			(e) => e.status === 'FAILED' && e.executionMode === 'LIVE',
		)!;
		expect(failed).toMatchObject({
			triggerDetails: { type: 'MANUAL', amountInCents: 150000 },
			errorMessage: 'Insufficient funds in source account.',
		});
		const other = data.executions.find((e) => e.ruleId === AUTO_SAVE)!;
		expectError(
			await call(`/rules/${AMEX_RULE}/executions/${other.id}`),
			404,
			'RULE_EXECUTION_NOT_FOUND',
		);
		expectError(
			await call(`/rules/${AUTO_SAVE}/executions/${MISSING}`),
			404,
			'RULE_EXECUTION_NOT_FOUND',
		);
		expectError(await call(`/rules/${MISSING}/executions/${other.id}`), 404, 'RULE_NOT_FOUND');
	});
});

describe('external and card transactions', () => {
	it('lists external transactions by transactionDate desc, with filters', async () => {
		expectError(await call('/external-transactions'), 400, 'INVALID_PARAMETERS', 'accountIds');
		expectError(
			await call(`/external-transactions?accountIds[0]=${CHASE}`),
			400,
			'INVALID_PARAMETERS',
			'accountIds',
		);
		const chase = items(await call(`/external-transactions?accountIds[]=${CHASE}`));
		expect(chase).toHaveLength(8);
		const dates = chase.map((t) => Date.parse(t.transactionDate));
		expect(dates).toEqual([...dates].sort((a, b) => b - a));
		const both = await call(
			`/external-transactions?accountIds=${CHASE}&accountIds=${AMEX}&pageSize=100`,
		);
		expect(items(both)).toHaveLength(13);
		const base = `/external-transactions?accountIds[]=${CHASE}&accountIds[]=${AMEX}&pageSize=100`;
		expect(items(await call(`${base}&direction=MONEY_IN`))).toHaveLength(4);
		expect(items(await call(`${base}&status=PENDING`))).toHaveLength(3);
		const june = items(await call(`${base}&from=2025-06-01T00:00:00Z&to=2025-06-19T00:00:00Z`));
		expect(june.map((t) => t.description).slice(0, 2)).toEqual([
			'Statement credit',
			'BLUE BOTTLE COFFEE',
		]);
		expect(
			june
				.map((t) => t.description)
				.slice(2)
				.sort(),
		).toEqual(['Interest payment', 'NETFLIX.COM']);
		expectError(await call(`${base}&direction=INTERNAL`), 400, 'INVALID_PARAMETERS', 'direction');
		expectError(await call(`${base}&status=COMPLETED`), 400, 'INVALID_PARAMETERS', 'status');
		// The pull from Chase shows in both lists.
		const pull = data.transfers.find((t) => t.origin === 'USER_PULL' && t.status === 'COMPLETE')!;
		expect(pull.source?.id).toBe(CHASE);
		expect(
			chase.some((t) => t.amountInCents === pull.amountInCents && t.direction === 'MONEY_OUT'),
		).toBe(true);
	});

	it('lists card transactions of a funding pod, by card and dates', async () => {
		expectError(await call('/card-transactions'), 400, 'INVALID_PARAMETERS', 'accountId');
		expectError(
			await call('/card-transactions?accountId=vacation'),
			400,
			'INVALID_PARAMETERS',
			'accountId',
		);
		expectError(
			await call(`/card-transactions?accountIds[]=${VACATION}`),
			400,
			'INVALID_PARAMETERS',
			'accountIds',
		);
		const vacation = items(await call(`/card-transactions?accountId=${VACATION}`));
		expect(vacation.map((t) => t.subtype)).toEqual(['PURCHASE', 'REFUND', 'PURCHASE', 'PURCHASE']);
		expect(vacation.every((t) => t.account.id === VACATION && t.status === 'COMPLETE')).toBe(true);
		expect(vacation.find((t) => t.subtype === 'REFUND').direction).toBe('MONEY_IN');
		const cardId = vacation[0].cardId;
		expect(
			items(await call(`/card-transactions?accountId=${VACATION}&cardId=${cardId}`)),
		).toHaveLength(4);
		expect(
			items(await call(`/card-transactions?accountId=${BILLS}&cardId=${cardId}`)),
		).toHaveLength(0);
		expect(
			items(
				await call(
					`/card-transactions?accountId=${VACATION}&from=2025-05-24T22:40:00Z&to=2025-05-29T10:00:00Z`,
				),
			),
		).toHaveLength(2);
		expectError(
			await call(`/card-transactions?accountId=${VACATION}&cardId=x`),
			400,
			'INVALID_PARAMETERS',
			'cardId',
		);
	});
});

describe('audit logs', () => {
	it('lists the last 90 days by default, filters by key and action', async () => {
		const all = items(await call('/audit-logs?pageSize=100'));
		// 16 seed entries, two of them (March) older than 90 days before 2025-07-01.
		expect(all).toHaveLength(14);
		expect(all.every((entry) => entry.createdAt >= '2025-04-02T00:00:20.000Z')).toBe(true);
		expect(items(await call(`/audit-logs?apiKeyId=${LIMITED.id}`))).toHaveLength(2);
		expect(items(await call('/audit-logs?action=CREATE_TRANSFER')).map((e) => e.outcome)).toEqual([
			'FAILURE',
			'SUCCESS',
		]);
		expectError(
			await call('/audit-logs?action=LIST_AUDIT_LOGS'),
			400,
			'INVALID_PARAMETERS',
			'action',
		);
		expectError(await call('/audit-logs?apiKeyId=key'), 400, 'INVALID_PARAMETERS', 'apiKeyId');
		expect(items(await call('/audit-logs?to=2025-04-30T00:00:00Z'))).toHaveLength(5);
	});

	it('refuses a from older than 90 days, accepts exactly 90 days', async () => {
		const ninetyDays = new Date(T0 - 90 * 86_400_000).toISOString();
		const tooOld = new Date(T0 - 90 * 86_400_000 - 1).toISOString();
		expect(items(await call(`/audit-logs?from=${ninetyDays}&pageSize=100`))).toHaveLength(14);
		expectError(await call(`/audit-logs?from=${tooOld}`), 400, 'INVALID_PARAMETERS', 'from');
		expectError(
			await call('/audit-logs?from=2025-03-14T00:00:00Z'),
			400,
			'INVALID_PARAMETERS',
			'from',
		);
		// The bound moves with the clock.
		clock = Date.parse('2025-06-01T00:00:00Z');
		expect((await call('/audit-logs?from=2025-03-14T00:00:00Z')).status).toBe(200);
	});

	it('records the keys’ own calls, failures with their code', async () => {
		clock = Date.parse('2025-06-30T12:00:00Z');
		await call('/accounts');
		await call(`/accounts/${EMERGENCY}`, { key: LIMITED.key });
		await call('/external-transactions', { key: LIMITED.key });
		await call('/accounts', { key: null });
		clock += 1000;
		const entries = items(await call('/audit-logs?from=2025-06-30T11:00:00Z'));
		expect(entries.every((entry) => entry.createdAt === '2025-06-30T12:00:00.000Z')).toBe(true);
		expect(entries.map((entry) => without(without(entry, 'id'), 'createdAt'))).toEqual([
			{
				apiKeyId: LIMITED.id,
				apiKeyName: 'Vacation helper',
				path: '/platform/v1/external-transactions',
				action: null,
				requestId: 'req-3',
				outcome: 'FAILURE',
				errorCode: 'INVALID_PARAMETERS',
			},
			{
				apiKeyId: LIMITED.id,
				apiKeyName: 'Vacation helper',
				path: `/platform/v1/accounts/${EMERGENCY}`,
				action: 'GET_ACCOUNT',
				requestId: 'req-2',
				outcome: 'FAILURE',
				errorCode: 'ACCESS_DENIED',
			},
			{
				apiKeyId: FULL.id,
				apiKeyName: 'Production Key',
				path: '/platform/v1/accounts',
				action: 'LIST_ACCOUNTS',
				requestId: 'req-1',
				outcome: 'SUCCESS',
				errorCode: null,
			},
		]);
	});
});

describe('rate limit', () => {
	it('allows 100 requests per key per minute, then 429 with Retry-After until the window resets', async () => {
		for (let index = 0; index < 100; index++)
			expect((await call('/accounts?pageSize=1')).status).toBe(200);
		const limited = await call('/accounts?pageSize=1');
		expectError(limited, 429, 'RATE_LIMIT_EXCEEDED');
		expect(limited.headers['retry-after']).toBe('40');
		// Other keys have their own window; requests without a key are not counted.
		expect((await call('/rules', { key: NO_ACCOUNTS.key })).status).toBe(200);
		expectError(await call('/accounts', { key: null }), 401, 'UNAUTHORIZED');
		clock = T0 + 10_300;
		expect((await call('/accounts')).headers['retry-after']).toBe('30');
		clock = T0 + 39_500;
		const stillLimited = await call('/rules');
		expectError(stillLimited, 429, 'RATE_LIMIT_EXCEEDED');
		expect(stillLimited.headers['retry-after']).toBe('1');
		clock = T0 + 40_000;
		expect((await call('/accounts')).status).toBe(200);
		const statuses = sandbox.platformV1.requests.map((recorded) => recorded.status);
		expect(statuses.filter((status) => status === 200)).toHaveLength(102);
		expect(statuses.filter((status) => status === 429)).toHaveLength(3);
		expect(sandbox.requests.filter((recorded) => recorded.status === 429)).toHaveLength(3);
	});

	it('counts in fixed clock minutes, with a configurable limit', async () => {
		sandbox.platformV1.rateLimitPerMinute = 3;
		clock = Date.parse('2025-07-01T00:00:59.200Z');
		for (let index = 0; index < 3; index++) expect((await call('/rules')).status).toBe(200);
		const limited = await call('/rules');
		expect(limited.status).toBe(429);
		expect(limited.headers['retry-after']).toBe('1');
		clock = Date.parse('2025-07-01T00:01:00.000Z');
		for (let index = 0; index < 3; index++) expect((await call('/rules')).status).toBe(200);
		const next = await call('/rules');
		expect(next.headers['retry-after']).toBe('60');
		sandbox.reset();
		expect(sandbox.platformV1.rateLimitPerMinute).toBe(100);
	});
});

describe('parseRfc3339', () => {
	it.each([
		['2025-06-01T00:00:00Z', Date.UTC(2025, 5, 1)],
		['2025-06-01T02:30:00+02:30', Date.UTC(2025, 5, 1)],
		['2025-05-31T20:00:00-04:00', Date.UTC(2025, 5, 1)],
		['2025-06-01 00:00:00.250z', Date.UTC(2025, 5, 1, 0, 0, 0, 250)],
		['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
		['2000-02-29T00:00:00Z', Date.UTC(2000, 1, 29)],
	])('%s', (value, expected) => {
		expect(parseRfc3339(value)?.floor).toBe(expected);
	});

	it.each([
		'2025-02-29T00:00:00Z',
		'1900-02-29T00:00:00Z',
		'2025-13-01T00:00:00Z',
		'2025-06-31T00:00:00Z',
		'2025-06-01T00:60:00Z',
		'2025-06-01T00:00:00+24:00',
		'2025-06-01T00:00:00.Z',
		'2025-6-01T00:00:00Z',
	])('refuses %s', (value) => {
		expect(parseRfc3339(value)).toBeUndefined();
	});
});
