// Manual Trigger → Sequence (Account: Get Many), run by n8n's real engine, with nock as Sequence.
import nock from 'nock';
import { sleep } from 'n8n-workflow';

import { runWorkflow } from '../../harness/runWorkflow';
import { findSecretLeaks } from '../../harness/secretScan';
import { mockSequence, recordCapturedForScan, resetSequenceMock } from '../../harness/sequenceMock';
import {
	ACCESS_TOKEN,
	RULE_SECRET,
	accessCredentials,
	manualToSequence,
} from '../../harness/workflows';

jest.mock('n8n-workflow', () => {
	const actual = jest.requireActual('n8n-workflow');
	return { ...actual, sleep: jest.fn(async () => undefined) };
});
const sleepMock = sleep as jest.MockedFunction<typeof sleep>;

const credentials = { sequenceAccessTokenApi: accessCredentials };
const getMany = (parameters: Record<string, unknown> = {}) =>
	manualToSequence({ resource: 'account', operation: 'getMany', returnAll: true, ...parameters });

/** The example reply from Sequence's documentation, plus accounts that test the edges. */
function accountsReply(extraAccounts: unknown[] = [], errors: unknown[] = []) {
	return {
		message: 'OK',
		requestId: 'f1a2b3c4-56d7-890e-fgh1-000000000001',
		data: {
			accounts: [
				{
					id: '5579244',
					name: 'Main Operating Pod',
					balance: { amountInDollars: 25342.77, error: null },
					type: 'Pod',
				},
				{
					id: '5579245',
					name: 'Client Payments Account',
					balance: { amountInDollars: 10200.5, error: null },
					type: 'Income Source',
				},
				{
					id: 'QDBZQjj1lohgeqVWJlnmf5lA4g83ZGCwl3Qx4',
					name: 'Chase Credit Card',
					balance: { amountInDollars: 137.9, error: null },
					type: 'Account',
				},
				...extraAccounts,
			],
			errors,
		},
	};
}

beforeAll(() => nock.disableNetConnect());
beforeEach(() => sleepMock.mockClear());
afterEach(() => resetSequenceMock());
afterAll(() => expect(findSecretLeaks([RULE_SECRET, ACCESS_TOKEN])).toEqual([]));

