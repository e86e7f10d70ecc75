// The searchable lists of the resource locators: what the editor shows under "From List".
import type {
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parsePage, toQueryString } from '../../shared/platformQuery';
import { platformWording } from '../actions/platform/request';
import { DEFAULT_REQUEST_SETTINGS } from '../actions/requestOptions';
import { isObject } from '../helpers/utils';
import { sequenceApiRequest } from '../transport';

/**
 * One page of a list, as n8n's editor pages through it (`paginationToken` is the next page),
 * filtered by the text typed into the search box.
 */
async function searchList(
	context: ILoadOptionsFunctions,
	read: { operation: string; purpose: string; path: string },
	filter: string | undefined,
	paginationToken: string | undefined,
): Promise<INodeListSearchResult> {
	const page = Number(paginationToken ?? 1);
	const response = await sequenceApiRequest.call(context, {
		credentialType: 'sequencePlatformApi',
		credentials: await context.getCredentials('sequencePlatformApi'),
		method: 'GET',
		path: read.path,
		query: toQueryString({ page, pageSize: 100 }),
		policy: DEFAULT_REQUEST_SETTINGS.policy,
		timeoutMs: DEFAULT_REQUEST_SETTINGS.timeoutMs,
		itemIndex: 0,
		retryWhenOutcomeUnknown: true,
		wording: platformWording(read.operation, read.purpose),
	});
	const parsed = parsePage(response.body, page);
	if (typeof parsed === 'string') {
		throw new NodeOperationError(
			context.getNode(),
			`Sequence's list is not in the documented form: ${parsed}`,
		);
	}
	const wanted = (filter ?? '').trim().toLowerCase();
	const results: INodeListSearchItems[] = parsed.items
		.filter(isObject)
		.map((item) => ({
			name: typeof item.name === 'string' && item.name !== '' ? item.name : String(item.id),
			value: String(item.id),
		}))
		.filter((item) => wanted === '' || `${item.name} ${item.value}`.toLowerCase().includes(wanted));
	return { results, paginationToken: parsed.hasNextPage ? String(page + 1) : undefined };
}

export async function searchAccounts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList(
		this,
		{ operation: 'account.getMany', purpose: 'list the accounts', path: '/accounts' },
		filter,
		paginationToken,
	);
}

export async function searchRules(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList(
		this,
		{ operation: 'rule.getMany', purpose: 'list the rules', path: '/rules' },
		filter,
		paginationToken,
	);
}
