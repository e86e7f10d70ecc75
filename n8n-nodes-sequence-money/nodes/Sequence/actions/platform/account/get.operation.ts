import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { formatCentsAsDollars } from '../../../../shared/money';
import { isObject } from '../../../helpers/utils';
import type { NodeRun } from '../../nodeRun';
import { requestOptionsCollection } from '../../requestOptions';
import { readRecordId, recordLocator } from '../locators';
import { platformGet, recordOf } from '../request';

const properties: INodeProperties[] = [
	recordLocator({
		displayName: 'Account',
		name: 'accountId',
		record: 'account',
		searchListMethod: 'searchAccounts',
	}),
	requestOptionsCollection,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['account'], operation: ['get'] } },
	properties,
);

/** Balance amounts as Sequence sends them (integer cents), with dollars formatted from the cents. */
function withDollars(balance: unknown): unknown {
	if (!isObject(balance)) return balance;
	const dollars: Record<string, string> = {};
	for (const [field, value] of Object.entries(balance)) {
		if (field.endsWith('InCents') && Number.isSafeInteger(value)) {
			dollars[field.replace(/InCents$/, 'InDollars')] = formatCentsAsDollars(value as number);
		}
	}
	return { ...balance, ...dollars };
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	run: NodeRun,
): Promise<INodeExecutionData[]> {
	const accountId = readRecordId(this, 'accountId', 'account', itemIndex);
	const response = await platformGet(this, run, itemIndex, {
		operation: 'account.get',
		purpose: `read account ${accountId}`,
		path: `/accounts/${encodeURIComponent(accountId)}`,
	});
	const account = recordOf(this, itemIndex, response);
	return [
		{
			json: {
				...account,
				balance: withDollars(account.balance) as IDataObject[string],
				requestId: response.requestId ?? null,
			},
			pairedItem: { item: itemIndex },
		},
	];
}
