// What the user reads when a request to Sequence fails.
//
// The transport knows how a request failed (status, network code, Sequence's request ID);
// the operation knows what the request was for and what the user should check. The
// operation hands its part over as a FailureWording, and this module puts the two together.
// Errors are built from these plain facts, never by wrapping the HTTP error, because the
// HTTP error carries the request headers, i.e. the secret.
import type { INode, JsonObject } from 'n8n-workflow';

/** What building an error needs from n8n's context: the node, whatever kind of function runs. */
export interface ErrorContext {
	getNode(): INode;
}
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { SEQUENCE_BASE_URL } from '../../shared/sequenceIds';

/** How the failures of one kind of request are put to the user; supplied by the operation. */
export interface FailureWording {
	/** What the request is for, completing "the node could not …": "trigger rule ru_1", "list the accounts". */
	purpose: string;
	/** The credential's name as n8n shows it, e.g. "Sequence Rule Secret API". */
	credentialName: string;
	/** What the user calls the secret, for a 401: "rule secret", "access token". */
	secretName: string;
	/** What to check after a 400 Bad Request (a whole sentence). */
	badRequestAdvice: string;
	/** What to check after a 404 besides the Base URL, e.g. "the Rule ID". */
	notFoundAlsoCheck?: string;
	/**
	 * What the user should do when Sequence may have acted although no success was seen
	 * (5xx, dropped connection, timeout): whether running again is safe depends on the key.
	 */
	outcomeUnknownAdvice?: string;
	/** What to do after a 2xx reply that is not in the documented form (a whole sentence). */
	unexpectedReplyAdvice: string;
	/**
	 * Wording for an error code Sequence named in its reply (Platform API:
	 * `{"error": {"code": …}}`), or undefined to fall back to the wording by status.
	 */
	describeErrorCode?(failure: AttemptFailure): { message: string; description: string } | undefined;
}

/** The parts of a request that its errors need. */
export interface WordedRequest {
	wording: FailureWording;
	itemIndex: number;
}

/** Facts about one failed attempt; nothing here can contain a secret. */
export interface AttemptFailure {
	statusCode?: number;
	/** Network error code such as ECONNREFUSED, or TIMEOUT. */
	networkCode?: string;
	requestId?: string;
	/** The stable error code of a Platform API reply, e.g. ACCESS_DENIED. */
	errorCode?: string;
	sequenceMessage?: string;
	retryAfterHeader?: unknown;
	/** For a redirect: the host it pointed to (not followed). */
	redirectHost?: string;
	/** True when Sequence may have acted on the request although no success was seen. */
	outcomeUnknown: boolean;
}

