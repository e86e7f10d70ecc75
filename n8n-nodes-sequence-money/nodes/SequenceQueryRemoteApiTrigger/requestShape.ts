// What the trigger accepts from Sequence, and the item it hands to the workflow.
import type { IDataObject, INodeExecutionData, IWebhookFunctions } from 'n8n-workflow';

import { isJsonContentType } from '../shared/queryRemoteApi';
import type { SecretInRequest } from './authentication';
import type { Rejection } from './rejection';

/** Headers that carry credentials of some kind; never copied into the workflow. */
const ALWAYS_HIDDEN_HEADERS = ['authorization', 'proxy-authorization', 'cookie'];

/** The request as n8n hands it over: rawBody is set only for the types it reads. */
interface ReceivedRequest {
	method?: string;
	headers: Record<string, string | string[] | undefined>;
	body?: unknown;
	rawBody?: Buffer | string;
}

function receivedRequest(context: IWebhookFunctions): ReceivedRequest {
	return context.getRequestObject() as ReceivedRequest;
}

/** Whether the request carries a body, also when n8n did not read it (types it does not parse). */
function hasRequestBody(request: ReceivedRequest): boolean {
	if (request.rawBody !== undefined && request.rawBody.length > 0) return true;
	if (request.headers['transfer-encoding'] !== undefined) return true;
	const declared = Number(request.headers['content-length'] ?? 0);
	return !Number.isFinite(declared) || declared > 0;
}

function isEmptyBody(body: unknown): boolean {
	return (
		body === undefined ||
		body === null ||
		body === '' ||
		(typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0)
	);
}

/** Sequence sends a POST with a JSON object body (often {}), or no body at all. */
export function checkRequestShape(context: IWebhookFunctions): Rejection | undefined {
	const request = receivedRequest(context);
	if (request.method !== 'POST') {
		return { status: 405, error: 'Only POST is accepted.', headers: { Allow: 'POST' } };
	}
	const contentType = request.headers['content-type'];
	if (hasRequestBody(request) && !isJsonContentType(contentType)) {
		return {
			status: 415,
			error: `The body must be JSON (Content-Type: application/json), not ${contentType ?? 'unspecified'}.`,
		};
	}
	const { body, rawBody } = request;
	if (body === undefined && rawBody !== undefined && rawBody.toString().trim() !== '') {
		// Bytes arrived but n8n did not parse them: never let them pass for an empty body.
		return {
			status: 415,
			error: 'The body could not be read as JSON; send it with Content-Type: application/json.',
		};
	}
	if (!isEmptyBody(body) && (typeof body !== 'object' || Array.isArray(body))) {
		return { status: 400, error: 'The body must be a JSON object such as {}.' };
	}
	return undefined;
}

/** The item the workflow starts with: the request without anything that carries a secret. */
export function workflowItem(
	context: IWebhookFunctions,
	receivedAt: string,
	secret: SecretInRequest,
): INodeExecutionData {
	const request = receivedRequest(context);
	const hiddenHeaders = new Set(ALWAYS_HIDDEN_HEADERS);
	if (secret.header !== undefined) hiddenHeaders.add(secret.header);
	const headers: IDataObject = {};
	for (const [name, value] of Object.entries(request.headers)) {
		if (!hiddenHeaders.has(name.toLowerCase())) headers[name] = value as IDataObject[string];
	}
	const query = { ...(context.getQueryData() as IDataObject) };
	if (secret.queryParameter !== undefined) delete query[secret.queryParameter];
	return {
		json: {
			body: (request.body ?? {}) as IDataObject,
			headers,
			query,
			receivedAt,
		},
	};
}
