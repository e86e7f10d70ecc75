import {
	backoffDelayMs,
	decideRetry,
	parseRetryAfterMs,
} from '../../../n8n-nodes-sequence-money/nodes/shared/retry';

const policy = { maxRetries: 3, maxWaitMs: 30_000, baseDelayMs: 500 };
const now = Date.parse('2026-11-25T12:00:00Z');

describe('retry policy', () => {
	it('reads Retry-After as seconds or as an HTTP date', () => {
		expect(parseRetryAfterMs('3', now)).toBe(3000);
		expect(parseRetryAfterMs(['2'], now)).toBe(2000);
		expect(parseRetryAfterMs('0.5', now)).toBe(500);
		expect(parseRetryAfterMs('Wed, 25 Nov 2026 12:00:07 GMT', now)).toBe(7000);
		expect(parseRetryAfterMs('Wed, 25 Nov 2026 11:00:00 GMT', now)).toBe(0);
		expect(parseRetryAfterMs('soon', now)).toBeUndefined();
		expect(parseRetryAfterMs(undefined, now)).toBeUndefined();
	});

	it('backs off exponentially with jitter, capped by Max Wait', () => {
		expect(backoffDelayMs(1, policy, 0)).toBe(250);
		expect(backoffDelayMs(1, policy, 0.999)).toBe(500);
		expect(backoffDelayMs(3, policy, 0)).toBe(1000);
		expect(backoffDelayMs(3, policy, 0.999)).toBe(1999);
		expect(backoffDelayMs(20, policy, 0.999)).toBeLessThanOrEqual(30_000);
	});

	it('honours Retry-After over backoff', () => {
		expect(
			decideRetry({ retryNumber: 1, retryable: true, retryAfterHeader: '4' }, policy, now, 0),
		).toEqual({ retry: true, waitMs: 4000 });
	});

	it('stops when Retry-After is longer than Max Wait', () => {
		expect(
			decideRetry({ retryNumber: 1, retryable: true, retryAfterHeader: '31' }, policy, now, 0),
		).toEqual({
			retry: false,
			reason: 'retryAfterTooLong',
			retryAfterMs: 31_000,
		});
	});

	it('stops after Max Retries and never retries what is not retryable', () => {
		expect(decideRetry({ retryNumber: 4, retryable: true }, policy, now, 0)).toEqual({
			retry: false,
			reason: 'retriesExhausted',
		});
		expect(decideRetry({ retryNumber: 1, retryable: false }, policy, now, 0)).toEqual({
			retry: false,
			reason: 'notRetryable',
		});
		expect(
			decideRetry({ retryNumber: 1, retryable: true }, { ...policy, maxRetries: 0 }, now, 0).retry,
		).toBe(false);
	});
});
