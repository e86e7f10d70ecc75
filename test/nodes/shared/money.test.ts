import fc from 'fast-check';

import {
	AmountError,
	addAmountsToMove,
	addExactDecimals,
	amountToCents,
	amountToMoveAsDecimal,
	exactDecimalToCents,
	balanceDollarsToCents,
	checkAmountToMove,
	formatCentsAsDollars,
	numberToExactDecimal,
	parseDecimalText,
	type RoundingMode,
	toExactDecimal,
} from '../../../n8n-nodes-sequence-money/nodes/shared/money';

const dollars = (
	value: unknown,
	rounding: RoundingMode = 'reject',
	format?: Parameters<typeof amountToCents>[1]['format'],
) => amountToCents(value, { unit: 'dollars', rounding, format });

/** Reference: round a non-negative decimal string to cents with plain string arithmetic. */
function referenceCents(
	integerDigits: string,
	fractionDigits: string,
	rounding: RoundingMode,
): bigint | 'reject' {
	const kept = BigInt(integerDigits + fractionDigits.slice(0, 2).padEnd(2, '0'));
	const rest = fractionDigits.slice(2).replace(/0+$/, '');
	if (rest === '') return kept;
	if (rounding === 'reject') return 'reject';
	if (rounding === 'down') return kept;
	const firstDropped = Number(rest[0]);
	const exactlyHalf = rest === '5';
	if (rounding === 'halfUp') return firstDropped >= 5 ? kept + 1n : kept;
	if (exactlyHalf) return kept % 2n === 0n ? kept : kept + 1n;
	return firstDropped >= 5 ? kept + 1n : kept;
}

