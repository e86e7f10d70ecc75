import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import * as account from './account/Account.resource';
import * as platformAccount from './platform/account/Account.resource';
import * as platformRule from './platform/rule/Rule.resource';
import * as rule from './rule/Rule.resource';

// Only the parameters live here. n8n's linter reads the node's identity (name, icon,
// subtitle, usableAsTool, credentials and their testedBy) from the literal description
// in Sequence.node.ts, so that part has to stay there.

/**
 * Which of Sequence's two APIs the node speaks. Version 1 nodes (workflows made before the
 * Platform API) know only the External API and show no choice, so they open unchanged;
 * new nodes (version 2) start on the Platform API and can switch.
 */
const authentication: INodeProperties[] = [
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'hidden',
		default: 'externalApi',
		displayOptions: { show: { '@version': [1] } },
	},
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'External API (Access Token or Rule Secret)',
				value: 'externalApi',
				description:
					"Sequence's older API: trigger one rule with its secret, list accounts with an access token",
			},
			{
				name: 'Platform API (API Key)',
				value: 'platformApi',
				description:
					"Sequence's versioned API (v1): accounts, rules and more with one scoped API key",
			},
		],
		default: 'platformApi',
		displayOptions: { show: { '@version': [2] } },
	},
];

/** Both APIs offer accounts and rules; new Platform API nodes start on accounts. */
function resourceSelector(defaultResource: 'account' | 'rule'): INodeProperties {
	return {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Account', value: 'account' },
			{ name: 'Rule', value: 'rule' },
		],
		default: defaultResource,
	};
}

const externalApiProperties: INodeProperties[] = [
	resourceSelector('rule'),
	...rule.description,
	...account.description,
];

const platformApiProperties: INodeProperties[] = [
	resourceSelector('account'),
	...platformAccount.description,
	...platformRule.description,
];

export const properties: INodeProperties[] = [
	...authentication,
	...updateDisplayOptions({ show: { authentication: ['externalApi'] } }, externalApiProperties),
	...updateDisplayOptions({ show: { authentication: ['platformApi'] } }, platformApiProperties),
];
