import type { ICredentialTestFunctions } from 'n8n-workflow';

import { Sequence } from '../../../../n8n-nodes-sequence-money/nodes/Sequence/Sequence.node';
import { ruleCredentialProblem } from '../../../../n8n-nodes-sequence-money/nodes/Sequence/methods/credentialTest';
import { findSecretLeaks, recordForSecretScan } from '../../../harness/secretScan';
import { ACCESS_TOKEN, RULE_SECRET, SANDBOX_URL } from '../../../harness/workflows';

describe('the rule secret check (no request: it would fire the rule)', () => {
	afterAll(() => expect(findSecretLeaks([ACCESS_TOKEN, RULE_SECRET])).toEqual([]));

	const check = new Sequence().methods.credentialTest.sequenceRuleSecretCheck;
	const test = (data: Record<string, string>) =>
		check.call({} as ICredentialTestFunctions, {
			id: '1',
			name: 'rule',
			type: 'sequenceRuleSecretApi',
			data,
		});

	it('accepts a well-formed secret and says it cannot be verified without triggering', async () => {
		const result = await test({
			ruleSecret: `Bearer ${RULE_SECRET}`,
			ruleId: 'ru_1',
			baseUrl: SANDBOX_URL,
		});
		recordForSecretScan('rule secret check', result);
		expect(result).toEqual({
			status: 'OK',
			message: expect.stringContaining('only confirm it when the rule is triggered'),
		});
	});

	it.each([
		[{ ruleSecret: '  ' }, 'The Rule Secret is empty.'],
		[{ ruleSecret: 'two words' }, /spaces or line breaks/],
		[{ ruleSecret: 'x', ruleId: 'not a rule' }, /is not a Sequence rule ID/],
		[{ ruleSecret: 'x', baseUrl: 'api.getsequence.io' }, /not a valid http\(s\) address/],
		[
			{ ruleSecret: 'x', baseUrl: 'http://api.getsequence.io' },
			/uses http:\/\/, which would send your secret unencrypted/,
		],
	])('refuses %p', async (data, message) => {
		const result = await test(data as Record<string, string>);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(message);
		expect(ruleCredentialProblem(data)).toMatch(message);
	});
});
