import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

// Protects the URL that Sequence calls (Query Remote API). Nothing is sent anywhere with
// it, so there is no remote test: the trigger node checks it locally (testedBy).
export class SequenceWebhookAuthApi implements ICredentialType {
	name = 'sequenceWebhookAuthApi';

	displayName = 'Sequence Amount Request Auth API';

	icon: Icon = { light: 'file:../icons/sequence.svg', dark: 'file:../icons/sequence.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-sequence/n8n-nodes-sequence#sequence-amount-request-auth-api-sequencewebhookauthapi';

	properties: INodeProperties[] = [
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			hint: 'A long random value: at least 16 characters (e.g. from openssl rand -hex 32). For Query Token, only letters, digits and - . _ ~. Used as the ?token= value, the header value, or the Basic Auth password, depending on the trigger\'s Authentication.',
		},
		{
			displayName: 'Header Name',
			name: 'headerName',
			type: 'string',
			default: 'x-sequence-webhook-secret',
			hint: 'Only for Authentication: Header Secret',
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: 'sequence',
			hint: 'Only for Authentication: Basic Auth',
		},
	];
}
