// Reading identifiers the way users paste them.

export const SEQUENCE_BASE_URL = 'https://api.getsequence.io';

export function isHttpUrl(text: string): boolean {
	try {
		const url = new URL(text);
		return url.protocol === 'https:' || url.protocol === 'http:';
	} catch {
		return false;
	}
}

const RULE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;
const RULE_ID_IN_URL = /\/rules\/([^/?#\s]+)\/trigger\/?(?:[?#].*)?$/;

/**
 * Accepts a rule ID ("ru_12345") or the trigger URL Sequence shows
 * ("https://api.getsequence.io/rules/ru_12345/trigger"). Returns undefined when
 * the text is neither, so the caller can say so before any request.
 */
export function parseRuleId(input: unknown): string | undefined {
	if (typeof input !== 'string' && typeof input !== 'number') return undefined;
	const text = String(input).trim();
	const fromUrl = RULE_ID_IN_URL.exec(text);
	const candidate = fromUrl ? decodedOrUndefined(fromUrl[1]) : text;
	return candidate !== undefined && RULE_ID.test(candidate) ? candidate : undefined;
}

/** A broken percent escape ("%E0%A4%A") makes the pasted URL unusable, not the node crash. */
function decodedOrUndefined(text: string): string | undefined {
	try {
		return decodeURIComponent(text);
	} catch {
		return undefined;
	}
}

/** A secret as the user pasted it, without surrounding spaces or a leading "Bearer ". */
export function normalizeSecret(value: unknown): string {
	return String(value ?? '')
		.trim()
		.replace(/^bearer\s+/i, '')
		.trim();
}
