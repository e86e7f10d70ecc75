// Sequence Query Remote API Trigger → (data) → Sequence Respond With Amount, on n8n's real
// engine: exact replies, every bad amount, every auth mode, and the no-answer paths.
import type { INode, INodeParameters } from 'n8n-workflow';
import {
	resolveWebhookDescriptionField,
	webhookDescriptionIsNativelyResolvable,
} from 'n8n-workflow';

import { SequenceQueryRemoteApiTrigger } from '../../../n8n-nodes-sequence-money/nodes/SequenceQueryRemoteApiTrigger/SequenceQueryRemoteApiTrigger.node';
import { NO_ANSWER_STATUS } from '../../../n8n-nodes-sequence-money/nodes/shared/queryRemoteApi';

import { runWebhook } from '../../harness/runWebhook';
import { runWorkflow } from '../../harness/runWorkflow';
import { findSecretLeaks } from '../../harness/secretScan';
import { mockSequence, resetSequenceMock } from '../../harness/sequenceMock';
import { ACCESS_TOKEN, RULE_SECRET, accessCredentials } from '../../harness/workflows';

const QUERY_REMOTE_API_SECRET = 'qra_Q7v2LmX9pR4tK8nZ3bW6';
const TRIGGER = 'Sequence Query Remote API';
const RESPOND = 'Respond With Amount';
const queryRemoteApiCredentials = {
	sequenceQueryRemoteApiAuthApi: {
		secret: QUERY_REMOTE_API_SECRET,
		headerName: 'X-My-Secret',
		username: 'sequence',
	},
};

function triggerNode(parameters: INodeParameters = {}): INode {
	return {
		id: 'a0000000-0000-4000-8000-000000000001',
		name: TRIGGER,
		type: 'n8n-nodes-sequence-money.sequenceQueryRemoteApiTrigger',
		typeVersion: 1.1,
		position: [0, 0],
		webhookId: '5f0c2a8e-7d51-4c1b-9f3e-2a6b8c4d1e70',
		parameters: { path: 'sequence-amount', ...parameters },
		credentials:
			parameters.authentication && parameters.authentication !== 'none'
				? { sequenceQueryRemoteApiAuthApi: { id: '9', name: 'Query Remote API auth' } }
				: undefined,
	};
}

function respondNode(parameters: INodeParameters): INode {
	return {
		id: 'a0000000-0000-4000-8000-000000000003',
		name: RESPOND,
		type: 'n8n-nodes-sequence-money.sequenceRespondWithAmount',
		typeVersion: 1,
		position: [440, 0],
		parameters,
	};
}

/** Trigger → [middle nodes, in a chain] → Respond With Amount. */
function amountWorkflow(
	respond: INodeParameters,
	trigger: INodeParameters = {},
	middle: INode[] = [],
) {
	const chain = [triggerNode(trigger), ...middle, respondNode(respond)];
	const connections: Record<
		string,
		{ main: Array<Array<{ node: string; type: 'main'; index: number }>> }
	> = {};
	for (let index = 0; index < chain.length - 1; index++) {
		connections[chain[index].name] = {
			main: [[{ node: chain[index + 1].name, type: 'main', index: 0 }]],
		};
	}
	return { name: 'Query Remote API', nodes: chain, connections };
}

const accountsBody = {
	message: 'OK',
	requestId: 'r1',
	data: {
		accounts: [
			{
				id: '1',
				name: 'Main Operating Pod',
				type: 'Pod',
				balance: { amountInDollars: 25342.77, error: null },
			},
			{
				id: '2',
				name: 'Client Payments',
				type: 'Income Source',
				balance: { amountInDollars: 10200.5, error: null },
			},
		],
		errors: [],
	},
};

/** Sequence → Account → Get Many, as a data source between trigger and reply. */
function accountsNode(parameters: INodeParameters = {}): INode {
	return {
		id: 'a0000000-0000-4000-8000-000000000002',
		name: 'Sequence',
		type: 'n8n-nodes-sequence-money.sequence',
		typeVersion: 1,
		position: [220, 0],
		parameters: { resource: 'account', operation: 'getMany', returnAll: true, ...parameters },
		credentials: { sequenceAccessTokenApi: { id: '1', name: 'Sequence account' } },
	};
}

const amountFromBody = (extra: INodeParameters = {}) =>
	amountWorkflow({ amount: '={{ $json.body.amount }}', ...extra });

