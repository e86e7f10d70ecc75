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
		displayOptions: { show: { resource: ['account'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get an account',
				description:
					'An account with its balance and bank details. Needs an API key with READ_ACCOUNTS.',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many accounts',
				description:
					'Pods, Income Sources and external accounts. Needs an API key with READ_ACCOUNTS.',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
	...get.description,
];
