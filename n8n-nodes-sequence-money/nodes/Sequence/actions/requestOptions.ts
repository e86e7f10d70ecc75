import type { ICredentialDataDecryptedObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { type BackoffPolicy, DEFAULT_BASE_DELAY_MS } from '../../shared/retry';
import type { SequenceCredentialType } from '../transport';

/**
 * What stays the same for every item of one run of the node. Reading it once matters:
 * in n8n each getCredentials is a database read and a decryption.
 */
export class NodeRun {
	private readonly credentials = new Map<SequenceCredentialType, Promise<ICredentialDataDecryptedObject>>();

	constructor(
		/** Identifies the execution for automatic idempotency keys. */
		readonly executionKey: string,
		/** Which run of this node within the execution (loops run a node several times). */
		readonly runIndex: number,
	) {}

	credentialsFor(context: IExecuteFunctions, type: SequenceCredentialType, itemIndex: number): Promise<ICredentialDataDecryptedObject> {
		let credentials = this.credentials.get(type);
		if (!credentials) {
			credentials = context.getCredentials(type, itemIndex);
			this.credentials.set(type, credentials);
		}
		return credentials;
	}
}

/** Options every Sequence operation shares: how hard to try, and for how long. */
export const requestOptionProperties: INodeProperties[] = [
	{
		displayName: 'Max Retries',
		name: 'maxRetries',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 10, numberPrecision: 0 },
		default: 3,
		description:
			'How many times to try again when Sequence is rate-limiting (429) or temporarily failing (5xx, network). A rule trigger is only retried after a 5xx or network error when an idempotency key is sent.',
	},
	{
		displayName: 'Max Wait (Seconds)',
		name: 'maxWaitSeconds',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 600 },
		default: 30,
		description:
			'The longest to wait before one retry. If Sequence asks (Retry-After) to wait longer, the node stops and reports it instead.',
	},
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeoutSeconds',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 300 },
		default: 30,
		description: 'How long to wait for Sequence to answer one request',
	},
];

/** The "Options" collection of an operation, shown where `displayOptions` says. */
export function requestOptionsCollection(displayOptions: INodeProperties['displayOptions']): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: requestOptionProperties,
		displayOptions,
	};
}

export interface RequestSettings {
	policy: BackoffPolicy;
	timeoutMs: number;
}

function readNumberOption(
	context: IExecuteFunctions,
	options: Record<string, unknown>,
	name: string,
	fallback: number,
	bounds: { min: number; max: number; integer?: boolean },
	itemIndex: number,
): number {
	const value = options[name] ?? fallback;
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

export function readRequestSettings(context: IExecuteFunctions, itemIndex: number): RequestSettings {
	const options = context.getNodeParameter('options', itemIndex, {}) as Record<string, unknown>;
	const maxRetries = readNumberOption(context, options, 'maxRetries', 3, { min: 0, max: 10, integer: true }, itemIndex);
	const maxWaitSeconds = readNumberOption(context, options, 'maxWaitSeconds', 30, { min: 0, max: 600 }, itemIndex);
	const timeoutSeconds = readNumberOption(context, options, 'timeoutSeconds', 30, { min: 1, max: 300 }, itemIndex);
	return {
		policy: { maxRetries, maxWaitMs: maxWaitSeconds * 1000, baseDelayMs: DEFAULT_BASE_DELAY_MS },
		timeoutMs: timeoutSeconds * 1000,
	};
}
