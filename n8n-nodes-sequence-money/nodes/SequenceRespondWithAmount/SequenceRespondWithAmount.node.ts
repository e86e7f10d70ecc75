import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import {
	AmountError,
	type AmountUnit,
	type DecimalFormat,
	type RoundingMode,
	type ThousandsSeparator,
	addAmountsToMove,
	amountToCents,
	checkAmountToMove,
	exactDecimalToCents,
	formatCentsAsDollars,
} from '../shared/money';
import { isQueryRemoteApiTriggerType } from '../shared/queryRemoteApi';

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

type SeveralItems = 'invalid' | 'sum' | 'first';

interface AmountSettings {
	unit: AmountUnit;
	severalItems: SeveralItems;
	rounding: RoundingMode;
	format: DecimalFormat;
	minimumCents: bigint;
	maximumCents?: bigint;
	overMaximum: 'reject' | 'clamp';
	onInvalid: 'error' | 'fallback';
	fallbackCents?: number;
}

export class SequenceRespondWithAmount implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sequence Respond With Amount',
		name: 'sequenceRespondWithAmount',
		icon: { light: 'file:../../icons/sequence.svg', dark: 'file:../../icons/sequence.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ "Reply in " + ($parameter["unit"] || "dollars") }}',
		description: 'Answers a Sequence Query Remote API call with {"amountInCents": …}, checked to the cent',
		defaults: { name: 'Respond With Amount' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{
				displayName:
					'Sequence moves the amount this node answers, once per request. An invalid amount is never sent: the reply is then an error (or your fallback amount).',
				name: 'moneyNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Amount',
				name: 'amount',
				type: 'string',
				required: true,
				default: '',
				placeholder: '={{ $json.total }}',
				description: 'The amount to move: a number or text such as 1,234.56, usually an expression',
			},
			{
				displayName: 'Unit',
				name: 'unit',
				type: 'options',
				default: 'dollars',
				options: [
					{ name: 'Dollars', value: 'dollars', description: '12.34 means $12.34' },
					{ name: 'Cents', value: 'cents', description: '1234 means $12.34' },
				],
			},
			{
				displayName: 'Several Input Items',
				name: 'severalItems',
				type: 'options',
				default: 'invalid',
				options: [
					{
						name: 'Treat as an Invalid Amount',
						value: 'invalid',
						description: 'Sequence asks for one amount: more than one item is handled as set in On Invalid Amount',
					},
					{
						name: 'Add Up Their Amounts',
						value: 'sum',
						description: 'The Amount of every item, added exactly, is sent as one total',
					},
					{
						name: 'Use the First Item',
						value: 'first',
						description: "Only the first item's Amount is sent; the others are reported as not sent",
					},
				],
				description: 'What to do when more than one item reaches this node',
			},
			{
				displayName: 'Fractions of a Cent',
				name: 'rounding',
				type: 'options',
				default: 'reject',
				options: [
					{ name: 'Reject', value: 'reject', description: 'Refuse the amount (e.g. 12.345 dollars)' },
					{ name: 'Round Half Up', value: 'halfUp', description: '12.345 → 12.35' },
					{ name: 'Round Down', value: 'down', description: '12.349 → 12.34' },
					{ name: 'Round Half Even', value: 'halfEven', description: "12.345 → 12.34, 12.355 → 12.36 (banker's rounding)" },
				],
			},
			{
				displayName: 'On Invalid Amount',
				name: 'onInvalid',
				type: 'options',
				default: 'error',
				options: [
					{
						name: 'Reply With an Error',
						value: 'error',
						description: 'Sequence gets an error status and moves nothing; the node fails',
					},
					{
						name: 'Reply With Fallback Amount',
						value: 'fallback',
						description: 'Sequence gets a fixed amount (may be 0); the output says why',
					},
				],
			},
			{
				displayName: 'Fallback Amount (Dollars)',
				name: 'fallbackAmount',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 2 },
				default: 0,
				description: 'Sent when the amount is invalid',
				displayOptions: { show: { onInvalid: ['fallback'] } },
			},
			{
				displayName: 'Limits and Format',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Above Maximum',
						name: 'overMaximum',
						type: 'options',
						default: 'reject',
						options: [
							{ name: 'Reject', value: 'reject', description: 'Treat as an invalid amount' },
							{ name: 'Clamp', value: 'clamp', description: 'Send the Maximum Amount instead' },
						],
					},
					{
						displayName: 'Decimal Separator',
						name: 'decimalSeparator',
						type: 'options',
						default: '.',
						options: [
							{ name: 'Point (1234.56)', value: '.' },
							{ name: 'Comma (1234,56)', value: ',' },
						],
						description: 'For amounts given as text',
					},
					{
						displayName: 'Maximum Amount (Dollars)',
						name: 'maximumAmount',
						type: 'number',
						typeOptions: { minValue: 0, numberPrecision: 2 },
						default: 1000,
						description: 'A cap on what Sequence may be told to move',
					},
					{
						displayName: 'Minimum Amount (Dollars)',
						name: 'minimumAmount',
						type: 'number',
						typeOptions: { minValue: 0, numberPrecision: 2 },
						default: 0,
					},
					{
						displayName: 'Thousands Separator',
						name: 'thousandsSeparator',
						type: 'options',
						default: ',',
						options: [
							{ name: 'Apostrophe (1\'234)', value: "'" },
							{ name: 'Comma (1,234)', value: ',' },
							{ name: 'None', value: '' },
							{ name: 'Point (1.234)', value: '.' },
							{ name: 'Space (1 234)', value: ' ' },
						],
						description: 'For amounts given as text',
					},
				],
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const triggerName = findQueryRemoteApiTrigger(this);
		const settings = readSettings(this);
		const receivedAt = readReceivedAt(this, triggerName);
		const used = settings.severalItems === 'sum' ? items.map((_item, itemIndex) => itemIndex) : [0];
		const rawAmounts = used.map((itemIndex) => this.getNodeParameter('amount', itemIndex, '') as IDataObject[string]);
		const inputs: IDataObject = {
			...(settings.severalItems === 'sum' && items.length > 1 ? { amounts: rawAmounts } : { amount: rawAmounts[0] }),
			unit: settings.unit,
			rounding: settings.rounding,
		};
		const toOutput = (answer: IDataObject, amountSent = true) => outputItems(items.length, settings.severalItems, answer, amountSent);

		// Sequence takes one answer per request: a second reply would be dropped by n8n while
		// this node's output claimed it was sent.
		const flow = this.getContext('flow');
		const earlier = flow[REPLY_SENT_KEY] as ReplySent | undefined;
		const node = this.getNode().name;
		const runIndex = this.getWorkflowDataProxy(0).$runIndex as number;
		if (earlier) {
			// After this node's own error reply, n8n's Retry On Fail runs it again: that first error stands.
			const ownFailure = earlier.node === node && earlier.runIndex === runIndex ? earlier.failure : undefined;
			const failure = ownFailure
				? new NodeOperationError(this.getNode(), ownFailure.message, {
						itemIndex: 0,
						description: `${ownFailure.description} (Retry On Fail does not answer again: Sequence already has this reply.)`,
					})
				: new NodeOperationError(this.getNode(), `Sequence was already answered in this execution (by "${earlier.node}"), so this node sent nothing`, {
						itemIndex: 0,
						description: `Sequence takes one answer per request, and got ${
							earlier.amountInCents === null ? `status ${earlier.statusCode}` : `${earlier.amountInCents} cents`
						}. Make sure exactly one Sequence Respond With Amount runs, once: check for loops, and for several branches that each reach one.`,
					});
			if (!this.continueOnFail()) throw failure;
			return [toOutput({ error: failure.message, responded: false }, false)];
		}
		const send = async (reply: ReplySent, body: IDataObject) => {
			await this.sendResponse({ body, headers: { 'content-type': 'application/json' }, statusCode: reply.statusCode });
			flow[REPLY_SENT_KEY] = reply;
		};

		let reply: { amountInCents: number; output: IDataObject };
		try {
			const cents = amountInCents(rawAmounts, items.length, settings);
			const checked = checkAmountToMove(cents, settings);
			reply = {
				amountInCents: checked.amountInCents,
				output: {
					...(used.length > 1 ? { itemsAdded: used.length } : {}),
					...(checked.clampedFromCents === undefined ? {} : { clampedFromDollars: formatCentsAsDollars(checked.clampedFromCents) }),
				},
			};
		} catch (error) {
			if (!(error instanceof AmountError)) {
				throw new NodeOperationError(this.getNode(), error as Error, { itemIndex: 0 });
			}
			if (settings.onInvalid === 'fallback' && settings.fallbackCents !== undefined) {
				reply = { amountInCents: settings.fallbackCents, output: { fallbackUsed: true, fallbackReason: error.message } };
			} else {
				// Answer first: Sequence must get an error, not an empty 200 or a timeout.
				const message = `Invalid amount, so Sequence was told no amount: ${error.message}`;
				const description = `Sequence received status ${INVALID_AMOUNT_STATUS} and moves nothing. Fix the Amount expression, or choose "Reply With Fallback Amount".`;
				await send(
					{ node, runIndex, statusCode: INVALID_AMOUNT_STATUS, amountInCents: null, failure: { message, description } },
					{ error: `No amount: ${error.message}` },
				);
				const failure = new NodeOperationError(this.getNode(), message, { itemIndex: 0, description });
				if (!this.continueOnFail()) throw failure;
				return [toOutput({ error: failure.message, ...inputsAsAmountInput(inputs), responded: true, statusCode: INVALID_AMOUNT_STATUS }, false)];
			}
		}

		await send({ node, runIndex, statusCode: 200, amountInCents: reply.amountInCents }, { amountInCents: reply.amountInCents });
		return [
			toOutput({
				amountInCents: reply.amountInCents,
				amountInDollars: formatCentsAsDollars(reply.amountInCents),
				...reply.output,
				inputs,
				requestReceivedAt: receivedAt ?? null,
				responded: true,
			}),
		];
	}
}

