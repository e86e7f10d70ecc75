// Fields and expressions that the Sequence credentials share. Only credential files import
// from here; it sits with the nodes' shared code, next to the sequenceIds module whose
// addresses and loopback rule it uses.
import type { INodeProperties } from 'n8n-workflow';

import { LOOPBACK_HTTP_URL, SEQUENCE_BASE_URL } from './sequenceIds';

export const baseUrlProperty: INodeProperties = {
	displayName: 'Base URL',
	name: 'baseUrl',
	type: 'string',
	default: SEQUENCE_BASE_URL,
	hint: 'Leave as is unless Sequence gave you another address (or for a proxy or sandbox). https:// only; plain http:// only for this machine (127.0.0.1, localhost).',
};

/**
 * The header value "Bearer <secret>" as an n8n expression over the credential field,
 * removing spaces and a pasted "Bearer " so that it is never doubled.
 */
export function bearerHeader(field: string): string {
	return `={{ "Bearer " + String($credentials.${field} ?? "").trim().replace(/^bearer\\s+/i, "").trim() }}`;
}

/** Where a credential Test goes instead of a plain-http address of another machine: nowhere, by design. */
export const REFUSED_BASE_URL = 'https://base-url-must-use-https.invalid';

/**
 * An n8n expression for a credential Test's base URL: the address `addressExpression` gives,
 * as the node would use it, unless it is plain http to another machine. Then the Test goes to
 * an address that cannot resolve, so the secret never travels unencrypted and the Test fails.
 */
export function testBaseUrl(addressExpression: string): string {
	return `={{ /^https:\\/\\//i.test(${addressExpression}) || ${LOOPBACK_HTTP_URL}.test(${addressExpression}) ? ${addressExpression} : "${REFUSED_BASE_URL}" }}`;
}
