import fc from 'fast-check';
import {
	parsePage,
	PlatformQueryError,
	toQueryString,
	toRfc3339,
} from '../../../n8n-nodes-sequence-money/nodes/shared/platformQuery';

describe('toQueryString', () => {
	it('sends arrays in bracket form, never indexed', () => {
		expect(toQueryString({ accountIds: ['a', 'b'] })).toBe('accountIds[]=a&accountIds[]=b');
		expect(toQueryString({ accountIds: ['only'] })).toBe('accountIds[]=only');
		expect(toQueryString({ accountIds: ['a', 'b'] })).not.toMatch(/\[\d+\]|%5B/);
	});

	it('percent-encodes values: |, spaces, unicode, reserved characters', () => {
		expect(toQueryString({ q: 'a|b' })).toBe('q=a%7Cb');
		expect(toQueryString({ q: 'two words' })).toBe('q=two%20words');
		expect(toQueryString({ q: 'café €' })).toBe('q=caf%C3%A9%20%E2%82%AC');
		expect(toQueryString({ q: '😀' })).toBe('q=%F0%9F%98%80');
		expect(toQueryString({ q: 'a&b=c?d#e/f+g%' })).toBe('q=a%26b%3Dc%3Fd%23e%2Ff%2Bg%25');
		expect(toQueryString({ 'odd name': 'x', ids: ['a|b', 'c d'] })).toBe(
			'odd%20name=x&ids[]=a%7Cb&ids[]=c%20d',
		);
	});

	it('leaves out undefined, null, empty text and empty lists, and keeps order', () => {
		expect(
			toQueryString({
				page: 2,
				type: undefined,
				state: null,
				sourceId: '',
				accountIds: [],
				cardIds: [undefined, null, ''],
				pageSize: 100,
				ids: ['a', '', null, 'b'],
			}),
		).toBe('page=2&pageSize=100&ids[]=a&ids[]=b');
		expect(toQueryString({})).toBe('');
		expect(toQueryString({ a: undefined })).toBe('');
		expect(toQueryString({ zero: 0, space: ' ' })).toBe('zero=0&space=%20');
	});

	it('sends booleans as true/false and dates as RFC 3339 UTC', () => {
		expect(toQueryString({ simulation: true, live: false })).toBe('simulation=true&live=false');
		expect(toQueryString({ from: new Date('2024-05-01T10:00:00+02:00') })).toBe(
			'from=2024-05-01T08%3A00%3A00.000Z',
		);
		expect(toQueryString({ flags: [true, false] })).toBe('flags[]=true&flags[]=false');
	});

	it('refuses values it cannot send', () => {
		expect(() => toQueryString({ page: Number.NaN })).toThrow(PlatformQueryError);
		expect(() => toQueryString({ page: Number.POSITIVE_INFINITY })).toThrow(/finite number/);
		expect(() => toQueryString({ filter: { a: 1 } as never })).toThrow(/"filter"/);
		expect(() => toQueryString({ ids: [{}] as never })).toThrow(/"ids"/);
	});

	it('round-trips any strings through URLSearchParams', () => {
		fc.assert(
			fc.property(
				fc.array(fc.string({ unit: 'grapheme', minLength: 1 }), { maxLength: 5 }),
				(ids) => {
					const query = toQueryString({ ids });
					expect(new URLSearchParams(query).getAll('ids[]')).toEqual(ids);
				},
			),
		);
	});
});