describe('Sequence node: Account → Get Many', () => {
	it('sends the documented request with the access token header', async () => {
		const requests = mockSequence('/accounts', [{ status: 200, body: accountsReply() }]);
		await runWorkflow(getMany(), { credentials });
		recordCapturedForScan('accounts request', requests);
		expect(requests).toHaveLength(1);
		expect(requests[0].headers['x-sequence-access-token']).toBe(`Bearer ${ACCESS_TOKEN}`);
		expect(requests[0].headers['x-sequence-signature']).toBeUndefined();
		expect(requests[0].headers['content-type']).toBe('application/json');
		expect(requests[0].headers['idempotency-key']).toBeUndefined();
		expect(requests[0].rawBody).toBe('{}');
	});

	it('does not double "Bearer" in the access token', async () => {
		const requests = mockSequence('/accounts', [{ status: 200, body: accountsReply() }]);
		await runWorkflow(getMany(), {
			credentials: {
				sequenceAccessTokenApi: { ...accessCredentials, accessToken: `bearer ${ACCESS_TOKEN}  ` },
			},
		});
		expect(requests[0].headers['x-sequence-access-token']).toBe(`Bearer ${ACCESS_TOKEN}`);
	});

	it('outputs one item per account with exact integer cents and the requestId', async () => {
		mockSequence('/accounts', [{ status: 200, body: accountsReply() }]);
		const result = await runWorkflow(getMany(), { credentials });
		const requestId = 'f1a2b3c4-56d7-890e-fgh1-000000000001';
		expect(result.output('Sequence')).toEqual([
			{
				id: '5579244',
				name: 'Main Operating Pod',
				type: 'Pod',
				balanceInDollars: 25342.77,
				balanceInCents: 2534277,
				balanceError: null,
				requestId,
			},
			{
				id: '5579245',
				name: 'Client Payments Account',
				type: 'Income Source',
				balanceInDollars: 10200.5,
				balanceInCents: 1020050,
				balanceError: null,
				requestId,
			},
			{
				id: 'QDBZQjj1lohgeqVWJlnmf5lA4g83ZGCwl3Qx4',
				name: 'Chase Credit Card',
				type: 'Account',
				balanceInDollars: 137.9,
				balanceInCents: 13790,
				balanceError: null,
				requestId,
			},
		]);
	});

	it('keeps cents exact where floating point would not (0.1 + 0.2, 19.99, 1.005-style values)', async () => {
		mockSequence('/accounts', [
			{
				status: 200,
				body: accountsReply([
					{
						id: 'a1',
						name: 'Float sum',
						balance: { amountInDollars: 0.1 + 0.2, error: null },
						type: 'Pod',
					},
					{
						id: 'a2',
						name: 'Price',
						balance: { amountInDollars: 19.99, error: null },
						type: 'Pod',
					},
					{
						id: 'a3',
						name: 'Overdrawn',
						balance: { amountInDollars: -4.35, error: null },
						type: 'Account',
					},
					{ id: 'a4', name: 'Zero', balance: { amountInDollars: 0, error: null }, type: 'Pod' },
				]),
			},
		]);
		const result = await runWorkflow(getMany(), { credentials });
		const cents = Object.fromEntries(
			result.output('Sequence').map((item) => [item.id, item.balanceInCents]),
		);
		expect(cents).toMatchObject({ a1: 30, a2: 1999, a3: -435, a4: 0 });
		expect(Math.round(19.99 * 100)).toBe(1999);
		expect(19.99 * 100).not.toBe(1999);
	});

	it('surfaces balance errors per account and the top-level errors list', async () => {
		mockSequence('/accounts', [
			{
				status: 200,
				body: accountsReply(
					[
						{
							id: 'broken',
							name: 'Disconnected Bank',
							balance: { amountInDollars: null, error: 'Bank connection expired' },
							type: 'Account',
						},
						{ id: 'nobal', name: 'No balance', type: 'Account' },
					],
					[{ message: 'Could not refresh 1 account' }],
				),
			},
		]);
		const output = (await runWorkflow(getMany(), { credentials })).output('Sequence');
		expect(output.find((item) => item.id === 'broken')).toMatchObject({
			balanceInDollars: null,
			balanceInCents: null,
			balanceError: 'Bank connection expired',
		});
		expect(output.find((item) => item.id === 'nobal')?.balanceError).toBe(
			'Sequence reported no balance for this account',
		);
		for (const item of output)
			expect(item.sequenceErrors).toEqual([{ message: 'Could not refresh 1 account' }]);
	});

	it('reports the errors list even when no account came back', async () => {
		mockSequence('/accounts', [
			{
				status: 200,
				body: {
					message: 'OK',
					requestId: 'r-0',
					data: { accounts: [], errors: ['Sequence is syncing'] },
				},
			},
		]);
		const output = (await runWorkflow(getMany(), { credentials })).output('Sequence');
		expect(output).toEqual([
			{ accounts: [], sequenceErrors: ['Sequence is syncing'], requestId: 'r-0' },
		]);
	});

	it('filters by type and by name, case-insensitively', async () => {
		mockSequence('/accounts', [
			{ status: 200, body: accountsReply() },
			{ status: 200, body: accountsReply() },
		]);
		const byType = await runWorkflow(getMany({ filters: { types: ['Pod', 'Income Source'] } }), {
			credentials,
		});
		expect(byType.output('Sequence').map((item) => item.id)).toEqual(['5579244', '5579245']);
		const byName = await runWorkflow(getMany({ filters: { nameContains: 'chase' } }), {
			credentials,
		});
		expect(byName.output('Sequence').map((item) => item.name)).toEqual(['Chase Credit Card']);
	});

	it('limits the number of items unless Return All is on', async () => {
		mockSequence('/accounts', [{ status: 200, body: accountsReply() }]);
		const limited = await runWorkflow(getMany({ returnAll: false, limit: 2 }), { credentials });
		expect(limited.output('Sequence')).toHaveLength(2);
	});

	it("Raw Response returns Sequence's reply unchanged as one item", async () => {
		const reply = accountsReply([], ['partial']);
		mockSequence('/accounts', [{ status: 200, body: reply }]);
		const result = await runWorkflow(getMany({ output: 'raw' }), { credentials });
		expect(result.output('Sequence')).toEqual([reply]);
	});

	it.each([
		['no data.accounts', { message: 'OK', requestId: 'x', data: {} }, /no "data.accounts" list/],
		[
			'an account without id',
			accountsReply([{ name: 'x', type: 'Pod', balance: { amountInDollars: 1 } }]),
			/an account has no "id"/,
		],
		[
			'a balance that is text',
			accountsReply([{ id: 'z', name: 'x', type: 'Pod', balance: { amountInDollars: '12.00' } }]),
			/account z has a balance that is not a number/,
		],
		['not JSON', '<html>oops</html>', /not a JSON object/],
	])('a reply with %s is a clear error', async (_label, body, detail) => {
		mockSequence('/accounts', [{ status: 200, body }]);
		const error = (await runWorkflow(getMany(), { credentials })).nodeError('Sequence');
		expect(error?.message).toMatch(/not in the documented form/);
		expect(error?.message).toMatch(detail);
	});

	it('a wrong token gets a 401 message naming the access token credential, without retrying', async () => {
		const requests = mockSequence('/accounts', [
			{ status: 401, body: { message: 'Unauthorized', requestId: 'r-401' } },
		]);
		const error = (await runWorkflow(getMany(), { credentials })).nodeError('Sequence');
		expect(requests).toHaveLength(1);
		expect(error?.message).toBe('Sequence did not accept the access token (401 Unauthorized)');
		expect(error?.description).toContain('"Sequence Access Token API" credential');
	});

	it('reading accounts is safe to repeat, so 5xx and dropped connections are retried', async () => {
		const requests = mockSequence('/accounts', [
			{ status: 502 },
			{ networkError: 'ECONNRESET' },
			{ status: 200, body: accountsReply() },
		]);
		const result = await runWorkflow(getMany(), { credentials });
		expect(requests).toHaveLength(3);
		expect(result.output('Sequence')).toHaveLength(3);
	});

	it('an unreachable Sequence is a plain-language error naming the host', async () => {
		const requests = mockSequence('/accounts', [
			{ networkError: 'ECONNREFUSED' },
			{ networkError: 'ECONNREFUSED' },
		]);
		const error = (
			await runWorkflow(getMany({ options: { maxRetries: 1 } }), { credentials })
		).nodeError('Sequence');
		expect(requests).toHaveLength(2);
		expect(error?.message).toBe(
			'Could not reach Sequence (tried 2 times), so the node could not list the accounts',
		);
		expect(error?.description).toContain('localhost:4999');
	});

	it.each([
		[
			'ftp://example',
			/^The Base URL "ftp:\/\/example" is not a valid http\(s\) address\. Nothing was sent\.$/,
		],
		['api.getsequence.io', /is not a valid http\(s\) address/],
		[
			'http://api.getsequence.io',
			/uses http:\/\/, which would send your secret unencrypted: use https:\/\//,
		],
		['http://10.0.0.5:8080', /uses http:\/\//],
	])('refuses the Base URL %p without sending anything', async (baseUrl, message) => {
		const requests = mockSequence('/accounts', [{ status: 200, body: accountsReply() }]);
		const error = (
			await runWorkflow(getMany(), {
				credentials: { sequenceAccessTokenApi: { ...accessCredentials, baseUrl } },
			})
		).nodeError('Sequence');
		expect(error?.message).toMatch(message);
		expect(error?.description).toContain('Sequence Access Token API');
		expect(requests).toHaveLength(0);
	});

	it.each([
		[{ maxRetries: 11 }, /"maxRetries" must be a whole number from 0 to 10/],
		[{ maxRetries: 1.5 }, /"maxRetries" must be a whole number/],
		[{ timeoutSeconds: 0 }, /"timeoutSeconds" must be a number from 1 to 300/],
	])('refuses the option %p', async (options, message) => {
		const requests = mockSequence('/accounts', [{ status: 200, body: accountsReply() }]);
		const error = (await runWorkflow(getMany({ options }), { credentials })).nodeError('Sequence');
		expect(error?.message).toMatch(message);
		expect(requests).toHaveLength(0);
	});
});
