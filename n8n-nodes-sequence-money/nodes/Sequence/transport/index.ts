// The one place where the Sequence node talks HTTP: it sends, and retries when that is safe.
//
// Every request goes through n8n's httpRequestWithAuthentication, so n8n's proxy
// settings apply and the credential's own `authenticate` adds the secret header:
// the secret never passes through this code. What a failure means to the user is
// worded in errors.ts, from the operation's FailureWording and the facts seen here.
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import { createHash } from 'crypto';

import { sharedPacer } from '../../shared/rateLimiter';
import { type BackoffPolicy, decideRetry, parseRetryAfterMs } from '../../shared/retry';
import {
	baseUrlProblem,
	normalizeSecret,
	SEQUENCE_BASE_URL,
	SEQUENCE_PLATFORM_BASE_URL,
} from '../../shared/sequenceIds';
import { asObject } from '../helpers/utils';
import {
	type AttemptFailure,
	type FailureWording,
	attemptFailureError,
	unexpectedResponseError,
	unusableBaseUrlError,
} from './errors';

/**
 * What the transport needs from n8n: a node run (execute) or the editor asking for a list
 * (a resource locator's search) both provide it.
 */
export type TransportContext = IExecuteFunctions | ILoadOptionsFunctions;

export type SequenceCredentialType =
	| 'sequenceAccessTokenApi'
	| 'sequenceRuleSecretApi'
	| 'sequencePlatformApi';

export interface SequenceRequest {
	credentialType: SequenceCredentialType;
	/** The credential's decrypted data, read once per node run by the caller. */
	credentials: ICredentialDataDecryptedObject;
	/** Path below the base URL, e.g. "/accounts". */
	path: string;
	/** POST (the External API, and the Platform API's writes) or GET (the Platform API's reads). */
	method?: 'POST' | 'GET';
	/** An encoded query string without "?", e.g. from platformQuery's toQueryString. */
	query?: string;
	/** The JSON body of a POST; a GET sends none. */
	body?: IDataObject;
	idempotencyKey?: string;
	policy: BackoffPolicy;
	timeoutMs: number;
	itemIndex: number;
	/**
	 * Whether a request whose outcome is unknown (5xx, dropped connection, timeout) may
	 * be sent again. True for reads; for a rule trigger only with an idempotency key,
	 * since without one a retry could move money twice.
	 */
	retryWhenOutcomeUnknown: boolean;
	/** How a failure of this request is put to the user; the transport only passes it on. */
	wording: FailureWording;
}

export interface SequenceResponse {
	statusCode: number;
	body: IDataObject;
	requestId?: string;
	/** How many HTTP requests were sent, including the successful one. */
	attempts: number;
	/** How long the request waited in all: pacing under the key's rate limit, and retries. */
	waitedMs: number;
}

/**
 * The Platform API allows 100 requests per minute per key, across every operation and
 * workflow using it, so its requests share one pacer per key in this n8n process. The key is
 * known to the pacer only by a hash: the secret itself is never kept.
 */
export function pacingKey(
	request: Pick<SequenceRequest, 'credentialType' | 'credentials'>,
): string | undefined {
	if (request.credentialType !== 'sequencePlatformApi') return undefined;
	const apiKey = normalizeSecret(request.credentials.apiKey);
	return `platform:${createHash('sha256').update(apiKey).digest('hex').slice(0, 32)}`;
}

/** The credential fields holding a secret, which must never be repeated back to the user. */
const SECRET_FIELDS = ['accessToken', 'ruleSecret', 'apiKey'];

/** Network failures that happen before the request reaches Sequence: it cannot have acted. */
const NETWORK_CODES_OUTCOME_KNOWN = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
]);

export function normalizeBaseUrl(value: unknown): string {
	const text = typeof value === 'string' && value.trim() !== '' ? value.trim() : SEQUENCE_BASE_URL;
	return text.replace(/\/+$/, '');
}

/**
 * The address a credential's requests go to. The Platform API credential names an
 * environment: production, or a custom base URL that must then be filled in (an empty one
 * is refused as not a valid address, never replaced by production behind the user's back).
 */
export function baseUrlFor(
	credentialType: SequenceCredentialType,
	credentials: ICredentialDataDecryptedObject,
): string {
	if (credentialType !== 'sequencePlatformApi') return normalizeBaseUrl(credentials.baseUrl);
	if (credentials.environment !== 'custom') return SEQUENCE_PLATFORM_BASE_URL;
	return String(credentials.baseUrl ?? '')
		.trim()
		.replace(/\/+$/, '');
}

