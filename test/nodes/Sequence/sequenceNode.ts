import type { INode } from 'n8n-workflow';

/** The Sequence node as a workflow holds it, for tests that fake n8n's execute context. */
export function sequenceNode(extra: Partial<INode> = {}): INode {
	return {
		id: 'node-1',
		name: 'Sequence',
		type: 'n8n-nodes-sequence-money.sequence',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		...extra,
	};
}
