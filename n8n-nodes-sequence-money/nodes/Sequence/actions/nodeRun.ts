import type { ICredentialDataDecryptedObject, IExecuteFunctions } from 'n8n-workflow';
import { randomString } from 'n8n-workflow';

import type { SequenceCredentialType } from '../transport';

/** A stable identity for this execution; n8n supplies one except in unusual embeddings. */
export function executionKey(context: IExecuteFunctions): string {
	const executionId = context.getExecutionId();
	return executionId ? `execution-${executionId}` : `run-${randomString(24)}`;
}

/**
 * What stays the same for every item of one run of the node. Reading it once matters:
 * in n8n each getCredentials is a database read and a decryption.
 */
export class NodeRun {
	private readonly credentials = new Map<
		SequenceCredentialType,
		Promise<ICredentialDataDecryptedObject>
	>();

	constructor(
		/** Identifies the execution for automatic idempotency keys. */
		readonly executionKey: string,
		/** Which run of this node within the execution (loops run a node several times). */
		readonly runIndex: number,
	) {}

	/** The run of the node now executing over `itemCount` input items. */
	static start(context: IExecuteFunctions, itemCount: number): NodeRun {
		const key = executionKey(context);
		// $runIndex is the same for every item, but reading it needs one.
		const runIndex = itemCount > 0 ? (context.getWorkflowDataProxy(0).$runIndex as number) : 0;
		return new NodeRun(key, runIndex);
	}

	credentialsFor(
		context: IExecuteFunctions,
		type: SequenceCredentialType,
		itemIndex: number,
	): Promise<ICredentialDataDecryptedObject> {
		let credentials = this.credentials.get(type);
		if (!credentials) {
			credentials = context.getCredentials(type, itemIndex);
			this.credentials.set(type, credentials);
		}
		return credentials;
	}
}
