// What every Platform API operation shares: the credential, the wording of its failures,
// one GET, and the paging of lists (Return All, or up to a Limit).
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	NodeApiError,
} from 'n8n-workflow';

import { PERMISSION_FOR_OPERATION, describePlatformError } from '../../../shared/platformErrors';
import { type QueryValue, parsePage, toQueryString } from '../../../shared/platformQuery';
import { parseRetryAfterMs } from '../../../shared/retry';
import { isObject } from '../../helpers/utils';
import { type SequenceResponse, type TransportContext, sequenceApiRequest } from '../../transport';
import {
	type ErrorContext,
	type FailureWording,
	unexpectedResponseError,
} from '../../transport/errors';
import type { NodeRun } from '../nodeRun';
import { type RequestSettings, readRequestSettings } from '../requestOptions';

/** The most items Sequence returns per page. */
export const MAX_PAGE_SIZE = 100;

/** How one Platform operation's failures are put to the user, by Sequence's error code first. */
export function platformWording(operation: string, purpose: string): FailureWording {
	const permission = PERMISSION_FOR_OPERATION[operation];
	return {
		purpose,
		credentialName: 'Sequence Platform API',
		secretName: 'API key',
		badRequestAdvice: 'Check the parameters of the node.',
		unexpectedReplyAdvice:
			'Try again; if it persists, check the Environment and Base URL in the "Sequence Platform API" credential.',
		describeErrorCode: (failure) =>
			describePlatformError({
				status: failure.statusCode ?? 0,
				code: failure.errorCode,
				serverMessage: failure.sequenceMessage,
				requestId: failure.requestId,
				permission,
				operation,
				retryAfterMs: parseRetryAfterMs(failure.retryAfterHeader, Date.now()),
			}),
	};
}

export interface PlatformRead {
	/** `resource.operation`, e.g. `account.get`: picks the permission named in errors. */
	operation: string;
	/** Completes "the node could not …". */
	purpose: string;
	path: string;
	query?: Record<string, QueryValue>;
}

export type PlatformResponse = SequenceResponse & { wording: FailureWording };

/**
 * One GET to the Platform API, paced and retried by the transport: from a node run or from
 * the editor's list search, with the credentials and request settings the caller has read.
 */
export async function sendPlatformGet(
	context: TransportContext,
	credentials: ICredentialDataDecryptedObject,
	settings: RequestSettings,
	itemIndex: number,
	read: PlatformRead,
): Promise<PlatformResponse> {
	const wording = platformWording(read.operation, read.purpose);
	const query = read.query ? toQueryString(read.query) : '';
	const response = await sequenceApiRequest.call(context, {
		credentialType: 'sequencePlatformApi',
		credentials,
		method: 'GET',
		path: read.path,
		query: query === '' ? undefined : query,
		policy: settings.policy,
		timeoutMs: settings.timeoutMs,
		itemIndex,
		// A read changes nothing: sending it again is always safe.
		retryWhenOutcomeUnknown: true,
		wording,
	});
	return { ...response, wording };
}

/** One GET for an item of a node run, with that item's request options. */
export async function platformGet(
	context: IExecuteFunctions,
	run: NodeRun,
	itemIndex: number,
	read: PlatformRead,
): Promise<PlatformResponse> {
	const credentials = await run.credentialsFor(context, 'sequencePlatformApi', itemIndex);
	const settings = readRequestSettings(context, itemIndex);
	return await sendPlatformGet(context, credentials, settings, itemIndex, read);
}

/** The error for a 2xx reply that is not in the documented form. */
export function notDocumentedError(
	context: ErrorContext,
	itemIndex: number,
	response: PlatformResponse,
	detail: string,
): NodeApiError {
	return unexpectedResponseError(
		context,
		{ wording: response.wording, itemIndex },
		{ statusCode: response.statusCode, requestId: response.requestId, detail },
	);
}

/** `data` of a single-record reply, or an error saying the reply is not in the documented form. */
export function recordOf(
	context: IExecuteFunctions,
	itemIndex: number,
	response: PlatformResponse,
): IDataObject {
	const data = response.body.data;
	if (!isObject(data))
		throw notDocumentedError(context, itemIndex, response, 'there was no "data" object');
	return data;
}

/** Return All or Limit, as n8n's own list operations offer them. */
export const returnAllOrLimit: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

export interface ListResult {
	items: IDataObject[];
	/** The requestId of each page, in order. */
	requestIds: string[];
}

/**
 * Reads a list page by page (100 a page for Return All, fewer when a Limit allows) until
 * Sequence says there is no next page or the Limit is reached. The transport paces the pages
 * under the key's rate limit, so a long Return All waits instead of being refused.
 */
export async function platformList(
	context: IExecuteFunctions,
	run: NodeRun,
	itemIndex: number,
	read: PlatformRead,
): Promise<ListResult> {
	const returnAll = context.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? Infinity : (context.getNodeParameter('limit', itemIndex, 50) as number);
	const pageSize = Math.min(
		MAX_PAGE_SIZE,
		Number.isFinite(limit) ? Math.max(1, Math.floor(limit)) : MAX_PAGE_SIZE,
	);
	const credentials = await run.credentialsFor(context, 'sequencePlatformApi', itemIndex);
	const settings = readRequestSettings(context, itemIndex);
	const items: IDataObject[] = [];
	const requestIds: string[] = [];
	for (let page = 1; items.length < limit; page++) {
		const response = await sendPlatformGet(context, credentials, settings, itemIndex, {
			...read,
			query: { ...read.query, page, pageSize },
		});
		if (response.requestId) requestIds.push(response.requestId);
		const parsed = parsePage(response.body, page);
		if (typeof parsed === 'string') throw notDocumentedError(context, itemIndex, response, parsed);
		for (const item of parsed.items) {
			if (!isObject(item)) {
				throw notDocumentedError(context, itemIndex, response, 'a list item is not an object');
			}
			if (items.length < limit) items.push({ ...item, requestId: response.requestId ?? null });
		}
		if (!parsed.hasNextPage) break;
	}
	return { items, requestIds };
}
