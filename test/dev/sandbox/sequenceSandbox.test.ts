// The sandbox must behave like Sequence's documentation, or the end-to-end suite proves nothing.
import { createServer } from 'http';
import type { AddressInfo } from 'net';
import nock from 'nock';
import { join } from 'path';
import { request } from 'undici';

import { SequenceSandbox, loadSandboxData } from '../../../dev/sandbox/sequenceSandbox';

const data = loadSandboxData(
	join(__dirname, '..', '..', '..', 'dev', 'sandbox', 'data', 'sandbox.json'),
);
const token = data.accessTokens[0];
const rule = data.rules[0];
let sandbox: SequenceSandbox;

async function post(path: string, headers: Record<string, string>, body = '{}') {
	const response = await request(`${sandbox.url}${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body,
	});
	const text = await response.body.text();
	return {
		status: response.statusCode,
		headers: response.headers,
		body: text ? JSON.parse(text) : undefined,
	};
}

beforeAll(async () => {
	// The unit-test guard blocks all sockets; this suite talks to a real server on loopback.
	nock.enableNetConnect('127.0.0.1');
	sandbox = new SequenceSandbox(data);
	await sandbox.start();
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.reset());

describe('Sequence sandbox', () => {
	it('lists accounts with the documented shape for a valid token, 401 otherwise', async () => {
		const ok = await post('/accounts', { 'x-sequence-access-token': `Bearer ${token}` });
		expect(ok.status).toBe(200);
		expect(ok.body).toEqual({
			message: 'OK',
			requestId: expect.any(String),
			data: { accounts: data.accounts, errors: [] },
		});
		const bad = await post('/accounts', { 'x-sequence-access-token': 'Bearer nope' });
		expect(bad).toMatchObject({ status: 401, body: { requestId: expect.any(String) } });
		expect(sandbox.requests.map((recorded) => recorded.status)).toEqual([200, 401]);
	});

	it('triggers a rule; unknown or disabled rule → 400, wrong secret → 401', async () => {
		const ok = await post(`/rules/${rule.id}/trigger`, {
			'x-sequence-signature': `Bearer ${rule.secret}`,
		});
		expect(ok).toMatchObject({
			status: 200,
			body: { code: 'OK', data: { requestId: expect.any(String) } },
		});
		expect(
			(await post('/rules/ru_unknown/trigger', { 'x-sequence-signature': `Bearer ${rule.secret}` }))
				.status,
		).toBe(400);
		expect(
			(
				await post('/rules/ru_disabled/trigger', {
					'x-sequence-signature': `Bearer ${data.rules[1].secret}`,
				})
			).status,
		).toBe(400);
		expect(
			(await post(`/rules/${rule.id}/trigger`, { 'x-sequence-signature': 'Bearer wrong' })).status,
		).toBe(401);
		expect(sandbox.triggersOf(rule.id)).toHaveLength(1);
	});

	it('requires a JSON body', async () => {
		const noBody = await request(`${sandbox.url}/accounts`, {
			method: 'POST',
			headers: { 'x-sequence-access-token': `Bearer ${token}` },
		});
		expect(noBody.statusCode).toBe(400);
		await noBody.body.text();
	});

	it('does not trigger twice for the same idempotency key, and answers the same', async () => {
		const headers = { 'x-sequence-signature': `Bearer ${rule.secret}`, 'idempotency-key': 'k-1' };
		const first = await post(`/rules/${rule.id}/trigger`, headers);
		const second = await post(`/rules/${rule.id}/trigger`, headers);
		expect(second.body).toEqual(first.body);
		expect(sandbox.triggersOf(rule.id)).toHaveLength(1);
		await post(`/rules/${rule.id}/trigger`, { ...headers, 'idempotency-key': 'k-2' });
		expect(sandbox.triggersOf(rule.id)).toHaveLength(2);
	});

	it('rate-limits with 429 and Retry-After', async () => {
		sandbox.rateLimit = { maxRequests: 2, windowMs: 60_000 };
		const headers = { 'x-sequence-signature': `Bearer ${rule.secret}` };
		const statuses = [];
		let limited;
		for (let index = 0; index < 3; index++) {
			limited = await post(`/rules/${rule.id}/trigger`, headers);
			statuses.push(limited.status);
		}
		expect(statuses).toEqual([200, 200, 429]);
		expect(Number(limited!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
		expect(limited!.body.requestId).toEqual(expect.any(String));
	});

	it('injects faults: 500 after carrying out, drop, malformed JSON, delay', async () => {
		const headers = { 'x-sequence-signature': `Bearer ${rule.secret}`, 'idempotency-key': 'k-9' };
		sandbox.injectFaults(/trigger$/, { kind: 'status', status: 500, after: true });
		expect((await post(`/rules/${rule.id}/trigger`, headers)).status).toBe(500);
		expect(sandbox.triggersOf(rule.id)).toHaveLength(1);
		expect((await post(`/rules/${rule.id}/trigger`, headers)).status).toBe(200);
		expect(sandbox.triggersOf(rule.id)).toHaveLength(1);

		sandbox.injectFaults(/accounts/, { kind: 'drop' });
		await expect(
			post('/accounts', { 'x-sequence-access-token': `Bearer ${token}` }),
		).rejects.toThrow();
		sandbox.injectFaults(/accounts/, { kind: 'malformed' });
		await expect(
			post('/accounts', { 'x-sequence-access-token': `Bearer ${token}` }),
		).rejects.toThrow(SyntaxError);
		sandbox.injectFaults(/accounts/, { kind: 'delay', ms: 200 });
		const started = Date.now();
		expect((await post('/accounts', { 'x-sequence-access-token': `Bearer ${token}` })).status).toBe(
			200,
		);
		expect(Date.now() - started).toBeGreaterThanOrEqual(150);
	});

	describe('Query Remote API, as Sequence calls it', () => {
		async function withReply(status: number, body: string) {
			const server = createServer((incoming, response) => {
				incoming.resume();
				incoming.on('end', () => {
					response.writeHead(status, { 'content-type': 'application/json' });
					response.end(body);
				});
			});
			await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
			try {
				return await sandbox.queryRemoteApi(
					`http://127.0.0.1:${(server.address() as AddressInfo).port}/amount`,
				);
			} finally {
				await new Promise((resolve) => server.close(resolve));
			}
		}

		it.each([
			[200, '{"amountInCents":12500}', 12500, undefined],
			[200, '{"amountInCents":0}', 0, undefined],
			[200, '{"amountInCents":-1}', undefined, /greater than or equal to 0/],
			[200, '{"amountInCents":12.5}', undefined, /integer/],
			[200, '{"amountInCents":"125"}', undefined, /number/],
			[200, '', undefined, /not JSON/],
			[422, '{"error":"x"}', undefined, /status 422/],
		])('status %i body %s → %p', async (status, body, amount, problem) => {
			const result = await withReply(status, body);
			expect(result.amountInCents).toBe(amount);
			if (problem) expect(result.problem).toMatch(problem);
			else expect(result.problem).toBeUndefined();
		});

		it('refuses to call anything but loopback', async () => {
			await expect(sandbox.queryRemoteApi('http://192.0.2.1/amount')).rejects.toThrow(
				/only calls loopback/,
			);
		});
	});
});
