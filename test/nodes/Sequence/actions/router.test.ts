// The router's own decisions: which operation runs, what Continue On Fail outputs, and what a
// failure says about the rules that already fired. The operations are stubbed (jest.mock) so
// that each item can succeed or fail as the test scripts it; router.ts itself runs for real.
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { execute as getManyExecute } from '../../../../n8n-nodes-sequence-money/nodes/Sequence/actions/account/getMany.operation';
import { NodeRun } from '../../../../n8n-nodes-sequence-money/nodes/Sequence/actions/nodeRun';
import { execute as triggerExecute } from '../../../../n8n-nodes-sequence-money/nodes/Sequence/actions/rule/trigger.operation';
import { router } from '../../../../n8n-nodes-sequence-money/nodes/Sequence/actions/router';
import { sequenceNode } from '../sequenceNode';

jest.mock(
	'../../../../n8n-nodes-sequence-money/nodes/Sequence/actions/rule/trigger.operation',
	() => ({
		...jest.requireActual(
			'../../../../n8n-nodes-sequence-money/nodes/Sequence/actions/rule/trigger.operation',
		),
		execute: jest.fn(),
	}),
);
jest.mock(
	'../../../../n8n-nodes-sequence-money/nodes/Sequence/actions/account/getMany.operation',
	() => ({
		...jest.requireActual(
			'../../../../n8n-nodes-sequence-money/nodes/Sequence/actions/account/getMany.operation',
		),
		execute: jest.fn(),
	}),
);

const triggerMock = triggerExecute as jest.MockedFunction<typeof triggerExecute>;
const getManyMock = getManyExecute as jest.MockedFunction<typeof getManyExecute>;

const node = sequenceNode();

/**
 * One input item: which resource and operation it asks for, and what the stubbed
 * operation does with it (outputs items with these request IDs, or throws).
 */
interface Plan {
	resource: string;
	operation: string;
	requestIds?: Array<string | null>;
	fails?: Error;
}

const TRIGGER = { resource: 'rule', operation: 'trigger' };
const GET_MANY = { resource: 'account', operation: 'getMany' };

function fakeContext(plans: Plan[], { continueOnFail = false } = {}) {
	const items: INodeExecutionData[] = plans.map((plan) => ({
		json: plan as unknown as IDataObject,
	}));
	const context = {
		getInputData: () => items,
		getNode: () => node,
		getNodeParameter: jest.fn((name: string, itemIndex: number, fallback?: unknown) => {
			// Version 1 nodes store no Authentication: the router falls back to the External API.
			if (name === 'authentication') return fallback;
			if (name !== 'resource' && name !== 'operation')
				throw new Error(`the router read the parameter ${name}`);
			return plans[itemIndex][name];
		}),
		continueOnFail: () => continueOnFail,
		getExecutionId: () => 'exec-7',
		getWorkflowDataProxy: () => ({ $runIndex: 2 }),
	} as unknown as IExecuteFunctions;
	return context;
}

/** What the stubbed operations do: output one item per request ID, or throw. */
async function scripted(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const plan = this.getInputData()[itemIndex].json as unknown as Plan;
	if (plan.fails) throw plan.fails;
	return (plan.requestIds ?? [`req-${itemIndex}`]).map((requestId) => ({
		json: { requestId, from: `${plan.resource}.${plan.operation}` },
		pairedItem: { item: itemIndex },
	}));
}

/** An error like the transport's: a NodeApiError with the request ID in its context. */
function apiError(message: string, description: string, httpCode: string, requestId?: string) {
	const error = new NodeApiError(
		node,
		{ message, description, httpCode },
		{ message, description, httpCode },
	);
	error.message = message;
	error.description = description;
	error.context.requestId = requestId;
	return error;
}

async function failureOf(context: IExecuteFunctions) {
	try {
		await router.call(context);
	} catch (error) {
		return error as NodeApiError | NodeOperationError;
	}
	throw new Error('the router did not throw');
}

beforeEach(() => {
	triggerMock.mockReset().mockImplementation(scripted);
	getManyMock.mockReset().mockImplementation(scripted);
});

