import type { IHttpRequestOptions } from 'n8n-workflow';

import { SequenceRuleSecretApi } from '../../n8n-nodes-sequence-money/credentials/SequenceRuleSecretApi.credentials';
import { InMemoryCredentialsHelper } from '../harness/credentialsHelper';
import { buildWorkflow } from '../harness/runWorkflow';
import { findSecretLeaks } from '../harness/secretScan';
import { ACCESS_TOKEN, RULE_SECRET, manualToSequence } from '../harness/workflows';

const workflow = buildWorkflow(manualToSequence({ resource: 'rule', operation: 'trigger' }));
const node = workflow.getNode('Sequence')!;
const helper = new InMemoryCredentialsHelper({});

async function authenticatedHeaders(credentials: Record<string, string>) {
	const options = await helper.authenticate(
		credentials,
		'sequenceRuleSecretApi',
		{ url: '/x', headers: {} } as IHttpRequestOptions,
		workflow,
		node,
	);
	return options.headers as Record<string, string>;
}

describe('Sequence Rule Secret API credential', () => {
	afterAll(() => expect(findSecretLeaks([ACCESS_TOKEN, RULE_SECRET])).toEqual([]));

	it('declares its name, the secret as a password, and the default base URL', () => {
		const rule = new SequenceRuleSecretApi();
		expect([rule.name, rule.displayName]).toEqual([
			'sequenceRuleSecretApi',
			'Sequence Rule Secret API',
		]);
		expect(
			rule.properties.find((property) => property.name === 'ruleSecret')?.typeOptions?.password,
		).toBe(true);
		expect(rule.properties.find((property) => property.name === 'baseUrl')?.default).toBe(
			'https://api.getsequence.io',
		);
	});

	it.each([
		[RULE_SECRET, `Bearer ${RULE_SECRET}`],
		[` bearer ${RULE_SECRET} `, `Bearer ${RULE_SECRET}`],
	])('the rule secret %p is sent as %p', async (ruleSecret, header) => {
		const headers = await authenticatedHeaders({ ruleSecret });
		expect(headers).toEqual({ 'x-sequence-signature': header });
	});
});
