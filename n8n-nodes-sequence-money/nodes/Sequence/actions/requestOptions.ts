import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { type BackoffPolicy, DEFAULT_BASE_DELAY_MS } from '../../shared/retry';

interface NumberOptionBounds {
	min: number;
	max: number;
	default: number;
	/** Whether only whole numbers are accepted. */
	integer?: boolean;
}

type RequestOptionName = 'maxRetries' | 'maxWaitSeconds' | 'timeoutSeconds';

/**
 * The allowed range and default of each request option. The editor's limits and the
 * check at run time both read this table: expressions can bypass the editor's limits.
 */
export const REQUEST_OPTION_BOUNDS: Record<RequestOptionName, NumberOptionBounds> = {
	maxRetries: { min: 0, max: 10, default: 3, integer: true },
	maxWaitSeconds: { min: 0, max: 600, default: 30 },
	timeoutSeconds: { min: 1, max: 300, default: 30 },
};

/** The editor's limits for an option (numberPrecision 0: whole numbers only). */
function editorLimits(name: RequestOptionName): INodeProperties['typeOptions'] {
	const { min, max, integer } = REQUEST_OPTION_BOUNDS[name];
	return integer
		? { minValue: min, maxValue: max, numberPrecision: 0 }
		: { minValue: min, maxValue: max };
}

// A function rather than `REQUEST_OPTION_BOUNDS.x.default`: n8n's linter accepts a call
// as a parameter's default, but not a property access.
function defaultOf(name: RequestOptionName): number {
	return REQUEST_OPTION_BOUNDS[name].default;
}

/** The "Options" collection every Sequence operation shares: how hard to try, and for how long. */
export const requestOptionsCollection: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Max Retries',
			name: 'maxRetries',
			type: 'number',
			typeOptions: editorLimits('maxRetries'),
			default: defaultOf('maxRetries'),
			description:
				'How many times to try again when Sequence is rate-limiting (429) or temporarily failing (5xx, network). A rule trigger is only retried after a 5xx or network error when an idempotency key is sent.',
		},
		{
			displayName: 'Max Wait (Seconds)',
			name: 'maxWaitSeconds',
			type: 'number',
			typeOptions: editorLimits('maxWaitSeconds'),
			default: defaultOf('maxWaitSeconds'),
			description:
				'The longest to wait before one retry. If Sequence asks (Retry-After) to wait longer, the node stops and reports it instead.',
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeoutSeconds',
			type: 'number',
			typeOptions: editorLimits('timeoutSeconds'),
			default: defaultOf('timeoutSeconds'),
			description: 'How long to wait for Sequence to answer one request',
		},
	],
};

export interface RequestSettings {
	policy: BackoffPolicy;
	timeoutMs: number;
}

function readNumberOption(
	context: IExecuteFunctions,
	options: Record<string, unknown>,
	name: RequestOptionName,
	itemIndex: number,
): number {
	const bounds = REQUEST_OPTION_BOUNDS[name];
	const value = options[name] ?? bounds.default;
	if (
		typeof value !== 'number' ||
		!Number.isFinite(value) ||
		value < bounds.min ||
		value > bounds.max ||
		(bounds.integer && !Number.isInteger(value))
	) {
		throw new NodeOperationError(
			context.getNode(),
			`The option "${name}" must be a ${bounds.integer ? 'whole ' : ''}number from ${bounds.min} to ${bounds.max}, but it is ${JSON.stringify(value)}`,
			{ itemIndex },
		);
	}
	return value;
}

/** The item's request options, checked against REQUEST_OPTION_BOUNDS. */
export function readRequestSettings(
	context: IExecuteFunctions,
	itemIndex: number,
): RequestSettings {
	const options = context.getNodeParameter('options', itemIndex, {}) as Record<string, unknown>;
	const maxRetries = readNumberOption(context, options, 'maxRetries', itemIndex);
	const maxWaitSeconds = readNumberOption(context, options, 'maxWaitSeconds', itemIndex);
	const timeoutSeconds = readNumberOption(context, options, 'timeoutSeconds', itemIndex);
	return {
		policy: { maxRetries, maxWaitMs: maxWaitSeconds * 1000, baseDelayMs: DEFAULT_BASE_DELAY_MS },
		timeoutMs: timeoutSeconds * 1000,
	};
}

/** The settings when no node option applies (the editor's list searches). */
export const DEFAULT_REQUEST_SETTINGS: RequestSettings = {
	policy: {
		maxRetries: defaultOf('maxRetries'),
		maxWaitMs: defaultOf('maxWaitSeconds') * 1000,
		baseDelayMs: DEFAULT_BASE_DELAY_MS,
	},
	timeoutMs: defaultOf('timeoutSeconds') * 1000,
};
