// Fields and expressions that the Sequence Access Token and Rule Secret credentials share.
// Only those two credential files import from here; it sits with the nodes' shared code,
// next to the sequenceIds module whose default base URL it uses.
import type { INodeProperties } from 'n8n-workflow';

import { SEQUENCE_BASE_URL } from './sequenceIds';

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
