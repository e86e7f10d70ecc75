// The one answer Sequence gets: the amount computed from the items, sent once per
// execution, and the items this node outputs about it.
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	AmountError,
	addAmountsToMove,
	checkAmountToMove,
	exactDecimalToCents,
	formatCentsAsDollars,
} from '../shared/money';
import type { AmountSettings, SeveralItems } from './settings';

/** Status of the reply when no amount may be sent: the request was understood, the amount was not acceptable. */
export const INVALID_AMOUNT_STATUS = 422;

/** Where the flow context records that this execution's request has been answered. */
const REPLY_SENT_KEY = 'sequenceAmountReplySent';

interface ReplySent {
	node: string;
	runIndex: number;
	statusCode: number;
	amountInCents: number | null;
	/** Why no amount was sent, for n8n's Retry On Fail re-running this node after it failed. */
	failure?: { message: string; description: string };
}

/** The Amount parameter of the items that count, and how the output shows them. */
export interface AmountInputs {
	rawAmounts: Array<IDataObject[string]>;
	inputs: IDataObject;
}

export function readAmountInputs(
	context: IExecuteFunctions,
	itemCount: number,
	settings: AmountSettings,
): AmountInputs {
	const used =
		settings.severalItems === 'sum'
			? Array.from({ length: itemCount }, (_unused, itemIndex) => itemIndex)
			: [0];
	const rawAmounts = used.map(
		(itemIndex) => context.getNodeParameter('amount', itemIndex, '') as IDataObject[string],
	);
	const inputs: IDataObject = {
		...(settings.severalItems === 'sum' && itemCount > 1
			? { amounts: rawAmounts }
			: { amount: rawAmounts[0] }),
		unit: settings.unit,
		rounding: settings.rounding,
	};
	return { rawAmounts, inputs };
}

/**
 * The amount to send, in exact cents. Added up, the items' amounts are summed exactly and
 * rounded once, so many half cents cannot add up to a different total than their sum.
 */
export function amountInCents(
	rawAmounts: Array<IDataObject[string]>,
	itemCount: number,
	settings: AmountSettings,
): bigint {
	if (itemCount > 1 && settings.severalItems === 'invalid') {
		throw new AmountError(
			'severalItems',
			`${itemCount} items reached this node, but Sequence takes one amount per request. Set Several Input Items to "Add Up Their Amounts" or "Use the First Item", or combine the items before this node.`,
		);
	}
	return exactDecimalToCents(
		addAmountsToMove(rawAmounts, settings),
		settings.unit,
		settings.rounding,
	);
}

/** An amount Sequence may be sent (with what the output adds about it), or why there is none. */
export type AmountDecision =
	| { amountInCents: number; output: IDataObject; refusal?: undefined }
	| { refusal: AmountError };

/** Never throws an AmountError: a refused amount is returned, or replaced by the fallback. */
export function decideAmount(
	context: IExecuteFunctions,
	{ rawAmounts }: AmountInputs,
	itemCount: number,
	settings: AmountSettings,
): AmountDecision {
	try {
		const checked = checkAmountToMove(amountInCents(rawAmounts, itemCount, settings), settings);
		return {
			amountInCents: checked.amountInCents,
			output: {
				...(rawAmounts.length > 1 ? { itemsAdded: rawAmounts.length } : {}),
				...(checked.clampedFromCents === undefined
					? {}
					: { clampedFromDollars: formatCentsAsDollars(checked.clampedFromCents) }),
			},
		};
	} catch (error) {
		if (!(error instanceof AmountError)) {
			throw new NodeOperationError(context.getNode(), error as Error, { itemIndex: 0 });
		}
		if (settings.onInvalid === 'fallback' && settings.fallbackCents !== undefined) {
			return {
				amountInCents: settings.fallbackCents,
				output: { fallbackUsed: true, fallbackReason: error.message },
			};
		}
		return { refusal: error };
	}
}

/**
 * Sequence takes one answer per request: the flow context (shared by the whole execution)
 * records the answer, so that a second one is never claimed as sent.
 */
export interface ExecutionReply {
	/** Set when this execution has already answered: the error this node fails with. */
	alreadyAnswered?: NodeOperationError;
	sendAmount(amountInCents: number): Promise<void>;
	/** Answers with INVALID_AMOUNT_STATUS and no amount; returns the error this node fails with. */
	sendRefusal(refusal: AmountError): Promise<NodeOperationError>;
}