describe('money: dollars to cents, exactly', () => {
	it.each([
		[0, 0n],
		[0.01, 1n],
		[19.99, 1999n],
		[25342.77, 2534277n],
		[10200.5, 1020050n],
		[137.9, 13790n],
		[0.07, 7n],
		[1.1, 110n],
		[4.35, 435n],
		[1e21, 100000000000000000000000n],
		[-0, 0n],
		[9007199254740.99, 900719925474099n],
	])('%p dollars is %p cents', (input, expected) => {
		expect(dollars(input)).toBe(expected);
	});

	it('never uses the float product: 0.1 + 0.2 is refused as a fraction of a cent, not 30 cents', () => {
		// 0.1 + 0.2 === 0.30000000000000004 in binary floating point.
		expect(() => dollars(0.1 + 0.2)).toThrow(AmountError);
		expect(dollars(0.1 + 0.2, 'halfUp')).toBe(30n);
	});

	it('1.005 rounds half up to 1.01 (Math.round(1.005 * 100) gives 100)', () => {
		expect(Math.round(1.005 * 100)).toBe(100);
		expect(dollars(1.005, 'halfUp')).toBe(101n);
		expect(dollars(1.005, 'halfEven')).toBe(100n);
		expect(dollars(1.005, 'down')).toBe(100n);
		expect(() => dollars(1.005)).toThrow(/fraction of a cent/);
	});

	it('1e-7 dollars is a fraction of a cent', () => {
		expect(numberToExactDecimal(1e-7)).toEqual({ negative: false, digits: 1n, scale: 7 });
		expect(() => dollars(1e-7)).toThrow(/0\.0000001 dollars has a fraction of a cent/);
		expect(dollars(1e-7, 'halfUp')).toBe(0n);
	});

	it.each<[RoundingMode, bigint | 'error']>([
		['reject', 'error'],
		['halfUp', 1235n],
		['down', 1234n],
		['halfEven', 1234n],
	])('"12.345" with %s gives %p', (mode, expected) => {
		if (expected === 'error') expect(() => dollars('12.345', mode)).toThrow(AmountError);
		else expect(dollars('12.345', mode)).toBe(expected);
	});

	it('half-even rounds to the even cent in both directions', () => {
		expect(dollars('12.355', 'halfEven')).toBe(1236n);
		expect(dollars('12.3450001', 'halfEven')).toBe(1235n);
		expect(dollars('-12.345', 'halfEven')).toBe(-1234n);
		expect(dollars('-12.345', 'halfUp')).toBe(-1235n);
	});

	it.each([
		['1,234.56', { decimalSeparator: '.', thousandsSeparator: ',' }, 123456n],
		['1.234,56', { decimalSeparator: ',', thousandsSeparator: '.' }, 123456n],
		['1 234,56', { decimalSeparator: ',', thousandsSeparator: ' ' }, 123456n],
		["1'234.56", { decimalSeparator: '.', thousandsSeparator: "'" }, 123456n],
		['1234.56', { decimalSeparator: '.', thousandsSeparator: ',' }, 123456n],
		['  $12.34 ', { decimalSeparator: '.', thousandsSeparator: ',' }, 1234n],
		['.5', { decimalSeparator: '.', thousandsSeparator: '' }, 50n],
		['12', { decimalSeparator: '.', thousandsSeparator: '' }, 1200n],
	] as const)('reads %p with separators %p', (text, format, expected) => {
		expect(dollars(text, 'reject', format)).toBe(expected);
	});

	it.each([
		['1,23.45', 'irregular grouping'],
		['1.234,56', 'comma decimals under "." settings'],
		['12.34.56', 'two decimal points'],
		['abc', 'text'],
		['1e3', 'exponent in text'],
		['', 'empty'],
		['   ', 'blank'],
		['--5', 'double sign'],
		['0x10', 'hex'],
		['Infinity', 'Infinity as text'],
		['NaN', 'NaN as text'],
	])('refuses %p (%s) with a message naming the value', (text) => {
		expect(() => dollars(text)).toThrow(AmountError);
		if (text.trim() !== '') expect(() => dollars(text)).toThrow(text.slice(0, 5));
	});

	it.each([NaN, Infinity, -Infinity])('refuses the number %p', (value) => {
		expect(() => dollars(value)).toThrow(/not a finite number/);
	});

	it.each([null, undefined, true, {}, [], () => 1])('refuses %p', (value) => {
		expect(() => dollars(value)).toThrow(AmountError);
	});

	it('refuses a decimal separator equal to the thousands separator', () => {
		expect(() =>
			parseDecimalText('1.5', { decimalSeparator: '.', thousandsSeparator: '.' }),
		).toThrow(/both/);
	});

	it('cents unit keeps integers and rounds fractions only on request', () => {
		expect(amountToCents(2500, { unit: 'cents', rounding: 'reject' })).toBe(2500n);
		expect(amountToCents('2,500', { unit: 'cents', rounding: 'reject' })).toBe(2500n);
		expect(() => amountToCents(12.5, { unit: 'cents', rounding: 'reject' })).toThrow(/12\.5 cents/);
		expect(amountToCents(12.5, { unit: 'cents', rounding: 'halfEven' })).toBe(12n);
	});

	it('agrees with exact string arithmetic on thousands of generated decimals', () => {
		const decimalArbitrary = fc.record({
			integerDigits: fc.stringMatching(/^(0|[1-9][0-9]{0,15})$/),
			fractionDigits: fc.stringMatching(/^[0-9]{0,6}$/),
			rounding: fc.constantFrom<RoundingMode>('reject', 'halfUp', 'down', 'halfEven'),
		});
		fc.assert(
			fc.property(decimalArbitrary, ({ integerDigits, fractionDigits, rounding }) => {
				const text = fractionDigits ? `${integerDigits}.${fractionDigits}` : integerDigits;
				const expected = referenceCents(integerDigits, fractionDigits, rounding);
				if (expected === 'reject') {
					expect(() =>
						dollars(text, rounding, { decimalSeparator: '.', thousandsSeparator: '' }),
					).toThrow(AmountError);
				} else {
					expect(dollars(text, rounding, { decimalSeparator: '.', thousandsSeparator: '' })).toBe(
						expected,
					);
				}
			}),
			{ numRuns: 5000 },
		);
	});

	it('numbers with up to two decimals convert to the cents their decimal text names', () => {
		fc.assert(
			fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), (cents) => {
				const text = formatCentsAsDollars(cents);
				const asNumber = Number(text);
				// The number's shortest form is the same decimal, so the cents are exact.
				expect(dollars(asNumber)).toBe(cents);
				expect(dollars(text)).toBe(cents);
			}),
			{ numRuns: 5000 },
		);
	});

	it('formats cents as exact dollar strings', () => {
		expect(formatCentsAsDollars(2534277n)).toBe('25342.77');
		expect(formatCentsAsDollars(5)).toBe('0.05');
		expect(formatCentsAsDollars(-5n)).toBe('-0.05');
		expect(formatCentsAsDollars(0)).toBe('0.00');
	});

	it('balances in dollars convert to exact cents', () => {
		expect(balanceDollarsToCents(25342.77)).toBe(2534277);
		expect(balanceDollarsToCents(0.1 + 0.2)).toBe(30);
		expect(balanceDollarsToCents(-137.9)).toBe(-13790);
	});
});

