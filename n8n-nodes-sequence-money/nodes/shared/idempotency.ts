// Idempotency keys tell Sequence that a repeated request is the same trigger, so a
// retry after a lost reply cannot move money twice.
import { createHash } from 'crypto';

export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

export interface AutomaticKeyParts {
	/** n8n's execution ID; the same across "Retry On Fail" attempts of a node. */
	executionId: string;
	/** The node's ID in the workflow (stable across renames). */
	nodeId: string;
	/** Differs each time the node runs again in one execution (loops), unlike retries. */
	runIndex: number;
	itemIndex: number;
	ruleId: string;
}

/**
 * A key derived from where the trigger happens in n8n: the same execution, node,
 * node run, item and rule always give the same key, and anything else a different one.
 * Hashed so that it is short and does not expose workflow internals to Sequence.
 */
export function automaticIdempotencyKey(parts: AutomaticKeyParts): string {
	const source = JSON.stringify([
		parts.executionId,
		parts.nodeId,
		parts.runIndex,
		parts.itemIndex,
		parts.ruleId,
	]);
	return `n8n-${createHash('sha256').update(source).digest('hex').slice(0, 40)}`;
}

/** Why a custom key cannot be sent as an HTTP header value, or undefined if it can. */
export function customIdempotencyKeyProblem(key: unknown): string | undefined {
	if (typeof key === 'number' && Number.isFinite(key)) return undefined;
	if (typeof key !== 'string') return `The idempotency key must be text, but it is ${typeof key}.`;
	if (key.trim() === '') return 'The idempotency key is empty.';
	if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
		return `The idempotency key is ${key.length} characters long; at most ${MAX_IDEMPOTENCY_KEY_LENGTH} are allowed.`;
	}
	if (!/^[\x21-\x7e]+$/.test(key.trim())) {
		return 'The idempotency key may only contain visible ASCII characters (letters, digits, punctuation), without spaces.';
	}
	return undefined;
}
