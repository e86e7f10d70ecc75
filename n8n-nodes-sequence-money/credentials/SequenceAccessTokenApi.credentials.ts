import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { LOOPBACK_HTTP_URL, SEQUENCE_BASE_URL } from '../nodes/shared/sequenceIds';
import { baseUrlProperty, bearerHeader } from '../nodes/shared/credentialFields';

const BASE_URL_EXPRESSION = `String($credentials.baseUrl || "${SEQUENCE_BASE_URL}").trim().replace(/\\/+$/, "")`;

/** Where the Test goes instead of a plain-http address of another machine: nowhere, by design. */
export const REFUSED_BASE_URL = 'https://base-url-must-use-https.invalid';

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
			baseURL: `={{ /^https:\\/\\//i.test(${BASE_URL_EXPRESSION}) || ${LOOPBACK_HTTP_URL}.test(${BASE_URL_EXPRESSION}) ? ${BASE_URL_EXPRESSION} : "${REFUSED_BASE_URL}" }}`,
			disableFollowRedirect: true,
			url: '/accounts',
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: '{}',
		},
	};
}
