// A credential type seen the way n8n uses it: its expressions resolved against credential data
// (e.g. a Test's base URL), and the headers its `authenticate` adds to a request.
import type { IHttpRequestOptions } from 'n8n-workflow';

import { InMemoryCredentialsHelper } from './credentialsHelper';
import { buildWorkflow } from './runWorkflow';
import { manualToSequence } from './workflows';

export function credentialProbe(credentialType: string) {
	const workflow = buildWorkflow(manualToSequence({ resource: 'account', operation: 'getMany' }));
	const node = workflow.getNode('Sequence')!;
	const helper = new InMemoryCredentialsHelper({});
	return {
		resolve: (value: string, credentials: Record<string, unknown>) =>
			workflow.expression.getSimpleParameterValue(
				node,
				value,
				'internal',
				{ $credentials: credentials },
				undefined,
				'',
			),
		async headers(credentials: Record<string, string>): Promise<Record<string, string>> {
			const options = await helper.authenticate(
				credentials,
				credentialType,
				{ url: '/x', headers: {} } as IHttpRequestOptions,
				workflow,
				node,
			);
			return options.headers as Record<string, string>;
		},
	};
}
