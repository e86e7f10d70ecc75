import type { IDataObject } from 'n8n-workflow';

/** A JSON object (not null, not a list): what Sequence's replies and their parts should be. */
export function isObject(value: unknown): value is IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The value if it is a JSON object, otherwise undefined: for reading optional parts of a reply. */
export function asObject(value: unknown): IDataObject | undefined {
	return isObject(value) ? value : undefined;
}
