// The transport's decisions, driven through a fake n8n context that replays scripted replies.
import type {
	IExecuteFunctions,
	IHttpRequestOptions,
	NodeApiError,
	NodeOperationError,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import {
	type SequenceRequest,
	findRequestId,
	normalizeBaseUrl,
	pacingKey,
	redactSecrets,
	sequenceApiRequest,
} from '../../../../n8n-nodes-sequence-money/nodes/Sequence/transport';
import type { FailureWording } from '../../../../n8n-nodes-sequence-money/nodes/Sequence/transport/errors';
import { sharedPacer } from '../../../../n8n-nodes-sequence-money/nodes/shared/rateLimiter';
import { sequenceNode } from '../sequenceNode';

jest.mock('n8n-workflow', () => {
	const actual = jest.requireActual('n8n-workflow');
	// Waits are recorded, not slept: the tests stay fast and can check them.
	return { ...actual, sleep: jest.fn(async () => undefined) };
});
const sleepMock = sleep as jest.MockedFunction<typeof sleep>;

const SECRET = 'sk_rule_Q7v2LmX9pR4tK8nZ';

const node = sequenceNode({
	credentials: { sequenceRuleSecretApi: { id: 'cred-1', name: 'My rule' } },
});

// Neutral words, so that the tests show the transport only passes the wording on.
const wording: FailureWording = {
	purpose: 'do the thing',
	credentialName: 'Test Credential',
	secretName: 'test secret',
	badRequestAdvice: 'Check the input.',
	notFoundAlsoCheck: 'the Thing ID',
	outcomeUnknownAdvice: 'It may have happened: look before running again.',
	unexpectedReplyAdvice: 'It may have happened.',
};

type Reply =
	| { status: number; body?: unknown; headers?: Record<string, string> }
	| { throws: unknown };

interface Sent {
	credentialType: string;
	options: IHttpRequestOptions;
	credentialsDecrypted: unknown;
}

/** A context whose HTTP helper answers each request with the next scripted reply. */
function fakeContext(replies: Reply[]) {
	const sent: Sent[] = [];
	const remaining = [...replies];
	const httpRequestWithAuthentication = jest.fn(
		async (
			credentialType: string,
			options: IHttpRequestOptions,
			extra: { credentialsDecrypted: unknown },
		) => {
			sent.push({ credentialType, options, credentialsDecrypted: extra.credentialsDecrypted });
			const reply = remaining.shift();
			if (!reply)
				throw new Error('the test scripted fewer replies than the transport sent requests');
			if ('throws' in reply) throw reply.throws;
			return { statusCode: reply.status, body: reply.body, headers: reply.headers ?? {} };
		},
	);
	const context = {
		getNode: () => node,
		helpers: { httpRequestWithAuthentication },
		logger: { debug: jest.fn() },
	} as unknown as IExecuteFunctions;
	return { context, sent, remaining };
}

function request(overrides: Partial<SequenceRequest> = {}): SequenceRequest {
	return {
		credentialType: 'sequenceRuleSecretApi',
		credentials: { ruleSecret: ` Bearer ${SECRET} `, baseUrl: 'https://api.example.test/' },
		path: '/rules/ru_1/trigger',
		body: {},
		idempotencyKey: 'key-1',
		policy: { maxRetries: 3, maxWaitMs: 30_000, baseDelayMs: 500 },
		timeoutMs: 5_000,
		itemIndex: 4,
		retryWhenOutcomeUnknown: true,
		wording,
		...overrides,
	};
}

async function send(replies: Reply[], overrides: Partial<SequenceRequest> = {}) {
	const fake = fakeContext(replies);
	const outcome = await sequenceApiRequest.call(fake.context, request(overrides)).then(
		(response) => ({ response, error: undefined }),
		(error: NodeApiError | NodeOperationError) => ({ response: undefined, error }),
	);
	return { ...fake, ...outcome };
}

const ok = (body: unknown = { code: 'OK', data: { requestId: 'req-ok' } }): Reply => ({
	status: 200,
	body,
});
const networkError = (code: string) => ({
	throws: Object.assign(new Error('socket trouble'), { code }),
});

let randomSpy: jest.SpyInstance;
beforeEach(() => {
	sleepMock.mockClear();
	// Backoff jitter at its lowest, so waits are exact: 250, 500, 1000 ms for a 500 ms base.
	randomSpy = jest.spyOn(Math, 'random').mockReturnValue(0);
});
afterEach(() => randomSpy.mockRestore());

describe('Sequence transport', () => {
	it('sends one POST as JSON text, never following redirects, with the credentials already read', async () => {
		const { sent, response } = await send([ok()], { body: { note: 'hi' } });
		expect(sent).toHaveLength(1);
		expect(sent[0].credentialType).toBe('sequenceRuleSecretApi');
		expect(sent[0].options).toEqual({
			method: 'POST',
			url: 'https://api.example.test/rules/ru_1/trigger',
			headers: {
				'Content-Type': 'application/json',
				Accept: 'application/json',
				'idempotency-key': 'key-1',
			},
			body: '{"note":"hi"}',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			disableFollowRedirect: true,
			timeout: 5_000,
		});
		expect(sent[0].credentialsDecrypted).toEqual({
			id: 'cred-1',
			name: 'My rule',
			type: 'sequenceRuleSecretApi',
			data: request().credentials,
		});
		expect(response).toEqual({
			statusCode: 200,
			body: { code: 'OK', data: { requestId: 'req-ok' } },
			requestId: 'req-ok',
			attempts: 1,
			waitedMs: 0,
		});
	});

	it('sends no idempotency-key header when the request has no key', async () => {
		const { sent } = await send([ok()], { idempotencyKey: undefined });
		expect(sent[0].options.headers).toEqual({
			'Content-Type': 'application/json',
			Accept: 'application/json',
		});
	});

	it('refuses a Base URL that would send the secret in clear, sending nothing', async () => {
		const { sent, error } = await send([ok()], {
			credentials: { ruleSecret: SECRET, baseUrl: 'http://api.example.test' },
		});
		expect(sent).toHaveLength(0);
		expect(error?.message).toMatch(
			/^The Base URL "http:\/\/api\.example\.test" uses http:\/\/.* Nothing was sent\.$/,
		);
		expect(error?.description).toBe(
			'Correct the Base URL in the "Test Credential" credential: https://api.getsequence.io unless Sequence gave you another address.',
		);
	});

	describe('429: Sequence did nothing, so it is always retried', () => {
		it('waits as Retry-After asks and reuses the idempotency key', async () => {
			const { sent, response } = await send(
				[{ status: 429, headers: { 'Retry-After': '2' } }, ok()],
				{ retryWhenOutcomeUnknown: false },
			);
			expect(sent).toHaveLength(2);
			expect(
				sent.map(({ options }) => (options.headers as Record<string, string>)['idempotency-key']),
			).toEqual(['key-1', 'key-1']);
			expect(sleepMock.mock.calls).toEqual([[2000]]);
			expect(response?.attempts).toBe(2);
		});

		it('stops without waiting when Retry-After is longer than Max Wait, and says what Sequence asked', async () => {
			const { sent, error } = await send(
				[{ status: 429, headers: { 'retry-after': '31' } }, ok()],
				{
					policy: { maxRetries: 3, maxWaitMs: 30_000, baseDelayMs: 500 },
				},
			);
			expect(sent).toHaveLength(1);
			expect(sleepMock).not.toHaveBeenCalled();
			expect(error?.message).toBe(
				'Sequence is limiting how often this can run (429 Too Many Requests)',
			);
			expect(error?.description).toBe(
				"Sequence asked to wait 31 before trying again. Wait a little and try again, raise the node's Max Retries or Max Wait options, or run this less often.",
			);
		});

		it('gives up after Max Retries, saying how often it tried', async () => {
			const limited: Reply = {
				status: 429,
				body: { message: 'Too Many Requests', requestId: 'rl-1' },
			};
			const { sent, error } = await send([limited, limited, limited], {
				policy: { maxRetries: 2, maxWaitMs: 30_000, baseDelayMs: 500 },
			});
			expect(sent).toHaveLength(3);
			expect(sleepMock.mock.calls).toEqual([[250], [500]]);
			expect(error?.message).toBe(
				'Sequence is limiting how often this can run (429 Too Many Requests) (tried 3 times)',
			);
			expect((error as NodeApiError).httpCode).toBe('429');
			expect(error?.context).toMatchObject({ requestId: 'rl-1', attempts: 3, itemIndex: 4 });
		});
	});

	describe('5xx: Sequence may have acted', () => {
		it('is retried with backoff and the same key when the request allows it', async () => {
			const { sent, response } = await send([
				{ status: 500 },
				{ status: 503, body: 'Service Unavailable' },
				ok(),
			]);
			expect(sent).toHaveLength(3);
			expect(
				new Set(
					sent.map(({ options }) => (options.headers as Record<string, string>)['idempotency-key']),
				),
			).toEqual(new Set(['key-1']));
			expect(sleepMock.mock.calls).toEqual([[250], [500]]);
			expect(response?.attempts).toBe(3);
		});

		it('is not retried when the outcome must be known (no idempotency key), and the advice is given', async () => {
			const { sent, error } = await send([{ status: 502 }, ok()], {
				retryWhenOutcomeUnknown: false,
			});
			expect(sent).toHaveLength(1);
			expect(error?.message).toBe(
				'Sequence had a problem on its side (502), so the node could not do the thing',
			);
			expect(error?.description).toBe(
				'This is usually temporary. It may have happened: look before running again. If it persists, contact Sequence support.',
			);
		});

		it('without advice from the operation, suggests trying again later', async () => {
			const { error } = await send([{ status: 500, body: { message: 'oops', requestId: 'r5' } }], {
				policy: { maxRetries: 0, maxWaitMs: 30_000, baseDelayMs: 500 },
				wording: { ...wording, outcomeUnknownAdvice: undefined },
			});
			expect(error?.description).toBe(
				'This is usually temporary. Try again in a few minutes. If it persists, contact Sequence support. Sequence said: "oops". Sequence request ID for support: r5.',
			);
		});
	});

	describe('network failures', () => {
		it.each(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'])(
			'%s happens before Sequence sees the request, so it is retried even without a key',
			async (code) => {
				const { sent, response } = await send([networkError(code), ok()], {
					retryWhenOutcomeUnknown: false,
				});
				expect(sent).toHaveLength(2);
				expect(response?.attempts).toBe(2);
			},
		);

		it('a refused connection that persists is reported without the outcome-unknown advice', async () => {
			const { error } = await send([networkError('ECONNREFUSED'), networkError('ECONNREFUSED')], {
				policy: { maxRetries: 1, maxWaitMs: 30_000, baseDelayMs: 500 },
			});
			expect(error?.message).toBe(
				'Could not reach Sequence (tried 2 times), so the node could not do the thing',
			);
			expect(error?.description).toBe(
				'The connection to api.example.test failed (ECONNREFUSED). Check the Base URL in the "Test Credential" credential and your network or proxy settings.',
			);
			expect((error as NodeApiError).httpCode).toBeNull();
		});

		it('the code is found in the cause chain', async () => {
			const wrapped = {
				throws: Object.assign(new Error('request failed'), { cause: { code: 'ENOTFOUND' } }),
			};
			const { sent } = await send([wrapped, ok()], { retryWhenOutcomeUnknown: false });
			expect(sent).toHaveLength(2);
		});

		it('a dropped connection may have reached Sequence: retried only when allowed', async () => {
			const allowed = await send([networkError('ECONNRESET'), ok()]);
			expect(allowed.sent).toHaveLength(2);
			const refused = await send([networkError('ECONNRESET'), ok()], {
				retryWhenOutcomeUnknown: false,
			});
			expect(refused.sent).toHaveLength(1);
			expect(refused.error?.message).toBe(
				'Could not reach Sequence, so the node could not do the thing',
			);
			expect(refused.error?.description).toBe(
				'The connection to api.example.test failed (ECONNRESET). Check the Base URL in the "Test Credential" credential and your network or proxy settings. It may have happened: look before running again.',
			);
		});

		it.each(['ETIMEDOUT', 'ECONNABORTED'])('%s is reported as a timeout', async (code) => {
			const { error } = await send([networkError(code)], { retryWhenOutcomeUnknown: false });
			expect(error?.message).toBe(
				'Sequence did not answer in time, so the node could not do the thing',
			);
			expect(error?.description).toBe(
				"No reply from api.example.test before the timeout. Check your connection to Sequence, or raise the node's Timeout option. It may have happened: look before running again.",
			);
		});

		it('a timeout mentioned only in the message counts as a timeout too', async () => {
			const { error } = await send([{ throws: new Error('timeout of 5000ms exceeded') }], {
				retryWhenOutcomeUnknown: false,
			});
			expect(error?.message).toBe(
				'Sequence did not answer in time, so the node could not do the thing',
			);
		});

		it.each([
			['ERR_CANCELED', Object.assign(new Error('canceled'), { code: 'ERR_CANCELED' })],
			['AbortError', Object.assign(new Error('aborted'), { name: 'AbortError' })],
			['CanceledError', Object.assign(new Error('canceled'), { name: 'CanceledError' })],
		])('a cancelled request (%s) is never retried', async (_label, thrown) => {
			const { sent, error } = await send([{ throws: thrown }, ok()]);
			expect(sent).toHaveLength(1);
			expect(error?.message).toBe('Could not reach Sequence, so the node could not do the thing');
			expect(error?.description).toContain('failed (ERR_CANCELED)');
		});

		it('an error without a recognisable code is UNKNOWN_NETWORK_ERROR, outcome unknown', async () => {
			const { sent, error } = await send([{ throws: new Error('something odd') }, ok()], {
				retryWhenOutcomeUnknown: false,
			});
			expect(sent).toHaveLength(1);
			expect(error?.description).toContain('failed (UNKNOWN_NETWORK_ERROR)');
			expect(error?.description).toContain('It may have happened');
		});
	});

	describe('replies that are not retried', () => {
		it.each([400, 401, 403, 404, 418])('%i is reported after one attempt', async (status) => {
			const { sent, error } = await send([
				{ status, body: { message: 'Nope', requestId: `req-${status}` } },
				ok(),
			]);
			expect(sent).toHaveLength(1);
			expect((error as NodeApiError).httpCode).toBe(String(status));
			expect(error?.context).toMatchObject({ requestId: `req-${status}`, attempts: 1 });
		});

		it('a redirect is never followed and names the host it pointed to', async () => {
			const { sent, error } = await send([
				{ status: 307, headers: { Location: 'https://elsewhere.example:8443/rules/ru_1/trigger' } },
				ok(),
			]);
			expect(sent).toHaveLength(1);
			expect(error?.message).toBe(
				"Sequence's address answered with a redirect (307), so the node did not do the thing",
			);
			expect(error?.description).toBe(
				'api.example.test sent the request on to elsewhere.example:8443. The node never follows redirects, so your secret was not sent there. Check the Base URL in the "Test Credential" credential (normally https://api.getsequence.io).',
			);
		});

		it('a redirect without a usable Location says "another address"', async () => {
			const { error } = await send([{ status: 302 }]);
			expect(error?.description).toMatch(
				/^api\.example\.test sent the request on to another address\./,
			);
		});
	});

	it('removes the secret, with or without "Bearer ", from anything the server echoes', async () => {
		const { error } = await send([
			{
				status: 401,
				body: { message: `bad signature: Bearer ${SECRET}`, requestId: `id-${SECRET}` },
			},
		]);
		expect(error?.message).toBe('Sequence did not accept the test secret (401 Unauthorized)');
		expect(error?.description).toBe(
			'The secret is wrong, expired or missing. Open the "Test Credential" credential and paste it again from Sequence. Sequence said: "bad signature: Bearer [redacted]". Sequence request ID for support: id-[redacted].',
		);
		expect(
			JSON.stringify({ ...error, message: error?.message, description: error?.description }),
		).not.toContain(SECRET);
	});

	it("cuts Sequence's message to 300 characters", async () => {
		const { error } = await send([{ status: 400, body: { message: 'x'.repeat(400) } }]);
		expect(error?.description).toBe(`Check the input. Sequence said: "${'x'.repeat(300)}".`);
	});

	describe('2xx replies', () => {
		it.each([
			[
				'a JSON string',
				{ status: 200, body: '{"code":"OK","requestId":7}' },
				{ code: 'OK', requestId: 7 },
				'7',
			],
			[
				'a Buffer',
				{ status: 201, body: Buffer.from('{"message":"done"}') },
				{ message: 'done' },
				undefined,
			],
		])('accepts %s holding a JSON object', async (_label, reply, body, requestId) => {
			const { response } = await send([reply]);
			expect(response).toEqual({
				statusCode: reply.status,
				body,
				requestId,
				attempts: 1,
				waitedMs: 0,
			});
		});

		it.each([
			['HTML', '<html>gateway</html>'],
			['an empty body', ''],
			['a JSON list', [1, 2]],
		])(
			'refuses %s: the node cannot tell what happened, and is not retried',
			async (_label, body) => {
				const { sent, error } = await send([{ status: 200, body }, ok()]);
				expect(sent).toHaveLength(1);
				expect(error?.message).toBe(
					'Sequence answered 200 but not in the documented form (the reply was not a JSON object), so the node cannot tell what happened',
				);
				expect(error?.description).toBe('While trying to do the thing. It may have happened.');
			},
		);
	});
});

describe('transport helpers', () => {
	it('normalizeBaseUrl trims, drops trailing slashes and defaults to Sequence', () => {
		expect(normalizeBaseUrl(' https://proxy.example/// ')).toBe('https://proxy.example');
		expect(normalizeBaseUrl('')).toBe('https://api.getsequence.io');
		expect(normalizeBaseUrl(undefined)).toBe('https://api.getsequence.io');
	});

	it('redactSecrets ignores secrets shorter than 4 characters', () => {
		expect(redactSecrets('abc abcd', ['abc', 'abcd'])).toBe('abc [redacted]');
	});

	it('findRequestId reads the top level first, then data', () => {
		expect(findRequestId({ requestId: 'top', data: { requestId: 'inner' } })).toBe('top');
		expect(findRequestId({ data: { requestId: 12 } })).toBe('12');
		expect(findRequestId({ data: [] })).toBeUndefined();
		expect(findRequestId('text')).toBeUndefined();
	});
});

describe('Sequence transport, Platform API', () => {
	const API_KEY = 'sk_live_R2d9Wq7Lm3Xv8Tb4';
	const platform = (overrides: Partial<SequenceRequest> = {}): Partial<SequenceRequest> => ({
		credentialType: 'sequencePlatformApi',
		credentials: { apiKey: `Bearer ${API_KEY}`, environment: 'production' },
		method: 'GET',
		path: '/accounts',
		query: 'type=POD&page=2&pageSize=100',
		body: undefined,
		idempotencyKey: undefined,
		...overrides,
	});
	// A clock that sleeping moves forward, as it would for real.
	let now = 0;
	let dateSpy: jest.SpyInstance;
	beforeEach(() => {
		sharedPacer().clear();
		now = Date.parse('2026-11-26T12:00:00Z');
		dateSpy = jest.spyOn(Date, 'now').mockImplementation(() => now);
		sleepMock.mockImplementation(async (ms: number) => {
			now += ms;
		});
	});
	afterEach(() => {
		dateSpy.mockRestore();
		sleepMock.mockImplementation(async () => undefined);
		sharedPacer().clear();
	});
	const page = {
		data: { items: [], pagination: { page: 2, pageSize: 100, hasNextPage: false } },
		requestId: 'req-7',
	};

	it('sends a GET with the query to production, with no body and no Content-Type', async () => {
		const { sent, response } = await send([ok(page)], platform());
		expect(sent).toHaveLength(1);
		expect(sent[0].credentialType).toBe('sequencePlatformApi');
		expect(sent[0].options).toEqual({
			method: 'GET',
			url: 'https://api.getsequence.io/platform/v1/accounts?type=POD&page=2&pageSize=100',
			headers: { Accept: 'application/json' },
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			disableFollowRedirect: true,
			timeout: 5_000,
		});
		expect(response).toEqual({
			statusCode: 200,
			body: page,
			requestId: 'req-7',
			attempts: 1,
			waitedMs: 0,
		});
	});

	it('goes to the custom base URL when the credential names one', async () => {
		const { sent } = await send(
			[ok(page)],
			platform({
				credentials: {
					apiKey: API_KEY,
					environment: 'custom',
					baseUrl: 'http://127.0.0.1:4010/platform/v1/',
				},
				query: undefined,
			}),
		);
		expect(sent[0].options.url).toBe('http://127.0.0.1:4010/platform/v1/accounts');
	});

	it.each([
		['an empty custom base URL', ''],
		['plain http to another machine', 'http://proxy.example.test/platform/v1'],
	])('refuses %s before sending anything', async (_label, baseUrl) => {
		const { sent, error } = await send(
			[],
			platform({ credentials: { apiKey: API_KEY, environment: 'custom', baseUrl } }),
		);
		expect(sent).toHaveLength(0);
		expect(error?.message).toMatch(/Nothing was sent\.$/);
	});

	it('reads the error envelope: the code goes to the operation’s wording, the key is redacted', async () => {
		const describeErrorCode = jest.fn(() => ({
			message: 'worded',
			description: 'by the operation',
		}));
		const { error, sent } = await send(
			[
				{
					status: 403,
					body: { error: { code: 'ACCESS_DENIED', message: `Key ${API_KEY} lacks READ_RULES` } },
				},
			],
			platform({ wording: { ...wording, describeErrorCode } }),
		);
		expect(sent).toHaveLength(1);
		expect(describeErrorCode).toHaveBeenCalledWith(
			expect.objectContaining({
				statusCode: 403,
				errorCode: 'ACCESS_DENIED',
				sequenceMessage: 'Key [redacted] lacks READ_RULES',
			}),
		);
		expect([error?.message, error?.description]).toEqual(['worded', 'by the operation']);
	});

	it('falls back to the wording by status for a code the operation does not word, or a plain-text 404', async () => {
		const unworded = await send(
			[{ status: 403, body: { error: { code: 'SOMETHING_NEW', message: 'no' } } }],
			platform({ wording: { ...wording, describeErrorCode: () => undefined } }),
		);
		expect(unworded.error?.message).toBe(
			'Sequence refused access while trying to do the thing (403 Forbidden)',
		);
		const plainText = await send([{ status: 404, body: 'Not Found' }], platform());
		expect(plainText.error?.message).toBe('Sequence has no such address (404 Not Found)');
	});

	it('retries a 500 on a read, and a 429 after Retry-After, with the same request', async () => {
		const { sent, response } = await send(
			[
				{ status: 500, body: { error: { code: 'UNEXPECTED_ERROR', message: 'oops' } } },
				{
					status: 429,
					body: { error: { code: 'RATE_LIMIT_EXCEEDED', message: 'slow down' } },
					headers: { 'retry-after': '2' },
				},
				ok(page),
			],
			platform({ retryWhenOutcomeUnknown: true }),
		);
		expect(response?.attempts).toBe(3);
		expect(new Set(sent.map((entry) => entry.options.url)).size).toBe(1);
		expect(sleepMock.mock.calls.map(([ms]) => ms)).toEqual([250, 2000]);
	});

	it('after a 429 with Retry-After, holds every request with the same key until the window opens', async () => {
		const first = await send(
			[
				{
					status: 429,
					body: { error: { code: 'RATE_LIMIT_EXCEEDED', message: 'slow down' } },
					headers: { 'retry-after': '3' },
				},
				ok(page),
			],
			platform(),
		);
		expect(first.response).toMatchObject({ attempts: 2, waitedMs: 3000 });
		// Another request with the same key right away is not held: the window has opened.
		const second = await send([ok(page)], platform());
		expect(second.response).toMatchObject({ attempts: 1, waitedMs: 0 });
	});

	it('paces a burst over the key’s budget instead of letting Sequence refuse it', async () => {
		const budget = sharedPacer().budget;
		const sentAt: number[] = [];
		for (let index = 0; index <= budget; index++) {
			const result = await send([ok(page)], platform());
			sentAt.push(now);
			expect(result.response?.attempts).toBe(1);
		}
		// The request after the budget waits a whole window after the first one.
		expect(sentAt[budget] - sentAt[0]).toBeGreaterThanOrEqual(sharedPacer().windowMs);
		// The External API has no such budget: it is never paced.
		const legacy = await send([ok()]);
		expect(legacy.response?.waitedMs).toBe(0);
	});

	it('knows the key only by a hash', () => {
		const key = pacingKey({
			credentialType: 'sequencePlatformApi',
			credentials: { apiKey: ` Bearer ${API_KEY}` },
		});
		expect(key).toMatch(/^platform:[0-9a-f]{32}$/);
		expect(key).toBe(
			pacingKey({ credentialType: 'sequencePlatformApi', credentials: { apiKey: API_KEY } }),
		);
		expect(
			pacingKey({ credentialType: 'sequenceRuleSecretApi', credentials: { ruleSecret: API_KEY } }),
		).toBeUndefined();
	});
});
