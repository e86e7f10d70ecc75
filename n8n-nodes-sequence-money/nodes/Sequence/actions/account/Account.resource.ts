import type { INodeProperties } from 'n8n-workflow';

import * as getMany from './getMany.operation';

export { getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many accounts',
				description: 'List Pods, Income Sources and external accounts with their balances',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
];
