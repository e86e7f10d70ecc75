import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

export class SequenceApi implements ICredentialType {
	name = 'sequenceApi';

	displayName = 'Sequence Access Token API';

	icon: Icon = { light: 'file:../icons/sequence.svg', dark: 'file:../icons/sequence.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-sequence/n8n-nodes-sequence#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			hint: 'In Sequence: Settings → External API → Access token. A leading "Bearer " is removed automatically.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.getsequence.io',
			hint: 'Leave as is unless Sequence gave you another address (or for a proxy or sandbox)',
		},
	];

	// The header value strips spaces and a pasted "Bearer " so it is never doubled.
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'x-sequence-access-token':
					'={{ "Bearer " + String($credentials.accessToken ?? "").trim().replace(/^bearer\\s+/i, "").trim() }}',
			},
		},
	};

	// Listing accounts reads balances and moves nothing, so it is safe as a test.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ String($credentials.baseUrl || "https://api.getsequence.io").trim().replace(/\\/+$/, "") }}',
			url: '/accounts',
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: '{}',
		},
	};
}
