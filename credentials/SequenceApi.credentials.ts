import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { SEQUENCE_BASE_URL } from '../nodes/shared/sequenceIds';
import { baseUrlProperty, bearerHeader } from './common';

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
		baseUrlProperty,
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'x-sequence-access-token': bearerHeader('accessToken'),
			},
		},
	};

	// Listing accounts reads balances and moves nothing, so it is safe as a test.
	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{ String($credentials.baseUrl || "${SEQUENCE_BASE_URL}").trim().replace(/\\/+$/, "") }}`,
			url: '/accounts',
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: '{}',
		},
	};
}
