// Query strings, timestamps and list pages for Sequence Platform v1, built exactly as the
// reference documents them (§3 array parameters, §1 RFC 3339 times, §4 pagination).
//
// No n8n imports: the node code passes plain values in, and turns the errors thrown
// or reasons returned here into n8n errors.
import { describeValue } from './money';

/** A value that cannot be sent as given; `message` says which and why, in plain words. */
export class PlatformQueryError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'PlatformQueryError';
	}
}

export type QueryScalar = string | number | boolean | Date;
export type QueryValue =
	| QueryScalar
	| readonly (QueryScalar | null | undefined)[]
	| null
	| undefined;

function isBlank(value: unknown): value is null | undefined | '' {
	return value === undefined || value === null || value === '';
}

function scalarText(name: string, value: unknown): string {
	if (typeof value === 'string') return value;
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) {
			throw new PlatformQueryError(
				`The query parameter "${name}" must be a finite number, but it is ${describeValue(value)}.`,
			);
		}
		return String(value);
	}
	if (value instanceof Date) return toRfc3339(value);
	throw new PlatformQueryError(
		`The query parameter "${name}" must be text, a number, true/false or a date, but it is ${describeValue(value)}.`,
	);
}

/**
 * `page=2&accountIds[]=a&accountIds[]=b`, without the leading "?" ('' when nothing is
 * sent). Arrays use the bracket form the spec asks for ("always use bracket notation"),
 * never indexed `accountIds[0]=`. Names and values are percent-encoded as UTF-8
 * (`|` → %7C, space → %20); the brackets stay literal. undefined, null, '' and empty
 * arrays are left out, as are null, undefined and '' inside arrays; booleans are
 * `true`/`false`; a Date is sent as RFC 3339 UTC. Parameters keep their given order.
 */
export function toQueryString(params: Readonly<Record<string, QueryValue>>): string {
	const parts: string[] = [];
	for (const [name, value] of Object.entries(params)) {
		if (isBlank(value)) continue;
		const encodedName = encodeURIComponent(name);
		if (Array.isArray(value)) {
			for (const element of value) {
				if (isBlank(element)) continue;
				parts.push(`${encodedName}[]=${encodeURIComponent(scalarText(name, element))}`);
			}
		} else {
			parts.push(`${encodedName}=${encodeURIComponent(scalarText(name, value))}`);
		}
	}
	return parts.join('&');
}

// Date and time with a zone, ISO 8601 extended form. Seconds and fractions optional;
// the zone is required: "Z", "+02:00" or "+0200".
const DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}([.,]\d+)?)?$/;

function pad(value: number, width: number): string {
	return String(value).padStart(width, '0');
}

function invalid(value: unknown, why: string): PlatformQueryError {
	return new PlatformQueryError(`${describeValue(value)} is not a usable date and time: ${why}`);
}

const EXAMPLE = 'Use a form such as 2024-05-01T09:30:00Z or 2024-05-01T11:30:00+02:00.';

