import fc from 'fast-check';
import {
	DEFAULT_PACER_MAX_KEYS,
	RequestPacer,
	sharedPacer,
} from '../../../n8n-nodes-sequence-money/nodes/shared/rateLimiter';

const start = Date.parse('2026-11-25T12:00:00Z');
const exact = { safetyMargin: 0 };

/** The largest number of sends inside any half-open window (t - windowMs, t]. */
function busiestWindow(sendTimes: number[], windowMs: number): number {
	const sorted = [...sendTimes].sort((a, b) => a - b);
	let most = 0;
	let first = 0;
	for (let last = 0; last < sorted.length; last++) {
		while (sorted[first] <= sorted[last] - windowMs) first++;
		most = Math.max(most, last - first + 1);
	}
	return most;
}

describe('RequestPacer', () => {
	it('lets 100 requests through in a window, then waits for the first to leave it', () => {
		const pacer = new RequestPacer(exact);
		for (let i = 0; i < 100; i++) {
			expect(pacer.reserve('key', start + i * 10)).toBe(0);
		}
		const now = start + 1000;
		expect(pacer.reserve('key', now)).toBe(start + 60_000 - now);
		// The 102nd is booked after the 101st, when the second send leaves the window.
		expect(pacer.reserve('key', now)).toBe(start + 10 + 60_000 - now);
	});

	it('keeps a safety margin by default: 95 of 100 per minute', () => {
		const pacer = new RequestPacer();
		expect(pacer.budget).toBe(95);
		expect(pacer.windowMs).toBe(60_000);
		for (let i = 0; i < 95; i++) expect(pacer.reserve('key', start)).toBe(0);
		expect(pacer.reserve('key', start)).toBe(60_000);
	});

	it('is free again once the window has passed', () => {
		const pacer = new RequestPacer({ requests: 3, windowMs: 1000, safetyMargin: 0 });
		for (let i = 0; i < 3; i++) pacer.reserve('key', start);
		expect(pacer.peek('key', start)).toBe(1000);
		expect(pacer.reserve('key', start + 1000)).toBe(0);
		expect(pacer.reserve('key', start + 5000)).toBe(0);
	});

	it('queues concurrent callers one after another', () => {
		const pacer = new RequestPacer({ requests: 2, windowMs: 1000, safetyMargin: 0 });
		const waits = Array.from({ length: 6 }, () => pacer.reserve('key', start));
		expect(waits).toEqual([0, 0, 1000, 1000, 2000, 2000]);
	});

	it('never exceeds the budget in any window, whatever the arrival pattern', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 12 }),
				fc.integer({ min: 0, max: 3 }),
				fc.integer({ min: 50, max: 5000 }),
				fc.array(
					fc.record({
						gap: fc.integer({ min: 0, max: 3000 }),
						burst: fc.integer({ min: 1, max: 8 }),
						penaltyMs: fc.option(fc.integer({ min: 0, max: 4000 }), { freq: 5 }),
					}),
					{ maxLength: 40 },
				),
				(requests, margin, windowMs, arrivals) => {
					const safetyMargin = Math.min(margin, requests - 1);
					const pacer = new RequestPacer({ requests, windowMs, safetyMargin });
					const sends: number[] = [];
					let now = start;
					for (const { gap, burst, penaltyMs } of arrivals) {
						now += gap;
						if (penaltyMs !== null) pacer.penalize('key', now + penaltyMs);
						for (let i = 0; i < burst; i++) {
							const wait = pacer.reserve('key', now);
							expect(wait).toBeGreaterThanOrEqual(0);
							sends.push(now + wait);
						}
					}
					expect(busiestWindow(sends, windowMs)).toBeLessThanOrEqual(requests - safetyMargin);
				},
			),
			{ numRuns: 300 },
		);
	});

	it('does not wait longer than needed: a lone caller in a full window waits exactly for a slot', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 10 }),
				fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 30 }),
				(budget, gaps) => {
					const pacer = new RequestPacer({ requests: budget, windowMs: 1000, safetyMargin: 0 });
					const sends: number[] = [];
					let now = start;
					for (const gap of gaps) {
						now += gap;
						const sendAt = now + pacer.reserve('key', now);
						// Either sent at once, or right when the budget-th last send leaves the window,
						// or right after the previous booking.
						const previous = sends[sends.length - 1];
						const oldestInFullLog = sends[sends.length - budget];
						expect(
							sendAt === now ||
								sendAt === previous ||
								(oldestInFullLog !== undefined && sendAt === oldestInFullLog + 1000),
						).toBe(true);
						sends.push(sendAt);
					}
				},
			),
		);
	});

	it('after a 429, books nobody before the Retry-After time', () => {
		const pacer = new RequestPacer(exact);
		expect(pacer.reserve('key', start)).toBe(0);
		pacer.penalize('key', start + 30_000);
		expect(pacer.reserve('key', start + 1000)).toBe(29_000);
		expect(pacer.reserve('key', start + 2000)).toBe(28_000);
		// A shorter, later penalty does not shorten the earlier one.
		pacer.penalize('key', start + 10_000);
		expect(pacer.reserve('key', start + 3000)).toBe(27_000);
		expect(pacer.reserve('key', start + 31_000)).toBe(0);
	});

	it('penalizes a key that was never used', () => {
		const pacer = new RequestPacer(exact);
		pacer.penalize('fresh', start + 5000);
		expect(pacer.peek('fresh', start)).toBe(5000);
		expect(pacer.reserve('fresh', start)).toBe(5000);
	});

	it('keeps keys independent', () => {
		const pacer = new RequestPacer({ requests: 2, windowMs: 1000, safetyMargin: 0 });
		pacer.reserve('a', start);
		pacer.reserve('a', start);
		pacer.penalize('a', start + 9000);
		expect(pacer.reserve('a', start)).toBe(9000);
		expect(pacer.reserve('b', start)).toBe(0);
		expect(pacer.reserve('b', start)).toBe(0);
		expect(pacer.peek('c', start)).toBe(0);
	});

	it('bounds memory: old send times are dropped, and at most maxKeys keys are kept', () => {
		const pacer = new RequestPacer({ requests: 10, windowMs: 1000, safetyMargin: 0, maxKeys: 3 });
		for (let i = 0; i < 1000; i++) pacer.reserve('busy', start);
		expect(pacer.rememberedSends('busy')).toBe(10);
		// Still paced correctly after dropping: the 1001st goes one window after the 991st..1000th.
		expect(pacer.reserve('busy', start)).toBe(100_000);
		pacer.reserve('idle', start);
		expect(pacer.reserve('idle', start + 5000)).toBe(0);
		expect(pacer.rememberedSends('idle')).toBe(1);

		pacer.reserve('k1', start);
		expect(pacer.keyCount).toBe(3);
		pacer.reserve('busy', start); // busy is now the most recently used; idle the least
		pacer.reserve('k2', start);
		expect(pacer.keyCount).toBe(3);
		expect(pacer.rememberedSends('idle')).toBe(0);
		expect(pacer.rememberedSends('busy')).toBe(10);

		for (let i = 0; i < 10_000; i++) pacer.reserve(`key-${i}`, start + i);
		expect(pacer.keyCount).toBe(3);
		pacer.clear();
		expect(pacer.keyCount).toBe(0);
	});

	it('refuses bad options, clocks and keys', () => {
		expect(() => new RequestPacer({ requests: 0 })).toThrow(RangeError);
		expect(() => new RequestPacer({ requests: 10, safetyMargin: 10 })).toThrow(/less than/);
		expect(() => new RequestPacer({ windowMs: 1.5 })).toThrow(/whole number/);
		expect(() => new RequestPacer({ maxKeys: 0 })).toThrow(RangeError);
		const pacer = new RequestPacer();
		expect(() => pacer.reserve('key', Number.NaN)).toThrow(/finite/);
		expect(() => pacer.penalize('key', Number.POSITIVE_INFINITY)).toThrow(/finite/);
		expect(() => pacer.reserve('', start)).toThrow(/non-empty/);
		expect(() => pacer.reserve('sk_live_abc', start)).toThrow(/looks like an API key/);
		expect(() => pacer.reserve('Bearer sk_live_abc', start)).toThrow(/looks like an API key/);
	});

	it('shares one pacer per process with Sequence limits', () => {
		expect(sharedPacer()).toBe(sharedPacer());
		expect(sharedPacer().budget).toBe(95);
		expect(sharedPacer().windowMs).toBe(60_000);
		expect(sharedPacer().maxKeys).toBe(DEFAULT_PACER_MAX_KEYS);
	});
});
