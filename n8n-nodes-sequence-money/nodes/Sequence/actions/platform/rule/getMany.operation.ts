import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { NodeRun } from '../../nodeRun';
import { requestOptionsCollection } from '../../requestOptions';
import { platformList, returnAllOrLimit } from '../request';

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Source Account ID',
				name: 'sourceId',
				type: 'string',
				default: '',
				description: 'Only rules that move money from this account',
			},
		],
	},
	requestOptionsCollection,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['rule'], operation: ['getMany'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	run: NodeRun,
): Promise<INodeExecutionData[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as { sourceId?: string };
	const sourceId = (filters.sourceId ?? '').trim();
	const { items } = await platformList(this, run, itemIndex, {
		operation: 'rule.getMany',
		purpose: 'list the rules',
		path: '/rules',
		query: { sourceId: sourceId === '' ? undefined : sourceId },
	});
	return items.map((json) => ({ json, pairedItem: { item: itemIndex } }));
}
