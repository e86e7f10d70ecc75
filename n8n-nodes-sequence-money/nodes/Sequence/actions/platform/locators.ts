// Resource locators for Sequence's records: pick from a searchable list, or give an ID.
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Sequence's IDs are UUIDs; some are documented as plain strings, so any visible text is sent. */
const ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$';

export function recordLocator(options: {
	displayName: string;
	name: string;
	record: string;
	searchListMethod: string;
}): INodeProperties {
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${options.record}...`,
				typeOptions: { searchListMethod: options.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 551ff9b6-3c1d-4a8e-9f2b-7d6e5c4b3a21',
				validation: [
					{
						type: 'regex',
						properties: { regex: ID_PATTERN, errorMessage: `Not a valid ${options.record} ID` },
					},
				],
			},
		],
	};
}

/** The chosen record's ID, checked before anything is sent (it becomes part of the path). */
export function readRecordId(
	context: IExecuteFunctions,
	name: string,
	record: string,
	itemIndex: number,
): string {
	const value = context.getNodeParameter(name, itemIndex, '', { extractValue: true }) as unknown;
	const id = typeof value === 'string' ? value.trim() : '';
	if (!new RegExp(ID_PATTERN).test(id)) {
		throw new NodeOperationError(
			context.getNode(),
			`The ${record} ID is missing or not valid, so nothing was sent`,
			{
				itemIndex,
				description: `Got ${JSON.stringify(value)}. Choose the ${record} from the list, or paste its ID.`,
			},
		);
	}
	return id;
}
