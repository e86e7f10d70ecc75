// A local stand-in for Sequence's API, as its documentation describes it, for the
// end-to-end tests, the benchmarks and the `npm start` demo. Loopback only.
//
//   POST /accounts                 x-sequence-access-token: Bearer <token>
//   POST /rules/{ruleId}/trigger   x-sequence-signature: Bearer <rule secret>
//
// Besides behaving like Sequence (idempotency keys, rate limits with Retry-After, a
// requestId on every reply), it records every request and can inject faults.
// It also plays Sequence's side of Query Remote API (`queryRemoteApi`).
//
// Under /platform/v1 it serves Sequence's Platform v1 API instead (`platformV1`, see
// platformV1.ts: Bearer API keys, JSON `{data, requestId}` / `{error}` bodies); the fault
// switches apply there too, and its requests are logged with the Authorization value redacted.
import { randomUUID } from 'crypto';
import { readFileSync } from 'fs';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'http';
import type { AddressInfo, Socket } from 'net';
import { request as undiciRequest } from 'undici';
import { z } from 'zod';

import {
	PlatformV1,
	type PlatformV1Reply,
	isPlatformV1Path,
	redactAuthorization,
} from './platformV1';

const accountSchema = z.object({
	id: z.string(),
	name: z.string(),
	type: z.string(),
	balance: z.object({ amountInDollars: z.number().nullable(), error: z.string().nullable() }),
});

export const sandboxDataSchema = z.object({
	accessTokens: z.array(z.string().min(8)),
	accounts: z.array(accountSchema),
	errors: z.array(z.unknown()).default([]),
	rules: z.array(
		z.object({
			id: z.string(),
			secret: z.string().min(8),
			apiEnabled: z.boolean().default(true),
		}),
	),
});

export type SandboxData = z.infer<typeof sandboxDataSchema>;

/** What Sequence requires of a Query Remote API reply. */
export const amountReplySchema = z.object({
	amountInCents: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
});

export type Fault =
	/** Answer with this status instead; `after: true` first carries out the request (outcome unknown to the client). */
	| { kind: 'status'; status: number; after?: boolean; retryAfter?: string }
	/** Wait before answering. */
	| { kind: 'delay'; ms: number }
	/** Close the connection without a reply; `after: true` first carries out the request. */
	| { kind: 'drop'; after?: boolean }
	/** Answer 200 with a body that is not JSON. */
	| { kind: 'malformed' };

export interface RecordedRequest {
	method: string;
	path: string;
	/** The raw query string (`?…`), recorded for Platform v1 requests. */
	query?: string;
	headers: Record<string, string | string[] | undefined>;
	body: string;
	status: number;
	receivedAt: number;
}

export interface RuleTrigger {
	ruleId: string;
	idempotencyKey?: string;
	body: unknown;
	requestId: string;
	at: number;
}

export interface RateLimit {
	/** Requests allowed per rule (and for /accounts, per token) in each window. */
	maxRequests: number;
	windowMs: number;
}

export interface QueryRemoteApiResult {
	status: number;
	/** The amount Sequence would move, when the reply is valid. */
	amountInCents?: number;
	/** Why Sequence would refuse the reply. */
	problem?: string;
	body: string;
	durationMs: number;
}

interface StoredReply {
	status: number;
	body: unknown;
}

