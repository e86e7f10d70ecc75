// The Sequence Query Remote API Trigger whose request this node answers.
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isQueryRemoteApiTriggerType } from '../shared/queryRemoteApi';

/** The name of the upstream Sequence Query Remote API Trigger, or an error if there is none. */
export function findQueryRemoteApiTrigger(context: IExecuteFunctions): string {
	const parents = context.getParentNodes(context.getNode().name);
	const trigger = parents.find((parent) => isQueryRemoteApiTriggerType(parent.type));
	if (!trigger) {
		throw new NodeOperationError(
			context.getNode(),
			'No "Sequence Query Remote API Trigger" comes before this node',
			{
				description:
					'This node answers the request Sequence sends to that trigger. Start the workflow with a Sequence Query Remote API Trigger and connect it (through your other nodes) to this one.',
			},
		);
	}
	return trigger.name;
}

/** When the trigger received the request, as it recorded it. */
export function readReceivedAt(
	context: IExecuteFunctions,
	triggerName: string,
): string | undefined {
	try {
		const trigger = context.getWorkflowDataProxy(0).$(triggerName);
		const value = (trigger.first() as INodeExecutionData | undefined)?.json?.receivedAt;
		return typeof value === 'string' ? value : undefined;
	} catch {
		// The trigger's data is not reachable (e.g. a partial manual run): the time is informational.
		return undefined;
	}
}