describe('router: choosing the operation', () => {
	it('runs each item through its own operation, with one NodeRun for the whole run', async () => {
		const context = fakeContext([TRIGGER, GET_MANY, TRIGGER]);
		const output = await router.call(context);
		expect(output).toEqual([
			[
				{ json: { requestId: 'req-0', from: 'rule.trigger' }, pairedItem: { item: 0 } },
				{ json: { requestId: 'req-1', from: 'account.getMany' }, pairedItem: { item: 1 } },
				{ json: { requestId: 'req-2', from: 'rule.trigger' }, pairedItem: { item: 2 } },
			],
		]);
		expect(triggerMock).toHaveBeenCalledTimes(2);
		expect(getManyMock).toHaveBeenCalledTimes(1);
		const runs = [...triggerMock.mock.calls, ...getManyMock.mock.calls].map(([, run]) => run);
		expect(runs[0]).toBeInstanceOf(NodeRun);
		expect(runs[0]).toMatchObject({ executionKey: 'execution-exec-7', runIndex: 2 });
		expect(new Set(runs).size).toBe(1);
		expect(triggerMock.mock.contexts[0]).toBe(context);
		expect(triggerMock.mock.calls.map(([itemIndex]) => itemIndex)).toEqual([0, 2]);
	});

	it('outputs nothing for no input items', async () => {
		expect(await router.call(fakeContext([]))).toEqual([[]]);
	});

	it.each([
		['rule', 'getMany'],
		['account', 'trigger'],
		['payment', 'trigger'],
		['', ''],
		// Own keys only: nothing reaches Object's prototype.
		['constructor', 'trigger'],
		['constructor', 'name'],
		['__proto__', 'trigger'],
		['__proto__', 'toString'],
		['hasOwnProperty', 'length'],
		['rule', 'toString'],
		['rule', 'constructor'],
		['account', '__proto__'],
	])(
		'refuses resource %p with operation %p, naming both and the item',
		async (resource, operation) => {
			const context = fakeContext([GET_MANY, { resource, operation }, TRIGGER]);
			const error = await failureOf(context);
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toBe(
				`The operation "${operation}" is not supported for the resource "${resource}"`,
			);
			expect(error.context.itemIndex).toBe(1);
			expect(error.description).toBeUndefined();
			expect(error.context.alreadyTriggered).toBeUndefined();
			// Item 0 ran; item 2 never did.
			expect(getManyMock).toHaveBeenCalledTimes(1);
			expect(triggerMock).not.toHaveBeenCalled();
		},
	);

	it('with Continue On Fail, an unsupported operation becomes an error item', async () => {
		const context = fakeContext([{ resource: 'constructor', operation: 'toString' }, GET_MANY], {
			continueOnFail: true,
		});
		expect(await router.call(context)).toEqual([
			[
				{
					json: {
						error: 'The operation "toString" is not supported for the resource "constructor"',
						description: null,
						httpCode: null,
						requestId: null,
					},
					pairedItem: { item: 0 },
				},
				{ json: { requestId: 'req-1', from: 'account.getMany' }, pairedItem: { item: 1 } },
			],
		]);
	});
});

describe('router: Continue On Fail', () => {
	it('turns each failed item into { error, description, httpCode, requestId } and goes on', async () => {
		const context = fakeContext(
			[
				TRIGGER,
				{ ...TRIGGER, fails: apiError('Sequence refused', 'The rule is paused.', '409', 'req-x') },
				{ ...GET_MANY, requestIds: ['acc-1', 'acc-2'] },
				{ ...GET_MANY, fails: apiError('Sequence is down', 'Try later.', '503') },
				{
					...TRIGGER,
					fails: new NodeOperationError(node, 'The Rule ID is empty', {
						itemIndex: 4,
						description: 'Fill in the Rule ID.',
					}),
				},
				{ ...TRIGGER, fails: new Error('something odd') },
				TRIGGER,
			],
			{ continueOnFail: true },
		);
		expect(await router.call(context)).toEqual([
			[
				{ json: { requestId: 'req-0', from: 'rule.trigger' }, pairedItem: { item: 0 } },
				{
					json: {
						error: 'Sequence refused',
						description: 'The rule is paused.',
						httpCode: '409',
						requestId: 'req-x',
					},
					pairedItem: { item: 1 },
				},
				{ json: { requestId: 'acc-1', from: 'account.getMany' }, pairedItem: { item: 2 } },
				{ json: { requestId: 'acc-2', from: 'account.getMany' }, pairedItem: { item: 2 } },
				{
					json: {
						error: 'Sequence is down',
						description: 'Try later.',
						httpCode: '503',
						requestId: null,
					},
					pairedItem: { item: 3 },
				},
				{
					json: {
						error: 'The Rule ID is empty',
						description: 'Fill in the Rule ID.',
						httpCode: null,
						requestId: null,
					},
					pairedItem: { item: 4 },
				},
				{ json: { error: 'something odd' }, pairedItem: { item: 5 } },
				{ json: { requestId: 'req-6', from: 'rule.trigger' }, pairedItem: { item: 6 } },
			],
		]);
		expect(triggerMock).toHaveBeenCalledTimes(5);
		expect(getManyMock).toHaveBeenCalledTimes(2);
	});

	it('adds nothing about earlier triggers to the error items', async () => {
		const context = fakeContext(
			[TRIGGER, { ...TRIGGER, fails: apiError('Sequence refused', 'Paused.', '409', 'req-x') }],
			{ continueOnFail: true },
		);
		const [output] = await router.call(context);
		expect(output[1].json).toEqual({
			error: 'Sequence refused',
			description: 'Paused.',
			httpCode: '409',
			requestId: 'req-x',
		});
	});
});