export function loadSandboxData(file: string): SandboxData {
	return sandboxDataSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

export class SequenceSandbox {
	readonly requests: RecordedRequest[] = [];
	readonly triggers: RuleTrigger[] = [];
	rateLimit?: RateLimit;
	private readonly faults: Array<{ pathPattern: RegExp; fault: Fault }> = [];
	private readonly idempotentReplies = new Map<string, StoredReply>();
	private readonly windows = new Map<string, { start: number; count: number }>();
	private readonly sockets = new Set<Socket>();
	private server?: Server;
	private port = 0;

	/** `platformV1`: the Platform v1 API under /platform/v1 (data/platformV1.json by default). */
	constructor(
		private data: SandboxData,
		readonly platformV1: PlatformV1 = new PlatformV1(),
	) {}

	get url(): string {
		if (!this.server) throw new Error('The sandbox is not started');
		return `http://127.0.0.1:${this.port}`;
	}

	async start(port = 0): Promise<string> {
		this.server = createServer((request, response) => {
			this.handle(request, response).catch((error: unknown) => {
				if (!response.headersSent)
					this.json(response, 500, { message: `Sandbox error: ${String(error)}` });
			});
		});
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		await new Promise<void>((resolve, reject) => {
			this.server!.once('error', reject);
			this.server!.listen(port, '127.0.0.1', resolve);
		});
		this.port = (this.server.address() as AddressInfo).port;
		return this.url;
	}

	async stop(): Promise<void> {
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) =>
			this.server ? this.server.close(() => resolve()) : resolve(),
		);
		this.server = undefined;
	}

	/** Queues faults for the next requests whose path matches, one fault per request. */
	injectFaults(pathPattern: RegExp, ...faults: Fault[]): void {
		for (const fault of faults) this.faults.push({ pathPattern, fault });
	}

	reset(data?: SandboxData): void {
		if (data) this.data = data;
		this.requests.length = 0;
		this.triggers.length = 0;
		this.faults.length = 0;
		this.idempotentReplies.clear();
		this.windows.clear();
		this.rateLimit = undefined;
		this.platformV1.reset();
	}

	triggersOf(ruleId: string): RuleTrigger[] {
		return this.triggers.filter((trigger) => trigger.ruleId === ruleId);
	}

	/** Sequence's side of Query Remote API: POST {} to `url`, read the amount as Sequence would. */
	async queryRemoteApi(
		url: string,
		options: { headers?: Record<string, string>; body?: string; timeoutMs?: number } = {},
	): Promise<QueryRemoteApiResult> {
		const target = new URL(url);
		if (!['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname)) {
			throw new Error(`The sandbox only calls loopback addresses, not ${target.hostname}`);
		}
		const started = performance.now();
		const response = await undiciRequest(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...options.headers },
			body: options.body ?? '{}',
			headersTimeout: options.timeoutMs ?? 30_000,
			bodyTimeout: options.timeoutMs ?? 30_000,
		});
		const body = await response.body.text();
		const durationMs = performance.now() - started;
		const status = response.statusCode;
		if (status !== 200) return { status, body, durationMs, problem: `status ${status}` };
		let parsed: unknown;
		try {
			parsed = JSON.parse(body);
		} catch {
			return { status, body, durationMs, problem: 'the reply is not JSON' };
		}
		const checked = amountReplySchema.safeParse(parsed);
		if (!checked.success)
			return {
				status,
				body,
				durationMs,
				problem: checked.error.issues.map((issue) => issue.message).join('; '),
			};
		return { status, body, durationMs, amountInCents: checked.data.amountInCents };
	}

	private json(
		response: ServerResponse,
		status: number,
		body: unknown,
		headers: Record<string, string> = {},
	): void {
		const text = JSON.stringify(body);
		response.writeHead(status, {
			'Content-Type': 'application/json',
			'Content-Length': Buffer.byteLength(text),
			...headers,
		});
		response.end(text);
	}

	private takeFault(path: string): Fault | undefined {
		const index = this.faults.findIndex(({ pathPattern }) => pathPattern.test(path));
		if (index < 0) return undefined;
		return this.faults.splice(index, 1)[0].fault;
	}

	/** Fixed-window limit per key; returns the seconds to wait when over the limit. */
	private overRateLimit(key: string): number | undefined {
		if (!this.rateLimit) return undefined;
		const now = Date.now();
		const window = this.windows.get(key);
		if (!window || now - window.start >= this.rateLimit.windowMs) {
			this.windows.set(key, { start: now, count: 1 });
			return undefined;
		}
		window.count++;
		if (window.count <= this.rateLimit.maxRequests) return undefined;
		return Math.max(1, Math.ceil((window.start + this.rateLimit.windowMs - now) / 1000));
	}

	private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of request) chunks.push(chunk as Buffer);
		const rawBody = Buffer.concat(chunks).toString('utf8');
		const url = new URL(request.url ?? '/', 'http://sandbox');
		const path = url.pathname;
		const platformV1 = isPlatformV1Path(path);
		const record: RecordedRequest = {
			method: request.method ?? '',
			path,
			...(platformV1 ? { query: url.search } : {}),
			headers: platformV1 ? redactAuthorization(request.headers) : { ...request.headers },
			body: rawBody,
			status: 0,
			receivedAt: Date.now(),
		};
		this.requests.push(record);
		const reply = (status: number, body: unknown, headers?: Record<string, string>) => {
			record.status = status;
			this.json(response, status, body, headers);
		};
		const requestId = randomUUID();

		const fault = this.takeFault(path);
		if (fault?.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.ms));
		if (fault?.kind === 'malformed') {
			record.status = 200;
			response.writeHead(200, { 'Content-Type': 'application/json' });
			response.end('{"message": "OK", "data": ');
			return;
		}
		const failsBefore = fault && (fault.kind === 'status' || fault.kind === 'drop') && !fault.after;
		if (failsBefore) return this.fail(fault, record, response, requestId, platformV1);

		if (platformV1) {
			const outcome = this.platformV1.handle({
				method: request.method ?? '',
				url: request.url ?? '/',
				headers: request.headers,
			});
			if (fault && (fault.kind === 'status' || fault.kind === 'drop'))
				return this.fail(fault, record, response, requestId, platformV1);
			return this.sendPlatformV1(response, record, outcome);
		}
		const outcome = this.route(request, path, rawBody, requestId);
		if (fault && (fault.kind === 'status' || fault.kind === 'drop'))
			return this.fail(fault, record, response, requestId);
		reply(outcome.status, outcome.body, outcome.headers);
	}

	private sendPlatformV1(
		response: ServerResponse,
		record: RecordedRequest,
		outcome: PlatformV1Reply,
	): void {
		record.status = outcome.status;
		if (outcome.text === undefined)
			return this.json(response, outcome.status, outcome.body, outcome.headers);
		response.writeHead(outcome.status, {
			'Content-Type': 'text/plain; charset=utf-8',
			'Content-Length': Buffer.byteLength(outcome.text),
			...outcome.headers,
		});
		response.end(outcome.text);
	}

	private fail(
		fault: Fault,
		record: RecordedRequest,
		response: ServerResponse,
		requestId: string,
		platformV1 = false,
	): void {
		if (fault.kind === 'drop') {
			record.status = -1;
			response.socket?.destroy();
			return;
		}
		if (fault.kind !== 'status') return;
		if (platformV1)
			return this.sendPlatformV1(
				response,
				record,
				this.platformV1.faultReply(fault.status, fault.retryAfter),
			);
		record.status = fault.status;
		const headers: Record<string, string> = fault.retryAfter
			? { 'Retry-After': fault.retryAfter }
			: {};
		this.json(
			response,
			fault.status,
			{ message: fault.status === 429 ? 'Too Many Requests' : 'Unexpected Error', requestId },
			headers,
		);
	}

	private route(
		request: IncomingMessage,
		path: string,
		rawBody: string,
		requestId: string,
	): { status: number; body: unknown; headers?: Record<string, string> } {
		if (request.method !== 'POST')
			return { status: 404, body: { message: 'Not Found', requestId } };
		const isJson = /^application\/json\b/i.test(String(request.headers['content-type'] ?? ''));
		let body: unknown;
		try {
			body = JSON.parse(rawBody);
		} catch {
			body = undefined;
		}
		if (!isJson || body === null || typeof body !== 'object' || Array.isArray(body)) {
			return {
				status: 400,
				body: {
					message:
						'Invalid Request: send a JSON body (even {}) with Content-Type: application/json',
					requestId,
				},
			};
		}
		if (path === '/accounts') return this.accounts(request, requestId);
		const trigger = /^\/rules\/([^/]+)\/trigger$/.exec(path);
		if (trigger) return this.trigger(request, decodeURIComponent(trigger[1]), body, requestId);
		return { status: 404, body: { message: 'Not Found', requestId } };
	}

	private accounts(request: IncomingMessage, requestId: string) {
		const header = request.headers['x-sequence-access-token'];
		const token =
			typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7) : undefined;
		if (!token || !this.data.accessTokens.includes(token)) {
			return {
				status: 401,
				body: { message: 'Unauthorized: bad or missing access token', requestId },
			};
		}
		const wait = this.overRateLimit(`token:${token}`);
		if (wait !== undefined)
			return {
				status: 429,
				body: { message: 'Too Many Requests', requestId },
				headers: { 'Retry-After': String(wait) },
			};
		return {
			status: 200,
			body: {
				message: 'OK',
				requestId,
				data: { accounts: this.data.accounts, errors: this.data.errors },
			},
		};
	}

	private trigger(request: IncomingMessage, ruleId: string, body: unknown, requestId: string) {
		const rule = this.data.rules.find((candidate) => candidate.id === ruleId);
		if (!rule || !rule.apiEnabled) {
			return {
				status: 400,
				body: { message: 'Invalid Request: wrong Rule ID or rule not API-enabled', requestId },
			};
		}
		const header = request.headers['x-sequence-signature'];
		if (header !== `Bearer ${rule.secret}`) {
			return { status: 401, body: { message: 'Unauthorized: bad or missing secret', requestId } };
		}
		const keyHeader = request.headers['idempotency-key'];
		const idempotencyKey =
			typeof keyHeader === 'string' && keyHeader !== '' ? keyHeader : undefined;
		const storedKey = idempotencyKey ? `${ruleId}\u0000${idempotencyKey}` : undefined;
		const stored = storedKey ? this.idempotentReplies.get(storedKey) : undefined;
		if (stored) return stored;
		const wait = this.overRateLimit(`rule:${ruleId}`);
		if (wait !== undefined)
			return {
				status: 429,
				body: { message: 'Too Many Requests', requestId },
				headers: { 'Retry-After': String(wait) },
			};
		this.triggers.push({ ruleId, idempotencyKey, body, requestId, at: Date.now() });
		const reply = {
			status: 200,
			body: {
				code: 'OK',
				message: `Rule with id ${ruleId} has been triggered`,
				data: { requestId },
			},
		};
		if (storedKey) this.idempotentReplies.set(storedKey, reply);
		return reply;
	}
}
