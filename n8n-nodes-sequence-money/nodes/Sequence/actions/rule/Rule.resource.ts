import type { INodeProperties } from 'n8n-workflow';

import * as trigger from './trigger.operation';

export { trigger };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['rule'] } },
		options: [
			{
				name: 'Trigger',
				value: 'trigger',
				action: 'Trigger a rule',
				description: 'Run a rule that has API triggering enabled',
			},
		],
		default: 'trigger',
	},
	...trigger.description,
];
