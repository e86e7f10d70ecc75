// The one place where the Sequence node talks HTTP.
//
// Every request goes through n8n's httpRequestWithAuthentication, so n8n's proxy
// settings apply and the credential's own `authenticate` adds the secret header:
// the secret never passes through this code. Errors are rebuilt from plain facts
// (status, Sequence's requestId, an error code) rather than wrapped, because the
// underlying HTTP error carries the request headers, i.e. the secret.
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { type BackoffPolicy, decideRetry } from '../../shared/retry';
import { SEQUENCE_BASE_URL, baseUrlProblem, normalizeSecret } from '../../shared/sequenceIds';

export type SequenceCredentialType = 'sequenceAccessTokenApi' | 'sequenceRuleSecretApi';

export interface SequenceRequest {
	credentialType: SequenceCredentialType;
	/** The credential's decrypted data, read once per node run by the caller. */
	credentials: ICredentialDataDecryptedObject;
	/** Path below the base URL, e.g. "/accounts". */
	path: string;
	body: IDataObject;
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
	/** What the request is for, in the user's words: "trigger the rule", "list the accounts". */
	purpose: string;
	/**
	 * What the user should do when Sequence may have acted although no success was seen
	 * (5xx, dropped connection, timeout): whether running again is safe depends on the key.
	 */
	outcomeUnknownAdvice?: string;
}

export interface SequenceResponse {
	statusCode: number;
	body: IDataObject;
	requestId?: string;
	/** How many HTTP requests were sent, including the successful one. */
	attempts: number;
}

/** Facts about one failed attempt; nothing here can contain a secret. */
interface AttemptFailure {
	statusCode?: number;
	/** Network error code such as ECONNREFUSED, or TIMEOUT. */
	networkCode?: string;
	requestId?: string;
	sequenceMessage?: string;
	retryAfterHeader?: unknown;
	/** For a redirect: the host it pointed to (not followed). */
	redirectHost?: string;
	/** True when Sequence may have acted on the request although no success was seen. */
	outcomeUnknown: boolean;
}

const CREDENTIAL_NAMES: Record<SequenceCredentialType, string> = {
	sequenceAccessTokenApi: 'Sequence Access Token API',
	sequenceRuleSecretApi: 'Sequence Rule Secret API',
};

const NETWORK_CODES_OUTCOME_KNOWN = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

export function normalizeBaseUrl(value: unknown): string {
	const text = typeof value === 'string' && value.trim() !== '' ? value.trim() : SEQUENCE_BASE_URL;
	return text.replace(/\/+$/, '');
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

function asObject(value: unknown): IDataObject | undefined {
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : undefined;
}

/** Sequence puts requestId at the top level (accounts) or under data (rule trigger). */
export function findRequestId(body: unknown): string | undefined {
	const object = asObject(body);
	const candidate = object?.requestId ?? asObject(object?.data)?.requestId;
	return typeof candidate === 'string' || typeof candidate === 'number' ? String(candidate) : undefined;
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
		const candidate = current as { code?: unknown; name?: unknown; message?: unknown; cause?: unknown };
		if (typeof candidate.code === 'string' && /^E[A-Z_]+$|^ERR_/.test(candidate.code)) {
			if (candidate.code === 'ECONNABORTED' || candidate.code === 'ETIMEDOUT') return 'TIMEOUT';
			return candidate.code;
		}
		if (candidate.name === 'AbortError' || candidate.name === 'CanceledError') return 'ERR_CANCELED';
		current = candidate.cause;
	}
	if (error instanceof Error && /timeout/i.test(error.message)) return 'TIMEOUT';
	return undefined;
}

