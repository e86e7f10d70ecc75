// The searchable lists of the resource locators: what the editor shows under "From List".
import type {
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { parsePage } from '../../shared/platformQuery';
import {
	MAX_PAGE_SIZE,
	type PlatformRead,
	notDocumentedError,
	sendPlatformGet,
} from '../actions/platform/request';
import { DEFAULT_REQUEST_SETTINGS } from '../actions/requestOptions';
import { isObject } from '../helpers/utils';

/** The records the resource locators pick from, and how to list them. */
const LISTS = {
	accounts: { operation: 'account.getMany', purpose: 'list the accounts', path: '/accounts' },
	rules: { operation: 'rule.getMany', purpose: 'list the rules', path: '/rules' },
};

/**
 * One page of a list, as n8n's editor pages through it (`paginationToken` is the next page),
 * filtered by the text typed into the search box.
 */
async function searchList(
	context: ILoadOptionsFunctions,
	read: PlatformRead,
	filter: string | undefined,
	paginationToken: string | undefined,
): Promise<INodeListSearchResult> {
	const page = Number(paginationToken ?? 1);
	const credentials = await context.getCredentials('sequencePlatformApi');
	const response = await sendPlatformGet(context, credentials, DEFAULT_REQUEST_SETTINGS, 0, {
		...read,
		query: { page, pageSize: MAX_PAGE_SIZE },
	});
	const parsed = parsePage(response.body, page);
	if (typeof parsed === 'string') throw notDocumentedError(context, 0, response, parsed);
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
	return await searchList(this, LISTS.accounts, filter, paginationToken);
}

export async function searchRules(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList(this, LISTS.rules, filter, paginationToken);
}
