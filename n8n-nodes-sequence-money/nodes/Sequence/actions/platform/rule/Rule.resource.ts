import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getMany from './getMany.operation';

export { get, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['rule'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a rule',
				description: 'A rule with its trigger and steps. Needs an API key with READ_RULES.',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many rules',
				description: 'The rules of your Sequence account. Needs an API key with READ_RULES.',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
	...get.description,
];