function describeFailure(failure: AttemptFailure, request: SequenceRequest, host: string, attempts: number): { message: string; description: string } {
	const credentialName = CREDENTIAL_NAMES[request.credentialType];
	const tried = attempts > 1 ? ` (tried ${attempts} times)` : '';
	const sequenceSaid = failure.sequenceMessage ? ` Sequence said: "${failure.sequenceMessage}".` : '';
	const reference = failure.requestId ? ` Sequence request ID for support: ${failure.requestId}.` : '';
	const status = failure.statusCode;
	const advice = failure.outcomeUnknown && request.outcomeUnknownAdvice ? ` ${request.outcomeUnknownAdvice}` : '';
	if (failure.networkCode === 'TIMEOUT') {
		return {
			message: `Sequence did not answer in time${tried}, so the node could not ${request.purpose}`,
			description: `No reply from ${host} before the timeout. Check your connection to Sequence, or raise the node's Timeout option.${advice}`,
		};
	}
	if (failure.networkCode) {
		return {
			message: `Could not reach Sequence${tried}, so the node could not ${request.purpose}`,
			description: `The connection to ${host} failed (${failure.networkCode}). Check the Base URL in the "${credentialName}" credential and your network or proxy settings.${advice}`,
		};
	}
	if (status !== undefined && status >= 300 && status < 400) {
		return {
			message: `Sequence's address answered with a redirect (${status}), so the node did not ${request.purpose}`,
			description: `${host} sent the request on to ${failure.redirectHost ?? 'another address'}. The node never follows redirects, so your secret was not sent there. Check the Base URL in the "${credentialName}" credential (normally ${SEQUENCE_BASE_URL}).${reference}`,
		};
	}
	switch (status) {
		case 400:
			return {
				message: `Sequence rejected the request to ${request.purpose} (400 Bad Request)`,
				description:
					request.credentialType === 'sequenceRuleSecretApi'
						? `Check the Rule ID, and that the rule has API triggering enabled in Sequence.${sequenceSaid}${reference}`
						: `Check that the External API is enabled in Sequence's settings.${sequenceSaid}${reference}`,
			};
		case 401:
			return {
				message: `Sequence did not accept the ${
					request.credentialType === 'sequenceRuleSecretApi' ? 'rule secret' : 'access token'
				} (401 Unauthorized)`,
				description: `The secret is wrong, expired or missing. Open the "${credentialName}" credential and paste it again from Sequence.${sequenceSaid}${reference}`,
			};
		case 403:
			return {
				message: `Sequence refused access while trying to ${request.purpose} (403 Forbidden)`,
				description: `The credential is valid but not allowed to do this. Check that the External API is enabled in Sequence's settings and that the "${credentialName}" credential belongs to this account.${sequenceSaid}${reference}`,
			};
		case 404:
			return {
				message: `Sequence has no such address (404 Not Found)`,
				description: `Check the Base URL in the "${credentialName}" credential (normally ${SEQUENCE_BASE_URL})${
					request.credentialType === 'sequenceRuleSecretApi' ? ' and the Rule ID' : ''
				}.${sequenceSaid}${reference}`,
			};
		case 429:
			return {
				message: `Sequence is limiting how often this can run (429 Too Many Requests)${tried}`,
				description: `${
					failure.retryAfterHeader !== undefined ? `Sequence asked to wait ${String(failure.retryAfterHeader)} before trying again. ` : ''
				}Wait a little and try again, raise the node's Max Retries or Max Wait options, or run this less often.${reference}`,
			};
		default:
			break;
	}
	if (status !== undefined && status >= 500) {
		return {
			message: `Sequence had a problem on its side (${status})${tried}, so the node could not ${request.purpose}`,
			description: `This is usually temporary.${advice || ' Try again in a few minutes.'} If it persists, contact Sequence support.${sequenceSaid}${reference}`,
		};
	}
	return {
		message: `Sequence answered with an unexpected status (${status ?? 'none'}) while trying to ${request.purpose}`,
		description: `${sequenceSaid}${reference}`.trim() || 'No further details were given.',
	};
}

/**
 * A 2xx reply that is not what Sequence documents. For a rule trigger the rule may
 * still have run, and the message says so: blindly re-running could move money twice.
 */
export function unexpectedResponseError(
	context: IExecuteFunctions,
	request: Pick<SequenceRequest, 'credentialType' | 'itemIndex' | 'purpose'>,
	facts: { statusCode: number; detail: string; requestId?: string },
): NodeApiError {
	const reference = facts.requestId ? ` Sequence request ID for support: ${facts.requestId}.` : '';
	const message = `Sequence answered ${facts.statusCode} but not in the documented form (${facts.detail}), so the node cannot tell what happened`;
	const description = `While trying to ${request.purpose}. ${
		request.credentialType === 'sequenceRuleSecretApi'
			? 'The rule may have been triggered: check it in Sequence before running this again.'
			: 'Try again; if it persists, check the Base URL in the credential.'
	}${reference}`;
	const error = new NodeApiError(
		context.getNode(),
		{ message, description, httpCode: String(facts.statusCode), requestId: facts.requestId ?? null },
		{ message, description, httpCode: String(facts.statusCode), itemIndex: request.itemIndex },
	);
	error.message = message;
	error.context.requestId = facts.requestId;
	return error;
}

