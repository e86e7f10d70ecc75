// The node's parameters, read and checked once per execution.
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	type AmountLimits,
	type AmountUnit,
	type DecimalFormat,
	type RoundingMode,
	type ThousandsSeparator,
	amountToCents,
	checkAmountToMove,
} from '../shared/money';

export type SeveralItems = 'invalid' | 'sum' | 'first';

export interface AmountSettings extends AmountLimits {
	unit: AmountUnit;
	severalItems: SeveralItems;
	rounding: RoundingMode;
	format: DecimalFormat;
	onInvalid: 'error' | 'fallback';
	/** Set with "Reply With Fallback Amount", already checked against the limits. */
	fallbackCents?: number;
}

function invalidOption(context: IExecuteFunctions, message: string): NodeOperationError {
	return new NodeOperationError(context.getNode(), message, { itemIndex: 0 });
}

/** A limit or fallback given in dollars → exact cents; a NodeOperationError naming the option otherwise. */
export function dollarsOptionToCents(
	context: IExecuteFunctions,
	value: unknown,
	label: string,
): bigint {
	let cents: bigint;
	try {
		cents = amountToCents(value, { unit: 'dollars', rounding: 'reject' });
	} catch (error) {
		throw invalidOption(context, `${label} is not a valid amount: ${(error as Error).message}`);
	}
	if (cents < 0n) {
		throw invalidOption(context, `${label} is not a valid amount: ${label} cannot be negative.`);
	}
	return cents;
}

export function readSettings(context: IExecuteFunctions): AmountSettings {
	const options = context.getNodeParameter('options', 0, {}) as IDataObject;
	const onInvalid = context.getNodeParameter(
		'onInvalid',
		0,
		'error',
	) as AmountSettings['onInvalid'];
	const settings: AmountSettings = {
		unit: context.getNodeParameter('unit', 0, 'dollars') as AmountUnit,
		severalItems: context.getNodeParameter('severalItems', 0, 'invalid') as SeveralItems,
		rounding: context.getNodeParameter('rounding', 0, 'reject') as RoundingMode,
		format: {
			decimalSeparator:
				(options.decimalSeparator as DecimalFormat['decimalSeparator'] | undefined) ?? '.',
			thousandsSeparator: (options.thousandsSeparator as ThousandsSeparator | undefined) ?? ',',
		},
		minimumCents: dollarsOptionToCents(context, options.minimumAmount ?? 0, 'The Minimum Amount'),
		maximumCents:
			options.maximumAmount === undefined
				? undefined
				: dollarsOptionToCents(context, options.maximumAmount, 'The Maximum Amount'),
		overMaximum: (options.overMaximum as AmountSettings['overMaximum'] | undefined) ?? 'reject',
		onInvalid,
	};
	if (onInvalid === 'fallback') settings.fallbackCents = readFallbackCents(context, settings);
	if (settings.format.decimalSeparator === settings.format.thousandsSeparator) {
		throw invalidOption(context, 'The decimal and thousands separators must differ');
	}
	return settings;
}

function readFallbackCents(context: IExecuteFunctions, limits: AmountLimits): number {
	const fallback = dollarsOptionToCents(
		context,
		context.getNodeParameter('fallbackAmount', 0, 0),
		'The Fallback Amount',
	);
	// The fallback is sent without a second chance, so it must itself be within the limits.
	try {
		return checkAmountToMove(fallback, { ...limits, overMaximum: 'reject' }).amountInCents;
	} catch (error) {
		throw invalidOption(context, `The Fallback Amount cannot be sent: ${(error as Error).message}`);
	}
}
