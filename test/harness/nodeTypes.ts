import type {
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	INodeTypes,
	ITriggerFunctions,
	ITriggerResponse,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeHelpers } from 'n8n-workflow';

import { SequenceAccessTokenApi } from '../../n8n-nodes-sequence-money/credentials/SequenceAccessTokenApi.credentials';
import { SequenceRuleSecretApi } from '../../n8n-nodes-sequence-money/credentials/SequenceRuleSecretApi.credentials';
import { SequencePlatformApi } from '../../n8n-nodes-sequence-money/credentials/SequencePlatformApi.credentials';
import { SequenceQueryRemoteApiAuthApi } from '../../n8n-nodes-sequence-money/credentials/SequenceQueryRemoteApiAuthApi.credentials';
import { Sequence } from '../../n8n-nodes-sequence-money/nodes/Sequence/Sequence.node';
import { SequenceQueryRemoteApiTrigger } from '../../n8n-nodes-sequence-money/nodes/SequenceQueryRemoteApiTrigger/SequenceQueryRemoteApiTrigger.node';
import { SequenceRespondWithAmount } from '../../n8n-nodes-sequence-money/nodes/SequenceRespondWithAmount/SequenceRespondWithAmount.node';

/**
 * The entry point of a manually run workflow. n8n-nodes-base cannot be installed
 * as a dev dependency here (its Kafka client needs a native build), so this stands
 * in for n8n's Manual Trigger: the engine starts from it and it emits one empty item.
 */
export class ManualTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Manual Trigger',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Runs the flow on clicking a button in n8n',
		defaults: { name: 'When clicking ‘Execute workflow’' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		const emitEmpty = () => this.emit([[{ json: {} } as INodeExecutionData]]);
		return { manualTriggerFunction: async () => emitEmpty() };
	}
}

/**
 * Stands in for n8n's Split Out node (same type name and parameter): one item per element
 * of the list at a dotted path, e.g. "body.invoices", so tests can feed several items on.
 */
export class SplitOut implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Split Out',
		name: 'splitOut',
		group: ['transform'],
		version: 1,
		description: 'Turn a list inside items into separate items',
		defaults: { name: 'Split Out' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{ displayName: 'Field To Split Out', name: 'fieldToSplitOut', type: 'string', default: '' },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [
			this.getInputData().flatMap((item, itemIndex) => {
				const path = this.getNodeParameter('fieldToSplitOut', itemIndex) as string;
				const list = path
					.split('.')
					.reduce<unknown>((value, key) => (value as IDataObject | undefined)?.[key], item.json);
				if (!Array.isArray(list)) throw new Error(`${path} is not a list`);
				return list.map((element) => ({
					json: element as IDataObject,
					pairedItem: { item: itemIndex },
				}));
			}),
		];
	}
}

/** Package-qualified names, as n8n registers them. */
export const PACKAGE = 'n8n-nodes-sequence-money';

export const nodeTypeInstances: Record<string, INodeType | IVersionedNodeType> = {
	'n8n-nodes-base.manualTrigger': new ManualTrigger(),
	'n8n-nodes-base.splitOut': new SplitOut(),
	[`${PACKAGE}.sequence`]: new Sequence(),
	[`${PACKAGE}.sequenceQueryRemoteApiTrigger`]: new SequenceQueryRemoteApiTrigger(),
	[`${PACKAGE}.sequenceRespondWithAmount`]: new SequenceRespondWithAmount(),
};

export const credentialTypeInstances: Record<string, ICredentialType> = {
	sequenceAccessTokenApi: new SequenceAccessTokenApi(),
	sequenceRuleSecretApi: new SequenceRuleSecretApi(),
	sequenceQueryRemoteApiAuthApi: new SequenceQueryRemoteApiAuthApi(),
	sequencePlatformApi: new SequencePlatformApi(),
};

export const nodeTypes: INodeTypes = {
	getByName: (name) => {
		const type = nodeTypeInstances[name];
		if (!type) throw new Error(`Unknown node type ${name}`);
		return type;
	},
	getByNameAndVersion: (name, version) =>
		NodeHelpers.getVersionedNodeType(nodeTypes.getByName(name), version),
	getKnownTypes: () => ({}),
};
