// Exact money arithmetic for Sequence amounts.
//
// Sequence moves integer cents. Binary floating point cannot hold most decimal
// fractions (19.99 is really 19.989999999999998...), so `Math.round(x * 100)`
// silently moves the wrong amount for some inputs. Everything here works on the
// decimal digits themselves with BigInt: a JavaScript number is first turned into
// its shortest round-trip decimal form (what `String(x)` prints, the same digits
// the user typed), and strings are parsed digit by digit.
//
// This module has no n8n imports so that it can be tested exhaustively and shared
// by every node.

export type RoundingMode = 'reject' | 'halfUp' | 'down' | 'halfEven';

export type AmountUnit = 'dollars' | 'cents';

export type ThousandsSeparator = '' | ',' | '.' | ' ' | "'";

export interface DecimalFormat {
	decimalSeparator: '.' | ',';
	/** '' accepts no grouping at all. */
	thousandsSeparator: ThousandsSeparator;
}

export const DEFAULT_DECIMAL_FORMAT: DecimalFormat = {
	decimalSeparator: '.',
	thousandsSeparator: ',',
};

export type AmountErrorReason =
	| 'empty'
	| 'notANumber'
	| 'notFinite'
	| 'negative'
	| 'fractionOfCent'
	| 'tooLarge'
	| 'belowMinimum'
	| 'aboveMaximum'
	| 'badFormat'
	| 'severalItems';

/** A refused amount; `message` says what the value was and why, in plain words. */
export class AmountError extends Error {
	constructor(
		readonly reason: AmountErrorReason,
		message: string,
	) {
		super(message);
		this.name = 'AmountError';
	}
}

/** value = (negative ? -1 : 1) * digits / 10^scale */
export interface ExactDecimal {
	negative: boolean;
	digits: bigint;
	scale: number;
}

const MAX_SAFE_CENTS = BigInt(Number.MAX_SAFE_INTEGER);

/** Shows a user's value in an error message without flooding it. */
export function describeValue(value: unknown): string {
	if (typeof value === 'string') {
		const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
		return `"${shown}"`;
	}
	if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
	if (value === null) return 'null';
	if (value === undefined) return 'nothing (undefined)';
	if (Array.isArray(value)) return 'a list';
	return `a ${typeof value}`;
}

function pow10(exponent: number): bigint {
	return 10n ** BigInt(exponent);
}

function normalize(decimal: ExactDecimal): ExactDecimal {
	// -0 is zero: a user who typed "-0" asked for nothing, not for a negative amount.
	return decimal.digits === 0n ? { ...decimal, negative: false } : decimal;
}

