import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import * as account from './account/Account.resource';
import { NodeRun } from './nodeRun';
import * as platformAccount from './platform/account/Account.resource';
import * as platformRule from './platform/rule/Rule.resource';
import * as rule from './rule/Rule.resource';

interface Operation {
	execute(this: IExecuteFunctions, itemIndex: number, run: NodeRun): Promise<INodeExecutionData[]>;
	/** Whether each output item is a rule that fired in Sequence, which a re-run would fire again. */
	triggersRules: boolean;
}

const read = (execute: Operation['execute']): Operation => ({ execute, triggersRules: false });

/** The operations of each API (the node's Authentication), by resource. */
const operations: Record<string, Record<string, Record<string, Operation>>> = {
	externalApi: {
		rule: { trigger: { execute: rule.trigger.execute, triggersRules: true } },
		account: { getMany: read(account.getMany.execute) },
	},
	platformApi: {
		account: {
			get: read(platformAccount.get.execute),
			getMany: read(platformAccount.getMany.execute),
		},
		rule: { get: read(platformRule.get.execute), getMany: read(platformRule.getMany.execute) },
	},
};

/** Own keys only: a name such as "constructor" must not reach Object's prototype. */
function own<T>(table: Record<string, T> | undefined, key: string): T | undefined {
	return table && Object.hasOwn(table, key) ? table[key] : undefined;
}

function findOperation(api: string, resource: string, operation: string): Operation | undefined {
	return own(own(own(operations, api), resource), operation);
}

interface TriggeredItem {
	itemIndex: number;
	requestId: string | null;
}

/** Runs the chosen operation for each input item. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const returnData: INodeExecutionData[] = [];
	// When a later item fails, the output of the earlier ones is lost with the error, so the
	// error has to say which rules did fire: re-running the execution would fire them again.
	const alreadyTriggered: TriggeredItem[] = [];
	const run = NodeRun.start(this, items.length);

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			// Version 1 of the node knows only the External API, and stores no Authentication.
			const api = (this.getNodeParameter('authentication', itemIndex, 'externalApi') ??
				'externalApi') as string;
			const resource = this.getNodeParameter('resource', itemIndex) as string;
			const operation = this.getNodeParameter('operation', itemIndex) as string;
			const chosen = findOperation(api, resource, operation);
			if (!chosen) {
				throw new NodeOperationError(
					this.getNode(),
					`The operation "${operation}" is not supported for the resource "${resource}"`,
					{ itemIndex },
				);
			}
			const output = await chosen.execute.call(this, itemIndex, run);
			returnData.push(...output);
			if (chosen.triggersRules) {
				alreadyTriggered.push(
					...output.map((item) => ({ itemIndex, requestId: item.json.requestId as string | null })),
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
				failure.description =
					`${failure.description ?? ''} ${describeAlreadyTriggered(alreadyTriggered)}`.trim();
				failure.context.alreadyTriggered = alreadyTriggered;
			}
			throw failure;
		}
	}
	return [returnData];
}

function describeAlreadyTriggered(triggered: TriggeredItem[]): string {
	const shown = triggered
		.slice(0, 10)
		.map(
			({ itemIndex, requestId }) =>
				`item ${itemIndex}${requestId ? ` (request ID ${requestId})` : ''}`,
		)
		.join(', ');
	const more = triggered.length > 10 ? ` and ${triggered.length - 10} more` : '';
	const one = triggered.length === 1;
	return (
		`Before this failure, ${one ? 'one earlier item had' : `${triggered.length} earlier items had`} already triggered ` +
		`${one ? 'its rule' : 'their rules'}: ${shown}${more}. Retrying this execution would trigger ${one ? 'it' : 'them'} ` +
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