afterEach(() => resetSequenceMock());
afterAll(() =>
	expect(findSecretLeaks([QUERY_REMOTE_API_SECRET, ACCESS_TOKEN, RULE_SECRET])).toEqual([]),
);

describe('Query Remote API: the reply Sequence gets', () => {
	it('answers exactly {"amountInCents": N} with status 200 and JSON content type', async () => {
		const { reply, result } = await runWebhook(amountFromBody(), { body: { amount: 125 } });
		expect(reply).toEqual({
			status: 200,
			headers: { 'content-type': 'application/json' },
			body: '{"amountInCents":12500}',
		});
		const [output] = result!.output(RESPOND);
		expect(output).toEqual({
			amountInCents: 12500,
			amountInDollars: '125.00',
			inputs: { amount: 125, unit: 'dollars', rounding: 'reject' },
			requestReceivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
			responded: true,
		});
		expect(output.requestReceivedAt).toBe(result!.output(TRIGGER)[0].receivedAt);
	});

	it('computes the amount from the request data with an expression (sum of invoices)', async () => {
		const workflow = amountWorkflow({
			amount:
				'={{ $json.body.invoices.reduce((sum, invoice) => sum + invoice.total, 0).toFixed(2) }}',
		});
		const { reply } = await runWebhook(workflow, {
			body: { invoices: [{ total: 19.99 }, { total: 0.01 }, { total: 100.1 }] },
		});
		expect(reply.body).toBe('{"amountInCents":12010}');
	});

	it('computes the amount from live Sequence data (10% of the income source balance)', async () => {
		mockSequence('/accounts', [{ status: 200, body: accountsBody }]);
		const workflow = amountWorkflow(
			{ amount: '={{ Math.floor($json.balanceInCents / 10) }}', unit: 'cents' },
			{},
			[accountsNode({ filters: { types: ['Income Source'] } })],
		);
		const { reply } = await runWebhook(
			workflow,
			{ body: {} },
			{ credentials: { sequenceAccessTokenApi: accessCredentials } },
		);
		expect(reply).toMatchObject({ status: 200, body: '{"amountInCents":102005}' });
	});

	describe('several items reaching the respond node', () => {
		const balances = (respond: INodeParameters = {}) =>
			amountWorkflow({ amount: '={{ $json.balanceInCents }}', unit: 'cents', ...respond }, {}, [
				accountsNode(),
			]);
		const run = (workflow: ReturnType<typeof balances>) => {
			mockSequence('/accounts', [{ status: 200, body: accountsBody }]);
			return runWebhook(
				workflow,
				{ body: {} },
				{ credentials: { sequenceAccessTokenApi: accessCredentials } },
			);
		};
		const pairedItems = (result: NonNullable<Awaited<ReturnType<typeof runWebhook>>['result']>) =>
			result.run.data.resultData.runData[RESPOND][0].data?.main[0]?.map((item) => item.pairedItem);

		it('by default are an invalid amount: 422, no amount, and the message says what to choose', async () => {
			const { reply, result } = await run(balances());
			expect(reply.status).toBe(422);
			expect(reply.body).not.toContain('amountInCents');
			expect(JSON.parse(reply.body).error).toMatch(
				/2 items reached this node, but Sequence takes one amount per request/,
			);
			expect(result!.nodeError(RESPOND)?.message).toMatch(/Add Up Their Amounts/);
			expect(result!.responses).toHaveLength(1);
		});

		it('with a fallback amount, the fallback is sent and the output says why', async () => {
			const { reply, result } = await run(balances({ onInvalid: 'fallback', fallbackAmount: 0 }));
			expect(reply.body).toBe('{"amountInCents":0}');
			expect(result!.output(RESPOND)).toEqual([
				expect.objectContaining({
					fallbackUsed: true,
					fallbackReason: expect.stringMatching(/2 items/),
				}),
			]);
		});

		it('Add Up Their Amounts sends the exact total once, paired with every item', async () => {
			const { reply, result } = await run(balances({ severalItems: 'sum' }));
			expect(reply.body).toBe('{"amountInCents":3554327}');
			expect(result!.responses).toHaveLength(1);
			expect(result!.output(RESPOND)).toEqual([
				expect.objectContaining({
					amountInCents: 3554327,
					amountInDollars: '35543.27',
					itemsAdded: 2,
					inputs: { amounts: [2534277, 1020050], unit: 'cents', rounding: 'reject' },
				}),
			]);
			expect(pairedItems(result!)).toEqual([[{ item: 0 }, { item: 1 }]]);
		});

		it('Add Up Their Amounts adds exactly and rounds once: three half cents are 2 cents, not 3', async () => {
			const split = {
				id: 'a0000000-0000-4000-8000-000000000004',
				name: 'Split Out',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [220, 0] as [number, number],
				parameters: { fieldToSplitOut: 'body.items' },
			};
			const workflow = amountWorkflow(
				{ amount: '={{ $json.share }}', severalItems: 'sum', rounding: 'halfUp' },
				{},
				[split],
			);
			const { reply } = await runWebhook(workflow, {
				body: { items: [{ share: 0.005 }, { share: 0.005 }, { share: '0.005' }] },
			});
			expect(reply.body).toBe('{"amountInCents":2}');
		});

		it('Add Up Their Amounts refuses the total when one item is bad, and says which', async () => {
			const { reply } = await run(
				balances({
					severalItems: 'sum',
					amount: '={{ $itemIndex === 1 ? -5 : $json.balanceInCents }}',
				}),
			);
			expect(reply.status).toBe(422);
			expect(JSON.parse(reply.body).error).toMatch(
				/^No amount: Item 1: The amount -5 cents is negative/,
			);
		});

		it('Use the First Item sends the first item, the others reported as not sent', async () => {
			const { reply, result } = await run(balances({ severalItems: 'first' }));
			expect(reply.body).toBe('{"amountInCents":2534277}');
			expect(result!.responses).toHaveLength(1);
			const output = result!.output(RESPOND);
			expect(output).toHaveLength(2);
			expect(output[0]).toMatchObject({ amountInCents: 2534277, responded: true });
			expect(output[1]).toMatchObject({
				responded: false,
				itemIndex: 1,
				reason: expect.stringContaining('only the first item'),
			});
			expect(pairedItems(result!)).toEqual([{ item: 0 }, { item: 1 }]);
		});
	});

	it("n8n's Retry On Fail after an error reply answers nothing more and keeps the first error", async () => {
		const workflow = amountWorkflow({ amount: '={{ -1 }}' });
		Object.assign(workflow.nodes[1], { retryOnFail: true, maxTries: 3, waitBetweenTries: 0 });
		const { reply, result } = await runWebhook(workflow, { body: {} });
		expect(reply.status).toBe(422);
		expect(result!.responses).toHaveLength(1);
		const error = result!.nodeError(RESPOND);
		expect(error?.message).toMatch(
			/^Invalid amount, so Sequence was told no amount: The amount -1 dollars is negative/,
		);
		expect(error?.description).toMatch(/Retry On Fail does not answer again/);
	});

	it('Use the First Item with Continue On Fail: the other items do not claim an amount was sent', async () => {
		mockSequence('/accounts', [{ status: 200, body: accountsBody }]);
		const workflow = amountWorkflow(
			{ amount: '={{ -1 }}', unit: 'cents', severalItems: 'first' },
			{},
			[accountsNode()],
		);
		workflow.nodes[2].onError = 'continueRegularOutput';
		const { reply, result } = await runWebhook(
			workflow,
			{ body: {} },
			{ credentials: { sequenceAccessTokenApi: accessCredentials } },
		);
		expect(reply.status).toBe(422);
		const output = result!.output(RESPOND);
		expect(output[0]).toMatchObject({ responded: true, statusCode: 422 });
		expect(output[1]).toMatchObject({
			responded: false,
			reason:
				'Only the first item counts (Several Input Items: Use the First Item), and no amount was sent for it.',
		});
	});

	it('answers once per execution: a second respond node sends nothing and fails, saying who answered', async () => {
		const second = {
			...respondNode({ amount: '={{ 9 }}' }),
			id: 'a0000000-0000-4000-8000-000000000005',
			name: 'Second Reply',
			position: [440, 200] as [number, number],
		};
		const workflow = amountWorkflow({ amount: '={{ 5 }}' });
		workflow.nodes.push(second);
		workflow.connections[TRIGGER].main[0].push({ node: 'Second Reply', type: 'main', index: 0 });
		const { reply, result } = await runWebhook(workflow, { body: {} });
		expect(reply.body).toBe('{"amountInCents":500}');
		expect(result!.responses).toHaveLength(1);
		expect(result!.nodeError('Second Reply')?.message).toBe(
			`Sequence was already answered in this execution (by "${RESPOND}"), so this node sent nothing`,
		);
		expect(result!.nodeError('Second Reply')?.description).toMatch(/got 500 cents/);
	});

	describe('bad amounts: an error reply, never an amount', () => {
		// input (as the expression yields it) → what Sequence receives
		const table: Array<[string, string, INodeParameters, number, RegExp]> = [
			['-5', '={{ -5 }}', {}, 422, /negative/],
			['NaN', '={{ 0 / 0 }}', {}, 422, /not a finite number|empty/],
			['Infinity', '={{ 1 / 0 }}', {}, 422, /not a finite number|empty/],
			['empty text', '={{ "" }}', {}, 422, /empty/],
			['null', '={{ null }}', {}, 422, /empty/],
			['non-numeric text', '={{ "twelve" }}', {}, 422, /"twelve" is not a number/],
			['a boolean', '={{ true }}', {}, 422, /not a number/],
			['an object', '={{ { a: 1 } }}', {}, 422, /not a number/],
			['1e21 dollars', '={{ 1e21 }}', {}, 422, /too large/],
			['over MAX_SAFE_INTEGER cents', '={{ 90071992547410 }}', {}, 422, /too large/],
			['12.345 (fraction of a cent)', '={{ "12.345" }}', {}, 422, /fraction of a cent/],
			['0.1 + 0.2', '={{ 0.1 + 0.2 }}', {}, 422, /fraction of a cent/],
			['12.5 cents', '={{ 12.5 }}', { unit: 'cents' }, 422, /fraction of a cent/],
			[
				'2000 over a 1000 cap',
				'={{ 2000 }}',
				{ options: { maximumAmount: 1000 } },
				422,
				/above the Maximum Amount of 1000\.00/,
			],
			[
				'5 under a 10 minimum',
				'={{ 5 }}',
				{ options: { minimumAmount: 10 } },
				422,
				/below the Minimum Amount/,
			],
			['"1.234,56" with "." decimals', '={{ "1.234,56" }}', {}, 422, /not a number written with/],
			// Negative fractions of a cent must not round to a harmless-looking 0.
			[
				'-0.004 rounded half up',
				'={{ -0.004 }}',
				{ rounding: 'halfUp' },
				422,
				/-0\.004 dollars is negative/,
			],
			['"-0.001" rounded down', '-0.001', { rounding: 'down' }, 422, /negative/],
			['-0.005 half even', '={{ -0.005 }}', { rounding: 'halfEven' }, 422, /negative/],
		];

		it.each(table)('%s → %i, no amount', async (_label, amount, extra, status, reason) => {
			const { reply, result } = await runWebhook(amountWorkflow({ amount, ...extra }), {
				body: {},
			});
			expect(reply.status).toBe(status);
			expect(reply.headers['content-type']).toBe('application/json');
			expect(reply.body).not.toContain('amountInCents');
			expect(JSON.parse(reply.body).error).toMatch(reason);
			expect(result!.nodeError(RESPOND)?.message).toMatch(reason);
		});

		it('Continue On Fail still sends the error reply, never an amount', async () => {
			const workflow = amountWorkflow({ amount: '={{ -1 }}' });
			workflow.nodes[1].onError = 'continueRegularOutput';
			const { reply, result } = await runWebhook(workflow, { body: {} });
			expect(reply.status).toBe(422);
			expect(result!.output(RESPOND)[0]).toMatchObject({
				responded: true,
				statusCode: 422,
				error: expect.stringMatching(/negative/),
			});
		});
	});

	describe('good amounts and rounding', () => {
		const table: Array<[string, string, INodeParameters, string]> = [
			['0', '={{ 0 }}', {}, '{"amountInCents":0}'],
			['0.01', '={{ 0.01 }}', {}, '{"amountInCents":1}'],
			['19.99', '={{ 19.99 }}', {}, '{"amountInCents":1999}'],
			['"1,234.56"', '1,234.56', {}, '{"amountInCents":123456}'],
			[
				'"1.234,56" with comma decimals',
				'1.234,56',
				{ options: { decimalSeparator: ',', thousandsSeparator: '.' } },
				'{"amountInCents":123456}',
			],
			['"12.345" half up', '12.345', { rounding: 'halfUp' }, '{"amountInCents":1235}'],
			['"12.345" down', '12.345', { rounding: 'down' }, '{"amountInCents":1234}'],
			['"12.345" half even', '12.345', { rounding: 'halfEven' }, '{"amountInCents":1234}'],
			['1.005 half up', '={{ 1.005 }}', { rounding: 'halfUp' }, '{"amountInCents":101}'],
			['0.1 + 0.2 half up', '={{ 0.1 + 0.2 }}', { rounding: 'halfUp' }, '{"amountInCents":30}'],
			['2500 cents', '={{ 2500 }}', { unit: 'cents' }, '{"amountInCents":2500}'],
			['-0', '={{ -0 }}', {}, '{"amountInCents":0}'],
		];

		it.each(table)('%s → 200 %s', async (_label, amount, extra, body) => {
			const { reply } = await runWebhook(amountWorkflow({ amount, ...extra }), { body: {} });
			expect(reply).toEqual({ status: 200, headers: { 'content-type': 'application/json' }, body });
		});

		it('Clamp sends the maximum and says so', async () => {
			const { reply, result } = await runWebhook(
				amountWorkflow({
					amount: '={{ 2000 }}',
					options: { maximumAmount: 1000, overMaximum: 'clamp' },
				}),
				{ body: {} },
			);
			expect(reply.body).toBe('{"amountInCents":100000}');
			expect(result!.output(RESPOND)[0]).toMatchObject({
				amountInCents: 100000,
				clampedFromDollars: '2000.00',
			});
		});

		it('Reply With Fallback Amount sends the fallback for a bad amount and says why', async () => {
			const { reply, result } = await runWebhook(
				amountWorkflow({ amount: '={{ -5 }}', onInvalid: 'fallback', fallbackAmount: 0 }),
				{ body: {} },
			);
			expect(reply).toEqual({
				status: 200,
				headers: { 'content-type': 'application/json' },
				body: '{"amountInCents":0}',
			});
			expect(result!.output(RESPOND)[0]).toMatchObject({
				fallbackUsed: true,
				fallbackReason: expect.stringMatching(/negative/),
			});
		});

		it('refuses a fallback above the maximum: the workflow fails, Sequence gets 500, no amount', async () => {
			const { reply } = await runWebhook(
				amountWorkflow({
					amount: '={{ -5 }}',
					onInvalid: 'fallback',
					fallbackAmount: 50,
					options: { maximumAmount: 10 },
				}),
				{ body: {} },
			);
			expect(reply).toEqual({
				status: 500,
				headers: { 'content-type': 'application/json' },
				body: '{"message":"Error in workflow"}',
			});
		});
	});

	describe('when no amount can be given', () => {
		it('a workflow that ends without the respond node answers 500 with an empty body (not 200)', async () => {
			const workflow = { name: 'no respond', nodes: [triggerNode()], connections: {} };
			const { reply, started } = await runWebhook(workflow, { body: {} });
			expect(started).toBe(true);
			expect(reply).toEqual({ status: 500, headers: {}, body: '' });
		});

		it('a workflow that fails before answering gives 500 "Error in workflow"', async () => {
			mockSequence('/accounts', [{ status: 401, body: { message: 'Unauthorized' } }]);
			const { reply } = await runWebhook(
				amountWorkflow({ amount: '={{ 1 }}' }, {}, [accountsNode()]),
				{ body: {} },
				{
					credentials: { sequenceAccessTokenApi: accessCredentials },
				},
			);
			expect(reply).toEqual({
				status: 500,
				headers: { 'content-type': 'application/json' },
				body: '{"message":"Error in workflow"}',
			});
		});

		it('refuses to run without a Sequence Query Remote API Trigger upstream', async () => {
			const workflow = {
				name: 'manual → respond',
				nodes: [
					{
						id: 'm',
						name: 'Manual',
						type: 'n8n-nodes-base.manualTrigger',
						typeVersion: 1,
						position: [0, 0] as [number, number],
						parameters: {},
					},
					respondNode({ amount: '={{ 1 }}' }),
				],
				connections: { Manual: { main: [[{ node: RESPOND, type: 'main' as const, index: 0 }]] } },
			};
			const result = await runWorkflow(workflow);
			expect(result.nodeError(RESPOND)?.message).toBe(
				'No "Sequence Query Remote API Trigger" comes before this node',
			);
			expect(result.responses).toEqual([]);
		});
	});
});