function stringToRfc3339(text: string): string {
	const trimmed = text.trim();
	const match = DATE_TIME.exec(trimmed);
	if (!match) {
		if (DATE_ONLY.test(trimmed)) {
			throw invalid(text, `it has a date but no time or time zone. ${EXAMPLE}`);
		}
		if (LOCAL_DATE_TIME.test(trimmed)) {
			throw invalid(
				text,
				`it has no time zone, so the moment it means is unknown. Add "Z" for UTC or an offset such as +02:00.`,
			);
		}
		throw invalid(text, `it is not in ISO 8601 / RFC 3339 form. ${EXAMPLE}`);
	}
	const [, y, mo, d, h, mi, s = '00', fraction, zulu, sign, oh, om] = match;
	const year = Number(y);
	const month = Number(mo);
	const day = Number(d);
	const hour = Number(h);
	const minute = Number(mi);
	const second = Number(s);
	if (month < 1 || month > 12) throw invalid(text, `month ${mo} does not exist.`);
	const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
	const lastDay = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
	if (day < 1 || day > lastDay) throw invalid(text, `day ${d} does not exist in month ${mo}.`);
	if (hour > 23) throw invalid(text, `hour ${h} does not exist (00–23).`);
	if (minute > 59) throw invalid(text, `minute ${mi} does not exist (00–59).`);
	if (second > 59) throw invalid(text, `second ${s} is not accepted (00–59).`);
	let offsetMinutes = 0;
	if (!zulu) {
		const offsetHours = Number(oh);
		const offsetMins = Number(om);
		if (offsetHours > 23 || offsetMins > 59) throw invalid(text, `the offset is out of range.`);
		offsetMinutes = (sign === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
	}
	// Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not.
	const local = new Date(Date.UTC(2000, month - 1, day, hour, minute, second));
	local.setUTCFullYear(year);
	const utc = new Date(local.getTime() - offsetMinutes * 60_000);
	const utcYear = utc.getUTCFullYear();
	if (utcYear < 0 || utcYear > 9999) throw invalid(text, 'the year is out of range in UTC.');
	// Offsets are whole minutes, so the fraction of a second is unchanged: keep its digits.
	const fractionText = fraction === undefined ? '' : `.${fraction}`;
	return (
		`${pad(utcYear, 4)}-${pad(utc.getUTCMonth() + 1, 2)}-${pad(utc.getUTCDate(), 2)}` +
		`T${pad(utc.getUTCHours(), 2)}:${pad(utc.getUTCMinutes(), 2)}:${pad(utc.getUTCSeconds(), 2)}` +
		`${fractionText}Z`
	);
}

interface DateTimeLike {
	toISO: () => unknown;
	isValid?: unknown;
	invalidReason?: unknown;
	invalidExplanation?: unknown;
}

function isDateTimeLike(value: unknown): value is DateTimeLike {
	return (
		typeof value === 'object' &&
		value !== null &&
		typeof (value as { toISO?: unknown }).toISO === 'function'
	);
}

/**
 * A moment as RFC 3339 in UTC ending in `Z`, for the `from`/`to` filters. Accepts a Date,
 * an ISO 8601 / RFC 3339 string with `Z` or an offset (fractions kept digit for digit),
 * or a Luxon DateTime (n8n's `$now`, `DateTime.fromISO(…)`), recognised by its `toISO()`.
 * A string without a time zone is refused rather than guessed: n8n reads such strings in
 * the workflow's time zone, which the caller must apply (e.g. with Luxon) first.
 */
export function toRfc3339(value: unknown): string {
	if (value instanceof Date) {
		const time = value.getTime();
		if (Number.isNaN(time)) throw new PlatformQueryError(`The date is invalid. ${EXAMPLE}`);
		const year = value.getUTCFullYear();
		if (year < 0 || year > 9999) {
			throw new PlatformQueryError(`The date's year ${year} is out of range (0000–9999).`);
		}
		return value.toISOString();
	}
	if (typeof value === 'string') {
		if (value.trim() === '') throw invalid(value, `it is empty. ${EXAMPLE}`);
		return stringToRfc3339(value);
	}
	if (isDateTimeLike(value)) {
		if (value.isValid === false) {
			const reason = [value.invalidReason, value.invalidExplanation]
				.filter((part) => typeof part === 'string' && part !== '')
				.map((part) => describeValue(part))
				.join(': ');
			throw new PlatformQueryError(
				`The date and time is invalid${reason ? ` (${reason})` : ''}. ${EXAMPLE}`,
			);
		}
		const iso = value.toISO();
		if (typeof iso !== 'string') {
			throw new PlatformQueryError(
				`The date and time is invalid (toISO() gave no text). ${EXAMPLE}`,
			);
		}
		return stringToRfc3339(iso);
	}
	if (typeof value === 'number') {
		throw invalid(
			value,
			`a bare number could be seconds or milliseconds. Pass a date, e.g. new Date(${value}) for milliseconds. ${EXAMPLE}`,
		);
	}
	throw invalid(value, `expected a date, a DateTime or an ISO 8601 text. ${EXAMPLE}`);
}

export interface ParsedPage {
	items: unknown[];
	hasNextPage: boolean;
	/** As reported by Sequence, when present. */
	page?: number;
	pageSize?: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeShape(value: unknown): string {
	if (Array.isArray(value)) return 'a list';
	if (value === null) return 'null';
	if (value === undefined) return 'missing';
	return typeof value === 'object' ? 'an object' : describeValue(value);
}

/**
 * Reads one list page, `{data: {items: [...], pagination: {page, pageSize, hasNextPage}}}`.
 * Returns the items and whether to ask for the next page, or a reason (a string) when the
 * shape is wrong. A missing `hasNextPage` is a reason, never "no more pages": stopping
 * there could silently drop results. With `expectedPage`, a response for another page
 * is a reason too (a server ignoring `page` would otherwise repeat a page forever).
 */
export function parsePage(body: unknown, expectedPage?: number): ParsedPage | string {
	let parsed = body;
	if (typeof body === 'string') {
		try {
			parsed = JSON.parse(body);
		} catch {
			return 'The list response is not JSON.';
		}
	}
	if (!isRecord(parsed)) {
		return `The list response should be an object with "data", but it is ${describeShape(parsed)}.`;
	}
	const { data } = parsed;
	if (!isRecord(data)) {
		return `The list response's "data" should be an object with "items" and "pagination", but it is ${describeShape(data)}.`;
	}
	const { items, pagination } = data;
	if (!Array.isArray(items)) {
		return `The list response's "data.items" should be a list, but it is ${describeShape(items)}.`;
	}
	if (!isRecord(pagination)) {
		return `The list response has no "data.pagination" object (it is ${describeShape(pagination)}), so it is unknown whether more pages exist.`;
	}
	const { hasNextPage, page, pageSize } = pagination;
	if (typeof hasNextPage !== 'boolean') {
		return `The list response's "data.pagination.hasNextPage" should be true or false, but it is ${describeShape(hasNextPage)}, so it is unknown whether more pages exist; stopping here could leave results out.`;
	}
	const result: ParsedPage = { items, hasNextPage };
	for (const [name, value] of [
		['page', page],
		['pageSize', pageSize],
	] as const) {
		if (value === undefined) continue;
		if (!Number.isSafeInteger(value) || (value as number) < 1) {
			return `The list response's "data.pagination.${name}" should be a whole number of at least 1, but it is ${describeShape(value)}.`;
		}
		result[name] = value as number;
	}
	if (expectedPage !== undefined && result.page !== undefined && result.page !== expectedPage) {
		return `Sequence answered with page ${result.page} when page ${expectedPage} was asked for.`;
	}
	return result;
}
