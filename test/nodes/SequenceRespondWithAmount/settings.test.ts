import { type IDataObject, NodeOperationError } from 'n8n-workflow';

import {
	dollarsOptionToCents,
	readSettings,
} from '../../../n8n-nodes-sequence-money/nodes/SequenceRespondWithAmount/settings';
import { fakeExecuteContext } from './fakeExecuteContext';

const settingsOf = (parameters: IDataObject) =>
	readSettings(fakeExecuteContext({ parameters }).context);

/** The error readSettings throws; fails the test when it throws none. */
function refusal(parameters: IDataObject): NodeOperationError {
	try {
		settingsOf(parameters);
	} catch (error) {
		expect(error).toBeInstanceOf(NodeOperationError);
		return error as NodeOperationError;
	}
	throw new Error('readSettings accepted the parameters');
}

describe('Respond With Amount settings: defaults', () => {
	it('with no parameter set', () => {
		expect(settingsOf({})).toEqual({
			unit: 'dollars',
			severalItems: 'invalid',
			rounding: 'reject',
			format: { decimalSeparator: '.', thousandsSeparator: ',' },
			minimumCents: 0n,
			maximumCents: undefined,
			overMaximum: 'reject',
			onInvalid: 'error',
		});
	});

	it('reads every parameter and option', () => {
		const settings = settingsOf({
			unit: 'cents',
			severalItems: 'sum',
			rounding: 'halfEven',
			onInvalid: 'error',
			options: {
				decimalSeparator: ',',
				thousandsSeparator: '.',
				minimumAmount: 1.5,
				maximumAmount: '1000',
				overMaximum: 'clamp',
			},
		});
		expect(settings).toEqual({
			unit: 'cents',
			severalItems: 'sum',
			rounding: 'halfEven',
			format: { decimalSeparator: ',', thousandsSeparator: '.' },
			minimumCents: 150n,
			maximumCents: 100000n,
			overMaximum: 'clamp',
			onInvalid: 'error',
		});
	});

	it('does not read the Fallback Amount unless it is used', () => {
		const { context, parametersRead } = fakeExecuteContext({
			parameters: { onInvalid: 'error', fallbackAmount: -1 },
		});
		expect(readSettings(context).fallbackCents).toBeUndefined();
		expect(parametersRead).not.toContain('fallbackAmount');
	});
});

describe('Respond With Amount settings: separators', () => {
	it.each([
		[',', undefined],
		['.', '.'],
		[',', ','],
	])(
		'decimal %p and thousands %p (default ",") are refused',
		(decimalSeparator, thousandsSeparator) => {
			const options =
				thousandsSeparator === undefined
					? { decimalSeparator }
					: { decimalSeparator, thousandsSeparator };
			const error = refusal({ options });
			expect(error.message).toBe('The decimal and thousands separators must differ');
			expect(error.context.itemIndex).toBe(0);
		},
	);

	it('"none" for thousands is fine with either decimal separator', () => {
		expect(
			settingsOf({ options: { decimalSeparator: ',', thousandsSeparator: '' } }).format,
		).toEqual({
			decimalSeparator: ',',
			thousandsSeparator: '',
		});
	});
});

describe('Respond With Amount settings: Minimum and Maximum Amount', () => {
	it.each([
		['minimumAmount', 'The Minimum Amount'],
		['maximumAmount', 'The Maximum Amount'],
	])('a negative %s is refused, naming the option', (option, label) => {
		for (const negative of [-1, -0.01, '-5']) {
			const error = refusal({ options: { [option]: negative } });
			expect(error.message).toBe(`${label} is not a valid amount: ${label} cannot be negative.`);
			expect(error.context.itemIndex).toBe(0);
		}
	});

	it.each([
		['minimumAmount', 'The Minimum Amount'],
		['maximumAmount', 'The Maximum Amount'],
	])('an invalid %s is refused, naming the option and saying why', (option, label) => {
		expect(refusal({ options: { [option]: 'abc' } }).message).toBe(
			`${label} is not a valid amount: The amount "abc" is not a number written with "." for decimals and "," between thousands.`,
		);
		expect(refusal({ options: { [option]: 0.001 } }).message).toBe(
			`${label} is not a valid amount: The amount 0.001 dollars has a fraction of a cent, and rounding is set to reject it. Choose a rounding mode or send whole cents.`,
		);
	});

	it('the limits are read in dollars with "." decimals, whatever the Amount format', () => {
		const settings = settingsOf({
			options: {
				decimalSeparator: ',',
				thousandsSeparator: '.',
				minimumAmount: '0.5',
				maximumAmount: 1234.56,
			},
		});
		expect(settings.minimumCents).toBe(50n);
		expect(settings.maximumCents).toBe(123456n);
	});
});