describe('router: a failure after rules already fired', () => {
	const advice =
		'again unless the Idempotency Key is Custom; to carry on past failed items, set Settings → On Error → Continue.';

	it('names the triggered items with their request IDs; account reads do not count', async () => {
		const failure = apiError('Sequence refused', 'The rule is paused.', '409', 'req-x');
		const context = fakeContext([
			{ ...TRIGGER, requestIds: ['req-a'] },
			{ ...GET_MANY, requestIds: ['acc-1', 'acc-2'] },
			{ ...TRIGGER, requestIds: [null] },
			{ ...TRIGGER, fails: failure },
			TRIGGER,
		]);
		const error = await failureOf(context);
		// The operation's NodeApiError itself, with the news added.
		expect(error).toBe(failure);
		expect(error.message).toBe('Sequence refused');
		expect(error.description).toBe(
			'The rule is paused. Before this failure, 2 earlier items had already triggered their rules: ' +
				`item 0 (request ID req-a), item 2. Retrying this execution would trigger them ${advice}`,
		);
		expect(error.context.alreadyTriggered).toEqual([
			{ itemIndex: 0, requestId: 'req-a' },
			{ itemIndex: 2, requestId: null },
		]);
		expect(triggerMock).toHaveBeenCalledTimes(3);
	});

	it('says "one earlier item" for one, and wraps a plain error in a NodeOperationError', async () => {
		const context = fakeContext([
			GET_MANY,
			{ ...TRIGGER, requestIds: ['req-a'] },
			{ ...GET_MANY, fails: new Error('socket closed') },
		]);
		const error = await failureOf(context);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('socket closed');
		expect(error.context.itemIndex).toBe(2);
		expect(error.description).toBe(
			'Before this failure, one earlier item had already triggered its rule: item 1 (request ID req-a). ' +
				`Retrying this execution would trigger it ${advice}`,
		);
		expect(error.context.alreadyTriggered).toEqual([{ itemIndex: 1, requestId: 'req-a' }]);
	});

	it('lists the first ten and counts the rest', async () => {
		const context = fakeContext([
			...Array.from({ length: 12 }, () => TRIGGER),
			{
				...TRIGGER,
				fails: new NodeOperationError(node, 'The Rule ID is empty', { itemIndex: 12 }),
			},
		]);
		const error = await failureOf(context);
		const shown = Array.from({ length: 10 }, (_, i) => `item ${i} (request ID req-${i})`).join(
			', ',
		);
		expect(error.description).toBe(
			`Before this failure, 12 earlier items had already triggered their rules: ${shown} and 2 more. ` +
				`Retrying this execution would trigger them ${advice}`,
		);
		expect(error.context.alreadyTriggered).toHaveLength(12);
		expect(error.context.alreadyTriggered).toEqual(
			Array.from({ length: 12 }, (_, itemIndex) => ({ itemIndex, requestId: `req-${itemIndex}` })),
		);
	});

	it('counts every item a trigger output', async () => {
		const context = fakeContext([
			{ ...TRIGGER, requestIds: ['req-a', 'req-b'] },
			{ ...TRIGGER, fails: new Error('boom') },
		]);
		const error = await failureOf(context);
		expect(error.context.alreadyTriggered).toEqual([
			{ itemIndex: 0, requestId: 'req-a' },
			{ itemIndex: 0, requestId: 'req-b' },
		]);
		expect(error.description).toMatch(
			/^Before this failure, 2 earlier items had already triggered their rules: item 0 \(request ID req-a\), item 0 \(request ID req-b\)\. /,
		);
	});

	it('says nothing of the kind when only accounts were read before', async () => {
		const failure = apiError('Sequence refused', 'The rule is paused.', '409', 'req-x');
		const context = fakeContext([GET_MANY, GET_MANY, { ...TRIGGER, fails: failure }]);
		const error = await failureOf(context);
		expect(error).toBe(failure);
		expect(error.description).toBe('The rule is paused.');
		expect(error.context.alreadyTriggered).toBeUndefined();
	});

	it('says nothing of the kind when the first item fails', async () => {
		const context = fakeContext([{ ...TRIGGER, fails: new Error('boom') }, TRIGGER]);
		const error = await failureOf(context);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('boom');
		expect(error.context.itemIndex).toBe(0);
		expect(error.description).toBeUndefined();
		expect(error.context.alreadyTriggered).toBeUndefined();
		expect(triggerMock).toHaveBeenCalledTimes(1);
	});
});
