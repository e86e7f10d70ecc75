import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { router } from './actions/router';
import { properties } from './actions/versionDescription';
import { credentialTest } from './methods/credentialTest';

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
			{
				name: 'sequenceAccessTokenApi',
				required: true,
				displayOptions: { show: { resource: ['account'] } },
			},
		],
		properties,
	};

	methods = { credentialTest };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