function failureToError(
	context: IExecuteFunctions,
	failure: AttemptFailure,
	request: SequenceRequest,
	host: string,
	attempts: number,
): NodeApiError {
	const { message, description } = describeFailure(failure, request, host, attempts);
	const facts: JsonObject = {
		message,
		description,
		httpCode: failure.statusCode !== undefined ? String(failure.statusCode) : null,
		networkCode: failure.networkCode ?? null,
		requestId: failure.requestId ?? null,
		attempts,
	};
	const error = new NodeApiError(context.getNode(), facts, {
		message,
		description,
		httpCode: failure.statusCode !== undefined ? String(failure.statusCode) : undefined,
		itemIndex: request.itemIndex,
	});
	// NodeApiError may rewrite the message for known error codes; keep ours.
	error.message = message;
	error.description = description;
	error.context.requestId = failure.requestId;
	error.context.attempts = attempts;
	return error;
}

async function sendOnce(
	context: IExecuteFunctions,
	request: SequenceRequest,
	url: string,
): Promise<{ response?: IN8nHttpFullResponse; failure?: AttemptFailure }> {
	const credentialReference = context.getNode().credentials?.[request.credentialType];
	const headers: IDataObject = {
		'Content-Type': 'application/json',
		Accept: 'application/json',
	};
	if (request.idempotencyKey !== undefined) headers['idempotency-key'] = request.idempotencyKey;
	const options: IHttpRequestOptions = {
		method: 'POST',
		url,
		headers,
		// Sent as text: n8n's HTTP layer drops an empty object body, and Sequence
		// expects a JSON body on every request, even `{}`.
		body: JSON.stringify(request.body),
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
		const response = (await context.helpers.httpRequestWithAuthentication.call(context, request.credentialType, options, {
			credentialsDecrypted: {
				id: credentialReference?.id ?? '',
				name: credentialReference?.name ?? request.credentialType,
				type: request.credentialType,
				data: request.credentials,
			},
		})) as IN8nHttpFullResponse;
		return { response };
	} catch (error) {
		const networkCode = networkErrorCode(error) ?? 'UNKNOWN_NETWORK_ERROR';
		return {
			failure: { networkCode, outcomeUnknown: !NETWORK_CODES_OUTCOME_KNOWN.has(networkCode) },
		};
	}
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
	this: IExecuteFunctions,
	request: SequenceRequest,
): Promise<SequenceResponse> {
	const { credentials } = request;
	const baseUrl = normalizeBaseUrl(credentials.baseUrl);
	const urlProblem = baseUrlProblem(baseUrl);
	if (urlProblem) {
		throw new NodeOperationError(this.getNode(), `${urlProblem} Nothing was sent.`, {
			itemIndex: request.itemIndex,
			description: `Correct the Base URL in the "${CREDENTIAL_NAMES[request.credentialType]}" credential: ${SEQUENCE_BASE_URL} unless Sequence gave you another address.`,
		});
	}
	const host = new URL(baseUrl).host;
	const secrets = [credentials.accessToken, credentials.ruleSecret]
		.filter((value) => typeof value === 'string')
		.flatMap((value) => [normalizeSecret(value), String(value)]);
	const url = `${baseUrl}${request.path}`;

	for (let attempts = 1; ; attempts++) {
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
				return { statusCode, body, requestId: findRequestId(body), attempts };
			}
			failure = {
				statusCode,
				requestId: redactSecrets(findRequestId(body) ?? '', secrets) || undefined,
				sequenceMessage: typeof body?.message === 'string' ? redactSecrets(body.message, secrets).slice(0, 300) : undefined,
				retryAfterHeader: header(response.headers, 'retry-after'),
				redirectHost: statusCode >= 300 && statusCode < 400 ? hostOf(header(response.headers, 'location'), url) : undefined,
				outcomeUnknown: statusCode >= 500,
			};
		}
		if (!failure) throw new Error('unreachable: neither a response nor a failure');
		const decision = decideRetry(
			{ retryNumber: attempts, retryable: isRetryable(failure, request), retryAfterHeader: failure.retryAfterHeader },
			request.policy,
			Date.now(),
			Math.random(),
		);
		if (!decision.retry) throw failureToError(this, failure, request, host, attempts);
		this.logger.debug(
			`Sequence: attempt ${attempts} to ${request.purpose} failed (${failure.statusCode ?? failure.networkCode}); retrying in ${decision.waitMs} ms`,
		);
		await sleep(decision.waitMs);
	}
}