describe('Respond With Amount settings: Fallback Amount', () => {
	const fallback = (fallbackAmount: IDataObject[string], options: IDataObject = {}) => ({
		onInvalid: 'fallback',
		fallbackAmount,
		options,
	});

	it('is read in exact cents', () => {
		expect(settingsOf(fallback(19.99)).fallbackCents).toBe(1999);
		expect(settingsOf(fallback(0)).fallbackCents).toBe(0);
	});

	it('defaults to 0 when not set', () => {
		expect(settingsOf({ onInvalid: 'fallback' }).fallbackCents).toBe(0);
	});

	it('a negative one is refused, naming the option', () => {
		for (const negative of [-1, -0.01]) {
			expect(refusal(fallback(negative)).message).toBe(
				'The Fallback Amount is not a valid amount: The Fallback Amount cannot be negative.',
			);
		}
	});

	it('an invalid one is refused, naming the option', () => {
		expect(refusal(fallback('x')).message).toBe(
			'The Fallback Amount is not a valid amount: The amount "x" is not a number written with "." for decimals and "," between thousands.',
		);
		expect(refusal(fallback(0.001)).message).toMatch(
			/^The Fallback Amount is not a valid amount: The amount 0\.001 dollars has a fraction of a cent/,
		);
	});

	it('above the Maximum Amount is refused, even with Above Maximum: Clamp', () => {
		const expected =
			'The Fallback Amount cannot be sent: The amount 50.00 dollars (5000 cents) is above the Maximum Amount of 10.00 dollars.';
		expect(refusal(fallback(50, { maximumAmount: 10 })).message).toBe(expected);
		expect(refusal(fallback(50, { maximumAmount: 10, overMaximum: 'clamp' })).message).toBe(
			expected,
		);
	});

	it('below the Minimum Amount is refused', () => {
		const error = refusal(fallback(5, { minimumAmount: 10 }));
		expect(error.message).toBe(
			'The Fallback Amount cannot be sent: The amount 5.00 dollars (500 cents) is below the Minimum Amount of 10.00 dollars.',
		);
		expect(error.context.itemIndex).toBe(0);
	});

	it('at the limits is accepted', () => {
		expect(settingsOf(fallback(10, { minimumAmount: 10, maximumAmount: 10 })).fallbackCents).toBe(
			1000,
		);
	});

	it('is checked before the separators', () => {
		const options = { maximumAmount: 10, decimalSeparator: ',' };
		expect(refusal(fallback(50, options)).message).toMatch(/^The Fallback Amount cannot be sent/);
	});
});

describe('dollarsOptionToCents', () => {
	const { context } = fakeExecuteContext();

	it.each([
		[0, 0n],
		[-0, 0n],
		[19.99, 1999n],
		['1,234.56', 123456n],
		[1000, 100000n],
	])('%p dollars → %p cents', (value, cents) => {
		expect(dollarsOptionToCents(context, value, 'The Limit')).toBe(cents);
	});

	it('throws a NodeOperationError naming the option', () => {
		const attempt = () => dollarsOptionToCents(context, '', 'The Limit');
		expect(attempt).toThrow(NodeOperationError);
		expect(attempt).toThrow(/^The Limit is not a valid amount: The amount is empty\.$/);
	});
});
