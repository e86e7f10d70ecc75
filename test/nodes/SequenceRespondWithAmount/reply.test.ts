import { type IDataObject, NodeOperationError } from 'n8n-workflow';

import * as money from '../../../n8n-nodes-sequence-money/nodes/shared/money';
import { AmountError } from '../../../n8n-nodes-sequence-money/nodes/shared/money';
import {
	INVALID_AMOUNT_STATUS,
	amountInCents,
	decideAmount,
	executionReply,
	outputItems,
	readAmountInputs,
	refusedAnswer,
	sentAnswer,
} from '../../../n8n-nodes-sequence-money/nodes/SequenceRespondWithAmount/reply';
import { readSettings } from '../../../n8n-nodes-sequence-money/nodes/SequenceRespondWithAmount/settings';
import { fakeExecuteContext } from './fakeExecuteContext';

const settingsOf = (parameters: IDataObject = {}) =>
	readSettings(fakeExecuteContext({ parameters }).context);

/** decideAmount for the given Amount (a list: one per item) and parameters. */
function decide(amount: unknown, parameters: IDataObject = {}) {
	const amounts = Array.isArray(amount) ? amount : [amount];
	const { context } = fakeExecuteContext({ parameters: { ...parameters, amount: amounts } });
	const settings = readSettings(context);
	return decideAmount(
		context,
		readAmountInputs(context, amounts.length, settings),
		amounts.length,
		settings,
	);
}

const SEVERAL_ITEMS_MESSAGE =
	'2 items reached this node, but Sequence takes one amount per request. Set Several Input Items to "Add Up Their Amounts" or "Use the First Item", or combine the items before this node.';

describe('readAmountInputs: the Amount of the items that count', () => {
	it.each([
		['invalid', [0]],
		['first', [0]],
		['sum', [0, 1, 2]],
	])('with Several Input Items "%s", reads the Amount of items %j', (severalItems, read) => {
		const amounts = [1, 2, 3];
		const { context } = fakeExecuteContext({ parameters: { severalItems, amount: amounts } });
		const inputs = readAmountInputs(context, 3, settingsOf({ severalItems }));
		expect(inputs.rawAmounts).toEqual(read.map((itemIndex) => amounts[itemIndex]));
	});

	it('shows one amount, or the list when several are added', () => {
		const read = (severalItems: string, amount: unknown[]) => {
			const { context } = fakeExecuteContext({
				parameters: { severalItems, amount, unit: 'cents' },
			});
			return readAmountInputs(context, amount.length, settingsOf({ severalItems, unit: 'cents' }))
				.inputs;
		};
		expect(read('sum', [5, 7])).toEqual({ amounts: [5, 7], unit: 'cents', rounding: 'reject' });
		expect(read('sum', [5])).toEqual({ amount: 5, unit: 'cents', rounding: 'reject' });
		expect(read('first', [5, 7])).toEqual({ amount: 5, unit: 'cents', rounding: 'reject' });
	});
});

describe('amountInCents', () => {
	it('refuses several items unless told how to combine them', () => {
		const attempt = () => amountInCents([1], 2, settingsOf());
		expect(attempt).toThrow(AmountError);
		expect(attempt).toThrow(SEVERAL_ITEMS_MESSAGE);
	});

	it('adds the items exactly and rounds once: three half cents are 2 cents, not 3', () => {
		const settings = settingsOf({ severalItems: 'sum', rounding: 'halfUp' });
		expect(amountInCents([0.005, 0.005, '0.005'], 3, settings)).toBe(2n);
	});
});

