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
				displayName: 'Include Deleted',
				name: 'includeDeleted',
				type: 'boolean',
				default: false,
				description:
					'Whether to list deleted accounts too (Sequence lists only active ones by default)',
			},
			{
				displayName: 'Type',
				name: 'type',
				type: 'options',
				default: 'POD',
				options: [
					{ name: 'External Account', value: 'EXTERNAL_ACCOUNT' },
					{ name: 'Income Source', value: 'INCOME_SOURCE' },
					{ name: 'Pod', value: 'POD' },
				],
				description: 'Only accounts of this type',
			},
		],
	},
	requestOptionsCollection,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['account'], operation: ['getMany'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	run: NodeRun,
): Promise<INodeExecutionData[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as {
		includeDeleted?: boolean;
		type?: string;
	};
	const { items } = await platformList(this, run, itemIndex, {
		operation: 'account.getMany',
		purpose: 'list the accounts',
		path: '/accounts',
		query: { type: filters.type, state: filters.includeDeleted ? 'ALL' : undefined },
	});
	return items.map((json) => ({ json, pairedItem: { item: itemIndex } }));
}
