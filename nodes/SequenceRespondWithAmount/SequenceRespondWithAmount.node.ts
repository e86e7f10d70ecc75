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
	amountToCents,
	checkAmountToMove,
	formatCentsAsDollars,
} from '../shared/money';
import { isAmountTriggerType } from '../shared/queryRemoteApi';

/** Status of the reply when no amount may be sent: the request was understood, the amount was not acceptable. */
export const INVALID_AMOUNT_STATUS = 422;

interface AmountSettings {
	unit: AmountUnit;
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
		description: 'Answers a Sequence Amount Request with {"amountInCents": …}, checked to the cent',
		defaults: { name: 'Respond With Amount' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{
				displayName:
					'Sequence moves the amount this node answers. Only the first input item is used; an invalid amount is never sent: the reply is then an error (or your fallback amount).',
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
		const triggerName = findAmountTrigger(this);
		const settings = readSettings(this);
		const rawAmount = this.getNodeParameter('amount', 0, '') as unknown;
		const receivedAt = readReceivedAt(this, triggerName);
		const inputs = { amount: rawAmount as IDataObject[string], unit: settings.unit, rounding: settings.rounding };

		let reply: { amountInCents: number; output: IDataObject };
		try {
			const cents = amountToCents(rawAmount, settings);
			const checked = checkAmountToMove(cents, settings);
			reply = {
				amountInCents: checked.amountInCents,
				output: checked.clampedFromCents === undefined
					? {}
					: { clampedFromDollars: formatCentsAsDollars(checked.clampedFromCents) },
			};
		} catch (error) {
			if (!(error instanceof AmountError)) {
				throw new NodeOperationError(this.getNode(), error as Error, { itemIndex: 0 });
			}
			if (settings.onInvalid === 'fallback' && settings.fallbackCents !== undefined) {
				reply = { amountInCents: settings.fallbackCents, output: { fallbackUsed: true, fallbackReason: error.message } };
			} else {
				// Answer first: Sequence must get an error, not an empty 200 or a timeout.
				await this.sendResponse({
					body: { error: `No amount: ${error.message}` },
					headers: { 'content-type': 'application/json' },
					statusCode: INVALID_AMOUNT_STATUS,
				});
				const failure = new NodeOperationError(this.getNode(), `Invalid amount, so Sequence was told no amount: ${error.message}`, {
					itemIndex: 0,
					description: `Sequence received status ${INVALID_AMOUNT_STATUS} and moves nothing. Fix the Amount expression, or choose "Reply With Fallback Amount".`,
				});
				if (!this.continueOnFail()) throw failure;
				return [
					items.map((_item, itemIndex) => ({
						json: itemIndex === 0 ? { error: failure.message, amountInput: inputs.amount, responded: true, statusCode: INVALID_AMOUNT_STATUS } : ignoredItem(itemIndex),
						pairedItem: { item: itemIndex },
					})),
				];
			}
		}

		await this.sendResponse({
			body: { amountInCents: reply.amountInCents },
			headers: { 'content-type': 'application/json' },
			statusCode: 200,
		});
		const answered: IDataObject = {
			amountInCents: reply.amountInCents,
			amountInDollars: formatCentsAsDollars(reply.amountInCents),
			...reply.output,
			inputs,
			requestReceivedAt: receivedAt ?? null,
			responded: true,
		};
		return [
			items.map((_item, itemIndex) => ({
				json: itemIndex === 0 ? answered : ignoredItem(itemIndex),
				pairedItem: { item: itemIndex },
			})),
		];
	}
}

function ignoredItem(itemIndex: number): IDataObject {
	return {
		responded: false,
		itemIndex,
		reason: 'Sequence asks once per request, so only the first item\'s amount was sent. Aggregate items (e.g. with a Summarize node) before this node to send a total.',
	};
}

/** The name of the upstream Sequence Amount Request Trigger, or an error if there is none. */
function findAmountTrigger(context: IExecuteFunctions): string {
	const parents = context.getParentNodes(context.getNode().name);
	const trigger = parents.find((parent) => isAmountTriggerType(parent.type));
	if (!trigger) {
		throw new NodeOperationError(context.getNode(), 'No "Sequence Amount Request Trigger" comes before this node', {
			description:
				'This node answers the request Sequence sends to that trigger. Start the workflow with a Sequence Amount Request Trigger and connect it (through your other nodes) to this one.',
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