const SHORTEST_NUMBER_FORM = /^(-)?(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/;

/** The exact decimal a JavaScript number stands for in its shortest round-trip form. */
export function numberToExactDecimal(value: number): ExactDecimal {
	if (!Number.isFinite(value)) {
		throw new AmountError(
			'notFinite',
			`The amount ${describeValue(value)} is not a finite number.`,
		);
	}
	const match = SHORTEST_NUMBER_FORM.exec(String(value));
	if (!match) {
		throw new AmountError(
			'notANumber',
			`The amount ${describeValue(value)} could not be read as a number.`,
		);
	}
	const [, sign, integerPart, fractionPart = '', exponentText = '0'] = match;
	const exponent = Number(exponentText);
	let digits = BigInt(integerPart + fractionPart);
	let scale = fractionPart.length - exponent;
	if (scale < 0) {
		digits *= pow10(-scale);
		scale = 0;
	}
	return normalize({ negative: sign === '-', digits, scale });
}

function escapeForRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Parses text such as "1,234.56", "1.234,56" (with ',' as decimal separator) or "-0.5".
 * Grouping must be regular (groups of three) so that a mistyped separator is refused
 * rather than read as a different amount.
 */
export function parseDecimalText(
	text: string,
	format: DecimalFormat = DEFAULT_DECIMAL_FORMAT,
): ExactDecimal {
	if (format.decimalSeparator === format.thousandsSeparator) {
		throw new AmountError(
			'badFormat',
			`The decimal separator and the thousands separator are both "${format.decimalSeparator}"; choose different ones.`,
		);
	}
	const trimmed = text.trim();
	if (trimmed === '') {
		throw new AmountError('empty', 'The amount is empty.');
	}
	const groupSeparator = escapeForRegExp(format.thousandsSeparator);
	const decimalSeparator = escapeForRegExp(format.decimalSeparator);
	const integerPattern = format.thousandsSeparator
		? `(?:\\d{1,3}(?:${groupSeparator}\\d{3})+|\\d+)`
		: '\\d+';
	const pattern = new RegExp(
		`^([+-])?\\s*\\$?\\s*(?:(${integerPattern})(?:${decimalSeparator}(\\d*))?|${decimalSeparator}(\\d+))$`,
	);
	const match = pattern.exec(trimmed);
	if (!match) {
		const separators = format.thousandsSeparator
			? `"${format.decimalSeparator}" for decimals and "${format.thousandsSeparator}" between thousands`
			: `"${format.decimalSeparator}" for decimals and no thousands separator`;
		throw new AmountError(
			'notANumber',
			`The amount ${describeValue(text)} is not a number written with ${separators}.`,
		);
	}
	const [, sign, integerText, fractionText, fractionOnlyText] = match;
	const integerWithGroups = integerText ?? '0';
	const integerDigits = format.thousandsSeparator
		? integerWithGroups.split(format.thousandsSeparator).join('')
		: integerWithGroups;
	const fractionDigits = fractionText ?? fractionOnlyText ?? '';
	return normalize({
		negative: sign === '-',
		digits: BigInt(integerDigits + fractionDigits),
		scale: fractionDigits.length,
	});
}

/** Reads a user's value (number or text) as an exact decimal, refusing anything else. */
export function toExactDecimal(
	value: unknown,
	format: DecimalFormat = DEFAULT_DECIMAL_FORMAT,
): ExactDecimal {
	if (typeof value === 'number') return numberToExactDecimal(value);
	if (typeof value === 'bigint')
		return normalize({ negative: value < 0n, digits: value < 0n ? -value : value, scale: 0 });
	if (typeof value === 'string') return parseDecimalText(value, format);
	if (value === null || value === undefined) {
		throw new AmountError('empty', `The amount is empty: it was ${describeValue(value)}.`);
	}
	throw new AmountError('notANumber', `The amount is ${describeValue(value)}, not a number.`);
}

function roundMagnitude(
	quotient: bigint,
	remainder: bigint,
	divisor: bigint,
	mode: RoundingMode,
): bigint {
	if (remainder === 0n) return quotient;
	const twiceRemainder = 2n * remainder;
	switch (mode) {
		case 'down':
			return quotient;
		case 'halfUp':
			return twiceRemainder >= divisor ? quotient + 1n : quotient;
		case 'halfEven':
			if (twiceRemainder > divisor) return quotient + 1n;
			if (twiceRemainder < divisor) return quotient;
			return quotient % 2n === 0n ? quotient : quotient + 1n;
		case 'reject':
			throw new Error('unreachable: reject is handled by the caller');
	}
}

/** Formats an exact decimal for messages, e.g. 12.345. */
export function formatExactDecimal(decimal: ExactDecimal): string {
	const digits = decimal.digits.toString().padStart(decimal.scale + 1, '0');
	const integerPart = digits.slice(0, digits.length - decimal.scale);
	const fractionPart = decimal.scale > 0 ? `.${digits.slice(digits.length - decimal.scale)}` : '';
	return `${decimal.negative ? '-' : ''}${integerPart}${fractionPart}`;
}

/**
 * Converts an exact decimal in `unit` to whole cents. Fractions of a cent are refused
 * (`reject`) or rounded on the magnitude: `halfUp` rounds halves away from zero,
 * `down` towards zero, `halfEven` to the even cent (banker's rounding).
 */
export function exactDecimalToCents(
	decimal: ExactDecimal,
	unit: AmountUnit,
	rounding: RoundingMode,
): bigint {
	const scaleInCents = decimal.scale - (unit === 'dollars' ? 2 : 0);
	let magnitude: bigint;
	if (scaleInCents <= 0) {
		magnitude = decimal.digits * pow10(-scaleInCents);
	} else {
		const divisor = pow10(scaleInCents);
		const quotient = decimal.digits / divisor;
		const remainder = decimal.digits % divisor;
		if (remainder !== 0n && rounding === 'reject') {
			const unitName = unit === 'dollars' ? 'dollars' : 'cents';
			throw new AmountError(
				'fractionOfCent',
				`The amount ${formatExactDecimal(decimal)} ${unitName} has a fraction of a cent, and rounding is set to reject it. Choose a rounding mode or send whole cents.`,
			);
		}
		magnitude = roundMagnitude(quotient, remainder, divisor, rounding);
	}
	return decimal.negative ? -magnitude : magnitude;
}

/** The exact sum of decimals, at the largest scale among them. */
export function addExactDecimals(decimals: ExactDecimal[]): ExactDecimal {
	const scale = Math.max(0, ...decimals.map((decimal) => decimal.scale));
	const total = decimals.reduce((sum, decimal) => {
		const digits = decimal.digits * pow10(scale - decimal.scale);
		return sum + (decimal.negative ? -digits : digits);
	}, 0n);
	return normalize({ negative: total < 0n, digits: total < 0n ? -total : total, scale });
}

/**
 * Reads an amount Sequence is to move, refusing a negative one before any rounding:
 * -0.004 dollars is a wrong amount, not a request to move $0.00.
 */
export function amountToMoveAsDecimal(
	value: unknown,
	options: { unit: AmountUnit; format?: DecimalFormat },
): ExactDecimal {
	const decimal = toExactDecimal(value, options.format ?? DEFAULT_DECIMAL_FORMAT);
	if (decimal.negative) {
		throw new AmountError(
			'negative',
			`The amount ${formatExactDecimal(decimal)} ${options.unit} is negative; Sequence can only move zero or more.`,
		);
	}
	return decimal;
}

/**
 * Reads the amounts of several items and adds them exactly; an item that is not valid is
 * named. With rounding "reject", every item must be whole cents, not only the total.
 */
export function addAmountsToMove(
	values: unknown[],
	options: { unit: AmountUnit; rounding: RoundingMode; format?: DecimalFormat },
): ExactDecimal {
	const decimals = values.map((value, index) => {
		const read = readAmountToMove(value, options);
		if (read instanceof AmountError) {
			throw values.length > 1
				? new AmountError(read.reason, `Item ${index}: ${read.message}`)
				: read;
		}
		return read;
	});
	return addExactDecimals(decimals);
}

/** amountToMoveAsDecimal (and the Reject check), with the refusal returned instead of thrown. */
function readAmountToMove(
	value: unknown,
	options: { unit: AmountUnit; rounding: RoundingMode; format?: DecimalFormat },
): ExactDecimal | AmountError {
	try {
		const decimal = amountToMoveAsDecimal(value, options);
		if (options.rounding === 'reject') exactDecimalToCents(decimal, options.unit, 'reject');
		return decimal;
	} catch (error) {
		// Anything unforeseen is still a refusal: no amount is better than a wrong one.
		return error instanceof AmountError
			? error
			: new AmountError('notANumber', `The amount ${describeValue(value)} could not be read.`);
	}
}

export interface ToCentsOptions {
	unit: AmountUnit;
	rounding: RoundingMode;
	format?: DecimalFormat;
}

/** Number or text in dollars or cents → exact integer cents (may be negative). */
export function amountToCents(value: unknown, options: ToCentsOptions): bigint {
	const decimal = toExactDecimal(value, options.format ?? DEFAULT_DECIMAL_FORMAT);
	return exactDecimalToCents(decimal, options.unit, options.rounding);
}

/** 2534277n → "25342.77"; -5n → "-0.05". */
export function formatCentsAsDollars(cents: bigint | number): string {
	const value = BigInt(cents);
	const magnitude = value < 0n ? -value : value;
	const whole = magnitude / 100n;
	const fraction = (magnitude % 100n).toString().padStart(2, '0');
	return `${value < 0n ? '-' : ''}${whole}.${fraction}`;
}

/**
 * A balance reported by Sequence in dollars (a JSON number) → exact cents.
 * Balances are reported, not moved, so a fraction of a cent (not expected from
 * Sequence) is rounded half away from zero instead of failing the whole list.
 */
export function balanceDollarsToCents(amountInDollars: number): number {
	return Number(exactDecimalToCents(numberToExactDecimal(amountInDollars), 'dollars', 'halfUp'));
}

export interface AmountLimits {
	minimumCents: bigint;
	/** undefined: no cap. */
	maximumCents?: bigint;
	overMaximum: 'reject' | 'clamp';
}

export interface CheckedAmount {
	amountInCents: number;
	/** Set when the amount was lowered to the maximum. */
	clampedFromCents?: bigint;
}

/** Applies the rules an amount must meet before Sequence may move it. */
export function checkAmountToMove(cents: bigint, limits: AmountLimits): CheckedAmount {
	const shown = `${formatCentsAsDollars(cents)} dollars (${cents} cents)`;
	if (cents < 0n) {
		throw new AmountError(
			'negative',
			`The amount ${shown} is negative; Sequence can only move zero or more.`,
		);
	}
	if (limits.minimumCents < 0n) {
		throw new AmountError('badFormat', 'The Minimum Amount cannot be negative.');
	}
	if (limits.maximumCents !== undefined && limits.maximumCents < limits.minimumCents) {
		throw new AmountError('badFormat', 'The Maximum Amount is lower than the Minimum Amount.');
	}
	if (cents < limits.minimumCents) {
		throw new AmountError(
			'belowMinimum',
			`The amount ${shown} is below the Minimum Amount of ${formatCentsAsDollars(limits.minimumCents)} dollars.`,
		);
	}
	let checked = cents;
	let clampedFromCents: bigint | undefined;
	if (limits.maximumCents !== undefined && cents > limits.maximumCents) {
		if (limits.overMaximum === 'reject') {
			throw new AmountError(
				'aboveMaximum',
				`The amount ${shown} is above the Maximum Amount of ${formatCentsAsDollars(limits.maximumCents)} dollars.`,
			);
		}
		checked = limits.maximumCents;
		clampedFromCents = cents;
	}
	if (checked > MAX_SAFE_CENTS) {
		throw new AmountError(
			'tooLarge',
			`The amount ${shown} is too large to be sent exactly as JSON (more than ${Number.MAX_SAFE_INTEGER} cents).`,
		);
	}
	return { amountInCents: Number(checked), clampedFromCents };
}
