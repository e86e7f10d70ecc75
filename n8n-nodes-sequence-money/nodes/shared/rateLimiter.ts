// Paces requests so that all operations sharing one Sequence API key stay under the
// Platform v1 rate limit: 100 requests per minute per key, "one-minute window"; over it
// Sequence answers 429 RATE_LIMIT_EXCEEDED with Retry-After.
//
// Pure computation: the caller passes the clock (`nowMs`) and does the sleeping. The
// pacer only decides *when* each request may leave, and remembers that decision.
//
// Why a sliding window (a log of send times) rather than counting per fixed minute:
// we do not know where Sequence's one-minute window starts (the spec says "one-minute
// window"; Sequence's own node comments on a refilling token bucket instead, see the
// reference §8.10). A local fixed window is not aligned with the server's, so it can
// let a full budget through at the end of one local minute and another full budget at
// the start of the next: up to twice the budget inside one server minute. A sliding
// window guarantees at most `budget` sends in *every* interval of `windowMs`, whatever
// its alignment, which satisfies any fixed server window and also a token bucket of
// the same size and rate (n sends in L ms ≤ budget·ceil(L/windowMs) ≤ budget + rate·L).
//
// Why a safety margin below the advertised 100 (default budget 95): the pacer times
// sends, but Sequence counts arrivals. Network latency varies per request, so two sends
// exactly one window apart can arrive slightly less than a window apart; the clocks of
// n8n and Sequence differ; and the same key may also be used outside this process (a
// second n8n instance or queue-mode worker, scripts, other tools), which this pacer
// cannot see. A few requests of headroom absorb that instead of costing a 429 and a
// Retry-After wait. If a 429 arrives anyway, `penalize` honours its Retry-After.
//
// Keys: the caller derives an opaque key from the credential (e.g. a hash of the base
// URL and API key). The pacer never needs, and must never be given, the secret itself.

export interface PacerOptions {
	/** The server's limit per window. Default 100 (Sequence Platform v1). */
	requests?: number;
	/** The window length in ms. Default 60 000 (one minute). */
	windowMs?: number;
	/**
	 * Requests per window left unused as headroom (see above). Default 5, so the
	 * pacer's budget is 95 of 100. Must be at least 0 and less than `requests`.
	 */
	safetyMargin?: number;
	/** The most keys remembered; the least recently used is forgotten first. Default 1000. */
	maxKeys?: number;
}

export const DEFAULT_PACER_REQUESTS = 100;
export const DEFAULT_PACER_WINDOW_MS = 60_000;
export const DEFAULT_PACER_SAFETY_MARGIN = 5;
export const DEFAULT_PACER_MAX_KEYS = 1000;

interface KeyState {
	/**
	 * Send times (ms) already handed out, ascending, at most `budget` of them: the next
	 * slot only depends on the `budget` most recent ones, so older ones are dropped.
	 */
	sends: number[];
	/** No send before this time (a 429's Retry-After). */
	notBeforeMs: number;
}

function checkInteger(name: string, value: number, min: number): void {
	if (!Number.isSafeInteger(value) || value < min) {
		throw new RangeError(`${name} must be a whole number of at least ${min}, but it is ${value}.`);
	}
}

function checkTime(name: string, value: number): void {
	if (typeof value !== 'number' || !Number.isFinite(value)) {
		throw new RangeError(`${name} must be a finite time in milliseconds, but it is ${value}.`);
	}
}

export class RequestPacer {
	/** Requests the pacer lets through per window: `requests - safetyMargin`. */
	readonly budget: number;
	readonly windowMs: number;
	readonly maxKeys: number;
	/** Insertion order is recency order: a used key is moved to the end. */
	private readonly states = new Map<string, KeyState>();

	constructor(options: PacerOptions = {}) {
		const requests = options.requests ?? DEFAULT_PACER_REQUESTS;
		const windowMs = options.windowMs ?? DEFAULT_PACER_WINDOW_MS;
		const safetyMargin = options.safetyMargin ?? DEFAULT_PACER_SAFETY_MARGIN;
		const maxKeys = options.maxKeys ?? DEFAULT_PACER_MAX_KEYS;
		checkInteger('requests', requests, 1);
		checkInteger('windowMs', windowMs, 1);
		checkInteger('safetyMargin', safetyMargin, 0);
		checkInteger('maxKeys', maxKeys, 1);
		if (safetyMargin >= requests) {
			throw new RangeError(
				`safetyMargin (${safetyMargin}) must be less than requests (${requests}), or nothing could be sent.`,
			);
		}
		this.budget = requests - safetyMargin;
		this.windowMs = windowMs;
		this.maxKeys = maxKeys;
	}

