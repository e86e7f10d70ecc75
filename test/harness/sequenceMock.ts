// nock-based stand-in for Sequence that records what crossed the wire.
import nock from 'nock';

import { recordForSecretScan } from './secretScan';
import { SANDBOX_URL } from './workflows';

export interface CapturedRequest {
	path: string;
	headers: Record<string, string | string[] | undefined>;
	rawBody: string;
}

export type MockReply =
	| { status: number; body?: unknown; headers?: Record<string, string>; delayMs?: number }
	| { networkError: string };

/**
 * Queues `replies` for POST `path`, one per request in order. Returns the list the
 * requests are recorded into (headers lower-cased, body as sent).
 */
export function mockSequence(path: string, replies: MockReply[]): CapturedRequest[] {
	const captured: CapturedRequest[] = [];
	for (const reply of replies) {
		const interceptor = nock(SANDBOX_URL).post(path);
		const withDelay =
			'delayMs' in reply && reply.delayMs ? interceptor.delay(reply.delayMs) : interceptor;
		// nock 15 hands reply functions a Fetch API Request.
		withDelay.reply(async (request: Request) => {
			captured.push({
				path,
				headers: Object.fromEntries(request.headers.entries()),
				rawBody: await request.text(),
			});
			if ('networkError' in reply) {
				// A rejected reply fails the request the way a dropped connection does.
				throw Object.assign(new Error('socket hang up'), { code: reply.networkError });
			}
			return [reply.status, reply.body as nock.Body, reply.headers ?? {}];
		});
	}
	return captured;
}

export function triggerOk(
	ruleId: string,
	requestId = 'b28f1d9e-8c2a-4d3e-9af1-000000000001',
): MockReply {
	return {
		status: 200,
		body: { code: 'OK', message: `Rule with id ${ruleId} has been triggered`, data: { requestId } },
	};
}

export function resetSequenceMock(): void {
	nock.cleanAll();
}

export function recordCapturedForScan(label: string, captured: CapturedRequest[]): void {
	// Requests legitimately carry the secret in their auth header; everything else must not.
	recordForSecretScan(
		label,
		captured.map(({ headers, rawBody, path }) => ({
			path,
			rawBody,
			headers: Object.fromEntries(
				Object.entries(headers).filter(
					([name]) => !['x-sequence-signature', 'x-sequence-access-token'].includes(name),
				),
			),
		})),
	);
}
