// The exact words users read when a request fails, for both operations' wordings.
import type { IExecuteFunctions } from 'n8n-workflow';

import { FAILURE_WORDING as accountsWording } from '../../../../n8n-nodes-sequence-money/nodes/Sequence/actions/account/getMany.operation';
import { failureWording as triggerWording } from '../../../../n8n-nodes-sequence-money/nodes/Sequence/actions/rule/trigger.operation';
import {
	type AttemptFailure,
	attemptFailureError,
	describeFailure,
	unexpectedResponseError,
} from '../../../../n8n-nodes-sequence-money/nodes/Sequence/transport/errors';
import { sequenceNode } from '../sequenceNode';

const HOST = 'api.getsequence.io';
const rule = triggerWording('ru_1', 'automatic');
const facts = (failure: Partial<AttemptFailure>): AttemptFailure => ({
	outcomeUnknown: false,
	...failure,
});
const fromSequence = { sequenceMessage: 'Nope', requestId: 'req-9' };
const said = ' Sequence said: "Nope". Sequence request ID for support: req-9.';

const node = sequenceNode();
const context = { getNode: () => node } as unknown as IExecuteFunctions;

describe('failure wording', () => {
	it.each([
		[
			400,
			'Sequence rejected the request to trigger rule ru_1 (400 Bad Request)',
			rule,
			`Check the Rule ID, and that the rule has API triggering enabled in Sequence.${said}`,
		],
		[
			400,
			'Sequence rejected the request to list the accounts (400 Bad Request)',
			accountsWording,
			`Check that the External API is enabled in Sequence's settings.${said}`,
		],
		[
			401,
			'Sequence did not accept the rule secret (401 Unauthorized)',
			rule,
			`The secret is wrong, expired or missing. Open the "Sequence Rule Secret API" credential and paste it again from Sequence.${said}`,
		],
		[
			401,
			'Sequence did not accept the access token (401 Unauthorized)',
			accountsWording,
			`The secret is wrong, expired or missing. Open the "Sequence Access Token API" credential and paste it again from Sequence.${said}`,
		],
		[
			403,
			'Sequence refused access while trying to list the accounts (403 Forbidden)',
			accountsWording,
			`The credential is valid but not allowed to do this. Check that the External API is enabled in Sequence's settings and that the "Sequence Access Token API" credential belongs to this account.${said}`,
		],
		[
			404,
			'Sequence has no such address (404 Not Found)',
			rule,
			`Check the Base URL in the "Sequence Rule Secret API" credential (normally https://api.getsequence.io) and the Rule ID.${said}`,
		],
		[
			404,
			'Sequence has no such address (404 Not Found)',
			accountsWording,
			`Check the Base URL in the "Sequence Access Token API" credential (normally https://api.getsequence.io).${said}`,
		],
		[
			418,
			'Sequence answered with an unexpected status (418) while trying to list the accounts',
			accountsWording,
			said.trim(),
		],
	])('%i: %s', (statusCode, message, wording, description) => {
		expect(describeFailure(facts({ statusCode, ...fromSequence }), wording, HOST, 1)).toEqual({
			message,
			description,
		});
	});

	it('an unexpected status without details says so', () => {
		expect(describeFailure(facts({ statusCode: 418 }), rule, HOST, 1).description).toBe(
			'No further details were given.',
		);
		expect(describeFailure(facts({}), rule, HOST, 1).message).toBe(
			'Sequence answered with an unexpected status (none) while trying to trigger rule ru_1',
		);
	});

	it.each([
		[
			'automatic',
			'The rule may have been triggered: check it in Sequence before running this again. Running the execution again sends a new automatic idempotency key, so Sequence could trigger the rule a second time.',
		],
		[
			'custom',
			'Running this again with the same Idempotency Key is safe: Sequence does not trigger the rule twice for one key.',
		],
		[
			'off',
			'It was not retried automatically because, without an idempotency key, a retry could trigger the rule twice; check the rule in Sequence before running it again.',
		],
	] as const)('a 5xx with idempotency %s says whether running again is safe', (mode, advice) => {
		const failure = facts({ statusCode: 502, outcomeUnknown: true });
		expect(describeFailure(failure, triggerWording('ru_1', mode), HOST, 2)).toEqual({
			message:
				'Sequence had a problem on its side (502) (tried 2 times), so the node could not trigger rule ru_1',
			description: `This is usually temporary. ${advice} If it persists, contact Sequence support.`,
		});
	});

	it('the advice is only given when the outcome is unknown', () => {
		const refused = facts({ networkCode: 'ECONNREFUSED', outcomeUnknown: false });
		expect(describeFailure(refused, rule, HOST, 1).description).toBe(
			'The connection to api.getsequence.io failed (ECONNREFUSED). Check the Base URL in the "Sequence Rule Secret API" credential and your network or proxy settings.',
		);
		const reset = facts({ networkCode: 'ECONNRESET', outcomeUnknown: true });
		expect(describeFailure(reset, rule, HOST, 1).description).toMatch(
			/proxy settings\. The rule may have been triggered: /,
		);
	});

	it('reading accounts gives no advice about running again', () => {
		const failure = facts({ statusCode: 503, outcomeUnknown: true, requestId: 'r' });
		expect(describeFailure(failure, accountsWording, HOST, 4)).toEqual({
			message:
				'Sequence had a problem on its side (503) (tried 4 times), so the node could not list the accounts',
			description:
				'This is usually temporary. Try again in a few minutes. If it persists, contact Sequence support. Sequence request ID for support: r.',
		});
	});

	it('a 429 without Retry-After only advises waiting', () => {
		expect(
			describeFailure(facts({ statusCode: 429, requestId: 'rl' }), accountsWording, HOST, 1),
		).toEqual({
			message: 'Sequence is limiting how often this can run (429 Too Many Requests)',
			description:
				"Wait a little and try again, raise the node's Max Retries or Max Wait options, or run this less often. Sequence request ID for support: rl.",
		});
	});
});

describe('error objects', () => {
	it('attemptFailureError keeps its own message and carries the facts, not the HTTP error', () => {
		const error = attemptFailureError(
			context,
			facts({ statusCode: 400, ...fromSequence }),
			{ wording: rule, itemIndex: 3 },
			HOST,
			1,
		);
		expect(error.message).toBe(
			'Sequence rejected the request to trigger rule ru_1 (400 Bad Request)',
		);
		expect(error.description).toBe(
			`Check the Rule ID, and that the rule has API triggering enabled in Sequence.${said}`,
		);
		expect(error.httpCode).toBe('400');
		expect(error.context).toEqual({ itemIndex: 3, requestId: 'req-9', attempts: 1 });
	});

	it.each([
		[
			rule,
			'While trying to trigger rule ru_1. The rule may have been triggered: check it in Sequence before running this again. Sequence request ID for support: r1.',
		],
		[
			accountsWording,
			'While trying to list the accounts. Try again; if it persists, check the Base URL in the credential. Sequence request ID for support: r1.',
		],
	])('unexpectedResponseError warns as the operation says (%#)', (wording, description) => {
		const error = unexpectedResponseError(
			context,
			{ wording, itemIndex: 0 },
			{ statusCode: 200, detail: 'no list', requestId: 'r1' },
		);
		expect(error.message).toBe(
			'Sequence answered 200 but not in the documented form (no list), so the node cannot tell what happened',
		);
		expect(error.description).toBe(description);
		expect(error.httpCode).toBe('200');
		expect(error.context.requestId).toBe('r1');
	});
});