/**
 * Removes the credential's secret from text that came back from the server. Sequence
 * does not echo secrets, but a proxy or a wrong Base URL could, and the text ends up
 * in error messages that are stored with the execution.
 */
export function redactSecrets(text: string, secrets: string[]): string {
	let redacted = text;
	for (const secret of secrets) {
		if (secret.length >= 4) redacted = redacted.split(secret).join('[redacted]');
	}
	return redacted;
}

/** Sequence puts requestId at the top level (accounts) or under data (rule trigger). */
export function findRequestId(body: unknown): string | undefined {
	const object = asObject(body);
	const candidate = object?.requestId ?? asObject(object?.data)?.requestId;
	return typeof candidate === 'string' || typeof candidate === 'number'
		? String(candidate)
		: undefined;
}

function parseBody(raw: unknown): { body?: IDataObject; parsed: boolean } {
	if (typeof raw === 'string') {
		if (raw.trim() === '') return { parsed: false };
		try {
			const value: unknown = JSON.parse(raw);
			const body = asObject(value);
			return body ? { body, parsed: true } : { parsed: false };
		} catch {
			return { parsed: false };
		}
	}
	if (Buffer.isBuffer(raw)) return parseBody(raw.toString('utf8'));
	const body = asObject(raw);
	return body ? { body, parsed: true } : { parsed: false };
}

function header(headers: IN8nHttpFullResponse['headers'] | undefined, name: string): unknown {
	if (!headers) return undefined;
	const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
	return key === undefined ? undefined : headers[key];
}

/** The host a Location header points to, resolved against the request's URL. */
function hostOf(location: unknown, requestUrl: string): string | undefined {
	if (typeof location !== 'string') return undefined;
	try {
		return new URL(location, requestUrl).host;
	} catch {
		return undefined;
	}
}

/** Digs the network error code out of whatever n8n's HTTP layer threw. */
function networkErrorCode(error: unknown): string | undefined {
	const seen = new Set<unknown>();
	let current: unknown = error;
	while (current && typeof current === 'object' && !seen.has(current)) {
		seen.add(current);
		const candidate = current as {
			code?: unknown;
			name?: unknown;
			message?: unknown;
			cause?: unknown;
		};
		if (typeof candidate.code === 'string' && /^E[A-Z_]+$|^ERR_/.test(candidate.code)) {
			if (candidate.code === 'ECONNABORTED' || candidate.code === 'ETIMEDOUT') return 'TIMEOUT';
			return candidate.code;
		}
		if (candidate.name === 'AbortError' || candidate.name === 'CanceledError')
			return 'ERR_CANCELED';
		current = candidate.cause;
	}
	if (error instanceof Error && /timeout/i.test(error.message)) return 'TIMEOUT';
	return undefined;
}

async function sendOnce(
	context: TransportContext,
	request: SequenceRequest,
	url: string,
): Promise<{ response?: IN8nHttpFullResponse; failure?: AttemptFailure }> {
	const credentialReference = context.getNode().credentials?.[request.credentialType];
	const method = request.method ?? 'POST';
	const headers: IDataObject = { Accept: 'application/json' };
	if (method === 'POST') headers['Content-Type'] = 'application/json';
	if (request.idempotencyKey !== undefined) headers['idempotency-key'] = request.idempotencyKey;
	const options: IHttpRequestOptions = {
		method,
		url,
		headers,
		// Sent as text: n8n's HTTP layer drops an empty object body, and Sequence
		// expects a JSON body on every POST, even `{}`.
		...(method === 'POST' ? { body: JSON.stringify(request.body ?? {}) } : {}),
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		// A redirect would carry the secret header (n8n only strips Authorization and
		// cookies across origins) and re-send a trigger to another host: never followed.
		disableFollowRedirect: true,
		timeout: request.timeoutMs,
	};
	try {
		// Handing over the credentials already read spares n8n a database read and a
		// decryption per request; n8n still applies the credential's authenticate.
		const response = (await context.helpers.httpRequestWithAuthentication.call(
			context,
			request.credentialType,
			options,
			{
				credentialsDecrypted: {
					id: credentialReference?.id ?? '',
					name: credentialReference?.name ?? request.credentialType,
					type: request.credentialType,
					data: request.credentials,
				},
			},
		)) as IN8nHttpFullResponse;
		return { response };
	} catch (error) {
		const networkCode = networkErrorCode(error) ?? 'UNKNOWN_NETWORK_ERROR';
		return {
			failure: { networkCode, outcomeUnknown: !NETWORK_CODES_OUTCOME_KNOWN.has(networkCode) },
		};
	}
}