/** The message and description of the error for a request that failed after `attempts` tries. */
export function describeFailure(
	failure: AttemptFailure,
	wording: FailureWording,
	host: string,
	attempts: number,
): { message: string; description: string } {
	const { purpose, credentialName } = wording;
	const tried = attempts > 1 ? ` (tried ${attempts} times)` : '';
	const sequenceSaid = failure.sequenceMessage
		? ` Sequence said: "${failure.sequenceMessage}".`
		: '';
	const reference = failure.requestId
		? ` Sequence request ID for support: ${failure.requestId}.`
		: '';
	const status = failure.statusCode;
	const advice =
		failure.outcomeUnknown && wording.outcomeUnknownAdvice
			? ` ${wording.outcomeUnknownAdvice}`
			: '';
	if (failure.networkCode === 'TIMEOUT') {
		return {
			message: `Sequence did not answer in time${tried}, so the node could not ${purpose}`,
			description: `No reply from ${host} before the timeout. Check your connection to Sequence, or raise the node's Timeout option.${advice}`,
		};
	}
	if (failure.networkCode) {
		return {
			message: `Could not reach Sequence${tried}, so the node could not ${purpose}`,
			description: `The connection to ${host} failed (${failure.networkCode}). Check the Base URL in the "${credentialName}" credential and your network or proxy settings.${advice}`,
		};
	}
	const worded = failure.errorCode ? wording.describeErrorCode?.(failure) : undefined;
	if (worded) return worded;
	if (status !== undefined && status >= 300 && status < 400) {
		return {
			message: `Sequence's address answered with a redirect (${status}), so the node did not ${purpose}`,
			description: `${host} sent the request on to ${failure.redirectHost ?? 'another address'}. The node never follows redirects, so your secret was not sent there. Check the Base URL in the "${credentialName}" credential (normally ${SEQUENCE_BASE_URL}).${reference}`,
		};
	}
	switch (status) {
		case 400:
			return {
				message: `Sequence rejected the request to ${purpose} (400 Bad Request)`,
				description: `${wording.badRequestAdvice}${sequenceSaid}${reference}`,
			};
		case 401:
			return {
				message: `Sequence did not accept the ${wording.secretName} (401 Unauthorized)`,
				description: `The secret is wrong, expired or missing. Open the "${credentialName}" credential and paste it again from Sequence.${sequenceSaid}${reference}`,
			};
		case 403:
			return {
				message: `Sequence refused access while trying to ${purpose} (403 Forbidden)`,
				description: `The credential is valid but not allowed to do this. Check that the External API is enabled in Sequence's settings and that the "${credentialName}" credential belongs to this account.${sequenceSaid}${reference}`,
			};
		case 404:
			return {
				message: `Sequence has no such address (404 Not Found)`,
				description: `Check the Base URL in the "${credentialName}" credential (normally ${SEQUENCE_BASE_URL})${
					wording.notFoundAlsoCheck ? ` and ${wording.notFoundAlsoCheck}` : ''
				}.${sequenceSaid}${reference}`,
			};
		case 429:
			return {
				message: `Sequence is limiting how often this can run (429 Too Many Requests)${tried}`,
				description: `${
					failure.retryAfterHeader !== undefined
						? `Sequence asked to wait ${String(failure.retryAfterHeader)} before trying again. `
						: ''
				}Wait a little and try again, raise the node's Max Retries or Max Wait options, or run this less often.${reference}`,
			};
		default:
			break;
	}
	if (status !== undefined && status >= 500) {
		return {
			message: `Sequence had a problem on its side (${status})${tried}, so the node could not ${purpose}`,
			description: `This is usually temporary.${advice || ' Try again in a few minutes.'} If it persists, contact Sequence support.${sequenceSaid}${reference}`,
		};
	}
	return {
		message: `Sequence answered with an unexpected status (${status ?? 'none'}) while trying to ${purpose}`,
		description: `${sequenceSaid}${reference}`.trim() || 'No further details were given.',
	};
}

/** The error for a request that failed for good: after its last attempt, or one not worth retrying. */
export function attemptFailureError(
	context: ErrorContext,
	failure: AttemptFailure,
	request: WordedRequest,
	host: string,
	attempts: number,
): NodeApiError {
	const { message, description } = describeFailure(failure, request.wording, host, attempts);
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

/**
 * A 2xx reply that is not what Sequence documents. For a rule trigger the rule may
 * still have run, and the wording says so: blindly re-running could move money twice.
 */
export function unexpectedResponseError(
	context: ErrorContext,
	request: WordedRequest,
	facts: { statusCode: number; detail: string; requestId?: string },
): NodeApiError {
	const reference = facts.requestId ? ` Sequence request ID for support: ${facts.requestId}.` : '';
	const message = `Sequence answered ${facts.statusCode} but not in the documented form (${facts.detail}), so the node cannot tell what happened`;
	const description = `While trying to ${request.wording.purpose}. ${request.wording.unexpectedReplyAdvice}${reference}`;
	const error = new NodeApiError(
		context.getNode(),
		{
			message,
			description,
			httpCode: String(facts.statusCode),
			requestId: facts.requestId ?? null,
		},
		{ message, description, httpCode: String(facts.statusCode), itemIndex: request.itemIndex },
	);
	error.message = message;
	error.context.requestId = facts.requestId;
	return error;
}

/** A Base URL the secret must not be sent to (see baseUrlProblem): refused before any request. */
export function unusableBaseUrlError(
	context: ErrorContext,
	problem: string,
	request: WordedRequest,
): NodeOperationError {
	return new NodeOperationError(context.getNode(), `${problem} Nothing was sent.`, {
		itemIndex: request.itemIndex,
		description: `Correct the Base URL in the "${request.wording.credentialName}" credential: ${SEQUENCE_BASE_URL} unless Sequence gave you another address.`,
	});
}
