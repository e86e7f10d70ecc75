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
import { searchAccounts, searchRules } from './methods/listSearch';

export class Sequence implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sequence',
		name: 'sequence',
		icon: { light: 'file:../../icons/sequence.svg', dark: 'file:../../icons/sequence.dark.svg' },
		group: ['transform'],
		version: [1, 2],
		defaultVersion: 2,
		subtitle:
			'={{ $parameter["operation"] === "trigger" ? "Trigger rule" : $parameter["operation"] === "get" ? "Get " + $parameter["resource"] : "Get many " + $parameter["resource"] + "s" }}',
		description: 'Trigger Sequence rules and read accounts and rules',
		defaults: { name: 'Sequence' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'sequencePlatformApi',
				required: true,
				displayOptions: { show: { authentication: ['platformApi'] } },
			},
			{
				name: 'sequenceRuleSecretApi',
				required: true,
				displayOptions: { show: { authentication: ['externalApi'], resource: ['rule'] } },
				testedBy: 'sequenceRuleSecretCheck',
			},
			{
				name: 'sequenceAccessTokenApi',
				required: true,
				displayOptions: { show: { authentication: ['externalApi'], resource: ['account'] } },
			},
		],
		properties,
	};

	methods = { credentialTest, listSearch: { searchAccounts, searchRules } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
