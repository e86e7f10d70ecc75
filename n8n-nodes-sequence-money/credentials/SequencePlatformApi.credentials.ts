import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { SEQUENCE_PLATFORM_BASE_URL } from '../nodes/shared/sequenceIds';
import { bearerHeader, testBaseUrl } from '../nodes/shared/credentialFields';

/** The address requests go to: production, or the custom base URL (a proxy, the sandbox). */
const BASE_URL_EXPRESSION = `String($credentials.environment === "custom" ? ($credentials.baseUrl ?? "") : "${SEQUENCE_PLATFORM_BASE_URL}").trim().replace(/\\/+$/, "")`;

/** Sent with every request: the API asks integrations to say why they call. */
export const CALLED_REASON = 'n8n workflow (n8n-nodes-sequence-money)';

// An API key of Sequence's versioned REST API (Platform v1). Keys are scoped: each grants
// some of READ_ACCOUNTS, READ_RULES, TRIGGER_RULES, READ_TRANSFERS, MANUAL_TRANSFER and
// READ_AUDIT_LOGS, possibly for listed accounts or rules only.
export class SequencePlatformApi implements ICredentialType {
	name = 'sequencePlatformApi';

	displayName = 'Sequence Platform API';

	icon: Icon = { light: 'file:../icons/sequence.svg', dark: 'file:../icons/sequence.dark.svg' };

	documentationUrl =
		'https://www.npmjs.com/package/n8n-nodes-sequence-money#platform-api-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			placeholder: 'sk_…',
			hint: 'In Sequence: Settings → API Keys. Give it only the permissions your workflows need. A leading "Bearer " is removed automatically.',
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			default: 'production',
			options: [
				{ name: 'Production', value: 'production', description: SEQUENCE_PLATFORM_BASE_URL },
				{
					name: 'Custom Base URL',
					value: 'custom',
					description: 'A proxy, or a local sandbox',
				},
			],
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://proxy.example.com/platform/v1',
			hint: 'The address that replaces https://api.getsequence.io/platform/v1. https:// only; plain http:// only for this machine (127.0.0.1, localhost).',
			displayOptions: { show: { environment: ['custom'] } },
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: bearerHeader('apiKey'),
				'x-called-reason': CALLED_REASON,
			},
		},
	};

	// Listing one account reads and moves nothing. A key without READ_ACCOUNTS is told apart
	// from a wrong key: it works, it only cannot run the Test. Like the node, the Test never
	// sends the key over plain http to another machine nor follows a redirect.
	test: ICredentialTestRequest = {
		request: {
			baseURL: testBaseUrl(BASE_URL_EXPRESSION),
			disableFollowRedirect: true,
			url: '/accounts',
			method: 'GET',
			qs: { pageSize: 1 },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Sequence did not accept this API key (401): it is wrong, revoked or expired. Copy it again from Sequence → Settings → API Keys.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'The key works, but it lacks the READ_ACCOUNTS permission this test needs (403 ACCESS_DENIED). Operations its permissions allow will still run; add READ_ACCOUNTS in Sequence → Settings → API Keys to use the Test.',
				},
			},
		],
	};
}