describe('Query Remote API: what the trigger accepts', () => {
	it('starts the workflow with body, headers, query and a receive time', async () => {
		const { started, triggerItems } = await runWebhook(amountFromBody(), {
			body: { amount: 1 },
			headers: { 'User-Agent': 'Sequence/1.0', Cookie: 'session=abc' },
			query: { rule: 'ru_1' },
		});
		expect(started).toBe(true);
		expect(triggerItems).toEqual([
			{
				body: { amount: 1 },
				headers: { 'user-agent': 'Sequence/1.0', 'content-type': 'application/json' },
				query: { rule: 'ru_1' },
				receivedAt: expect.any(String),
			},
		]);
	});

	it.each([
		['an empty body without content type', { rawBody: '', body: {} }],
		['{}', { body: {} }],
		[
			'JSON with charset',
			{ body: { a: 1 }, headers: { 'Content-Type': 'application/json; charset=utf-8' } },
		],
	])('accepts %s', async (_label, request) => {
		const { started, reply } = await runWebhook(amountWorkflow({ amount: '={{ 1 }}' }), request);
		expect(started).toBe(true);
		expect(reply.status).toBe(200);
	});

	it.each([
		['GET', { method: 'GET' }, 405, /Only POST/],
		[
			'a text body',
			{ rawBody: 'amount=5', body: 'amount=5', headers: { 'Content-Type': 'text/plain' } },
			415,
			/must be JSON/,
		],
		[
			'a form body',
			{
				rawBody: 'a=1',
				body: { a: '1' },
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			},
			415,
			/must be JSON/,
		],
		// n8n leaves these bodies unread: they must not start the workflow as if the body were {}.
		[
			'a +json body n8n does not parse',
			{
				bodyNotRead: true,
				headers: { 'Content-Type': 'application/vnd.api+json', 'Content-Length': '14' },
			},
			415,
			/must be JSON/,
		],
		[
			'a chunked body of another type',
			{
				bodyNotRead: true,
				headers: { 'Content-Type': 'application/octet-stream', 'Transfer-Encoding': 'chunked' },
			},
			415,
			/must be JSON/,
		],
		[
			'a chunked body without a type',
			{ bodyNotRead: true, headers: { 'Transfer-Encoding': 'chunked' } },
			415,
			/must be JSON/,
		],
		// n8n reads this one but parses only an exact "application/json" type.
		[
			'JSON with a space before its parameters',
			{
				bodyNotParsed: true,
				rawBody: '{"amount":1}',
				headers: { 'Content-Type': 'application/json ; charset=utf-8' },
			},
			415,
			/must be JSON/,
		],
		[
			'bytes n8n did not parse',
			{
				bodyNotParsed: true,
				rawBody: '{"amount":1}',
				headers: { 'Content-Type': 'application/json' },
			},
			415,
			/could not be read as JSON/,
		],
		['a JSON list', { body: [1, 2] }, 400, /JSON object/],
		[
			'a JSON string',
			{ body: 'hello', rawBody: '"hello"', headers: { 'Content-Type': 'application/json' } },
			400,
			/JSON object/,
		],
	])(
		'refuses %s with %i and does not start the workflow',
		async (_label, request, status, error) => {
			const { started, reply } = await runWebhook(amountWorkflow({ amount: '={{ 1 }}' }), request);
			expect(started).toBe(false);
			expect(reply.status).toBe(status);
			expect(reply.headers['content-type']).toBe('application/json');
			expect(JSON.parse(reply.body).error).toMatch(error);
		},
	);

	describe('authentication', () => {
		const basic = (user: string, password: string) =>
			`Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
		const cases: Array<[string, string, Parameters<typeof runWebhook>[1], number | 'started']> = [
			['Query Token', 'queryToken', { query: { token: QUERY_REMOTE_API_SECRET } }, 'started'],
			['Query Token', 'queryToken', { query: {} }, 401],
			['Query Token', 'queryToken', { query: { token: `${QUERY_REMOTE_API_SECRET}x` } }, 403],
			[
				'Query Token',
				'queryToken',
				{ query: { token: QUERY_REMOTE_API_SECRET.slice(0, -1) } },
				403,
			],
			[
				'Header Secret',
				'headerSecret',
				{ headers: { 'X-My-Secret': QUERY_REMOTE_API_SECRET } },
				'started',
			],
			['Header Secret', 'headerSecret', { headers: {} }, 401],
			['Header Secret', 'headerSecret', { headers: { 'X-My-Secret': 'wrong' } }, 403],
			['Header Secret', 'headerSecret', { query: { token: QUERY_REMOTE_API_SECRET } }, 401],
			[
				'Basic Auth',
				'basicAuth',
				{ headers: { Authorization: basic('sequence', QUERY_REMOTE_API_SECRET) } },
				'started',
			],
			['Basic Auth', 'basicAuth', { headers: {} }, 401],
			['Basic Auth', 'basicAuth', { headers: { Authorization: basic('sequence', 'wrong') } }, 403],
			[
				'Basic Auth',
				'basicAuth',
				{ headers: { Authorization: basic('admin', QUERY_REMOTE_API_SECRET) } },
				403,
			],
			[
				'Basic Auth',
				'basicAuth',
				{ headers: { Authorization: `Bearer ${QUERY_REMOTE_API_SECRET}` } },
				401,
			],
		];

		it.each(cases)('%s (%s) with %j → %s', async (_label, authentication, request, expected) => {
			const run = await runWebhook(
				amountWorkflow({ amount: '={{ 7 }}' }, { authentication }),
				{ body: {}, ...request },
				{
					credentials: queryRemoteApiCredentials,
				},
			);
			if (expected === 'started') {
				expect(run.started).toBe(true);
				expect(run.reply.body).toBe('{"amountInCents":700}');
				// The secret is not copied into the workflow's data.
				const item = run.triggerItems![0] as {
					headers: Record<string, unknown>;
					query: Record<string, unknown>;
				};
				expect(item.query.token).toBeUndefined();
				expect(item.headers['x-my-secret']).toBeUndefined();
				expect(item.headers.authorization).toBeUndefined();
			} else {
				expect(run.started).toBe(false);
				expect(run.reply.status).toBe(expected);
				expect(JSON.parse(run.reply.body).error).toEqual(expect.any(String));
				expect(run.reply.body).not.toContain('amountInCents');
				if (authentication === 'basicAuth')
					expect(run.reply.headers['www-authenticate']).toMatch(/^Basic realm=/);
			}
		});

		it('Query Token fails closed when the secret has a character n8n would decode in the URL ("+" arrives as a space)', async () => {
			const secret = 'qra_Ab+cD1234567890xyz';
			const credentials = {
				sequenceQueryRemoteApiAuthApi: {
					...queryRemoteApiCredentials.sequenceQueryRemoteApiAuthApi,
					secret,
				},
			};
			const run = await runWebhook(
				amountWorkflow({ amount: '={{ 7 }}' }, { authentication: 'queryToken' }),
				{ body: {}, query: { token: secret } },
				{ credentials },
			);
			expect(run.started).toBe(false);
			expect(run.reply.status).toBe(500);
			expect(JSON.parse(run.reply.body).error).toMatch(/not usable in a URL/);
			// The same secret works in a header, which carries it unchanged.
			const header = await runWebhook(
				amountWorkflow({ amount: '={{ 7 }}' }, { authentication: 'headerSecret' }),
				{ body: {}, headers: { 'X-My-Secret': secret } },
				{
					credentials,
				},
			);
			expect(header.reply.body).toBe('{"amountInCents":700}');
		});

		it('fails closed when protection is on but the secret is too short', async () => {
			const run = await runWebhook(
				amountWorkflow({ amount: '={{ 7 }}' }, { authentication: 'queryToken' }),
				{ body: {}, query: { token: 'short' } },
				{
					credentials: { sequenceQueryRemoteApiAuthApi: { secret: 'short' } },
				},
			);
			expect(run.started).toBe(false);
			expect(run.reply.status).toBe(500);
			expect(JSON.parse(run.reply.body).error).toMatch(/not set up/);
		});
	});
});

describe('Query Remote API: webhook description', () => {
	it('is resolved natively by n8n (no expression isolate per request), to the same values as its templates', () => {
		const trigger = new SequenceQueryRemoteApiTrigger();
		const [description] = trigger.description.webhooks!;
		expect(webhookDescriptionIsNativelyResolvable(description)).toBe(true);
		const node = { parameters: { path: 'my-path', authentication: 'none' } };
		expect(resolveWebhookDescriptionField(node, description, 'path')).toEqual({
			resolved: true,
			value: 'my-path',
		});
		expect(resolveWebhookDescriptionField(node, description, 'responseCode')).toEqual({
			resolved: true,
			value: NO_ANSWER_STATUS,
		});
		// The template the editor sees computes the same status.
		expect(String(description.responseCode)).toContain('500');
	});
});
