import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { baseUrlProblem, normalizeSecret, parseRuleId } from '../../shared/sequenceIds';

/** What is wrong with a rule credential, as far as can be told without sending it. */
export function ruleCredentialProblem(data: IDataObject): string | undefined {
	const secret = normalizeSecret(data.ruleSecret);
	if (secret === '') return 'The Rule Secret is empty.';
	if (/\s/.test(secret))
		return 'The Rule Secret contains spaces or line breaks; copy it again from Sequence.';
	const ruleId = typeof data.ruleId === 'string' ? data.ruleId.trim() : '';
	if (ruleId !== '' && !parseRuleId(ruleId)) {
		return `The Rule ID "${ruleId.slice(0, 80)}" is not a Sequence rule ID or trigger URL.`;
	}
	const baseUrl =
		typeof data.baseUrl === 'string' && data.baseUrl.trim() !== ''
			? data.baseUrl.trim()
			: undefined;
	return baseUrl === undefined ? undefined : baseUrlProblem(baseUrl);
}

/** The node's credential tests, by the name a credential's `testedBy` gives. */
export const credentialTest = {
	// Sending the secret would trigger the rule and move money, so the test
	// checks locally what can be checked and says what cannot.
	async sequenceRuleSecretCheck(
		this: ICredentialTestFunctions,
		credential: ICredentialsDecrypted,
	): Promise<INodeCredentialTestResult> {
		const problem = ruleCredentialProblem(credential.data ?? {});
		if (problem) return { status: 'Error', message: problem };
		return {
			status: 'OK',
			message:
				'The rule secret is filled in and well-formed. Sequence can only confirm it when the rule is triggered.',
		};
	},
};
