import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { NodeRun } from '../../nodeRun';
import { requestOptionsCollection } from '../../requestOptions';
import { readRecordId, recordLocator } from '../locators';
import { platformGet, recordOf } from '../request';

const properties: INodeProperties[] = [
	recordLocator({
		displayName: 'Rule',
		name: 'ruleId',
		record: 'rule',
		searchListMethod: 'searchRules',
	}),
	requestOptionsCollection,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['rule'], operation: ['get'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	run: NodeRun,
): Promise<INodeExecutionData[]> {
	const ruleId = readRecordId(this, 'ruleId', 'rule', itemIndex);
	const response = await platformGet(this, run, itemIndex, {
		operation: 'rule.get',
		purpose: `read rule ${ruleId}`,
		path: `/rules/${encodeURIComponent(ruleId)}`,
	});
	const rule = recordOf(this, itemIndex, response);
	return [
		{ json: { ...rule, requestId: response.requestId ?? null }, pairedItem: { item: itemIndex } },
	];
}