/** The amount (or amounts) that could not be used, as the error output shows it. */
function inputsAsAmountInput(inputs: IDataObject): IDataObject {
	return 'amounts' in inputs ? { amountInputs: inputs.amounts } : { amountInput: inputs.amount };
}

/**
 * The amount to send, in exact cents. Added up, the items' amounts are summed exactly and
 * rounded once, so many half cents cannot add up to a different total than their sum.
 */
function amountInCents(rawAmounts: Array<IDataObject[string]>, itemCount: number, settings: AmountSettings): bigint {
	if (itemCount > 1 && settings.severalItems === 'invalid') {
		throw new AmountError(
			'severalItems',
			`${itemCount} items reached this node, but Sequence takes one amount per request. Set Several Input Items to "Add Up Their Amounts" or "Use the First Item", or combine the items before this node.`,
		);
	}
	return exactDecimalToCents(addAmountsToMove(rawAmounts, settings), settings.unit, settings.rounding);
}

/** One answer, paired with the items it came from; with "Use the First Item", the others say they were not sent. */
function outputItems(itemCount: number, severalItems: SeveralItems, answer: IDataObject, amountSent: boolean): INodeExecutionData[] {
	if (itemCount === 1) return [{ json: answer, pairedItem: { item: 0 } }];
	if (severalItems === 'first') {
		return Array.from({ length: itemCount }, (_unused, itemIndex) => ({
			json: itemIndex === 0 ? answer : ignoredItem(itemIndex, amountSent),
			pairedItem: { item: itemIndex },
		}));
	}
	return [{ json: answer, pairedItem: Array.from({ length: itemCount }, (_unused, itemIndex) => ({ item: itemIndex })) }];
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

/** The name of the upstream Sequence Query Remote API Trigger, or an error if there is none. */
function findQueryRemoteApiTrigger(context: IExecuteFunctions): string {
	const parents = context.getParentNodes(context.getNode().name);
	const trigger = parents.find((parent) => isQueryRemoteApiTriggerType(parent.type));
	if (!trigger) {
		throw new NodeOperationError(context.getNode(), 'No "Sequence Query Remote API Trigger" comes before this node', {
			description:
				'This node answers the request Sequence sends to that trigger. Start the workflow with a Sequence Query Remote API Trigger and connect it (through your other nodes) to this one.',
		});
	}
	return trigger.name;
}

function readReceivedAt(context: IExecuteFunctions, triggerName: string): string | undefined {
	try {
		const trigger = context.getWorkflowDataProxy(0).$(triggerName);
		const value = (trigger.first() as INodeExecutionData | undefined)?.json?.receivedAt;
		return typeof value === 'string' ? value : undefined;
	} catch {
		// The trigger's data is not reachable (e.g. a partial manual run): the time is informational.
		return undefined;
	}
}

function dollarsOptionToCents(context: IExecuteFunctions, value: unknown, label: string): bigint {
	try {
		const cents = amountToCents(value, { unit: 'dollars', rounding: 'reject' });
		if (cents < 0n) throw new AmountError('negative', `${label} cannot be negative.`);
		return cents;
	} catch (error) {
		throw new NodeOperationError(context.getNode(), `${label} is not a valid amount: ${(error as Error).message}`, {
			itemIndex: 0,
		});
	}
}

function readSettings(context: IExecuteFunctions): AmountSettings {
	const options = context.getNodeParameter('options', 0, {}) as IDataObject;
	const onInvalid = context.getNodeParameter('onInvalid', 0, 'error') as AmountSettings['onInvalid'];
	const settings: AmountSettings = {
		unit: context.getNodeParameter('unit', 0, 'dollars') as AmountUnit,
		severalItems: context.getNodeParameter('severalItems', 0, 'invalid') as SeveralItems,
		rounding: context.getNodeParameter('rounding', 0, 'reject') as RoundingMode,
		format: {
			decimalSeparator: (options.decimalSeparator as DecimalFormat['decimalSeparator'] | undefined) ?? '.',
			thousandsSeparator: (options.thousandsSeparator as ThousandsSeparator | undefined) ?? ',',
		},
		minimumCents: dollarsOptionToCents(context, options.minimumAmount ?? 0, 'The Minimum Amount'),
		maximumCents:
			options.maximumAmount === undefined ? undefined : dollarsOptionToCents(context, options.maximumAmount, 'The Maximum Amount'),
		overMaximum: (options.overMaximum as AmountSettings['overMaximum'] | undefined) ?? 'reject',
		onInvalid,
	};
	if (onInvalid === 'fallback') {
		const fallback = dollarsOptionToCents(context, context.getNodeParameter('fallbackAmount', 0, 0), 'The Fallback Amount');
		// The fallback is sent without a second chance, so it must itself be within the limits.
		try {
			settings.fallbackCents = checkAmountToMove(fallback, { ...settings, overMaximum: 'reject' }).amountInCents;
		} catch (error) {
			throw new NodeOperationError(context.getNode(), `The Fallback Amount cannot be sent: ${(error as Error).message}`, {
				itemIndex: 0,
			});
		}
	}
	if (settings.format.decimalSeparator === settings.format.thousandsSeparator) {
		throw new NodeOperationError(context.getNode(), 'The decimal and thousands separators must differ', { itemIndex: 0 });
	}
	return settings;
}
