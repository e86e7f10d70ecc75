import {
	checkRequestShape,
	workflowItem,
} from '../../../n8n-nodes-sequence-money/nodes/SequenceQueryRemoteApiTrigger/requestShape';
import { type FakeRequest, fakeWebhookContext } from './fakeWebhookContext';

const shapeOf = (request: FakeRequest) => checkRequestShape(fakeWebhookContext(request).context);

const json = (body: unknown, headers: Record<string, string> = {}): FakeRequest => ({
	body,
	rawBody: JSON.stringify(body),
	headers: { 'content-type': 'application/json', ...headers },
});

describe('request shape: the method', () => {
	it.each(['GET', 'PUT', 'HEAD', 'post'])('%s → 405, Allow: POST', (method) => {
		expect(shapeOf({ ...json({}), method })).toEqual({
			status: 405,
			error: 'Only POST is accepted.',
			headers: { Allow: 'POST' },
		});
	});

	it('is checked before the body', () => {
		expect(
			shapeOf({ method: 'GET', body: 'x', rawBody: 'x', headers: { 'content-type': 'text/plain' } })
				?.status,
		).toBe(405);
	});
});

describe('request shape: the content type of a body', () => {
	it.each([
		[
			'text/plain',
			{ body: 'amount=5', rawBody: 'amount=5', headers: { 'content-type': 'text/plain' } },
		],
		[
			'application/x-www-form-urlencoded',
			{
				body: { a: '1' },
				rawBody: 'a=1',
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
			},
		],
		// n8n reads this one but parses only an exact "application/json" type.
		[
			'application/json ; charset=utf-8',
			{ rawBody: '{"amount":1}', headers: { 'content-type': 'application/json ; charset=utf-8' } },
		],
		// n8n leaves vendor JSON types unread: no rawBody, only the declared length.
		[
			'application/vnd.api+json',
			{ headers: { 'content-type': 'application/vnd.api+json', 'content-length': '14' } },
		],
		[
			'application/octet-stream',
			{ headers: { 'content-type': 'application/octet-stream', 'transfer-encoding': 'chunked' } },
		],
	])('%s → 415', (contentType, request: FakeRequest) => {
		expect(shapeOf(request)).toEqual({
			status: 415,
			error: `The body must be JSON (Content-Type: application/json), not ${contentType}.`,
		});
	});

	it.each([
		['chunked', { 'transfer-encoding': 'chunked' }],
		['a declared length', { 'content-length': '2' }],
		['a length that is not a number', { 'content-length': 'many' }],
	])('a body without a type (%s) counts as a body → 415', (_label, headers) => {
		expect(shapeOf({ headers })).toEqual({
			status: 415,
			error: 'The body must be JSON (Content-Type: application/json), not unspecified.',
		});
	});

	it.each(['application/json', 'application/json; charset=utf-8', 'Application/JSON'])(
		'%s is accepted',
		(contentType) => {
			expect(shapeOf(json({ a: 1 }, { 'content-type': contentType }))).toBeUndefined();
		},
	);
});

describe('request shape: bytes n8n did not parse', () => {
	it('are refused with 415, never taken for an empty body', () => {
		const request = { rawBody: '{"amount":1}', headers: { 'content-type': 'application/json' } };
		expect(shapeOf(request)).toEqual({
			status: 415,
			error: 'The body could not be read as JSON; send it with Content-Type: application/json.',
		});
		expect(shapeOf({ ...request, rawBody: Buffer.from('{"amount":1}') })?.status).toBe(415);
	});

	it('only white space is no body', () => {
		expect(shapeOf({ rawBody: ' \n', headers: { 'content-type': 'application/json' } })).toBe(
			undefined,
		);
	});
});

describe('request shape: the body', () => {
	it.each([
		['a list', [1, 2]],
		['a string', 'hello'],
		['a number', 5],
		['true', true],
		['an empty list', []],
	])('%s → 400', (_label, body) => {
		expect(shapeOf(json(body))).toEqual({
			status: 400,
			error: 'The body must be a JSON object such as {}.',
		});
	});

	it.each<[string, FakeRequest]>([
		['no body at all', {}],
		['an empty body without a type', { body: {}, rawBody: '', headers: {} }],
		['a declared length of 0', { headers: { 'content-length': '0' } }],
		['{}', json({})],
		['null', json(null)],
		[
			'an empty JSON string',
			{ body: '', rawBody: '""', headers: { 'content-type': 'application/json' } },
		],
		['an object', json({ amount: 1, nested: { a: [1] } })],
	])('%s is accepted', (_label, request) => {
		expect(shapeOf(request)).toBeUndefined();
	});
});

describe('workflowItem: what the workflow starts with', () => {
	const headers = {
		'user-agent': 'Sequence/1.0',
		'content-type': 'application/json',
		authorization: 'Basic c2VxdWVuY2U6c2VjcmV0',
		'proxy-authorization': 'Basic eA==',
		cookie: 'session=abc',
		'x-query-remote-api-secret': 'qra_Q7v2LmX9pR4tK8nZ3bW6',
	};

	it('copies body, headers and query, and the receive time', () => {
		const { context } = fakeWebhookContext({
			body: { amount: 1 },
			headers: { 'user-agent': 'Sequence/1.0' },
			query: { rule: 'ru_1' },
		});
		expect(workflowItem(context, '2030-01-02T03:04:05.006Z', {})).toEqual({
			json: {
				body: { amount: 1 },
				headers: { 'user-agent': 'Sequence/1.0' },
				query: { rule: 'ru_1' },
				receivedAt: '2030-01-02T03:04:05.006Z',
			},
		});
	});

	it('never copies the headers that carry credentials', () => {
		const { context } = fakeWebhookContext({ headers });
		expect(workflowItem(context, 'now', {}).json.headers).toEqual({
			'user-agent': 'Sequence/1.0',
			'content-type': 'application/json',
			'x-query-remote-api-secret': 'qra_Q7v2LmX9pR4tK8nZ3bW6',
		});
	});

	it('leaves out the header that carries the secret', () => {
		const { context } = fakeWebhookContext({ headers });
		expect(
			workflowItem(context, 'now', { header: 'x-query-remote-api-secret' }).json.headers,
		).toEqual({
			'user-agent': 'Sequence/1.0',
			'content-type': 'application/json',
		});
	});

	it('leaves out the query token, without changing the request', () => {
		const query = { token: 'qra_Q7v2LmX9pR4tK8nZ3bW6', rule: 'ru_1' };
		const { context } = fakeWebhookContext({ query });
		expect(workflowItem(context, 'now', { queryParameter: 'token' }).json.query).toEqual({
			rule: 'ru_1',
		});
		expect(query.token).toBe('qra_Q7v2LmX9pR4tK8nZ3bW6');
		expect(workflowItem(context, 'now', {}).json.query).toEqual(query);
	});

	it('gives {} for a request without a body', () => {
		const { context } = fakeWebhookContext({});
		expect(workflowItem(context, 'now', {}).json.body).toEqual({});
	});
});
