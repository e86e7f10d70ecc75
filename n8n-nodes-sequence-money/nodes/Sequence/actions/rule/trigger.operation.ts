import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { automaticIdempotencyKey, customIdempotencyKeyProblem } from '../../../shared/idempotency';
import { parseRuleId } from '../../../shared/sequenceIds';
import { isObject } from '../../helpers/utils';
import { type SequenceRequest, sequenceApiRequest } from '../../transport';
import { type FailureWording, unexpectedResponseError } from '../../transport/errors';
import type { NodeRun } from '../nodeRun';
import { readRequestSettings, requestOptionsCollection } from '../requestOptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Rule ID',
		name: 'ruleId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'ru_12345',
		description:
			'The ID of the rule to trigger, or the whole trigger URL Sequence shows (…/rules/ru_12345/trigger)',
	},
	{
		displayName: 'Body (JSON)',
		name: 'body',
		type: 'json',
		default: '{}',
		description: 'JSON sent to the rule. Most rules expect nothing: leave {}.',
	},
	{
		displayName: 'Idempotency',
		name: 'idempotency',
		type: 'options',
		default: 'automatic',
		options: [
			{
				name: 'Automatic',
				value: 'automatic',
				description:
					"A key made from this execution, node and item: the node's retries and n8n's Retry On Fail reuse it, so they can never trigger twice. Retrying the whole execution, or the same event arriving again, makes a new key: use Custom for those.",
			},
			{
				name: 'Custom',
				value: 'custom',
				description:
					'Your own key, e.g. an invoice ID: Sequence triggers once per key, across executions',
			},
			{
				name: 'Off',
				value: 'off',
				description:
					"Send no key. Failed requests are then only retried when Sequence surely did nothing (429, no connection), and n8n's Retry On Fail setting is refused.",
			},
		],
		description: 'How Sequence recognises a repeated request as the same trigger',
	},
	{
		displayName: 'Idempotency Key',
		name: 'idempotencyKey',
		type: 'string',
		required: true,
		default: '',
		placeholder: '={{ "invoice-" + $json.invoiceId }}',
		description: 'Sequence triggers the rule once per key; sending the same key again does nothing',
		displayOptions: { show: { idempotency: ['custom'] } },
	},
	requestOptionsCollection,
];

const displayOptions = { show: { resource: ['rule'], operation: ['trigger'] } };

export const description = updateDisplayOptions(displayOptions, properties);

function readBody(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const raw = context.getNodeParameter('body', itemIndex, '{}') as unknown;
	let value: unknown = raw;
	if (typeof raw === 'string') {
		if (raw.trim() === '') return {};
		try {
			value = JSON.parse(raw);
		} catch (error) {
			throw new NodeOperationError(
				context.getNode(),
				'The Body (JSON) is not valid JSON, so the rule was not triggered',
				{
					itemIndex,
					description: `Fix the JSON (${(error as Error).message}), or leave the body as {}.`,
				},
			);
		}
	}
	if (!isObject(value)) {
		throw new NodeOperationError(
			context.getNode(),
			'The Body (JSON) must be a JSON object such as {} or {"note": "..."}, so the rule was not triggered',
			{ itemIndex },
		);
	}
	return value;
}

function readRuleId(context: IExecuteFunctions, itemIndex: number): string {
	const input = context.getNodeParameter('ruleId', itemIndex, '') as unknown;
	const ruleId = parseRuleId(input);
	if (!ruleId) {
		throw new NodeOperationError(
			context.getNode(),
			'The Rule ID is missing or not a valid Sequence rule ID, so nothing was sent',
			{
				itemIndex,
				description: `Got ${JSON.stringify(input)}. Paste the rule's ID (like ru_12345) or its trigger URL (…/rules/ru_12345/trigger) from Sequence.`,
			},
		);
	}
	return ruleId;
}

export type IdempotencyMode = 'automatic' | 'custom' | 'off';

/** What to do when Sequence may have triggered the rule although no success was seen. */
const OUTCOME_UNKNOWN_ADVICE: Record<IdempotencyMode, string> = {
	automatic:
		'The rule may have been triggered: check it in Sequence before running this again. Running the execution again sends a new automatic idempotency key, so Sequence could trigger the rule a second time.',
	custom:
		'Running this again with the same Idempotency Key is safe: Sequence does not trigger the rule twice for one key.',
	off: 'It was not retried automatically because, without an idempotency key, a retry could trigger the rule twice; check the rule in Sequence before running it again.',
};