describe('money: what may be moved', () => {
	const noCap = { minimumCents: 0n, overMaximum: 'reject' as const };

	it('accepts zero and positive amounts', () => {
		expect(checkAmountToMove(0n, noCap)).toEqual({ amountInCents: 0 });
		expect(checkAmountToMove(12500n, noCap)).toEqual({ amountInCents: 12500 });
	});

	it('refuses negative amounts, saying the value', () => {
		expect(() => checkAmountToMove(-1n, noCap)).toThrow(
			'The amount -0.01 dollars (-1 cents) is negative',
		);
	});

	it('refuses more than Number.MAX_SAFE_INTEGER cents', () => {
		expect(checkAmountToMove(BigInt(Number.MAX_SAFE_INTEGER), noCap).amountInCents).toBe(
			Number.MAX_SAFE_INTEGER,
		);
		expect(() => checkAmountToMove(BigInt(Number.MAX_SAFE_INTEGER) + 1n, noCap)).toThrow(
			/too large/,
		);
	});

	it('applies the minimum and the maximum (reject or clamp)', () => {
		expect(() => checkAmountToMove(99n, { ...noCap, minimumCents: 100n })).toThrow(
			/below the Minimum Amount of 1\.00/,
		);
		expect(() => checkAmountToMove(10001n, { ...noCap, maximumCents: 10000n })).toThrow(
			'The amount 100.01 dollars (10001 cents) is above the Maximum Amount of 100.00 dollars.',
		);
		expect(
			checkAmountToMove(10001n, { ...noCap, maximumCents: 10000n, overMaximum: 'clamp' }),
		).toEqual({
			amountInCents: 10000,
			clampedFromCents: 10001n,
		});
		expect(
			checkAmountToMove(10n ** 30n, { ...noCap, maximumCents: 10000n, overMaximum: 'clamp' })
				.amountInCents,
		).toBe(10000);
	});

	it('refuses inconsistent limits', () => {
		expect(() =>
			checkAmountToMove(5n, { minimumCents: 10n, maximumCents: 5n, overMaximum: 'reject' }),
		).toThrow(/lower than the Minimum/);
		expect(() => checkAmountToMove(5n, { minimumCents: -1n, overMaximum: 'reject' })).toThrow(
			/cannot be negative/,
		);
	});
});

describe('money: amounts to move, one or added up', () => {
	it.each([-0.004, '-0.001', -0.005, '-1', -5])(
		'refuses the negative amount %p before any rounding',
		(value) => {
			expect(() => amountToMoveAsDecimal(value, { unit: 'dollars' })).toThrow(
				/is negative; Sequence can only move zero or more/,
			);
		},
	);

	it('reads -0 as zero, not as a negative amount', () => {
		expect(amountToMoveAsDecimal(-0, { unit: 'dollars' })).toEqual({
			negative: false,
			digits: 0n,
			scale: 0,
		});
	});

	it('adds decimals exactly, at the finest scale', () => {
		const total = addExactDecimals([
			toExactDecimal('0.1'),
			toExactDecimal(0.2),
			toExactDecimal('-0.05'),
			toExactDecimal(3),
		]);
		expect(total).toEqual({ negative: false, digits: 325n, scale: 2 });
		expect(addExactDecimals([])).toEqual({ negative: false, digits: 0n, scale: 0 });
	});

	it('adds up before rounding, so half cents are rounded once', () => {
		const total = addAmountsToMove([0.005, 0.005, '0.005'], {
			unit: 'dollars',
			rounding: 'halfUp',
		});
		expect(exactDecimalToCents(total, 'dollars', 'halfUp')).toBe(2n);
	});

	it('names the item whose amount is not valid', () => {
		expect(() =>
			addAmountsToMove([1, 'twelve', 3], { unit: 'dollars', rounding: 'reject' }),
		).toThrow(/^Item 1: The amount "twelve" is not a number/);
		expect(() => addAmountsToMove([1, -2], { unit: 'cents', rounding: 'halfUp' })).toThrow(
			/^Item 1: The amount -2 cents is negative/,
		);
		expect(() => addAmountsToMove(['x'], { unit: 'cents', rounding: 'reject' })).toThrow(
			/^The amount "x"/,
		);
	});

	it('with Reject, refuses an item with a fraction of a cent even when the total is whole cents', () => {
		expect(() =>
			addAmountsToMove(['12.345', '0.005'], { unit: 'dollars', rounding: 'reject' }),
		).toThrow(/^Item 0: The amount 12\.345 dollars has a fraction of a cent/);
		expect(
			exactDecimalToCents(
				addAmountsToMove(['12.345', '0.005'], { unit: 'dollars', rounding: 'down' }),
				'dollars',
				'down',
			),
		).toBe(1235n);
	});

	it('equals the sum of the exact cents of each item when no rounding is needed', () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer({ min: 0, max: 10 ** 9 }), { minLength: 1, maxLength: 50 }),
				(cents) => {
					const asDollars = cents.map((value) => formatCentsAsDollars(value));
					const total = exactDecimalToCents(
						addAmountsToMove(asDollars, { unit: 'dollars', rounding: 'reject' }),
						'dollars',
						'reject',
					);
					expect(total).toBe(cents.reduce((sum, value) => sum + BigInt(value), 0n));
				},
			),
		);
	});
});
