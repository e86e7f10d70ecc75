import type { INodeProperties } from 'n8n-workflow';

import * as account from './account/Account.resource';
import * as rule from './rule/Rule.resource';

// Only the parameters live here. n8n's linter reads the node's identity (name, icon,
// subtitle, usableAsTool, credentials and their testedBy) from the literal description
// in Sequence.node.ts, so that part has to stay there.
export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Account', value: 'account' },
			{ name: 'Rule', value: 'rule' },
		],
		default: 'rule',
	},
	...rule.description,
	...account.description,
];
