import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

import { DEFAULT_BASIC_AUTH_USERNAME, DEFAULT_SECRET_HEADER } from '../nodes/shared/queryRemoteApi';

// Protects the URL that Sequence calls (Query Remote API). Nothing is sent anywhere with
// it, so there is no remote test: the trigger node checks it locally (testedBy).
export class SequenceQueryRemoteApiAuthApi implements ICredentialType {
	name = 'sequenceQueryRemoteApiAuthApi';

	displayName = 'Sequence Query Remote API Auth API';

	icon: Icon = { light: 'file:../icons/sequence.svg', dark: 'file:../icons/sequence.dark.svg' };

	documentationUrl =
		'https://www.npmjs.com/package/n8n-nodes-sequence-money#query-remote-api-auth-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			hint: "A long random value: at least 16 characters (e.g. from openssl rand -hex 32). For Query Token, only letters, digits and - . _ ~. Used as the ?token= value, the header value, or the Basic Auth password, depending on the trigger's Authentication.",
		},
		{
			displayName: 'Header Name',
			name: 'headerName',
			type: 'string',
			default: DEFAULT_SECRET_HEADER,
			hint: 'Only for Authentication: Header Secret',
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: DEFAULT_BASIC_AUTH_USERNAME,
			hint: 'Only for Authentication: Basic Auth',
		},
	];
}
