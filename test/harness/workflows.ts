import type { INode, INodeParameters } from 'n8n-workflow';

import type { WorkflowJson } from './runWorkflow';

// Plain http is only accepted for this machine; nock answers for this address.
export const SANDBOX_URL = 'http://localhost:4999';
export const ACCESS_TOKEN = 'tok_live_9f8e7d6c5b4a39281706';
export const RULE_SECRET = 'rsec_4b1d2c3e4f5a6b7c8d9e0f11';

export const ruleCredentials = { ruleSecret: RULE_SECRET, ruleId: '', baseUrl: SANDBOX_URL };
export const accessCredentials = { accessToken: ACCESS_TOKEN, baseUrl: SANDBOX_URL };

/** Manual Trigger → Sequence, with the Sequence node's parameters as given. */
export function manualToSequence(
	parameters: INodeParameters,
	nodeSettings: Partial<INode> = {},
): WorkflowJson {
	return {
		name: 'Manual → Sequence',
		nodes: [
			{
				id: 'c1f0a7d2-0000-4000-8000-000000000001',
				name: 'When clicking ‘Execute workflow’',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'c1f0a7d2-0000-4000-8000-000000000002',
				name: 'Sequence',
				type: 'n8n-nodes-sequence-money.sequence',
				typeVersion: 1,
				position: [220, 0],
				parameters,
				credentials:
					parameters.resource === 'account'
						? { sequenceAccessTokenApi: { id: '1', name: 'Sequence account' } }
						: { sequenceRuleSecretApi: { id: '2', name: 'Sequence rule' } },
				...nodeSettings,
			},
		],
		connections: {
			'When clicking ‘Execute workflow’': {
				main: [[{ node: 'Sequence', type: 'main', index: 0 }]],
			},
		},
	};
}
