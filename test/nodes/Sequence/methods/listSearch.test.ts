// The resource locators' lists, as the editor asks for them.
import type { IHttpRequestOptions, ILoadOptionsFunctions } from 'n8n-workflow';

import {
	searchAccounts,
	searchRules,
} from '../../../../n8n-nodes-sequence-money/nodes/Sequence/methods/listSearch';
import { sharedPacer } from '../../../../n8n-nodes-sequence-money/nodes/shared/rateLimiter';
import { sequenceNode } from '../sequenceNode';

function fakeContext(pages: unknown[]) {
	const urls: string[] = [];
	const context = {
		getNode: () => sequenceNode({ typeVersion: 2 }),
		getCredentials: async () => ({ apiKey: 'sk_test_list', environment: 'production' }),
		logger: { debug: jest.fn() },
		helpers: {
			httpRequestWithAuthentication: jest.fn(
				async (_type: string, options: IHttpRequestOptions) => {
					urls.push(String(options.url));
					return { statusCode: 200, body: pages.shift(), headers: {} };
				},
			),
		},
	} as unknown as ILoadOptionsFunctions;
	return { context, urls };
}

const page = (items: unknown[], hasNextPage: boolean) => ({
	data: { items, pagination: { page: 1, pageSize: 100, hasNextPage } },
	requestId: 'req-1',
});

beforeEach(() => sharedPacer().clear());

describe('list searches', () => {
	it('lists accounts by name, 100 a page, and hands the editor the next page', async () => {
		const { context, urls } = fakeContext([
			page(
				[
					{ id: 'a-1', name: 'Emergency Fund' },
					{ id: 'a-2', name: 'Bills' },
				],
				true,
			),
		]);
		const result = await searchAccounts.call(context);
		expect(urls).toEqual(['https://api.getsequence.io/platform/v1/accounts?page=1&pageSize=100']);
		expect(result).toEqual({
			results: [
				{ name: 'Emergency Fund', value: 'a-1' },
				{ name: 'Bills', value: 'a-2' },
			],
			paginationToken: '2',
		});
	});

	it('filters by the text typed (name or ID, any case) and asks for the page it is given', async () => {
		const { context, urls } = fakeContext([
			{
				data: {
					items: [
						{ id: 'r-1', name: 'Auto-save on deposit' },
						{ id: 'r-2', name: 'Pay rent' },
						{ id: 'r-3', name: null },
					],
					pagination: { page: 3, pageSize: 100, hasNextPage: false },
				},
				requestId: 'req-3',
			},
		]);
		const result = await searchRules.call(context, 'SAVE', '3');
		expect(urls[0]).toMatch(/\/rules\?page=3&pageSize=100$/);
		expect(result).toEqual({
			results: [{ name: 'Auto-save on deposit', value: 'r-1' }],
			paginationToken: undefined,
		});
		const unnamed = await searchRules.call(
			fakeContext([page([{ id: 'r-3', name: null }], false)]).context,
			'r-3',
		);
		expect(unnamed.results).toEqual([{ name: 'r-3', value: 'r-3' }]);
	});

	it('refuses a list that is not in the documented form', async () => {
		const { context } = fakeContext([{ data: { items: [] } }]);
		await expect(searchAccounts.call(context)).rejects.toThrow(/not in the documented form/);
	});
});