	/**
	 * Books the next send for `key` and returns how many ms the caller must wait before
	 * sending (0 if it may send now). The booking is recorded at the time it will be
	 * sent, so callers that reserve concurrently queue up behind one another (first come,
	 * first served) and never exceed the budget in any window. A booking is never given
	 * back: a caller that does not send after all just leaves its slot unused.
	 */
	reserve(key: string, nowMs: number): number {
		checkTime('nowMs', nowMs);
		const state = this.touch(key);
		const { sends } = state;
		// Sends at or before nowMs - windowMs can no longer share a window with any send
		// from now on: forget them.
		let expired = 0;
		while (expired < sends.length && sends[expired] <= nowMs - this.windowMs) expired++;
		if (expired > 0) sends.splice(0, expired);
		const sendAt = this.nextSlot(state, nowMs);
		sends.push(sendAt);
		if (sends.length > this.budget) sends.splice(0, sends.length - this.budget);
		return sendAt - nowMs;
	}

	/**
	 * After a 429: nothing is booked for `key` before `untilMs` (now + Retry-After).
	 * Bookings already handed out are not recalled; a caller that gets a 429 for one of
	 * them penalizes again and reserves a new slot, which lands after `untilMs`.
	 */
	penalize(key: string, untilMs: number): void {
		checkTime('untilMs', untilMs);
		const state = this.touch(key);
		state.notBeforeMs = Math.max(state.notBeforeMs, untilMs);
	}

	/** How many ms a send for `key` booked now would wait, without booking it. */
	peek(key: string, nowMs: number): number {
		checkTime('nowMs', nowMs);
		const state = this.states.get(key);
		return state ? this.nextSlot(state, nowMs) - nowMs : 0;
	}

	/** Number of keys remembered (at most `maxKeys`). */
	get keyCount(): number {
		return this.states.size;
	}

	/** Number of send times remembered for `key` (at most `budget`). */
	rememberedSends(key: string): number {
		return this.states.get(key)?.sends.length ?? 0;
	}

	/** Forgets every key (for tests, or when credentials change wholesale). */
	clear(): void {
		this.states.clear();
	}

	private nextSlot(state: KeyState, nowMs: number): number {
		const { sends } = state;
		// Never before "now", a penalty, or an earlier booking (keeps the log sorted, and
		// then the fullest window holding the new send is the one ending at it).
		let sendAt = Math.max(nowMs, state.notBeforeMs, sends[sends.length - 1] ?? -Infinity);
		// The window ending at sendAt, (sendAt - windowMs, sendAt], may hold budget - 1
		// earlier sends: if the log is full, wait until its oldest one leaves the window.
		if (sends.length >= this.budget) {
			sendAt = Math.max(sendAt, sends[sends.length - this.budget] + this.windowMs);
		}
		return sendAt;
	}

	private touch(key: string): KeyState {
		if (typeof key !== 'string' || key === '') {
			throw new TypeError('The pacer key must be a non-empty string.');
		}
		if (/^(sk_|bearer\s)/i.test(key)) {
			throw new TypeError(
				'The pacer key looks like an API key: pass a hash derived from the credential, never the secret.',
			);
		}
		let state = this.states.get(key);
		if (state) {
			this.states.delete(key);
		} else {
			state = { sends: [], notBeforeMs: -Infinity };
			while (this.states.size >= this.maxKeys) {
				const oldest = this.states.keys().next().value as string;
				this.states.delete(oldest);
			}
		}
		this.states.set(key, state);
		return state;
	}
}

let shared: RequestPacer | undefined;

/**
 * The pacer every Sequence request in this n8n process goes through, with Sequence's
 * limits. Module state is per process: each queue-mode worker has its own (hence the
 * safety margin).
 */
export function sharedPacer(): RequestPacer {
	shared ??= new RequestPacer();
	return shared;
}
