import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	IExecuteFunctions,
	INodeCredentialTestResult,
	JsonObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { baseUrlProblem, normalizeSecret, parseRuleId } from '../shared/sequenceIds';
import * as getManyAccounts from './actions/account/getMany.operation';
import { NodeRun } from './actions/requestOptions';
import * as triggerRule from './actions/rule/trigger.operation';

export class Sequence implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sequence',
		name: 'sequence',
		icon: { light: 'file:../../icons/sequence.svg', dark: 'file:../../icons/sequence.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] === "trigger" ? "Trigger rule" : "Get many accounts" }}',
		description: 'Trigger Sequence rules and read account balances',
		defaults: { name: 'Sequence' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'sequenceRuleSecretApi',
				required: true,
				displayOptions: { show: { resource: ['rule'] } },
				testedBy: 'sequenceRuleSecretCheck',
			},
			{ name: 'sequenceAccessTokenApi', required: true, displayOptions: { show: { resource: ['account'] } } },
		],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Account', value: 'account' },
					{ name: 'Rule', value: 'rule' },
				],
				default: 'rule',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['rule'] } },
				options: [
					{
						name: 'Trigger',
						value: 'trigger',
						action: 'Trigger a rule',
						description: 'Run a rule that has API triggering enabled',
					},
				],
				default: 'trigger',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['account'] } },
				options: [
					{
						name: 'Get Many',
						value: 'getMany',
						action: 'Get many accounts',
						description: 'List Pods, Income Sources and external accounts with their balances',
					},
				],
				default: 'getMany',
			},
			...triggerRule.description,
			...getManyAccounts.description,
		],
	};

	methods = {
		credentialTest: {
			// Sending the secret would trigger the rule and move money, so the test
			// checks locally what can be checked and says what cannot.
			async sequenceRuleSecretCheck(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				const problem = ruleCredentialProblem(credential.data ?? {});
				if (problem) return { status: 'Error', message: problem };
				return {
					status: 'OK',
					message:
						'The rule secret is filled in and well-formed. Sequence can only confirm it when the rule is triggered.',
				};
			},
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const returnData: INodeExecutionData[] = [];
		// When a later item fails, the output of the earlier ones is lost with the error, so the
		// error has to say which rules did fire: re-running the execution would fire them again.
		const alreadyTriggered: TriggeredItem[] = [];
		const run = new NodeRun(triggerRule.executionKey(this), items.length > 0 ? (this.getWorkflowDataProxy(0).$runIndex as number) : 0);

		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				const resource = this.getNodeParameter('resource', itemIndex) as string;
				const operation = this.getNodeParameter('operation', itemIndex) as string;
				if (resource === 'rule' && operation === 'trigger') {
					const triggered = await triggerRule.execute.call(this, itemIndex, run);
					returnData.push(...triggered);
					alreadyTriggered.push(...triggered.map((item) => ({ itemIndex, requestId: item.json.requestId as string | null })));
				} else if (resource === 'account' && operation === 'getMany') {
					returnData.push(...(await getManyAccounts.execute.call(this, itemIndex, run)));
				} else {
					throw new NodeOperationError(
						this.getNode(),
						`The operation "${operation}" is not supported for the resource "${resource}"`,
						{ itemIndex },
					);
				}
			} catch (error) {
				if (this.continueOnFail()) {
					returnData.push({ json: errorItem(error), pairedItem: { item: itemIndex } });
					continue;
				}
				// Both constructors hand back an error that is already of their kind unchanged.
				const failure =
					error instanceof NodeApiError
						? new NodeApiError(this.getNode(), error as unknown as JsonObject)
						: new NodeOperationError(this.getNode(), error as Error, { itemIndex });
				if (alreadyTriggered.length > 0) {
					failure.description = `${failure.description ?? ''} ${describeAlreadyTriggered(alreadyTriggered)}`.trim();
					failure.context.alreadyTriggered = alreadyTriggered;
				}
				throw failure;
			}
		}
		return [returnData];
	}
}

interface TriggeredItem {
	itemIndex: number;
	requestId: string | null;
}

function describeAlreadyTriggered(triggered: TriggeredItem[]): string {
	const shown = triggered
		.slice(0, 10)
		.map(({ itemIndex, requestId }) => `item ${itemIndex}${requestId ? ` (request ID ${requestId})` : ''}`)
		.join(', ');
	const more = triggered.length > 10 ? ` and ${triggered.length - 10} more` : '';
	return (
		`Before this failure, ${triggered.length === 1 ? 'one earlier item had' : `${triggered.length} earlier items had`} already triggered ` +
		`${triggered.length === 1 ? 'its rule' : 'their rules'}: ${shown}${more}. Retrying this execution would trigger ${triggered.length === 1 ? 'it' : 'them'} ` +
		'again unless the Idempotency Key is Custom; to carry on past failed items, set Settings → On Error → Continue.'
	);
}

/** What "Continue On Fail" puts in the output for a failed item. */
function errorItem(error: unknown): IDataObject {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		const context = error.context as IDataObject;
		return {
			error: error.message,
			description: error.description ?? null,
			httpCode: error instanceof NodeApiError ? error.httpCode : null,
			requestId: (context.requestId as string | undefined) ?? null,
		};
	}
	return { error: error instanceof Error ? error.message : String(error) };
}

/** What is wrong with a rule credential, as far as can be told without sending it. */
export function ruleCredentialProblem(data: IDataObject): string | undefined {
	const secret = normalizeSecret(data.ruleSecret);
	if (secret === '') return 'The Rule Secret is empty.';
	if (/\s/.test(secret)) return 'The Rule Secret contains spaces or line breaks; copy it again from Sequence.';
	const ruleId = typeof data.ruleId === 'string' ? data.ruleId.trim() : '';
	if (ruleId !== '' && !parseRuleId(ruleId)) {
		return `The Rule ID "${ruleId.slice(0, 80)}" is not a Sequence rule ID or trigger URL.`;
	}
	const baseUrl = typeof data.baseUrl === 'string' && data.baseUrl.trim() !== '' ? data.baseUrl.trim() : undefined;
	return baseUrl === undefined ? undefined : baseUrlProblem(baseUrl);
}