describe('decideAmount: the amount Sequence gets, or why none', () => {
	it('a valid amount', () => {
		expect(decide(125)).toEqual({ amountInCents: 12500, output: {} });
	});

	it('an added-up amount says how many items', () => {
		expect(decide([19.99, 0.01], { severalItems: 'sum' })).toEqual({
			amountInCents: 2000,
			output: { itemsAdded: 2 },
		});
	});

	it('a clamped amount says from what', () => {
		expect(decide(2000, { options: { maximumAmount: 1000, overMaximum: 'clamp' } })).toEqual({
			amountInCents: 100000,
			output: { clampedFromDollars: '2000.00' },
		});
	});

	it.each([
		[-5, {}, 'The amount -5 dollars is negative; Sequence can only move zero or more.'],
		[[1, 2], {}, SEVERAL_ITEMS_MESSAGE],
		[
			2000,
			{ options: { maximumAmount: 1000 } },
			'The amount 2000.00 dollars (200000 cents) is above the Maximum Amount of 1000.00 dollars.',
		],
	])('%p %j is returned as a refusal, not thrown', (amount, parameters, message) => {
		const decision = decide(amount, parameters);
		expect(decision.refusal).toBeInstanceOf(AmountError);
		expect(decision.refusal?.message).toBe(message);
	});

	it('with Reply With Fallback Amount, the fallback replaces a refused amount and says why', () => {
		expect(decide(-5, { onInvalid: 'fallback', fallbackAmount: 1.5 })).toEqual({
			amountInCents: 150,
			output: {
				fallbackUsed: true,
				fallbackReason: 'The amount -5 dollars is negative; Sequence can only move zero or more.',
			},
		});
	});

	it('an unforeseen error becomes a NodeOperationError', () => {
		const spy = jest.spyOn(money, 'checkAmountToMove').mockImplementation(() => {
			throw new TypeError('boom');
		});
		try {
			expect(() => decide(1)).toThrow(NodeOperationError);
			expect(() => decide(1)).toThrow('boom');
		} finally {
			spy.mockRestore();
		}
	});
});

describe('executionReply: one answer per execution', () => {
	const negative = new AmountError(
		'negative',
		'The amount -1 dollars is negative; Sequence can only move zero or more.',
	);
	const invalidMessage =
		'Invalid amount, so Sequence was told no amount: The amount -1 dollars is negative; Sequence can only move zero or more.';
	const invalidDescription =
		'Sequence received status 422 and moves nothing. Fix the Amount expression, or choose "Reply With Fallback Amount".';

	it('sends the amount as {"amountInCents": N} with 200, and records it in the flow context', async () => {
		const { context, responses, flow } = fakeExecuteContext({ runIndex: 2 });
		const reply = executionReply(context);
		expect(reply.alreadyAnswered).toBeUndefined();
		await reply.sendAmount(500);
		expect(responses).toEqual([
			{
				body: { amountInCents: 500 },
				headers: { 'content-type': 'application/json' },
				statusCode: 200,
			},
		]);
		expect(flow.sequenceAmountReplySent).toEqual({
			node: 'Respond With Amount',
			runIndex: 2,
			statusCode: 200,
			amountInCents: 500,
		});
	});

	it('sends a refusal with 422 and no amount, and returns the error the node fails with', async () => {
		const { context, responses } = fakeExecuteContext();
		const failure = await executionReply(context).sendRefusal(negative);
		expect(INVALID_AMOUNT_STATUS).toBe(422);
		expect(responses).toEqual([
			{
				body: {
					error:
						'No amount: The amount -1 dollars is negative; Sequence can only move zero or more.',
				},
				headers: { 'content-type': 'application/json' },
				statusCode: 422,
			},
		]);
		expect(failure).toBeInstanceOf(NodeOperationError);
		expect(failure.message).toBe(invalidMessage);
		expect(failure.description).toBe(invalidDescription);
		expect(failure.context.itemIndex).toBe(0);
	});

	it('another node of the same execution is told who answered, and with what', async () => {
		const flow = {};
		await executionReply(fakeExecuteContext({ flow }).context).sendAmount(500);
		const second = executionReply(fakeExecuteContext({ flow, nodeName: 'Second Reply' }).context);
		expect(second.alreadyAnswered?.message).toBe(
			'Sequence was already answered in this execution (by "Respond With Amount"), so this node sent nothing',
		);
		expect(second.alreadyAnswered?.description).toBe(
			'Sequence takes one answer per request, and got 500 cents. Make sure exactly one Sequence Respond With Amount runs, once: check for loops, and for several branches that each reach one.',
		);
	});

	it('after a refusal, another node is told the status Sequence got', async () => {
		const flow = {};
		await executionReply(fakeExecuteContext({ flow }).context).sendRefusal(negative);
		const second = executionReply(fakeExecuteContext({ flow, nodeName: 'Second Reply' }).context);
		expect(second.alreadyAnswered?.description).toMatch(
			/^Sequence takes one answer per request, and got status 422\./,
		);
	});

	it('Retry On Fail (same node, same run) keeps the first error and answers nothing more', async () => {
		const flow = {};
		await executionReply(fakeExecuteContext({ flow }).context).sendRefusal(negative);
		const { context, responses } = fakeExecuteContext({ flow });
		const retry = executionReply(context);
		expect(retry.alreadyAnswered?.message).toBe(invalidMessage);
		expect(retry.alreadyAnswered?.description).toBe(
			`${invalidDescription} (Retry On Fail does not answer again: Sequence already has this reply.)`,
		);
		expect(responses).toEqual([]);
	});

	it('the same node in a later run (a loop) is a second answer, not a retry', async () => {
		const flow = {};
		await executionReply(fakeExecuteContext({ flow }).context).sendRefusal(negative);
		const later = executionReply(fakeExecuteContext({ flow, runIndex: 1 }).context);
		expect(later.alreadyAnswered?.message).toMatch(
			/^Sequence was already answered in this execution/,
		);
	});
});

