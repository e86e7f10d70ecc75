import type { IAuthenticateGeneric, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

import { baseUrlProperty, bearerHeader } from '../nodes/shared/credentialFields';

// No `test` request: the only call a rule secret allows is triggering the rule,
// which would move money every time someone clicks "Test".
export class SequenceRuleSecretApi implements ICredentialType {
	name = 'sequenceRuleSecretApi';

	displayName = 'Sequence Rule Secret API';

	icon: Icon = { light: 'file:../icons/sequence.svg', dark: 'file:../icons/sequence.dark.svg' };

	documentationUrl =
		'https://www.npmjs.com/package/n8n-nodes-sequence-money#rule-secret-credential';

	properties: INodeProperties[] = [
		{
			displayName:
				'n8n cannot test this credential: the only request a rule secret allows triggers the rule and may move money. It is checked the first time the Sequence node triggers the rule.',
			name: 'noTestNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Rule Secret',
			name: 'ruleSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			hint: 'In Sequence: open the rule → trigger "Via API" → copy the secret. A leading "Bearer " is removed automatically.',
		},
		{
			displayName: 'Rule ID',
			name: 'ruleId',
			type: 'string',
			default: '',
			placeholder: 'ru_12345',
			hint: 'Optional. When set, the node refuses to use this secret for any other rule, and sends nothing.',
		},
		baseUrlProperty,
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'x-sequence-signature': bearerHeader('ruleSecret'),
			},
		},
	};
}
