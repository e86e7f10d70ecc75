// Reading identifiers the way users paste them.

export const SEQUENCE_BASE_URL = 'https://api.getsequence.io';

/** Sequence's versioned REST API ("Platform v1"), production server. */
export const SEQUENCE_PLATFORM_BASE_URL = 'https://api.getsequence.io/platform/v1';

function parsedUrl(text: string): URL | undefined {
	try {
		return new URL(text);
	} catch {
		return undefined;
	}
}

/**
 * A Base URL that may use plain http: localhost, 127.0.0.0/8 or [::1], traffic that never
 * leaves the machine. Written as one pattern over the URL text so that the access token's
 * credential Test (an n8n expression) applies exactly the same rule.
 */
export const LOOPBACK_HTTP_URL =
	/^http:\/\/(localhost|127(\.\d{1,3}){3}|\[::1\])(:\d{1,5})?(\/|$)/i;

/**
 * Why a Base URL cannot carry a Sequence secret, or undefined. Plain http would send the
 * token or rule secret unencrypted, so it is only accepted for a local sandbox or proxy.
 */
export function baseUrlProblem(text: string): string | undefined {
	const url = parsedUrl(text);
	const shown = `"${text.slice(0, 80)}"`;
	if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:'))
		return `The Base URL ${shown} is not a valid http(s) address.`;
	if (url.protocol === 'http:' && !LOOPBACK_HTTP_URL.test(text)) {
		return `The Base URL ${shown} uses http://, which would send your secret unencrypted: use https:// (plain http is only accepted for this machine, e.g. http://127.0.0.1).`;
	}
	return undefined;
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