/** The facts about a reply that is not a 2xx, with any echoed secret removed. */
function replyFailure(
	response: IN8nHttpFullResponse,
	body: IDataObject | undefined,
	url: string,
	secrets: string[],
): AttemptFailure {
	const statusCode = response.statusCode;
	// The External API answers {message}; the Platform API {error: {code, message}}.
	const platformError = asObject(body?.error);
	const message = body?.message ?? platformError?.message;
	const errorCode = platformError?.code;
	return {
		statusCode,
		requestId: redactSecrets(findRequestId(body) ?? '', secrets) || undefined,
		errorCode:
			typeof errorCode === 'string' && /^[A-Z][A-Z0-9_]{0,63}$/.test(errorCode)
				? errorCode
				: undefined,
		sequenceMessage:
			typeof message === 'string' ? redactSecrets(message, secrets).slice(0, 300) : undefined,
		retryAfterHeader: header(response.headers, 'retry-after'),
		redirectHost:
			statusCode >= 300 && statusCode < 400
				? hostOf(header(response.headers, 'location'), url)
				: undefined,
		// A 5xx may come after Sequence acted (e.g. the rule fired, then something broke).
		outcomeUnknown: statusCode >= 500,
	};
}

function isRetryable(failure: AttemptFailure, request: SequenceRequest): boolean {
	if (failure.networkCode === 'ERR_CANCELED') return false;
	// 429: Sequence refused before doing anything, so a retry is always safe.
	if (failure.statusCode === 429) return true;
	const transient = failure.networkCode !== undefined || (failure.statusCode ?? 0) >= 500;
	if (!transient) return false;
	return !failure.outcomeUnknown || request.retryWhenOutcomeUnknown;
}

/**
 * Sends one logical request to Sequence, retrying 429, 5xx and network failures
 * with backoff (same idempotency key every time). Returns the parsed 2xx body or
 * throws a NodeApiError whose message a non-programmer can act on.
 */
export async function sequenceApiRequest(
	this: TransportContext,
	request: SequenceRequest,
): Promise<SequenceResponse> {
	const { credentials } = request;
	const baseUrl = baseUrlFor(request.credentialType, credentials);
	const urlProblem = baseUrlProblem(baseUrl);
	if (urlProblem) throw unusableBaseUrlError(this, urlProblem, request);
	const host = new URL(baseUrl).host;
	const secrets = SECRET_FIELDS.map((field) => credentials[field])
		.filter((value) => typeof value === 'string')
		.flatMap((value) => [normalizeSecret(value), String(value)]);
	const url = `${baseUrl}${request.path}${request.query ? `?${request.query}` : ''}`;

	const paced = pacingKey(request);
	let waitedMs = 0;
	for (let attempts = 1; ; attempts++) {
		if (paced) {
			const wait = sharedPacer().reserve(paced, Date.now());
			if (wait > 0) {
				this.logger.debug(`Sequence: waiting ${wait} ms to stay within the API key's rate limit`);
				waitedMs += wait;
				await sleep(wait);
			}
		}
		const { response, failure: networkFailure } = await sendOnce(this, request, url);
		let failure = networkFailure;
		if (response) {
			const { body, parsed } = parseBody(response.body);
			const statusCode = response.statusCode;
			if (statusCode >= 200 && statusCode < 300) {
				if (!parsed || !body) {
					throw unexpectedResponseError(this, request, {
						statusCode,
						detail: 'the reply was not a JSON object',
					});
				}
				return { statusCode, body, requestId: findRequestId(body), attempts, waitedMs };
			}
			failure = replyFailure(response, body, url, secrets);
		}
		if (!failure) throw new Error('unreachable: neither a response nor a failure');
		if (paced && failure.statusCode === 429) {
			// Every request with this key waits until Sequence's window opens again.
			const retryAfterMs = parseRetryAfterMs(failure.retryAfterHeader, Date.now());
			if (retryAfterMs !== undefined) sharedPacer().penalize(paced, Date.now() + retryAfterMs);
		}
		const decision = decideRetry(
			{
				retryNumber: attempts,
				retryable: isRetryable(failure, request),
				retryAfterHeader: failure.retryAfterHeader,
			},
			request.policy,
			Date.now(),
			Math.random(),
		);
		if (!decision.retry) throw attemptFailureError(this, failure, request, host, attempts);
		this.logger.debug(
			`Sequence: attempt ${attempts} to ${request.wording.purpose} failed (${failure.statusCode ?? failure.networkCode}); retrying in ${decision.waitMs} ms`,
		);
		waitedMs += decision.waitMs;
		await sleep(decision.waitMs);
	}
}
