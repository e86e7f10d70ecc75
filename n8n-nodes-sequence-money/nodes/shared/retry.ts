// When and how long to wait before asking Sequence again.
// Pure functions: the transport supplies the clock, the randomness and the sleep.

export interface BackoffPolicy {
	/** Retries after the first attempt; 0 disables retrying. */
	maxRetries: number;
	/** The longest single wait. A Retry-After longer than this ends the retries. */
	maxWaitMs: number;
	/** First backoff step; doubles on each retry. */
	baseDelayMs: number;
}

export const DEFAULT_BASE_DELAY_MS = 500;

/**
 * Reads a Retry-After header: delta-seconds ("3") or an HTTP date. Returns the wait
 * in milliseconds, or undefined when absent or unreadable (then backoff applies).
 */
export function parseRetryAfterMs(header: unknown, nowMs: number): number | undefined {
	const value = Array.isArray(header) ? header[0] : header;
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const text = String(value).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text) * 1000);
	const date = Date.parse(text);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - nowMs);
}

/**
 * Exponential backoff with "equal jitter": half the step is fixed, half random, so
 * that many workflows rate-limited together do not all come back at the same instant.
 * `random` is in [0, 1).
 */
export function backoffDelayMs(retryNumber: number, policy: BackoffPolicy, random: number): number {
	const step = Math.min(policy.maxWaitMs, policy.baseDelayMs * 2 ** Math.max(0, retryNumber - 1));
	return Math.round(step / 2 + (step / 2) * random);
}

export type RetryDecision =
	| { retry: true; waitMs: number }
	| {
			retry: false;
			reason: 'notRetryable' | 'retriesExhausted' | 'retryAfterTooLong';
			retryAfterMs?: number;
	  };

export interface FailedAttempt {
	/** 1 for the first retry decision (after the first attempt). */
	retryNumber: number;
	retryable: boolean;
	retryAfterHeader?: unknown;
}

export function decideRetry(
	attempt: FailedAttempt,
	policy: BackoffPolicy,
	nowMs: number,
	random: number,
): RetryDecision {
	if (!attempt.retryable) return { retry: false, reason: 'notRetryable' };
	if (attempt.retryNumber > policy.maxRetries) return { retry: false, reason: 'retriesExhausted' };
	const retryAfterMs = parseRetryAfterMs(attempt.retryAfterHeader, nowMs);
	if (retryAfterMs !== undefined) {
		if (retryAfterMs > policy.maxWaitMs)
			return { retry: false, reason: 'retryAfterTooLong', retryAfterMs };
		return { retry: true, waitMs: retryAfterMs };
	}
	return { retry: true, waitMs: backoffDelayMs(attempt.retryNumber, policy, random) };
}
