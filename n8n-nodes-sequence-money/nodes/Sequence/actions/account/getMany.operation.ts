import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { balanceDollarsToCents } from '../../../shared/money';
import { isObject } from '../../helpers/utils';
import { type SequenceRequest, sequenceApiRequest } from '../../transport';
import { type FailureWording, unexpectedResponseError } from '../../transport/errors';
import type { NodeRun } from '../nodeRun';
import { readRequestSettings, requestOptionsCollection } from '../requestOptions';

/** Shown only when the output is one item per account, not the raw response. */
const showForAccountItems = { show: { output: ['accounts'] } };

export const ACCOUNT_TYPES = ['Pod', 'Income Source', 'Account'] as const;

const properties: INodeProperties[] = [
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		default: 'accounts',
		options: [
			{
				name: 'One Item per Account',
				value: 'accounts',
				description: 'ID, name, type and balance (in dollars and exact cents) of each account',
			},
			{
				name: 'Raw Response',
				value: 'raw',
				description: "Sequence's reply unchanged, as one item",
			},
		],
	},
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: showForAccountItems,
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { ...showForAccountItems.show, returnAll: [false] } },
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: showForAccountItems,
		options: [
			{
				displayName: 'Name Contains',
				name: 'nameContains',
				type: 'string',
				default: '',
				description: 'Only accounts whose name contains this text (not case-sensitive)',
			},
			{
				displayName: 'Types',
				name: 'types',
				type: 'multiOptions',
				default: [],
				options: ACCOUNT_TYPES.map((type) => ({
					name: type === 'Account' ? 'External Account' : type,
					value: type,
				})),
				description: 'Only accounts of these types',
			},
		],
	},
	requestOptionsCollection,
];

const displayOptions = { show: { resource: ['account'], operation: ['getMany'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** How a failed listing is put to the user (see FailureWording). */
export const FAILURE_WORDING: FailureWording = {
	purpose: 'list the accounts',
	credentialName: 'Sequence Access Token API',
	secretName: 'access token',
	badRequestAdvice: "Check that the External API is enabled in Sequence's settings.",
	unexpectedReplyAdvice: 'Try again; if it persists, check the Base URL in the credential.',
};

export interface AccountItem extends IDataObject {
	id: string;
	name: string;
	type: string;
	balanceInDollars: number | null;
	balanceInCents: number | null;
	balanceError: string | null;
	requestId: string | null;
}

function describeBalanceError(error: unknown): string | null {
	if (error === null || error === undefined || error === '') return null;
	if (typeof error === 'string') return error;
	if (isObject(error) && typeof error.message === 'string') return error.message;
	return JSON.stringify(error);
}

/**
 * One account of Sequence's reply → one output item. Returns a reason instead when
 * the account is not in the documented form.
 */
export function toAccountItem(account: unknown, requestId: string | null): AccountItem | string {
	if (!isObject(account)) return 'an account is not an object';
	const { id, name, type, balance } = account;
	if (typeof id !== 'string' && typeof id !== 'number') return 'an account has no "id"';
	if (typeof name !== 'string') return `account ${id} has no "name"`;
	if (typeof type !== 'string') return `account ${id} has no "type"`;
	if (balance !== undefined && balance !== null && !isObject(balance))
		return `account ${id} has a malformed "balance"`;
	const amount = balance?.amountInDollars;
	let balanceError = describeBalanceError(balance?.error);
	let balanceInDollars: number | null = null;
	let balanceInCents: number | null = null;
	if (typeof amount === 'number' && Number.isFinite(amount)) {
		balanceInCents = balanceDollarsToCents(amount);
		balanceInDollars = amount;
	} else if (amount !== null && amount !== undefined) {
		return `account ${id} has a balance that is not a number`;
	} else if (balanceError === null) {
		balanceError = 'Sequence reported no balance for this account';
	}
	return {
		id: String(id),
		name,
		type,
		balanceInDollars,
		balanceInCents,
		balanceError,
		requestId,
	};
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	run: NodeRun,
): Promise<INodeExecutionData[]> {
	const settings = readRequestSettings(this, itemIndex);
	const request: SequenceRequest = {
		credentialType: 'sequenceAccessTokenApi',
		credentials: await run.credentialsFor(this, 'sequenceAccessTokenApi', itemIndex),
		path: '/accounts',
		body: {},
		policy: settings.policy,
		timeoutMs: settings.timeoutMs,
		itemIndex,
		retryWhenOutcomeUnknown: true,
		wording: FAILURE_WORDING,
	};
	const response = await sequenceApiRequest.call(this, request);
	const output = this.getNodeParameter('output', itemIndex, 'accounts') as string;
	if (output === 'raw') {
		return [{ json: response.body, pairedItem: { item: itemIndex } }];
	}

	const data = response.body.data;
	const accounts = isObject(data) ? data.accounts : undefined;
	if (!Array.isArray(accounts)) {
		throw unexpectedResponseError(this, request, {
			statusCode: response.statusCode,
			requestId: response.requestId,
			detail: 'there was no "data.accounts" list',
		});
	}
	const requestId = response.requestId ?? null;
	const items: AccountItem[] = [];
	for (const account of accounts) {
		const item = toAccountItem(account, requestId);
		if (typeof item === 'string') {
			throw unexpectedResponseError(this, request, {
				statusCode: response.statusCode,
				requestId: response.requestId,
				detail: item,
			});
		}
		items.push(item);
	}
	const sequenceErrors = isObject(data) && Array.isArray(data.errors) ? data.errors : [];

	const filters = this.getNodeParameter('filters', itemIndex, {}) as {
		nameContains?: string;
		types?: string[];
	};
	const nameContains = (filters.nameContains ?? '').trim().toLowerCase();
	const types = filters.types ?? [];
	let selected = items.filter(
		(item) =>
			(types.length === 0 || types.includes(item.type)) &&
			(nameContains === '' || item.name.toLowerCase().includes(nameContains)),
	);
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	if (!returnAll) {
		const limit = this.getNodeParameter('limit', itemIndex, 50) as number;
		selected = selected.slice(0, Math.max(1, Math.floor(limit)));
	}

	if (sequenceErrors.length > 0 && selected.length === 0) {
		// Nothing to hang the errors on: report them rather than return silence.
		return [
			{
				json: { accounts: [], sequenceErrors, requestId },
				pairedItem: { item: itemIndex },
			},
		];
	}
	return selected.map((item) => ({
		json: sequenceErrors.length > 0 ? { ...item, sequenceErrors } : item,
		pairedItem: { item: itemIndex },
	}));
}
