// Facts shared by the Sequence Query Remote API Trigger and the Respond With Amount node.
import { createHash, timingSafeEqual } from 'crypto';

/** The trigger's type name without the package prefix (which depends on how it is installed). */
export const QUERY_REMOTE_API_TRIGGER_TYPE = 'sequenceQueryRemoteApiTrigger';

export const MIN_SECRET_LENGTH = 16;

/** The header that carries the secret with Header Secret, unless the credential names another. */
export const DEFAULT_SECRET_HEADER = 'x-query-remote-api-secret';

/** The Basic Auth username, unless the credential sets another. */
export const DEFAULT_BASIC_AUTH_USERNAME = 'sequence';

/**
 * Status n8n answers when the workflow ends without the respond node answering.
 * Anything but 2xx, so that Sequence can never read an empty 200 as an answer.
 */
export const NO_ANSWER_STATUS = 500;

export function isQueryRemoteApiTriggerType(type: string): boolean {
	return (
		type === QUERY_REMOTE_API_TRIGGER_TYPE || type.endsWith(`.${QUERY_REMOTE_API_TRIGGER_TYPE}`)
	);
}

/** Compares secrets in constant time, whatever their lengths. */
export function secretsMatch(given: unknown, expected: string): boolean {
	if (typeof given !== 'string' || expected === '') return false;
	const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
	return timingSafeEqual(digest(given), digest(expected));
}

/** Reads "Basic base64(user:password)"; undefined when absent or malformed. */
export function parseBasicAuth(
	header: unknown,
): { username: string; password: string } | undefined {
	if (typeof header !== 'string') return undefined;
	const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
	if (!match) return undefined;
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const separator = decoded.indexOf(':');
	if (separator < 0) return undefined;
	return { username: decoded.slice(0, separator), password: decoded.slice(separator + 1) };
}

/** Why a Query Remote API secret is unusable, or undefined. */
export function queryRemoteApiSecretProblem(secret: unknown): string | undefined {
	if (typeof secret !== 'string' || secret.trim() === '') return 'The Secret is empty.';
	if (secret.trim().length < MIN_SECRET_LENGTH) {
		return `The Secret is only ${secret.trim().length} characters long; use at least ${MIN_SECRET_LENGTH} random characters.`;
	}
	if (!/^[\x21-\x7e]+$/.test(secret.trim())) {
		return 'The Secret may only contain visible ASCII characters (no spaces), so that it survives headers and URLs.';
	}
	return undefined;
}

/**
 * Why a secret cannot be the ?token= of a URL, or undefined. n8n decodes the query string
 * ("+" becomes a space, "%41" an "A", "&" ends the value), so a token with such characters
 * never matches; headers and Basic Auth carry them unchanged.
 */
export function urlTokenProblem(secret: string): string | undefined {
	return /^[A-Za-z0-9._~-]+$/.test(secret.trim())
		? undefined
		: 'The Secret has characters that change in a URL (such as + % & =): as a ?token= it would never match. Use only letters, digits and - . _ ~ (e.g. from openssl rand -hex 32), or Header Secret / Basic Auth.';
}

/**
 * Sequence sends application/json (or no body at all). Only that type: n8n parses no other
 * JSON flavour (application/vnd.x+json arrives unread), and an unread body must never pass
 * for an empty one, from which the workflow would compute an amount.
 */
export function isJsonContentType(contentType: unknown): boolean {
	if (typeof contentType !== 'string') return false;
	// Not trimmed, as n8n does not: it leaves "application/json ; charset=utf-8" unparsed.
	return contentType.split(';')[0].toLowerCase() === 'application/json';
}