/** How a failed trigger is put to the user (see FailureWording). */
export function failureWording(ruleId: string, mode: IdempotencyMode): FailureWording {
	return {
		purpose: `trigger rule ${ruleId}`,
		credentialName: 'Sequence Rule Secret API',
		secretName: 'rule secret',
		badRequestAdvice:
			'Check the Rule ID, and that the rule has API triggering enabled in Sequence.',
		notFoundAlsoCheck: 'the Rule ID',
		outcomeUnknownAdvice: OUTCOME_UNKNOWN_ADVICE[mode],
		unexpectedReplyAdvice:
			'The rule may have been triggered: check it in Sequence before running this again.',
	};
}

function readIdempotencyMode(context: IExecuteFunctions, itemIndex: number): IdempotencyMode {
	const mode = context.getNodeParameter('idempotency', itemIndex, 'automatic') as string;
	if (mode !== 'automatic' && mode !== 'custom' && mode !== 'off') {
		throw new NodeOperationError(context.getNode(), `Unknown idempotency mode "${mode}"`, {
			itemIndex,
		});
	}
	if (mode === 'off' && context.getNode().retryOnFail === true) {
		// n8n would re-run the node after a 5xx or a dropped connection, sending the trigger
		// again with nothing to tell Sequence it is the same one.
		throw new NodeOperationError(
			context.getNode(),
			"Idempotency is Off while the node's Retry On Fail setting is on, which could trigger the rule twice. Nothing was sent.",
			{
				itemIndex,
				description:
					"Choose Automatic or Custom idempotency (Retry On Fail then reuses the key), or switch off Retry On Fail in the node's Settings.",
			},
		);
	}
	return mode;
}

function readIdempotencyKey(
	context: IExecuteFunctions,
	itemIndex: number,
	mode: IdempotencyMode,
	ruleId: string,
	run: NodeRun,
): string | undefined {
	if (mode === 'off') return undefined;
	if (mode === 'custom') {
		const key = context.getNodeParameter('idempotencyKey', itemIndex, '') as unknown;
		const problem = customIdempotencyKeyProblem(key);
		if (problem) {
			throw new NodeOperationError(context.getNode(), `${problem} The rule was not triggered.`, {
				itemIndex,
				description:
					'Set Idempotency Key to a value unique to this payment, e.g. an invoice ID, or choose Automatic.',
			});
		}
		return String(key).trim();
	}
	return automaticIdempotencyKey({
		executionId: run.executionKey,
		nodeId: context.getNode().id,
		runIndex: run.runIndex,
		itemIndex,
		ruleId,
	});
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	run: NodeRun,
): Promise<INodeExecutionData[]> {
	const ruleId = readRuleId(this, itemIndex);
	const credentials = await run.credentialsFor(this, 'sequenceRuleSecretApi', itemIndex);
	const boundRuleInput = typeof credentials.ruleId === 'string' ? credentials.ruleId.trim() : '';
	if (boundRuleInput !== '') {
		const boundRuleId = parseRuleId(boundRuleInput);
		if (boundRuleId !== ruleId) {
			throw new NodeOperationError(
				this.getNode(),
				`This rule secret is restricted to rule ${boundRuleId ?? JSON.stringify(boundRuleInput)}, but the node is set to trigger ${ruleId}. Nothing was sent.`,
				{
					itemIndex,
					description:
						'Choose the credential made for this rule, or correct the Rule ID in the node or in the "Sequence Rule Secret API" credential.',
				},
			);
		}
	}
	const body = readBody(this, itemIndex);
	const idempotencyMode = readIdempotencyMode(this, itemIndex);
	const idempotencyKey = readIdempotencyKey(this, itemIndex, idempotencyMode, ruleId, run);
	const settings = readRequestSettings(this, itemIndex);

	const request: SequenceRequest = {
		credentialType: 'sequenceRuleSecretApi',
		credentials,
		path: `/rules/${encodeURIComponent(ruleId)}/trigger`,
		body,
		idempotencyKey,
		policy: settings.policy,
		timeoutMs: settings.timeoutMs,
		itemIndex,
		retryWhenOutcomeUnknown: idempotencyKey !== undefined,
		wording: failureWording(ruleId, idempotencyMode),
	};
	const response = await sequenceApiRequest.call(this, request);
	if (typeof response.body.code !== 'string' && typeof response.body.message !== 'string') {
		throw unexpectedResponseError(this, request, {
			statusCode: response.statusCode,
			requestId: response.requestId,
			detail: 'neither "code" nor "message" was in the reply',
		});
	}

	return [
		{
			json: {
				ruleId,
				code: typeof response.body.code === 'string' ? response.body.code : null,
				message: typeof response.body.message === 'string' ? response.body.message : null,
				requestId: response.requestId ?? null,
				idempotencyKey: idempotencyKey ?? null,
				attempts: response.attempts,
			},
			pairedItem: { item: itemIndex },
		},
	];
}