describe('output items', () => {
	const answer = { responded: true };

	it('one item: the answer, paired with it', () => {
		expect(outputItems(1, 'invalid', answer, true)).toEqual([
			{ json: answer, pairedItem: { item: 0 } },
		]);
	});

	it.each(['sum', 'invalid'] as const)(
		'several items with "%s": one answer paired with all',
		(severalItems) => {
			expect(outputItems(2, severalItems, answer, true)).toEqual([
				{ json: answer, pairedItem: [{ item: 0 }, { item: 1 }] },
			]);
		},
	);

	it('Use the First Item: the others say their amount was not sent', () => {
		expect(outputItems(2, 'first', answer, true)).toEqual([
			{ json: answer, pairedItem: { item: 0 } },
			{
				json: {
					responded: false,
					itemIndex: 1,
					reason:
						'Sequence asks once per request, so only the first item\'s amount was sent (Several Input Items: Use the First Item). Choose "Add Up Their Amounts" to send a total.',
				},
				pairedItem: { item: 1 },
			},
		]);
		expect(outputItems(2, 'first', answer, false)[1].json.reason).toBe(
			'Only the first item counts (Several Input Items: Use the First Item), and no amount was sent for it.',
		);
	});

	it('sentAnswer: the amount in cents and dollars, what was given, and when the request came', () => {
		const inputs = { amount: '12.5', unit: 'dollars', rounding: 'reject' };
		expect(
			sentAnswer(
				{ amountInCents: 1250, output: { itemsAdded: 2 } },
				{ rawAmounts: ['12.5'], inputs },
				'T',
			),
		).toEqual({
			amountInCents: 1250,
			amountInDollars: '12.50',
			itemsAdded: 2,
			inputs,
			requestReceivedAt: 'T',
			responded: true,
		});
		expect(
			sentAnswer({ amountInCents: 0, output: {} }, { rawAmounts: [0], inputs }, undefined)
				.requestReceivedAt,
		).toBeNull();
	});

	it('refusedAnswer: the error and the amount (or amounts) that could not be used', () => {
		const failure = new NodeOperationError({ name: 'R' } as never, 'Invalid amount');
		expect(
			refusedAnswer(failure, {
				rawAmounts: [-1],
				inputs: { amount: -1, unit: 'dollars', rounding: 'reject' },
			}),
		).toEqual({
			error: 'Invalid amount',
			amountInput: -1,
			responded: true,
			statusCode: 422,
		});
		expect(refusedAnswer(failure, { rawAmounts: [1, -1], inputs: { amounts: [1, -1] } })).toEqual({
			error: 'Invalid amount',
			amountInputs: [1, -1],
			responded: true,
			statusCode: 422,
		});
	});
});