export function executionReply(context: IExecuteFunctions): ExecutionReply {
	const flow = context.getContext('flow');
	const earlier = flow[REPLY_SENT_KEY] as ReplySent | undefined;
	const node = context.getNode().name;
	const runIndex = context.getWorkflowDataProxy(0).$runIndex as number;
	const send = async (reply: ReplySent, body: IDataObject) => {
		await context.sendResponse({
			body,
			headers: { 'content-type': 'application/json' },
			statusCode: reply.statusCode,
		});
		flow[REPLY_SENT_KEY] = reply;
	};
	return {
		alreadyAnswered: earlier && alreadyAnsweredError(context, earlier, node, runIndex),
		async sendAmount(amountInCents) {
			await send({ node, runIndex, statusCode: 200, amountInCents }, { amountInCents });
		},
		async sendRefusal(refusal) {
			const message = `Invalid amount, so Sequence was told no amount: ${refusal.message}`;
			const description = `Sequence received status ${INVALID_AMOUNT_STATUS} and moves nothing. Fix the Amount expression, or choose "Reply With Fallback Amount".`;
			await send(
				{
					node,
					runIndex,
					statusCode: INVALID_AMOUNT_STATUS,
					amountInCents: null,
					failure: { message, description },
				},
				{ error: `No amount: ${refusal.message}` },
			);
			return new NodeOperationError(context.getNode(), message, { itemIndex: 0, description });
		},
	};
}

function alreadyAnsweredError(
	context: IExecuteFunctions,
	earlier: ReplySent,
	node: string,
	runIndex: number,
): NodeOperationError {
	// After this node's own error reply, n8n's Retry On Fail runs it again: that first error stands.
	const ownFailure =
		earlier.node === node && earlier.runIndex === runIndex ? earlier.failure : undefined;
	if (ownFailure) {
		return new NodeOperationError(context.getNode(), ownFailure.message, {
			itemIndex: 0,
			description: `${ownFailure.description} (Retry On Fail does not answer again: Sequence already has this reply.)`,
		});
	}
	const got =
		earlier.amountInCents === null
			? `status ${earlier.statusCode}`
			: `${earlier.amountInCents} cents`;
	return new NodeOperationError(
		context.getNode(),
		`Sequence was already answered in this execution (by "${earlier.node}"), so this node sent nothing`,
		{
			itemIndex: 0,
			description: `Sequence takes one answer per request, and got ${got}. Make sure exactly one Sequence Respond With Amount runs, once: check for loops, and for several branches that each reach one.`,
		},
	);
}

/** The output when an amount was sent. */
export function sentAnswer(
	sent: { amountInCents: number; output: IDataObject },
	{ inputs }: AmountInputs,
	requestReceivedAt: string | undefined,
): IDataObject {
	return {
		amountInCents: sent.amountInCents,
		amountInDollars: formatCentsAsDollars(sent.amountInCents),
		...sent.output,
		inputs,
		requestReceivedAt: requestReceivedAt ?? null,
		responded: true,
	};
}

/** The output (with Continue On Fail) when Sequence was told no amount. */
export function refusedAnswer(failure: NodeOperationError, { inputs }: AmountInputs): IDataObject {
	// The amount (or amounts) that could not be used.
	const amountInput =
		'amounts' in inputs ? { amountInputs: inputs.amounts } : { amountInput: inputs.amount };
	return {
		error: failure.message,
		...amountInput,
		responded: true,
		statusCode: INVALID_AMOUNT_STATUS,
	};
}

/** One answer, paired with the items it came from; with "Use the First Item", the others say they were not sent. */
export function outputItems(
	itemCount: number,
	severalItems: SeveralItems,
	answer: IDataObject,
	amountSent: boolean,
): INodeExecutionData[] {
	if (itemCount === 1) return [{ json: answer, pairedItem: { item: 0 } }];
	if (severalItems === 'first') {
		return Array.from({ length: itemCount }, (_unused, itemIndex) => ({
			json: itemIndex === 0 ? answer : ignoredItem(itemIndex, amountSent),
			pairedItem: { item: itemIndex },
		}));
	}
	return [
		{
			json: answer,
			pairedItem: Array.from({ length: itemCount }, (_unused, itemIndex) => ({ item: itemIndex })),
		},
	];
}

function ignoredItem(itemIndex: number, amountSent: boolean): IDataObject {
	return {
		responded: false,
		itemIndex,
		reason: amountSent
			? 'Sequence asks once per request, so only the first item\'s amount was sent (Several Input Items: Use the First Item). Choose "Add Up Their Amounts" to send a total.'
			: 'Only the first item counts (Several Input Items: Use the First Item), and no amount was sent for it.',
	};
}