describe('toRfc3339', () => {
	it('converts offsets to Z', () => {
		expect(toRfc3339('2024-05-01T10:00:00+02:00')).toBe('2024-05-01T08:00:00Z');
		expect(toRfc3339('2024-05-01T01:30:00+05:30')).toBe('2024-04-30T20:00:00Z');
		expect(toRfc3339('2024-12-31T20:00:00-05:00')).toBe('2025-01-01T01:00:00Z');
		expect(toRfc3339('2024-02-28T23:00:00-01:00')).toBe('2024-02-29T00:00:00Z');
		expect(toRfc3339('2024-05-01T10:00:00+0200')).toBe('2024-05-01T08:00:00Z');
		expect(toRfc3339('2024-05-01T10:00:00+00:00')).toBe('2024-05-01T10:00:00Z');
		expect(toRfc3339('2024-05-01T10:00:00-00:00')).toBe('2024-05-01T10:00:00Z');
	});

	it('keeps Z times and fractions digit for digit', () => {
		expect(toRfc3339('2024-05-01T10:00:00Z')).toBe('2024-05-01T10:00:00Z');
		expect(toRfc3339('2024-05-01t10:00:00z')).toBe('2024-05-01T10:00:00Z');
		expect(toRfc3339('2024-05-01T10:00:00.5Z')).toBe('2024-05-01T10:00:00.5Z');
		expect(toRfc3339('2024-05-01T10:00:00.123456789+01:00')).toBe('2024-05-01T09:00:00.123456789Z');
		expect(toRfc3339('2024-05-01 10:00Z')).toBe('2024-05-01T10:00:00Z');
		expect(toRfc3339('  2024-05-01T10:00:00Z ')).toBe('2024-05-01T10:00:00Z');
	});

	it('accepts a Date', () => {
		expect(toRfc3339(new Date(Date.UTC(2024, 4, 1, 8, 0, 0, 250)))).toBe(
			'2024-05-01T08:00:00.250Z',
		);
	});

	it('accepts a Luxon-like DateTime through toISO()', () => {
		const dateTime = { isValid: true, toISO: () => '2024-05-01T10:00:00.000+02:00' };
		expect(toRfc3339(dateTime)).toBe('2024-05-01T08:00:00.000Z');
		expect(() =>
			toRfc3339({
				isValid: false,
				invalidReason: 'unparsable',
				invalidExplanation: 'the input "x" can\'t be parsed as ISO 8601',
				toISO: () => null,
			}),
		).toThrow(/invalid \("unparsable"/);
		expect(() => toRfc3339({ toISO: () => null })).toThrow(/toISO\(\) gave no text/);
	});

	it('agrees with Date for any moment and offset', () => {
		fc.assert(
			fc.property(
				fc.date({
					min: new Date('1970-01-01T00:00:00Z'),
					max: new Date('9000-01-01T00:00:00Z'),
					noInvalidDate: true,
				}),
				fc.integer({ min: -14 * 60, max: 14 * 60 }),
				(date, offsetMinutes) => {
					const local = new Date(date.getTime() + offsetMinutes * 60_000);
					const sign = offsetMinutes < 0 ? '-' : '+';
					const abs = Math.abs(offsetMinutes);
					const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
					const text = local.toISOString().replace('Z', offset);
					expect(toRfc3339(text)).toBe(date.toISOString());
				},
			),
		);
	});

	it.each([
		['', /empty/],
		['yesterday', /not in ISO 8601/],
		['2024-05-01', /date but no time/],
		['2024-05-01T10:00:00', /no time zone/],
		['2024-13-01T10:00:00Z', /month 13/],
		['2023-02-29T10:00:00Z', /day 29/],
		['2024-04-31T10:00:00Z', /day 31/],
		['2024-05-01T24:00:00Z', /hour 24/],
		['2024-05-01T10:60:00Z', /minute 60/],
		['2024-05-01T10:00:60Z', /second 60/],
		['2024-05-01T10:00:00+24:00', /offset/],
		['0000-01-01T00:00:00+01:00', /year is out of range/],
	])('refuses %j clearly', (text, reason) => {
		expect(() => toRfc3339(text)).toThrow(PlatformQueryError);
		expect(() => toRfc3339(text)).toThrow(reason);
	});

	it('accepts leap days', () => {
		expect(toRfc3339('2024-02-29T00:00:00Z')).toBe('2024-02-29T00:00:00Z');
		expect(toRfc3339('2000-02-29T00:00:00Z')).toBe('2000-02-29T00:00:00Z');
		expect(() => toRfc3339('1900-02-29T00:00:00Z')).toThrow(/day 29/);
	});

	it('refuses other values clearly', () => {
		expect(() => toRfc3339(new Date('nope'))).toThrow(/date is invalid/);
		expect(() => toRfc3339(1714550400000)).toThrow(/seconds or milliseconds/);
		expect(() => toRfc3339(undefined)).toThrow(/expected a date/);
		expect(() => toRfc3339({})).toThrow(/expected a date/);
		expect(() => toRfc3339(new Date(Date.UTC(10000, 0, 1)))).toThrow(/out of range/);
		const long = `2024-05-01T10:00:00${'x'.repeat(1000)}`;
		expect(() => toRfc3339(long)).toThrow(/…/);
		try {
			toRfc3339(long);
		} catch (error) {
			expect((error as Error).message.length).toBeLessThan(300);
		}
	});
});

describe('parsePage', () => {
	const page = (pagination: unknown, items: unknown = [{ id: 'a' }]) => ({
		requestId: 'req-1',
		data: { items, pagination },
	});

	it('reads items and hasNextPage', () => {
		expect(parsePage(page({ page: 1, pageSize: 10, hasNextPage: true }))).toEqual({
			items: [{ id: 'a' }],
			hasNextPage: true,
			page: 1,
			pageSize: 10,
		});
		expect(parsePage(page({ page: 3, pageSize: 100, hasNextPage: false }, []), 3)).toEqual({
			items: [],
			hasNextPage: false,
			page: 3,
			pageSize: 100,
		});
		expect(parsePage(JSON.stringify(page({ hasNextPage: false })))).toEqual({
			items: [{ id: 'a' }],
			hasNextPage: false,
		});
	});

	it('reports a missing or non-boolean hasNextPage instead of stopping', () => {
		expect(parsePage(page({ page: 1, pageSize: 10 }))).toBe(
			'The list response\'s "data.pagination.hasNextPage" should be true or false, but it is missing, so it is unknown whether more pages exist; stopping here could leave results out.',
		);
		expect(parsePage(page({ page: 1, pageSize: 10, hasNextPage: 'true' }))).toMatch(
			/hasNextPage.*"true"/,
		);
		expect(parsePage(page(undefined))).toMatch(/no "data.pagination" object \(it is missing\)/);
	});

	it.each([
		[null, /should be an object with "data", but it is null/],
		[[], /but it is a list/],
		['not json', /not JSON/],
		[{ items: [] }, /"data" should be an object.*missing/],
		[{ data: { items: {}, pagination: { hasNextPage: false } } }, /"data.items" should be a list/],
		[{ data: { pagination: { hasNextPage: false } } }, /"data.items".*missing/],
	])('reports a wrong shape: %j', (body, reason) => {
		expect(parsePage(body)).toMatch(reason);
	});

	it('checks page numbers', () => {
		expect(parsePage(page({ page: 0, pageSize: 10, hasNextPage: true }))).toMatch(
			/"data.pagination.page" should be a whole number/,
		);
		expect(parsePage(page({ page: 1, pageSize: 1.5, hasNextPage: true }))).toMatch(/pageSize/);
		expect(parsePage(page({ page: 1, pageSize: 10, hasNextPage: true }), 2)).toBe(
			'Sequence answered with page 1 when page 2 was asked for.',
		);
	});
});
