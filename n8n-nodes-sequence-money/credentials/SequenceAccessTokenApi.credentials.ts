import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { SEQUENCE_BASE_URL } from '../nodes/shared/sequenceIds';
import { baseUrlProperty, bearerHeader, testBaseUrl } from '../nodes/shared/credentialFields';

export { REFUSED_BASE_URL } from '../nodes/shared/credentialFields';

const BASE_URL_EXPRESSION = `String($credentials.baseUrl || "${SEQUENCE_BASE_URL}").trim().replace(/\\/+$/, "")`;

export class SequenceAccessTokenApi implements ICredentialType {
	name = 'sequenceAccessTokenApi';

	displayName = 'Sequence Access Token API';

	icon: Icon = { light: 'file:../icons/sequence.svg', dark: 'file:../icons/sequence.dark.svg' };

	documentationUrl =
		'https://www.npmjs.com/package/n8n-nodes-sequence-money#access-token-credential';

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

	// Listing accounts reads balances and moves nothing, so it is safe as a test. Like the
	// node, it never sends the token over plain http to another machine (the address is
	// replaced by one that cannot resolve, so the test fails) nor follows a redirect.
	test: ICredentialTestRequest = {
		request: {
			baseURL: testBaseUrl(BASE_URL_EXPRESSION),
			disableFollowRedirect: true,
			url: '/accounts',
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: '{}',
		},
	};
}
