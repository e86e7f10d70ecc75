// Manual Trigger → Sequence (Rule: Trigger), run by n8n's real engine, with nock as Sequence.
import { createServer } from 'http';
import type { AddressInfo } from 'net';
import nock from 'nock';
import type { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { runWorkflow } from '../../harness/runWorkflow';
import { findSecretLeaks, recordedCount } from '../../harness/secretScan';
import {
	mockSequence,
	recordCapturedForScan,
	resetSequenceMock,
	triggerOk,
} from '../../harness/sequenceMock';
import {
	ACCESS_TOKEN,
	RULE_SECRET,
	SANDBOX_URL,
	manualToSequence,
	ruleCredentials,
} from '../../harness/workflows';

jest.mock('n8n-workflow', () => {
	const actual = jest.requireActual('n8n-workflow');
	// Backoff waits are recorded, not slept, so the tests are fast and can check them.
	return { ...actual, sleep: jest.fn(async () => undefined) };
});
const sleepMock = sleep as jest.MockedFunction<typeof sleep>;

const RULE = 'ru_12345';
const PATH = `/rules/${RULE}/trigger`;
const credentials = { sequenceRuleSecretApi: ruleCredentials };
const trigger = (parameters: Record<string, unknown> = {}) =>
	manualToSequence({ resource: 'rule', operation: 'trigger', ruleId: RULE, ...parameters });

function errorOf(result: Awaited<ReturnType<typeof runWorkflow>>) {
	const error = result.nodeError('Sequence') as (NodeApiError | NodeOperationError) | undefined;
	if (!error) throw new Error('expected the Sequence node to fail');
	return error;
}

beforeAll(() => nock.disableNetConnect());
beforeEach(() => sleepMock.mockClear());
afterEach(() => resetSequenceMock());
afterAll(() => {
	expect(recordedCount()).toBeGreaterThan(20);
	expect(findSecretLeaks([RULE_SECRET, ACCESS_TOKEN])).toEqual([]);
});

describe('Sequence node: Rule → Trigger', () => {
	it('sends exactly the documented request and outputs code, message, requestId, rule ID and key', async () => {
		const requests = mockSequence(PATH, [triggerOk(RULE, 'req-123')]);
		const result = await runWorkflow(trigger(), { credentials });
		recordCapturedForScan('trigger request', requests);

		expect(requests).toHaveLength(1);
		const [request] = requests;
		expect(request.headers['x-sequence-signature']).toBe(`Bearer ${RULE_SECRET}`);
		expect(request.headers['content-type']).toBe('application/json');
		expect(request.rawBody).toBe('{}');
		expect(request.headers['idempotency-key']).toMatch(/^n8n-[0-9a-f]{40}$/);
		expect(result.output('Sequence')).toEqual([
			{
				ruleId: RULE,
				code: 'OK',
				message: `Rule with id ${RULE} has been triggered`,
				requestId: 'req-123',
				idempotencyKey: request.headers['idempotency-key'],
				attempts: 1,
			},
		]);
	});

	it('does not double "Bearer" when the user pasted it, and trims whitespace', async () => {
		const requests = mockSequence(PATH, [triggerOk(RULE)]);
		await runWorkflow(trigger(), {
			credentials: {
				sequenceRuleSecretApi: { ...ruleCredentials, ruleSecret: `  Bearer ${RULE_SECRET} \n` },
			},
		});
		expect(requests[0].headers['x-sequence-signature']).toBe(`Bearer ${RULE_SECRET}`);
	});

	it('accepts the trigger URL pasted as the Rule ID, and a base URL with a trailing slash', async () => {
		const requests = mockSequence(PATH, [triggerOk(RULE)]);
		const result = await runWorkflow(trigger({ ruleId: `${SANDBOX_URL}/rules/${RULE}/trigger` }), {
			credentials: { sequenceRuleSecretApi: { ...ruleCredentials, baseUrl: `${SANDBOX_URL}/` } },
		});
		expect(requests).toHaveLength(1);
		expect(result.output('Sequence')[0].ruleId).toBe(RULE);
	});

	it('sends a custom JSON body', async () => {
		const requests = mockSequence(PATH, [triggerOk(RULE)]);
		await runWorkflow(trigger({ body: '{"invoice": "INV-7", "amount": 12.5}' }), { credentials });
		expect(JSON.parse(requests[0].rawBody)).toEqual({ invoice: 'INV-7', amount: 12.5 });
	});

	it.each([
		['{"unclosed": ', /not valid JSON/],
		['[1, 2]', /must be a JSON object/],
		['"text"', /must be a JSON object/],
	])('refuses the body %p before sending anything', async (body, message) => {
		const requests = mockSequence(PATH, [triggerOk(RULE)]);
		const result = await runWorkflow(trigger({ body }), { credentials });
		expect(errorOf(result).message).toMatch(message);
		expect(errorOf(result).message).toMatch(/not triggered/);
		expect(requests).toHaveLength(0);
	});

	it('an empty Rule ID stops the workflow before it starts (n8n checks required parameters)', async () => {
		const requests = mockSequence(PATH, [triggerOk(RULE)]);
		await expect(runWorkflow(trigger({ ruleId: '' }), { credentials })).rejects.toThrow(
			/node has issues/,
		);
		expect(requests).toHaveLength(0);
	});

	it.each(['={{ "" }}', 'ru 1 2', 'https://api.getsequence.io/accounts'])(
		'refuses the Rule ID %p before sending anything',
		async (ruleId) => {
			const requests = mockSequence(PATH, [triggerOk(RULE)]);
			const result = await runWorkflow(trigger({ ruleId }), { credentials });
			expect(errorOf(result).message).toMatch(/Rule ID is missing or not a valid/);
			expect(requests).toHaveLength(0);
		},
	);

	describe('rule ID bound in the credential', () => {
		it('refuses another rule, sending nothing', async () => {
			const requests = mockSequence(PATH, [triggerOk(RULE)]);
			const result = await runWorkflow(trigger(), {
				credentials: { sequenceRuleSecretApi: { ...ruleCredentials, ruleId: 'ru_other' } },
			});
			expect(errorOf(result).message).toBe(
				'This rule secret is restricted to rule ru_other, but the node is set to trigger ru_12345. Nothing was sent.',
			);
			expect(requests).toHaveLength(0);
		});

		it('allows its own rule, also when written as the trigger URL', async () => {
			const requests = mockSequence(PATH, [triggerOk(RULE)]);
			await runWorkflow(trigger(), {
				credentials: {
					sequenceRuleSecretApi: {
						...ruleCredentials,
						ruleId: ` https://api.getsequence.io/rules/${RULE}/trigger `,
					},
				},
			});
			expect(requests).toHaveLength(1);
		});
	});

	describe('idempotency', () => {
		it('Automatic: the same execution, node and item give the same key; another execution another key', async () => {
			const requests = mockSequence(PATH, [triggerOk(RULE), triggerOk(RULE), triggerOk(RULE)]);
			await runWorkflow(trigger(), { credentials, executionId: '101' });
			await runWorkflow(trigger(), { credentials, executionId: '101' });
			await runWorkflow(trigger(), { credentials, executionId: '102' });
			const keys = requests.map((request) => request.headers['idempotency-key']);
			expect(keys[0]).toBe(keys[1]);
			expect(keys[2]).not.toBe(keys[0]);
		});

		it('Automatic: each item gets its own key', async () => {
			const requests = mockSequence(PATH, [triggerOk(RULE), triggerOk(RULE)]);
			const result = await runWorkflow(trigger(), {
				credentials,
				startNode: 'Sequence',
				startItems: [[{ a: 1 }, { a: 2 }]],
			});
			expect(requests).toHaveLength(2);
			expect(requests[0].headers['idempotency-key']).not.toBe(
				requests[1].headers['idempotency-key'],
			);
			expect(result.output('Sequence').map((item) => item.idempotencyKey)).toEqual(
				requests.map((request) => request.headers['idempotency-key']),
			);
		});

		it('Custom: sends the key from an expression', async () => {
			const requests = mockSequence(PATH, [triggerOk(RULE)]);
			const result = await runWorkflow(
				trigger({ idempotency: 'custom', idempotencyKey: '={{ "invoice-" + $json.invoice }}' }),
				{ credentials, startNode: 'Sequence', startItems: [[{ invoice: 'INV-2025-001' }]] },
			);
			expect(requests[0].headers['idempotency-key']).toBe('invoice-INV-2025-001');
			expect(result.output('Sequence')[0].idempotencyKey).toBe('invoice-INV-2025-001');
		});

		it.each([
			['={{ $json.missing }}', /must be text/],
			['={{ "  " }}', /empty/],
			['has spaces', /visible ASCII/],
		])('Custom: refuses the key %p, sending nothing', async (key, message) => {
			const requests = mockSequence(PATH, [triggerOk(RULE)]);
			const result = await runWorkflow(trigger({ idempotency: 'custom', idempotencyKey: key }), {
				credentials,
			});
			expect(errorOf(result).message).toMatch(message);
			expect(requests).toHaveLength(0);
		});

		it('Off: sends no key', async () => {
			const requests = mockSequence(PATH, [triggerOk(RULE)]);
			const result = await runWorkflow(trigger({ idempotency: 'off' }), { credentials });
			expect(requests[0].headers['idempotency-key']).toBeUndefined();
			expect(result.output('Sequence')[0].idempotencyKey).toBeNull();
		});
	});

	describe('retries', () => {
		it('429 with Retry-After, then success: waits as asked, one logical trigger, the same key', async () => {
			const requests = mockSequence(PATH, [
				{
					status: 429,
					body: { message: 'Too Many Requests', requestId: 'rl-1' },
					headers: { 'Retry-After': '2' },
				},
				triggerOk(RULE, 'req-after-429'),
			]);
			const result = await runWorkflow(trigger(), { credentials });
			expect(requests).toHaveLength(2);
			expect(requests[1].headers['idempotency-key']).toBe(requests[0].headers['idempotency-key']);
			expect(sleepMock.mock.calls).toEqual([[2000]]);
			expect(result.output('Sequence')).toEqual([
				expect.objectContaining({ requestId: 'req-after-429', attempts: 2 }),
			]);
		});

		it('429 with an HTTP-date Retry-After is honoured too', async () => {
			const inThreeSeconds = new Date(Date.now() + 3000).toUTCString();
			const requests = mockSequence(PATH, [
				{ status: 429, headers: { 'Retry-After': inThreeSeconds } },
				triggerOk(RULE),
			]);
			await runWorkflow(trigger(), { credentials });
			expect(requests).toHaveLength(2);
			expect(sleepMock.mock.calls[0][0]).toBeGreaterThan(1000);
			expect(sleepMock.mock.calls[0][0]).toBeLessThanOrEqual(3000);
		});

		it('500 twice, then success: backs off, same key every time', async () => {
			const requests = mockSequence(PATH, [
				{ status: 500 },
				{ status: 503, body: 'Service Unavailable' },
				triggerOk(RULE),
			]);
			const result = await runWorkflow(trigger(), { credentials });
			expect(requests).toHaveLength(3);
			expect(new Set(requests.map((request) => request.headers['idempotency-key'])).size).toBe(1);
			expect(sleepMock).toHaveBeenCalledTimes(2);
			const [first, second] = sleepMock.mock.calls.map(([ms]) => ms);
			expect(first).toBeGreaterThanOrEqual(250);
			expect(first).toBeLessThanOrEqual(500);
			expect(second).toBeGreaterThanOrEqual(500);
			expect(second).toBeLessThanOrEqual(1000);
			expect(result.output('Sequence')[0].attempts).toBe(3);
		});

		it('a dropped connection is retried with the same key', async () => {
			const requests = mockSequence(PATH, [{ networkError: 'ECONNRESET' }, triggerOk(RULE)]);
			const result = await runWorkflow(trigger(), { credentials });
			expect(requests).toHaveLength(2);
			expect(requests[1].headers['idempotency-key']).toBe(requests[0].headers['idempotency-key']);
			expect(result.output('Sequence')[0].attempts).toBe(2);
		});

		it('gives up after Max Retries with a clear 429 message', async () => {
			const limited = {
				status: 429,
				body: { message: 'Too Many Requests', requestId: 'rl-9' },
				headers: { 'Retry-After': '1' },
			};
			const requests = mockSequence(PATH, [limited, limited, limited]);
			const result = await runWorkflow(trigger({ options: { maxRetries: 2 } }), { credentials });
			expect(requests).toHaveLength(3);
			const error = errorOf(result) as NodeApiError;
			expect(error.message).toBe(
				'Sequence is limiting how often this can run (429 Too Many Requests) (tried 3 times)',
			);
			expect(error.httpCode).toBe('429');
			expect(error.description).toContain('rl-9');
		});

		it('does not wait longer than Max Wait: a long Retry-After ends the retries', async () => {
			const requests = mockSequence(PATH, [
				{ status: 429, headers: { 'Retry-After': '120' } },
				triggerOk(RULE),
			]);
			const result = await runWorkflow(trigger({ options: { maxWaitSeconds: 30 } }), {
				credentials,
			});
			expect(requests).toHaveLength(1);
			expect(sleepMock).not.toHaveBeenCalled();
			expect(errorOf(result).description).toContain('Sequence asked to wait 120');
		});

		it.each([
			[
				400,
				/rejected the request to trigger rule ru_12345 \(400 Bad Request\)/,
				/Rule ID, and that the rule has API triggering enabled/,
			],
			[
				401,
				/did not accept the rule secret \(401 Unauthorized\)/,
				/"Sequence Rule Secret API" credential/,
			],
			[403, /refused access .* \(403 Forbidden\)/, /External API is enabled/],
			[404, /no such address \(404 Not Found\)/, /Base URL/],
		])('%i is never retried and explains what to check', async (status, message, description) => {
			const requests = mockSequence(PATH, [
				{ status, body: { message: 'Nope', requestId: `req-${status}` } },
				triggerOk(RULE),
			]);
			const result = await runWorkflow(trigger(), { credentials });
			expect(requests).toHaveLength(1);
			const error = errorOf(result) as NodeApiError;
			expect(error.message).toMatch(message);
			expect(error.description).toMatch(description);
			expect(error.description).toContain(`req-${status}`);
			expect(error.httpCode).toBe(String(status));
			expect(error.context.requestId).toBe(`req-${status}`);
		});

		it('Idempotency Off: a 500 is not retried (a retry could trigger twice) and the message says why', async () => {
			const requests = mockSequence(PATH, [{ status: 500 }, triggerOk(RULE)]);
			const result = await runWorkflow(trigger({ idempotency: 'off' }), { credentials });
			expect(requests).toHaveLength(1);
			expect(errorOf(result).description).toMatch(
				/not retried automatically because, without an idempotency key/,
			);
		});

		it('Idempotency Off: a 429 is still retried (Sequence did nothing)', async () => {
			const requests = mockSequence(PATH, [
				{ status: 429, headers: { 'Retry-After': '1' } },
				triggerOk(RULE),
			]);
			await runWorkflow(trigger({ idempotency: 'off' }), { credentials });
			expect(requests).toHaveLength(2);
		});

		it("Idempotency Off with n8n's Retry On Fail is refused before anything is sent", async () => {
			const requests = mockSequence(PATH, [{ status: 500 }, triggerOk(RULE)]);
			const workflow = trigger({ idempotency: 'off' });
			Object.assign(workflow.nodes[1], { retryOnFail: true, maxTries: 3, waitBetweenTries: 0 });
			const result = await runWorkflow(workflow, { credentials });
			expect(requests).toHaveLength(0);
			expect(errorOf(result).message).toBe(
				"Idempotency is Off while the node's Retry On Fail setting is on, which could trigger the rule twice. Nothing was sent.",
			);
		});

		it.each([
			[
				'automatic',
				{},
				/may have been triggered: check it in Sequence before running this again\. Running the execution again sends a new automatic idempotency key/,
			],
			[
				'custom',
				{ idempotencyKey: 'invoice-7' },
				/Running this again with the same Idempotency Key is safe/,
			],
		])(
			'Idempotency %s: when 5xx retries run out, the message says whether running again is safe',
			async (mode, extra, advice) => {
				mockSequence(PATH, [{ status: 502 }, { status: 502 }]);
				const result = await runWorkflow(
					trigger({ idempotency: mode, ...extra, options: { maxRetries: 1 } }),
					{ credentials },
				);
				const error = errorOf(result);
				expect(error.message).toBe(
					'Sequence had a problem on its side (502) (tried 2 times), so the node could not trigger rule ru_12345',
				);
				expect(error.description).toMatch(advice);
				expect(error.description).not.toMatch(/Try again in a few minutes/);
			},
		);

		it("n8n's own Retry On Fail reuses the key, so the rule cannot fire twice", async () => {
			const requests = mockSequence(PATH, [{ status: 500 }, triggerOk(RULE)]);
			const workflow = trigger({ options: { maxRetries: 0 } });
			Object.assign(workflow.nodes[1], { retryOnFail: true, maxTries: 2, waitBetweenTries: 0 });
			const result = await runWorkflow(workflow, { credentials });
			expect(requests).toHaveLength(2);
			expect(requests[1].headers['idempotency-key']).toBe(requests[0].headers['idempotency-key']);
			expect(result.output('Sequence')).toHaveLength(1);
		});

		it('a timeout is reported in plain words, and retried with the same key', async () => {
			// A real server on loopback that answers too late: nock cannot fake a socket timeout.
			const keys: string[] = [];
			const server = createServer((request, response) => {
				keys.push(String(request.headers['idempotency-key']));
				const late = keys.length === 1 ? 1500 : 0;
				const timer = setTimeout(
					() =>
						response.end(
							JSON.stringify({ code: 'OK', message: 'ok', data: { requestId: 'late' } }),
						),
					late,
				);
				response.on('close', () => clearTimeout(timer));
			});
			await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
			nock.enableNetConnect('127.0.0.1');
			try {
				const { port } = server.address() as AddressInfo;
				const baseUrl = `http://127.0.0.1:${port}`;
				const failed = await runWorkflow(
					trigger({ options: { timeoutSeconds: 1, maxRetries: 0 } }),
					{
						credentials: { sequenceRuleSecretApi: { ...ruleCredentials, baseUrl } },
					},
				);
				expect(errorOf(failed).message).toBe(
					'Sequence did not answer in time, so the node could not trigger rule ru_12345',
				);
				keys.length = 0;
				const retried = await runWorkflow(
					trigger({ options: { timeoutSeconds: 1, maxRetries: 1 } }),
					{
						credentials: { sequenceRuleSecretApi: { ...ruleCredentials, baseUrl } },
					},
				);
				expect(retried.output('Sequence')[0]).toMatchObject({ requestId: 'late', attempts: 2 });
				expect(keys).toHaveLength(2);
				expect(keys[1]).toBe(keys[0]);
			} finally {
				nock.disableNetConnect();
				server.closeAllConnections();
				await new Promise((resolve) => server.close(resolve));
			}
		});
	});

	describe('answers that are not what Sequence documents', () => {
		it.each([
			[
				'HTML',
				{ status: 200, body: '<html>gateway</html>', headers: { 'Content-Type': 'text/html' } },
			],
			['an empty body', { status: 200, body: '' }],
			['JSON without code or message', { status: 200, body: { ok: true } }],
			['a JSON list', { status: 200, body: [1, 2] }],
		])('%s is a clear error that warns the rule may have run', async (_label, reply) => {
			mockSequence(PATH, [reply]);
			const result = await runWorkflow(trigger(), { credentials });
			const error = errorOf(result);
			expect(error.message).toMatch(/not in the documented form/);
			expect(error.description).toMatch(/may have been triggered/);
		});
	});

	it('never follows a redirect: the secret and the trigger do not go to another host', async () => {
		// Real servers on loopback: the redirect must really not be followed by n8n's HTTP layer.
		const elsewhere: Array<Record<string, unknown>> = [];
		const other = createServer((request, response) => {
			elsewhere.push(request.headers);
			response.end(JSON.stringify({ code: 'OK', message: 'ok', data: { requestId: 'elsewhere' } }));
		});
		await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
		const otherHost = `localhost:${(other.address() as AddressInfo).port}`;
		let redirected = 0;
		const redirecting = createServer((_request, response) => {
			redirected++;
			response.writeHead(307, { Location: `http://${otherHost}${PATH}` }).end();
		});
		await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
		nock.enableNetConnect(/127\.0\.0\.1|localhost/);
		try {
			const baseUrl = `http://127.0.0.1:${(redirecting.address() as AddressInfo).port}`;
			const result = await runWorkflow(trigger(), {
				credentials: { sequenceRuleSecretApi: { ...ruleCredentials, baseUrl } },
			});
			const error = errorOf(result) as NodeApiError;
			expect(redirected).toBe(1);
			expect(elsewhere).toEqual([]);
			expect(error.message).toBe(
				"Sequence's address answered with a redirect (307), so the node did not trigger rule ru_12345",
			);
			expect(error.description).toContain(`sent the request on to ${otherHost}`);
			expect(error.httpCode).toBe('307');
		} finally {
			nock.disableNetConnect();
			for (const server of [redirecting, other]) {
				server.closeAllConnections();
				await new Promise((resolve) => server.close(resolve));
			}
		}
	});

	it('never repeats a secret that a server echoes back in its error', async () => {
		mockSequence(PATH, [
			{
				status: 401,
				body: { message: `bad signature: Bearer ${RULE_SECRET}`, requestId: `id-${RULE_SECRET}` },
			},
		]);
		const result = await runWorkflow(trigger(), { credentials });
		const error = errorOf(result);
		expect(error.description).toContain('bad signature: Bearer [redacted]');
		expect(JSON.stringify(result.run.data.resultData)).not.toContain(RULE_SECRET);
	});

	it('when a later item fails, the error names the items whose rule had already fired', async () => {
		mockSequence('/rules/ru_a/trigger', [triggerOk('ru_a', 'req-a')]);
		mockSequence('/rules/ru_b/trigger', [triggerOk('ru_b', 'req-b')]);
		mockSequence('/rules/ru_bad/trigger', [
			{ status: 400, body: { message: 'Rule is not API-enabled', requestId: 'req-bad' } },
		]);
		const workflow = manualToSequence({
			resource: 'rule',
			operation: 'trigger',
			ruleId: '={{ $json.rule }}',
		});
		const result = await runWorkflow(workflow, {
			credentials,
			startNode: 'Sequence',
			startItems: [[{ rule: 'ru_a' }, { rule: 'ru_b' }, { rule: 'ru_bad' }]],
		});
		const error = errorOf(result) as NodeApiError;
		expect(error.message).toBe(
			'Sequence rejected the request to trigger rule ru_bad (400 Bad Request)',
		);
		expect(error.description).toContain('Sequence request ID for support: req-bad.');
		expect(error.description).toContain(
			'Before this failure, 2 earlier items had already triggered their rules: item 0 (request ID req-a), item 1 (request ID req-b).',
		);
		expect(error.context.alreadyTriggered).toEqual([
			{ itemIndex: 0, requestId: 'req-a' },
			{ itemIndex: 1, requestId: 'req-b' },
		]);
	});

	describe('Continue On Fail', () => {
		it('gives an error item for the failed item and goes on with the others', async () => {
			mockSequence('/rules/ru_a/trigger', [triggerOk('ru_a', 'req-a')]);
			mockSequence('/rules/ru_bad/trigger', [
				{ status: 400, body: { message: 'Rule is not API-enabled', requestId: 'req-bad' } },
			]);
			mockSequence('/rules/ru_c/trigger', [triggerOk('ru_c', 'req-c')]);
			const workflow = manualToSequence(
				{ resource: 'rule', operation: 'trigger', ruleId: '={{ $json.rule }}' },
				{ onError: 'continueRegularOutput' },
			);
			const result = await runWorkflow(workflow, {
				credentials,
				startNode: 'Sequence',
				startItems: [[{ rule: 'ru_a' }, { rule: 'ru_bad' }, { rule: 'ru_c' }]],
			});
			const output = result.output('Sequence');
			expect(output).toHaveLength(3);
			expect(output[0]).toMatchObject({ ruleId: 'ru_a', requestId: 'req-a' });
			expect(output[1]).toEqual({
				error: 'Sequence rejected the request to trigger rule ru_bad (400 Bad Request)',
				description: expect.stringContaining('Sequence said: "Rule is not API-enabled"'),
				httpCode: '400',
				requestId: 'req-bad',
			});
			expect(output[2]).toMatchObject({ ruleId: 'ru_c', requestId: 'req-c' });
			const pairedItems = result.run.data.resultData.runData.Sequence[0].data?.main[0]?.map(
				(item) => item.pairedItem,
			);
			expect(pairedItems).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		});
	});
});
