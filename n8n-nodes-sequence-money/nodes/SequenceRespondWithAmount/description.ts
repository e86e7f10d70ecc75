import type { INodeProperties } from 'n8n-workflow';

const moneyNotice: INodeProperties = {
	displayName:
		'Sequence moves the amount this node answers, once per request. An invalid amount is never sent: the reply is then an error (or your fallback amount).',
	name: 'moneyNotice',
	type: 'notice',
	default: '',
};

const amountProperty: INodeProperties = {
	displayName: 'Amount',
	name: 'amount',
	type: 'string',
	required: true,
	default: '',
	placeholder: '={{ $json.total }}',
	description: 'The amount to move: a number or text such as 1,234.56, usually an expression',
};

const unitProperty: INodeProperties = {
	displayName: 'Unit',
	name: 'unit',
	type: 'options',
	default: 'dollars',
	options: [
		{ name: 'Dollars', value: 'dollars', description: '12.34 means $12.34' },
		{ name: 'Cents', value: 'cents', description: '1234 means $12.34' },
	],
};

const severalItemsProperty: INodeProperties = {
	displayName: 'Several Input Items',
	name: 'severalItems',
	type: 'options',
	default: 'invalid',
	options: [
		{
			name: 'Treat as an Invalid Amount',
			value: 'invalid',
			description:
				'Sequence asks for one amount: more than one item is handled as set in On Invalid Amount',
		},
		{
			name: 'Add Up Their Amounts',
			value: 'sum',
			description: 'The Amount of every item, added exactly, is sent as one total',
		},
		{
			name: 'Use the First Item',
			value: 'first',
			description: "Only the first item's Amount is sent; the others are reported as not sent",
		},
	],
	description: 'What to do when more than one item reaches this node',
};

const roundingProperty: INodeProperties = {
	displayName: 'Fractions of a Cent',
	name: 'rounding',
	type: 'options',
	default: 'reject',
	options: [
		{ name: 'Reject', value: 'reject', description: 'Refuse the amount (e.g. 12.345 dollars)' },
		{ name: 'Round Half Up', value: 'halfUp', description: '12.345 → 12.35' },
		{ name: 'Round Down', value: 'down', description: '12.349 → 12.34' },
		{
			name: 'Round Half Even',
			value: 'halfEven',
			description: "12.345 → 12.34, 12.355 → 12.36 (banker's rounding)",
		},
	],
};

const onInvalidProperty: INodeProperties = {
	displayName: 'On Invalid Amount',
	name: 'onInvalid',
	type: 'options',
	default: 'error',
	options: [
		{
			name: 'Reply With an Error',
			value: 'error',
			description: 'Sequence gets an error status and moves nothing; the node fails',
		},
		{
			name: 'Reply With Fallback Amount',
			value: 'fallback',
			description: 'Sequence gets a fixed amount (may be 0); the output says why',
		},
	],
};

const fallbackAmountProperty: INodeProperties = {
	displayName: 'Fallback Amount (Dollars)',
	name: 'fallbackAmount',
	type: 'number',
	typeOptions: { minValue: 0, numberPrecision: 2 },
	default: 0,
	description: 'Sent when the amount is invalid',
	displayOptions: { show: { onInvalid: ['fallback'] } },
};

const limitsAndFormatProperty: INodeProperties = {
	displayName: 'Limits and Format',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Above Maximum',
			name: 'overMaximum',
			type: 'options',
			default: 'reject',
			options: [
				{ name: 'Reject', value: 'reject', description: 'Treat as an invalid amount' },
				{ name: 'Clamp', value: 'clamp', description: 'Send the Maximum Amount instead' },
			],
		},
		{
			displayName: 'Decimal Separator',
			name: 'decimalSeparator',
			type: 'options',
			default: '.',
			options: [
				{ name: 'Point (1234.56)', value: '.' },
				{ name: 'Comma (1234,56)', value: ',' },
			],
			description: 'For amounts given as text',
		},
		{
			displayName: 'Maximum Amount (Dollars)',
			name: 'maximumAmount',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 2 },
			default: 1000,
			description: 'A cap on what Sequence may be told to move',
		},
		{
			displayName: 'Minimum Amount (Dollars)',
			name: 'minimumAmount',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 2 },
			default: 0,
		},
		{
			displayName: 'Thousands Separator',
			name: 'thousandsSeparator',
			type: 'options',
			default: ',',
			options: [
				{ name: "Apostrophe (1'234)", value: "'" },
				{ name: 'Comma (1,234)', value: ',' },
				{ name: 'None', value: '' },
				{ name: 'Point (1.234)', value: '.' },
				{ name: 'Space (1 234)', value: ' ' },
			],
			description: 'For amounts given as text',
		},
	],
};

export const respondWithAmountProperties: INodeProperties[] = [
	moneyNotice,
	amountProperty,
	unitProperty,
	severalItemsProperty,
	roundingProperty,
	onInvalidProperty,
	fallbackAmountProperty,
	limitsAndFormatProperty,
];
