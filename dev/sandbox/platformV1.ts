// Sequence's Platform v1 API (`/platform/v1/...`), as the reference describes it
// (reference: ../shared/SEQUENCE-PLATFORM-V1.md, beside the repository), for the Sequence sandbox: the read
// operations, API keys with per-resource permissions, pagination, filters and their
// validation, a per-key rate limit with Retry-After on a clock the tests control, an
// audit log of the keys' calls, and a log of every request (Authorization redacted).
//
// The two write operations (POST /transfers, POST /rules/{id}/trigger) are not carried
// out: they answer 501 NOT_IMPLEMENTED (a sandbox code, not Sequence's).
import { randomUUID } from 'crypto';
import { readFileSync } from 'fs';
import type { IncomingHttpHeaders } from 'http';
import { z } from 'zod';

import defaultDataJson from './data/platformV1.json';

export const PLATFORM_V1_PREFIX = '/platform/v1';

// ---------------------------------------------------------------------------------------
// Schemas of the data file (§7 of the reference: every field present, nullable ones null)

const dateTime = z.string().datetime({ offset: true });
const date = z.string().date();
const uuid = z.string().uuid();
const cents = z.number().int().nonnegative();

const accountType = z.enum(['INCOME_SOURCE', 'POD', 'EXTERNAL_ACCOUNT']);
const transferDirection = z.enum(['MONEY_IN', 'MONEY_OUT', 'INTERNAL']);
const transferStatus = z.enum([
	'PENDING_APPROVAL',
	'PROCESSING',
	'PENDING',
	'COMPLETE',
	'INCOMPLETE',
	'ERROR',
	'CANCELLED',
]);
/** The origins a filter accepts; the data may also hold `UNKNOWN`. */
const transferOriginFilter = z.enum([
	'DIRECT_DEPOSIT',
	'CHECK_DEPOSIT',
	'CASHBACK',
	'USER_PULL',
	'RULE',
	'USER',
	'EXTERNAL_PULL',
]);
const transferOrigin = z.enum([...transferOriginFilter.options, 'UNKNOWN']);
const executionMode = z.enum(['LIVE', 'SIMULATION']);
const executionStatus = z.enum(['EXECUTED', 'PARTIAL', 'FAILED', 'IN_PROGRESS']);
const triggerType = z.enum([
	'MANUAL',
	'SEQUENCE_API',
	'SCHEDULED',
	'ON_FUNDS_TRANSFERRED',
	'REMOTE_API',
]);
/** The actions the audit-log filter accepts; entries may also be `LIST_AUDIT_LOGS`. */
const auditActionFilter = z.enum([
	'GET_ACCOUNT',
	'LIST_ACCOUNTS',
	'LIST_TRANSFERS',
	'GET_TRANSFER',
	'CREATE_TRANSFER',
	'TRIGGER_RULE',
	'LIST_RULES',
	'GET_RULE',
	'LIST_RULE_EXECUTIONS',
	'GET_RULE_EXECUTION',
]);
const auditAction = z.enum([...auditActionFilter.options, 'LIST_AUDIT_LOGS']);

const balanceSchema = z
	.object({
		balanceInCents: z.number().int().nullable(),
		availableBalanceInCents: z.number().int().nullable(),
		lastStatementBalanceInCents: z.number().int().nullable(),
		nextPaymentMinimumInCents: z.number().int().nullable(),
		originalLoanAmountInCents: z.number().int().nullable(),
		lastStatementDate: date.nullable(),
		nextPaymentDueDate: date.nullable(),
		balanceLastUpdatedAt: dateTime.nullable(),
		error: z.string().nullable(),
		interestRatePercentage: z.number().nullable(),
	})
	.strict();

const linkedAccountSchema = z
	.object({
		id: uuid,
		name: z.string(),
		type: accountType,
		description: z.string().nullable(),
		externalAccountType: z.enum(['DEPOSITORY', 'INVESTMENT', 'LIABILITY']).nullable(),
		beneficiaryName: z.string().nullable(),
		institutionName: z.string().nullable(),
		canBeSource: z.boolean(),
		canBeDestination: z.boolean(),
		createdAt: dateTime,
		updatedAt: dateTime,
		deletedAt: dateTime.nullable(),
		routingNumber: z.string().nullable(),
		bankAccountNumber: z.string().nullable(),
		balance: balanceSchema.nullable(),
		savingsTargetInCents: cents.nullable(),
	})
	.strict();

export const accountSchema = linkedAccountSchema
	.extend({ linkedAccount: linkedAccountSchema.nullable() })
	.strict();

const transferAccountRefSchema = z
	.object({
		id: z.string().nullable(),
		name: z.string(),
		type: z.enum([...accountType.options, 'EXTERNAL_ENTITY']),
		isDeleted: z.boolean().nullable(),
	})
	.strict();

export const transferSchema = z
	.object({
		id: z.string(),
		amountInCents: z.number().int().positive(),
		direction: transferDirection,
		origin: transferOrigin,
		source: transferAccountRefSchema.nullable(),
		destination: transferAccountRefSchema.nullable(),
		status: transferStatus,
		executionMode,
		ruleId: z.string().nullable(),
		ruleExecutionId: uuid.nullable(),
		errorCode: z.string().nullable(),
		createdAt: dateTime,
		completedAt: dateTime.nullable(),
	})
	.strict()
	.superRefine((transfer, context) => {
		const problem = (message: string) => context.addIssue({ code: 'custom', message });
		if ((transfer.status === 'COMPLETE') !== (transfer.completedAt !== null))
			problem('completedAt is set exactly when the status is COMPLETE');
		if (transfer.errorCode !== null && !['ERROR', 'INCOMPLETE'].includes(transfer.status))
			problem('errorCode is only set on ERROR or INCOMPLETE');
		if ((transfer.origin === 'RULE') !== (transfer.ruleExecutionId !== null))
			problem('ruleExecutionId is set exactly for origin RULE');
	});

const conditionSchema = z
	.object({
		fact: z.enum(['TRANSFER_AMOUNT', 'BALANCE', 'DATE']),
		operator: z.enum([
			'EQUALS',
			'NOT_EQUALS',
			'GREATER_THAN',
			'LESS_THAN',
			'GREATER_THAN_OR_EQUAL',
			'LESS_THAN_OR_EQUAL',
		]),
		value: z.number().nullable(),
		valueFact: z
			.enum([
				'TRANSFER_AMOUNT',
				'BALANCE',
				'DATE',
				'LAST_DAY_OF_MONTH',
				'NEXT_PAYMENT_MINIMUM_AMOUNT',
				'LAST_STATEMENT_BALANCE',
			])
			.nullable(),
		params: z.object({ accountId: z.string().nullable().optional() }).strict().nullable(),
	})
	.strict();

type ConditionNode =
	| { condition: z.infer<typeof conditionSchema> }
	| { any: ConditionNode[] }
	| { all: ConditionNode[] };

const conditionNodeSchema: z.ZodType<ConditionNode> = z.lazy(() =>
	z.union([
		z.object({ condition: conditionSchema }).strict(),
		z.object({ any: z.array(conditionNodeSchema).min(1) }).strict(),
		z.object({ all: z.array(conditionNodeSchema).min(1) }).strict(),
	]),
);

const accountNodeSchema = z
	.object({ id: z.string(), type: accountType, name: z.string().nullable() })
	.strict();

const actionBase = {
	source: accountNodeSchema,
	destination: accountNodeSchema,
	groupIndex: z.number().int().nonnegative(),
	upToEnabled: z.boolean(),
	isDirectDeposit: z.boolean(),
	achDescription: z.string().nullable(),
	limit: z
		.object({
			period: z.enum(['PER_TRANSFER', 'PER_WEEK', 'PER_MONTH', 'PER_YEAR']),
			amountInCents: cents,
		})
		.strict()
		.nullable(),
};

const actionSchema = z
	.discriminatedUnion('type', [
		z
			.object({ type: z.literal('FIXED'), amountInCents: z.number().int().min(1), ...actionBase })
			.strict(),
		z
			.object({
				type: z.literal('PERCENTAGE'),
				percentageValue: z.number().min(0).max(100),
				percentageTarget: z.enum(['INCOMING_AMOUNT', 'SOURCE_ACCOUNT']),
				...actionBase,
			})
			.strict(),
		z
			.object({
				type: z.literal('TOP_UP'),
				amountInCents: cents.nullable(),
				nextPaymentMinimumAccount: accountNodeSchema.nullable(),
				currentBalanceAccount: accountNodeSchema.nullable(),
				lastStatementBalanceAccount: accountNodeSchema.nullable(),
				...actionBase,
			})
			.strict(),
		z
			.object({
				type: z.literal('ROUND_DOWN'),
				amountInCents: z.number().int().min(1),
				...actionBase,
			})
			.strict(),
		z.object({ type: z.literal('NEXT_PAYMENT_MINIMUM'), ...actionBase }).strict(),
		z.object({ type: z.literal('TOTAL_AMOUNT_DUE'), ...actionBase }).strict(),
		z.object({ type: z.literal('LAST_STATEMENT_BALANCE'), ...actionBase }).strict(),
		z
			.object({
				type: z.literal('PERCENTAGE_LIABILITY_BALANCE'),
				percentageValue: z.number().min(0).max(100),
				...actionBase,
			})
			.strict(),
	])
	.superRefine((action, context) => {
		if (action.type !== 'TOP_UP') return;
		const set = [
			action.amountInCents,
			action.nextPaymentMinimumAccount,
			action.currentBalanceAccount,
			action.lastStatementBalanceAccount,
		].filter((value) => value !== null);
		if (set.length !== 1)
			context.addIssue({ code: 'custom', message: 'TOP_UP sets exactly one of its four targets' });
	});

const triggerSchema = z.discriminatedUnion('type', [
	z.object({ type: z.literal('ON_FUNDS_TRANSFERRED'), accountId: z.string() }).strict(),
	z
		.object({
			type: z.literal('SCHEDULED'),
			scheduleType: z.enum([
				'ONE_TIME',
				'DAILY',
				'WEEKLY',
				'BI_WEEKLY',
				'MONTHLY',
				'EVERY_OTHER_WEEK',
			]),
			startDate: dateTime,
			accountId: z.string().nullable(),
		})
		.strict(),
	z.object({ type: z.literal('MANUAL'), accountId: z.string() }).strict(),
]);

/** A rule as stored: RuleSummary (with `isSupported`) plus Rule's `trigger` and `steps`. */
export const ruleSchema = z
	.object({
		id: uuid,
		name: z.string().nullable(),
		description: z.string().nullable(),
		status: z.enum(['ENABLED', 'DISABLED']),
		isSupported: z.boolean(),
		createdAt: dateTime,
		updatedAt: dateTime,
		deletedAt: dateTime.nullable(),
		trigger: triggerSchema,
		steps: z
			.array(
				z
					.object({
						conditions: conditionNodeSchema.nullable(),
						actions: z.array(actionSchema).min(1),
					})
					.strict(),
			)
			.min(1),
	})
	.strict();

const triggerDetailsSchema = z.discriminatedUnion('type', [
	z.object({ type: z.literal('MANUAL'), amountInCents: cents.nullable() }).strict(),
	z.object({ type: z.literal('SEQUENCE_API'), amountInCents: cents.nullable() }).strict(),
	z.object({ type: z.literal('SCHEDULED'), scheduledTime: dateTime.nullable() }).strict(),
	z.object({ type: z.literal('ON_FUNDS_TRANSFERRED'), amountInCents: cents.nullable() }).strict(),
	z.object({ type: z.literal('REMOTE_API') }).strict(),
]);

export const executionSchema = z
	.object({
		id: uuid,
		ruleId: z.string(),
		status: executionStatus,
		executionMode,
		createdAt: dateTime,
		triggerDetails: triggerDetailsSchema,
		stepIndexMatched: z.number().int().nonnegative().nullable(),
		conditionsNotMet: z.boolean(),
		transfersAttempted: cents,
		transfersCompleted: cents,
		transfersFailed: cents,
		transfersPending: cents,
		transferIds: z.array(z.string()),
		errorMessage: z.string().nullable(),
		nextAttemptAt: dateTime.nullable(),
	})
	.strict();

export const externalTransactionSchema = z
	.object({
		id: uuid,
		accountId: uuid,
		amountInCents: z.number().int().positive(),
		direction: z.enum(['MONEY_IN', 'MONEY_OUT']),
		status: z.enum(['PENDING', 'COMPLETE']),
		description: z.string(),
		transactionDate: dateTime,
	})
	.strict();

export const cardTransactionSchema = z
	.object({
		id: uuid,
		cardId: uuid,
		cardType: z.enum(['DEBIT_CARD', 'OMNI_CARD']),
		account: transferAccountRefSchema,
		direction: z.enum(['MONEY_IN', 'MONEY_OUT']),
		subtype: z.enum(['PURCHASE', 'REFUND']),
		status: z.literal('COMPLETE'),
		amountInCents: z.number().int().positive(),
		description: z.string(),
		createdAt: dateTime,
		completedAt: dateTime,
	})
	.strict();

export const auditLogEntrySchema = z
	.object({
		id: uuid,
		createdAt: dateTime,
		apiKeyId: uuid,
		apiKeyName: z.string(),
		path: z.string(),
		action: auditAction.nullable(),
		requestId: z.string(),
		outcome: z.enum(['SUCCESS', 'FAILURE']),
		errorCode: z.string().nullable(),
	})
	.strict();

const resourceList = z.union([z.literal('*'), z.array(z.string())]);

export const apiKeySchema = z
	.object({
		id: uuid,
		name: z.string(),
		/** The secret sent as `Authorization: Bearer <key>`. */
		key: z.string().min(16),
		permissions: z
			.object({
				READ_ACCOUNTS: resourceList.optional(),
				READ_RULES: resourceList.optional(),
				TRIGGER_RULES: resourceList.optional(),
				READ_TRANSFERS: resourceList.optional(),
				MANUAL_TRANSFER: z
					.array(
						z
							.object({ source: z.string(), target: z.string(), maxAmount: cents.optional() })
							.strict(),
					)
					.optional(),
				READ_AUDIT_LOGS: z.literal('*').optional(),
			})
			.strict(),
	})
	.strict();

export const platformV1DataSchema = z
	.object({
		$comment: z.string().optional(),
		apiKeys: z.array(apiKeySchema),
		accounts: z.array(accountSchema),
		rules: z.array(ruleSchema),
		executions: z.array(executionSchema),
		transfers: z.array(transferSchema),
		externalTransactions: z.array(externalTransactionSchema),
		cardTransactions: z.array(cardTransactionSchema),
		auditLogs: z.array(auditLogEntrySchema),
	})
	.strict();

export type PlatformV1Data = z.infer<typeof platformV1DataSchema>;
export type Account = z.infer<typeof accountSchema>;
export type Transfer = z.infer<typeof transferSchema>;
export type Rule = z.infer<typeof ruleSchema>;
export type RuleExecution = z.infer<typeof executionSchema>;
export type ApiKey = z.infer<typeof apiKeySchema>;
export type AuditLogEntry = z.infer<typeof auditLogEntrySchema>;
type AuditAction = z.infer<typeof auditAction>;

/** The data of dev/sandbox/data/platformV1.json, freshly parsed (a new copy each call). */
export function defaultPlatformV1Data(): PlatformV1Data {
	return platformV1DataSchema.parse(defaultDataJson);
}

export function loadPlatformV1Data(file: string): PlatformV1Data {
	return platformV1DataSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

export function isPlatformV1Path(path: string): boolean {
	return path === PLATFORM_V1_PREFIX || path.startsWith(`${PLATFORM_V1_PREFIX}/`);
}

/** The headers as received, with the Authorization value replaced (its scheme kept). */
export function redactAuthorization(headers: IncomingHttpHeaders): IncomingHttpHeaders {
	const copy = { ...headers };
	if (copy.authorization !== undefined) {
		const scheme = /^(\S+)\s/.exec(copy.authorization)?.[1];
		copy.authorization = scheme ? `${scheme} [redacted]` : '[redacted]';
	}
	return copy;
}

// ---------------------------------------------------------------------------------------
// Replies

export interface PlatformV1Reply {
	status: number;
	/** A JSON body, or `text` for the plain-text 404 of the router. */
	body?: unknown;
	text?: string;
	headers: Record<string, string>;
	/** The error code, when the body is an error. */
	code?: string;
	requestId: string;
}

export interface PlatformV1Request {
	method: string;
	path: string;
	/** Decoded query parameters, in order, repeats kept. */
	query: Array<[string, string]>;
	/** As received, Authorization value redacted. */
	headers: IncomingHttpHeaders;
	status: number;
	code?: string;
	apiKeyId?: string;
	requestId: string;
	/** On the injected clock. */
	receivedAt: number;
}

export interface PlatformV1Options {
	/** The clock for the rate window, the audit log and default dates; Date.now by default. */
	now?: () => number;
	/** Requests per key in each one-minute window; 100 (Sequence's limit) by default. */
	rateLimitPerMinute?: number;
}

class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly headers: Record<string, string> = {},
	) {
		super(message);
	}
}

const invalid = (message: string) => new ApiError(400, 'INVALID_PARAMETERS', message);
const denied = (message: string) => new ApiError(403, 'ACCESS_DENIED', message);

interface Page<T> {
	items: T[];
	pagination: { page: number; pageSize: number; hasNextPage: boolean };
}

// ---------------------------------------------------------------------------------------
// Query parameters

const RFC3339 =
	/^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;

/**
 * An RFC 3339 date-time as milliseconds: `floor` and `ceil` differ only when the fraction is
 * finer than a millisecond (`from` uses ceil, `to` floor, so both stay exact and inclusive).
 */
export function parseRfc3339(value: string): { floor: number; ceil: number } | undefined {
	const match = RFC3339.exec(value);
	if (!match) return undefined;
	const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
	const [fraction = '', sign, offsetHours = '0', offsetMinutes = '0'] = match.slice(7);
	if (month < 1 || month > 12 || day < 1) return undefined;
	// Leap years repeat every 400 years: 2000 + year % 400 has the same calendar as year.
	if (day > new Date(Date.UTC(2000 + (year % 400), month, 0)).getUTCDate()) return undefined;
	if (hour > 23 || minute > 59 || second > 59) return undefined;
	if (Number(offsetHours) > 23 || Number(offsetMinutes) > 59) return undefined;
	const instant = new Date(0);
	instant.setUTCFullYear(year, month - 1, day);
	instant.setUTCHours(hour, minute, second, Number(fraction.slice(0, 3).padEnd(3, '0')));
	const offset = (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes));
	const floor = instant.getTime() - offset * 60_000;
	return { floor, ceil: /[1-9]/.test(fraction.slice(3)) ? floor + 1 : floor };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The query of one request, checked against the parameters its operation declares. */
class Query {
	private readonly scalars = new Map<string, string>();
	private readonly arrays = new Map<string, string[]>();

	constructor(
		entries: Array<[string, string]>,
		declared: { scalars?: readonly string[]; arrays?: readonly string[] },
	) {
		const scalars = declared.scalars ?? [];
		const arrays = declared.arrays ?? [];
		for (const [key, value] of entries) {
			const bracketed = /^(.*?)\[(.*)\]$/.exec(key);
			if (bracketed && bracketed[2] !== '') {
				throw invalid(
					`${bracketed[1]}: the indexed or keyed form ${key} is not supported; repeat ` +
						`${bracketed[1]}[]=… (or ${bracketed[1]}=…) once per value`,
				);
			}
			const name = bracketed ? bracketed[1] : key;
			if (arrays.includes(name)) {
				this.arrays.set(name, [...(this.arrays.get(name) ?? []), value]);
			} else if (scalars.includes(name) && !bracketed) {
				if (this.scalars.has(name)) throw invalid(`${name}: give it once (it is not a list)`);
				this.scalars.set(name, value);
			} else {
				throw invalid(`${name}: not a parameter of this operation`);
			}
		}
	}

	string(name: string): string | undefined {
		const value = this.scalars.get(name);
		if (value !== undefined && value.trim() === '') throw invalid(`${name}: must not be empty`);
		return value;
	}

	uuid(name: string, required = false): string | undefined {
		const value = this.string(name);
		if (value === undefined) {
			if (required) throw invalid(`${name}: required`);
			return undefined;
		}
		if (!UUID.test(value)) throw invalid(`${name}: must be a UUID`);
		return value;
	}

	enumeration<T extends string>(name: string, values: readonly T[]): T | undefined {
		const value = this.string(name);
		if (value === undefined) return undefined;
		if (!(values as readonly string[]).includes(value))
			throw invalid(`${name}: must be one of ${values.join(', ')}`);
		return value as T;
	}

	integer(name: string, fallback: number, min: number, max: number): number {
		const value = this.string(name);
		if (value === undefined) return fallback;
		const number = /^\d+$/.test(value) ? Number(value) : NaN;
		if (!Number.isSafeInteger(number) || number < min || number > max)
			throw invalid(`${name}: must be an integer from ${min} to ${max}`);
		return number;
	}

	dateTime(name: string, end: 'from' | 'to'): number | undefined {
		const value = this.string(name);
		if (value === undefined) return undefined;
		const parsed = parseRfc3339(value);
		if (!parsed)
			throw invalid(
				`${name}: must be an RFC 3339 date-time such as 2025-06-01T00:00:00Z or 2025-06-01T02:00:00.5+02:00`,
			);
		return end === 'from' ? parsed.ceil : parsed.floor;
	}

	uuids(name: string): string[] {
		const values = this.arrays.get(name) ?? [];
		if (values.length === 0) throw invalid(`${name}: required (at least one id)`);
		for (const value of values)
			if (!UUID.test(value)) throw invalid(`${name}: every value must be a UUID`);
		return values;
	}

	range(): { from?: number; to?: number } {
		const from = this.dateTime('from', 'from');
		const to = this.dateTime('to', 'to');
		if (from !== undefined && to !== undefined && from > to)
			throw invalid('from: must not be after to');
		return { from, to };
	}

	page(): { page: number; pageSize: number } {
		return {
			page: this.integer('page', 1, 1, Number.MAX_SAFE_INTEGER),
			pageSize: this.integer('pageSize', 10, 1, 100),
		};
	}
}

const PAGING = ['page', 'pageSize'] as const;
const RANGE = ['from', 'to'] as const;
const TRANSFER_FILTERS = [
	'direction',
	'status',
	'executionMode',
	...RANGE,
	'origin',
	'rule_execution_id',
	...PAGING,
] as const;

// ---------------------------------------------------------------------------------------
// The sandbox

interface Timed<T> {
	item: T;
	at: number;
}

interface State {
	apiKeys: ApiKey[];
	accounts: Account[];
	rules: Rule[];
	executions: Array<Timed<RuleExecution>>;
	transfers: Array<Timed<Transfer>>;
	externalTransactions: Array<Timed<PlatformV1Data['externalTransactions'][number]>>;
	cardTransactions: Array<Timed<PlatformV1Data['cardTransactions'][number]>>;
	auditLogs: Array<Timed<AuditLogEntry>>;
}

/** Newest first; ties by id, so the order (and so paging) is stable. */
function newestFirst<T extends { id: string }>(items: T[], time: (item: T) => string): Timed<T>[] {
	return items
		.map((item) => ({ item, at: Date.parse(time(item)) }))
		.sort((a, b) => b.at - a.at || (a.item.id < b.item.id ? 1 : a.item.id > b.item.id ? -1 : 0));
}

function stateOf(data: PlatformV1Data): State {
	const copy = structuredClone(data);
	return {
		apiKeys: copy.apiKeys,
		accounts: copy.accounts,
		rules: copy.rules,
		executions: newestFirst(copy.executions, (execution) => execution.createdAt),
		transfers: newestFirst(copy.transfers, (transfer) => transfer.createdAt),
		externalTransactions: newestFirst(copy.externalTransactions, (entry) => entry.transactionDate),
		cardTransactions: newestFirst(copy.cardTransactions, (entry) => entry.createdAt),
		auditLogs: newestFirst(copy.auditLogs, (entry) => entry.createdAt),
	};
}

function paginate<T>(items: T[], paging: { page: number; pageSize: number }): Page<T> {
	const start = (paging.page - 1) * paging.pageSize;
	return {
		items: items.slice(start, start + paging.pageSize),
		pagination: {
			page: paging.page,
			pageSize: paging.pageSize,
			hasNextPage: items.length > start + paging.pageSize,
		},
	};
}

/** A 200 list reply: one page of the records' items, in the order given. */
function listReply<T>(records: Array<{ item: T }>, paging: { page: number; pageSize: number }) {
	return {
		status: 200,
		data: paginate(
			records.map(({ item }) => item),
			paging,
		),
	};
}

function inRange(at: number, range: { from?: number; to?: number }): boolean {
	return (
		(range.from === undefined || at >= range.from) && (range.to === undefined || at <= range.to)
	);
}

type ResourcePermission = 'READ_ACCOUNTS' | 'READ_RULES' | 'READ_TRANSFERS';

interface Context {
	key: ApiKey;
	params: string[];
	query: Array<[string, string]>;
}

interface Operation {
	action: AuditAction | null;
	run: (context: Context) => { status: number; data: unknown };
}

const DAY_MS = 86_400_000;
const WINDOW_MS = 60_000;

export class PlatformV1 {
	readonly requests: PlatformV1Request[] = [];
	now: () => number;
	rateLimitPerMinute: number;
	private state: State;
	private readonly windows = new Map<string, { window: number; count: number }>();
	private requestCount = 0;
	private generatedCount = 0;
	private readonly routes: Array<{ pattern: RegExp; methods: Record<string, Operation> }>;

	constructor(
		private data: PlatformV1Data = defaultPlatformV1Data(),
		private readonly options: PlatformV1Options = {},
	) {
		this.now = options.now ?? Date.now;
		this.rateLimitPerMinute = options.rateLimitPerMinute ?? 100;
		this.state = stateOf(data);
		const op = (action: AuditAction | null, run: Operation['run']): Operation => ({ action, run });
		const notCarriedOut = (action: AuditAction): Operation =>
			op(action, () => {
				throw new ApiError(
					501,
					'NOT_IMPLEMENTED',
					'The sandbox serves the Platform v1 read operations only; this write is not carried out',
				);
			});
		this.routes = [
			{
				pattern: /^\/accounts$/,
				methods: { GET: op('LIST_ACCOUNTS', (c) => this.listAccounts(c)) },
			},
			{
				pattern: /^\/accounts\/([^/]+)$/,
				methods: { GET: op('GET_ACCOUNT', (c) => this.getAccount(c)) },
			},
			{
				pattern: /^\/accounts\/([^/]+)\/transfers$/,
				methods: { GET: op('LIST_TRANSFERS', (c) => this.listAccountTransfers(c)) },
			},
			{
				pattern: /^\/transfers$/,
				methods: {
					GET: op('LIST_TRANSFERS', (c) => this.listTransfers(c)),
					POST: notCarriedOut('CREATE_TRANSFER'),
				},
			},
			{
				pattern: /^\/transfers\/([^/]+)$/,
				methods: { GET: op('GET_TRANSFER', (c) => this.getTransfer(c)) },
			},
			{ pattern: /^\/rules$/, methods: { GET: op('LIST_RULES', (c) => this.listRules(c)) } },
			{ pattern: /^\/rules\/([^/]+)$/, methods: { GET: op('GET_RULE', (c) => this.getRule(c)) } },
			{ pattern: /^\/rules\/([^/]+)\/trigger$/, methods: { POST: notCarriedOut('TRIGGER_RULE') } },
			{
				pattern: /^\/rules\/([^/]+)\/executions$/,
				methods: { GET: op('LIST_RULE_EXECUTIONS', (c) => this.listExecutions(c)) },
			},
			{
				pattern: /^\/rules\/([^/]+)\/executions\/([^/]+)$/,
				methods: { GET: op('GET_RULE_EXECUTION', (c) => this.getExecution(c)) },
			},
			{
				pattern: /^\/external-transactions$/,
				methods: { GET: op(null, (c) => this.listExternalTransactions(c)) },
			},
			{
				pattern: /^\/card-transactions$/,
				methods: { GET: op(null, (c) => this.listCardTransactions(c)) },
			},
			{
				pattern: /^\/audit-logs$/,
				methods: { GET: op('LIST_AUDIT_LOGS', (c) => this.listAuditLogs(c)) },
			},
		];
	}

	/** Back to the data given (or this new data): generated transfers, log, windows, clock and limit reset. */
	reset(data?: PlatformV1Data): void {
		if (data) this.data = data;
		this.state = stateOf(this.data);
		this.requests.length = 0;
		this.windows.clear();
		this.requestCount = 0;
		this.generatedCount = 0;
		this.now = this.options.now ?? Date.now;
		this.rateLimitPerMinute = this.options.rateLimitPerMinute ?? 100;
	}

	/** The audit log as it stands (seed entries and the keys' calls), newest first. */
	get auditLog(): AuditLogEntry[] {
		return this.state.auditLogs.map(({ item }) => item);
	}

	/**
	 * Adds `count` transfers involving the account, older than every transfer so far (one a
	 * minute before the oldest, by default), in a fixed rotation of origins, directions and
	 * statuses; amounts are whole cents ≥ 100. Deterministic: the same calls give the same data.
	 */
	addTransfers(
		accountId: string,
		count: number,
		options: { spacingMs?: number; executionMode?: 'LIVE' | 'SIMULATION' } = {},
	): Transfer[] {
		const account = this.state.accounts.find((candidate) => candidate.id === accountId);
		if (!account) throw new Error(`No account ${accountId} in the Platform v1 data`);
		const ref = (target: Account) => ({
			id: target.id,
			name: target.name,
			type: target.type,
			isDeleted: target.deletedAt !== null,
		});
		const live = this.state.accounts.filter((candidate) => candidate.deletedAt === null);
		const sequenceAccount = live.find(
			(candidate) => candidate.type !== 'EXTERNAL_ACCOUNT' && candidate.id !== accountId,
		);
		const externalAccount = live.find(
			(candidate) => candidate.externalAccountType === 'DEPOSITORY' && candidate.id !== accountId,
		);
		if (!sequenceAccount || !externalAccount)
			throw new Error('The data lacks counterpart accounts');
		const spacing = options.spacingMs ?? 60_000;
		const oldest = this.state.transfers.at(-1)?.at ?? Date.parse('2025-01-01T00:00:00Z');
		const added: Transfer[] = [];
		for (let index = 0; index < count; index++) {
			const number = ++this.generatedCount;
			const at = oldest - spacing * (index + 1);
			const amountInCents = 100 + ((number * 7_919) % 250_000);
			const shape: Pick<Transfer, 'direction' | 'origin' | 'source' | 'destination'> & {
				status: Transfer['status'];
				errorCode?: string;
			} =
				account.type === 'EXTERNAL_ACCOUNT'
					? [
							{
								direction: 'MONEY_IN' as const,
								origin: 'USER_PULL' as const,
								source: ref(account),
								destination: ref(sequenceAccount),
								status: 'COMPLETE' as const,
							},
							{
								direction: 'MONEY_OUT' as const,
								origin: 'USER' as const,
								source: ref(sequenceAccount),
								destination: ref(account),
								status: 'PENDING' as const,
							},
						][number % 2]
					: [
							{
								direction: 'MONEY_IN' as const,
								origin: 'DIRECT_DEPOSIT' as const,
								source: null,
								destination: ref(account),
								status: 'COMPLETE' as const,
							},
							{
								direction: 'INTERNAL' as const,
								origin: 'USER' as const,
								source: ref(account),
								destination: ref(sequenceAccount),
								status: 'COMPLETE' as const,
							},
							{
								direction: 'MONEY_OUT' as const,
								origin: 'EXTERNAL_PULL' as const,
								source: ref(account),
								destination: null,
								status: 'COMPLETE' as const,
							},
							{
								direction: 'INTERNAL' as const,
								origin: 'USER' as const,
								source: ref(sequenceAccount),
								destination: ref(account),
								status: 'PENDING' as const,
							},
							{
								direction: 'MONEY_OUT' as const,
								origin: 'USER' as const,
								source: ref(account),
								destination: ref(externalAccount),
								status: 'ERROR' as const,
								errorCode: 'NAME_MISMATCH',
							},
						][number % 5];
			const transfer: Transfer = {
				id: `f0000000-0000-4000-8000-${number.toString(16).padStart(12, '0')}`,
				amountInCents,
				direction: shape.direction,
				origin: shape.origin,
				source: shape.source,
				destination: shape.destination,
				status: shape.status,
				executionMode: options.executionMode ?? 'LIVE',
				ruleId: null,
				ruleExecutionId: null,
				errorCode: shape.errorCode ?? null,
				createdAt: new Date(at).toISOString(),
				completedAt: shape.status === 'COMPLETE' ? new Date(at + 120_000).toISOString() : null,
			};
			this.state.transfers.push({ item: transfer, at });
			added.push(transfer);
		}
		return added;
	}

	/** The reply to a fault the sandbox injects (status instead of the real answer). */
	faultReply(status: number, retryAfter?: string): PlatformV1Reply {
		const requestId = this.nextRequestId();
		const code = status === 429 ? 'RATE_LIMIT_EXCEEDED' : 'UNEXPECTED_ERROR';
		return {
			status,
			body: {
				error: {
					code,
					message: status === 429 ? 'Too many requests' : 'An unexpected error occurred',
				},
			},
			headers: { 'X-Request-Id': requestId, ...(retryAfter ? { 'Retry-After': retryAfter } : {}) },
			code,
			requestId,
		};
	}

	/** Answers one request whose path starts with /platform/v1. */
	handle(request: { method: string; url: string; headers: IncomingHttpHeaders }): PlatformV1Reply {
		const receivedAt = this.now();
		const requestId = this.nextRequestId();
		const url = new URL(request.url, 'http://sandbox');
		const query = [...url.searchParams.entries()];
		let key: ApiKey | undefined;
		let reply: PlatformV1Reply;
		try {
			const found = this.match(request.method, url.pathname.slice(PLATFORM_V1_PREFIX.length));
			if (!found) {
				reply = {
					status: 404,
					text: `Cannot ${request.method} ${url.pathname}`,
					headers: { 'X-Request-Id': requestId },
					requestId,
				};
			} else {
				key = this.authenticate(request.headers.authorization);
				this.checkRateLimit(key, receivedAt);
				try {
					const { status, data } = found.operation.run({ key, params: found.params, query });
					reply = {
						status,
						body: { data, requestId },
						headers: { 'X-Request-Id': requestId },
						requestId,
					};
				} catch (error) {
					reply = this.errorReply(error, requestId);
				}
				if (reply.status !== 501)
					this.audit(key, url.pathname, found.operation.action, reply, receivedAt);
			}
		} catch (error) {
			reply = this.errorReply(error, requestId);
		}
		this.requests.push({
			method: request.method,
			path: url.pathname,
			query,
			headers: redactAuthorization(request.headers),
			status: reply.status,
			...(reply.code ? { code: reply.code } : {}),
			...(key ? { apiKeyId: key.id } : {}),
			requestId,
			receivedAt,
		});
		return reply;
	}

	private nextRequestId(): string {
		return `req-${++this.requestCount}`;
	}

	private errorReply(error: unknown, requestId: string): PlatformV1Reply {
		const known =
			error instanceof ApiError
				? error
				: new ApiError(500, 'UNEXPECTED_ERROR', 'An unexpected error occurred');
		return {
			status: known.status,
			body: { error: { code: known.code, message: known.message } },
			headers: { 'X-Request-Id': requestId, ...known.headers },
			code: known.code,
			requestId,
		};
	}

	private match(
		method: string,
		path: string,
	): { operation: Operation; params: string[] } | undefined {
		for (const route of this.routes) {
			const match = route.pattern.exec(path);
			if (!match) continue;
			const operation = route.methods[method];
			if (!operation) return undefined;
			let params: string[];
			try {
				params = match.slice(1).map((param) => decodeURIComponent(param));
			} catch {
				return undefined;
			}
			return { operation, params };
		}
		return undefined;
	}

	private authenticate(header: string | undefined): ApiKey {
		const token = header ? /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] : undefined;
		const key = token ? this.state.apiKeys.find((candidate) => candidate.key === token) : undefined;
		if (!key)
			throw new ApiError(
				401,
				'UNAUTHORIZED',
				header
					? 'The API key could not be resolved'
					: 'Send the API key as Authorization: Bearer <key>',
			);
		return key;
	}

	/** 100 requests per key in each fixed one-minute window (aligned on the clock's minutes). */
	private checkRateLimit(key: ApiKey, now: number): void {
		const window = Math.floor(now / WINDOW_MS);
		const current = this.windows.get(key.id);
		const state = current && current.window === window ? current : { window, count: 0 };
		state.count++;
		this.windows.set(key.id, state);
		if (state.count <= this.rateLimitPerMinute) return;
		const seconds = Math.max(1, Math.ceil(((window + 1) * WINDOW_MS - now) / 1000));
		throw new ApiError(
			429,
			'RATE_LIMIT_EXCEEDED',
			`More than ${this.rateLimitPerMinute} requests in a minute; retry in ${seconds} s`,
			{ 'Retry-After': String(seconds) },
		);
	}

	private audit(
		key: ApiKey,
		path: string,
		action: AuditAction | null,
		reply: PlatformV1Reply,
		at: number,
	): void {
		const entry: AuditLogEntry = {
			id: randomUUID(),
			createdAt: new Date(at).toISOString(),
			apiKeyId: key.id,
			apiKeyName: key.name,
			path,
			action,
			requestId: reply.requestId,
			outcome: reply.status < 400 ? 'SUCCESS' : 'FAILURE',
			errorCode: reply.code ?? null,
		};
		this.state.auditLogs.unshift({ item: entry, at });
		this.state.auditLogs.sort((a, b) => b.at - a.at);
	}

	// --- permissions

	private requirePermission(key: ApiKey, permission: ResourcePermission | 'READ_AUDIT_LOGS'): void {
		if (key.permissions[permission] === undefined)
			throw denied(`This API key lacks the ${permission} permission`);
	}

	/** The resource ids the key may reach with the permission, or '*' (checked present). */
	private scope(key: ApiKey, permission: ResourcePermission): '*' | Set<string> {
		this.requirePermission(key, permission);
		const list = key.permissions[permission]!;
		return list === '*' ? '*' : new Set(list);
	}

	private requireResource(key: ApiKey, permission: ResourcePermission, id: string): void {
		const scope = this.scope(key, permission);
		if (scope !== '*' && !scope.has(id))
			throw denied(`This API key's ${permission} permission does not cover ${id}`);
	}

	// --- operations

	private listAccounts({ key, query }: Context) {
		const scope = this.scope(key, 'READ_ACCOUNTS');
		const q = new Query(query, { scalars: ['type', 'state', ...PAGING] });
		const type = q.enumeration('type', accountType.options);
		const state = q.enumeration('state', ['ACTIVE', 'ALL'] as const) ?? 'ACTIVE';
		const paging = q.page();
		const accounts = this.state.accounts.filter(
			(account) =>
				(scope === '*' || scope.has(account.id)) &&
				(type === undefined || account.type === type) &&
				(state === 'ALL' || account.deletedAt === null),
		);
		return { status: 200, data: paginate(accounts.map(accountSummary), paging) };
	}

	private getAccount({ key, params: [id], query }: Context) {
		this.requireResource(key, 'READ_ACCOUNTS', id);
		noParameters(query);
		return { status: 200, data: this.account(id) };
	}

	private account(id: string): Account {
		const account = this.state.accounts.find((candidate) => candidate.id === id);
		if (!account) throw new ApiError(404, 'ACCOUNT_NOT_FOUND', `No account ${id}`);
		return account;
	}

	private listAccountTransfers({ key, params: [accountId], query }: Context) {
		this.requireResource(key, 'READ_TRANSFERS', accountId);
		const q = new Query(query, { scalars: ['accountRole', ...TRANSFER_FILTERS] });
		const role =
			q.enumeration('accountRole', ['source', 'destination', 'either'] as const) ?? 'either';
		const filter = transferFilter(q);
		const paging = q.page();
		this.account(accountId);
		const matches = this.state.transfers.filter(
			({ item, at }) =>
				((role !== 'destination' && item.source?.id === accountId) ||
					(role !== 'source' && item.destination?.id === accountId)) &&
				filter(item, at),
		);
		return listReply(matches, paging);
	}

	private listTransfers({ key, query }: Context) {
		this.requirePermission(key, 'READ_TRANSFERS');
		const q = new Query(query, { scalars: TRANSFER_FILTERS, arrays: ['accountIds'] });
		const accountIds = q.uuids('accountIds');
		const filter = transferFilter(q);
		const paging = q.page();
		for (const id of accountIds) this.requireResource(key, 'READ_TRANSFERS', id);
		const wanted = new Set(accountIds);
		const matches = this.state.transfers.filter(
			({ item, at }) =>
				(wanted.has(item.source?.id ?? '') || wanted.has(item.destination?.id ?? '')) &&
				filter(item, at),
		);
		return listReply(matches, paging);
	}

	private getTransfer({ key, params: [id], query }: Context) {
		const scope = this.scope(key, 'READ_TRANSFERS');
		noParameters(query);
		const transfer = this.state.transfers.find(({ item }) => item.id === id)?.item;
		if (!transfer) throw new ApiError(404, 'TRANSFER_NOT_FOUND', `No transfer ${id}`);
		const sides = [transfer.source?.id, transfer.destination?.id];
		if (scope !== '*' && !sides.some((side) => side && scope.has(side)))
			throw denied(`This API key's READ_TRANSFERS permission covers neither account of ${id}`);
		return { status: 200, data: transfer };
	}

	private listRules({ key, query }: Context) {
		const scope = this.scope(key, 'READ_RULES');
		const q = new Query(query, { scalars: ['sourceId', ...PAGING] });
		const sourceId = q.string('sourceId');
		const paging = q.page();
		const rules = this.state.rules.filter(
			(rule) =>
				(scope === '*' || scope.has(rule.id)) &&
				(sourceId === undefined ||
					rule.trigger.accountId === sourceId ||
					rule.steps.some((step) => step.actions.some((action) => action.source.id === sourceId))),
		);
		return { status: 200, data: paginate(rules.map(ruleSummary), paging) };
	}

	private rule(id: string): Rule {
		const rule = this.state.rules.find((candidate) => candidate.id === id);
		if (!rule) throw new ApiError(404, 'RULE_NOT_FOUND', `No rule ${id}`);
		return rule;
	}

	private getRule({ key, params: [id], query }: Context) {
		this.requireResource(key, 'READ_RULES', id);
		noParameters(query);
		const rule = this.rule(id);
		if (!rule.isSupported)
			throw new ApiError(
				403,
				'INVALID_RULE',
				'This rule is not supported through the API; open it in the Sequence app',
			);
		return { status: 200, data: ruleDetail(rule) };
	}

	private listExecutions({ key, params: [ruleId], query }: Context) {
		this.requireResource(key, 'READ_RULES', ruleId);
		const q = new Query(query, {
			scalars: ['status', 'triggerType', 'executionMode', ...RANGE, ...PAGING],
		});
		const status = q.enumeration('status', executionStatus.options);
		const trigger = q.enumeration('triggerType', triggerType.options);
		const mode = q.enumeration('executionMode', ['LIVE', 'SIMULATION', 'ALL'] as const) ?? 'LIVE';
		const range = q.range();
		const paging = q.page();
		this.rule(ruleId);
		const matches = this.state.executions.filter(
			({ item, at }) =>
				item.ruleId === ruleId &&
				(status === undefined || item.status === status) &&
				(trigger === undefined || item.triggerDetails.type === trigger) &&
				(mode === 'ALL' || item.executionMode === mode) &&
				inRange(at, range),
		);
		return {
			status: 200,
			data: paginate(
				matches.map(({ item }) => executionSummary(item)),
				paging,
			),
		};
	}

	private getExecution({ key, params: [ruleId, id], query }: Context) {
		this.requireResource(key, 'READ_RULES', ruleId);
		noParameters(query);
		this.rule(ruleId);
		const execution = this.state.executions.find(
			({ item }) => item.id === id && item.ruleId === ruleId,
		)?.item;
		if (!execution)
			throw new ApiError(404, 'RULE_EXECUTION_NOT_FOUND', `No execution ${id} of rule ${ruleId}`);
		return { status: 200, data: execution };
	}

	private listExternalTransactions({ key, query }: Context) {
		this.requirePermission(key, 'READ_TRANSFERS');
		const q = new Query(query, {
			scalars: ['direction', 'status', ...RANGE, ...PAGING],
			arrays: ['accountIds'],
		});
		const accountIds = q.uuids('accountIds');
		const direction = q.enumeration('direction', ['MONEY_IN', 'MONEY_OUT'] as const);
		const status = q.enumeration('status', ['PENDING', 'COMPLETE'] as const);
		const range = q.range();
		const paging = q.page();
		for (const id of accountIds) this.requireResource(key, 'READ_TRANSFERS', id);
		const wanted = new Set(accountIds);
		const matches = this.state.externalTransactions.filter(
			({ item, at }) =>
				wanted.has(item.accountId) &&
				(direction === undefined || item.direction === direction) &&
				(status === undefined || item.status === status) &&
				inRange(at, range),
		);
		return listReply(matches, paging);
	}

	private listCardTransactions({ key, query }: Context) {
		this.requirePermission(key, 'READ_TRANSFERS');
		const q = new Query(query, { scalars: ['accountId', 'cardId', ...RANGE, ...PAGING] });
		const accountId = q.uuid('accountId', true)!;
		const cardId = q.uuid('cardId');
		const range = q.range();
		const paging = q.page();
		this.requireResource(key, 'READ_TRANSFERS', accountId);
		const matches = this.state.cardTransactions.filter(
			({ item, at }) =>
				item.account.id === accountId &&
				(cardId === undefined || item.cardId === cardId) &&
				inRange(at, range),
		);
		return listReply(matches, paging);
	}

	private listAuditLogs({ key, query }: Context) {
		this.requirePermission(key, 'READ_AUDIT_LOGS');
		const q = new Query(query, { scalars: ['apiKeyId', 'action', ...RANGE, ...PAGING] });
		const apiKeyId = q.uuid('apiKeyId');
		const action = q.enumeration('action', auditActionFilter.options);
		const now = this.now();
		const oldest = now - 90 * DAY_MS;
		const range = q.range();
		if (range.from !== undefined && range.from < oldest)
			throw invalid(`from: at most 90 days back (not before ${new Date(oldest).toISOString()})`);
		const from = range.from ?? oldest;
		const to = range.to ?? now;
		if (from > to) throw invalid('from: must not be after to');
		const paging = q.page();
		const matches = this.state.auditLogs.filter(
			({ item, at }) =>
				(apiKeyId === undefined || item.apiKeyId === apiKeyId) &&
				(action === undefined || item.action === action) &&
				inRange(at, { from, to }),
		);
		return listReply(matches, paging);
	}
}

/** Operations without query parameters refuse any (as every operation refuses undeclared ones). */
function noParameters(query: Array<[string, string]>): void {
	new Query(query, {});
}

function transferFilter(q: Query): (transfer: Transfer, at: number) => boolean {
	const direction = q.enumeration('direction', transferDirection.options);
	const status = q.enumeration('status', transferStatus.options);
	const mode = q.enumeration('executionMode', ['LIVE', 'SIMULATION', 'ALL'] as const) ?? 'LIVE';
	const range = q.range();
	const origin = q.enumeration('origin', transferOriginFilter.options);
	const ruleExecutionId = q.string('rule_execution_id');
	return (transfer, at) =>
		(direction === undefined || transfer.direction === direction) &&
		(status === undefined || transfer.status === status) &&
		(mode === 'ALL' || transfer.executionMode === mode) &&
		inRange(at, range) &&
		(origin === undefined || transfer.origin === origin) &&
		(ruleExecutionId === undefined || transfer.ruleExecutionId === ruleExecutionId);
}

type LinkedAccount = z.infer<typeof linkedAccountSchema>;

function linkedAccountSummary(account: LinkedAccount) {
	return {
		id: account.id,
		name: account.name,
		type: account.type,
		description: account.description,
		externalAccountType: account.externalAccountType,
		beneficiaryName: account.beneficiaryName,
		institutionName: account.institutionName,
		canBeSource: account.canBeSource,
		canBeDestination: account.canBeDestination,
		createdAt: account.createdAt,
		updatedAt: account.updatedAt,
		deletedAt: account.deletedAt,
	};
}

/** AccountSummary: no numbers, balance or savings target; the linked account summarised. */
export function accountSummary(account: Account) {
	const { createdAt, updatedAt, deletedAt, ...fields } = linkedAccountSummary(account);
	return {
		...fields,
		linkedAccount: account.linkedAccount ? linkedAccountSummary(account.linkedAccount) : null,
		createdAt,
		updatedAt,
		deletedAt,
	};
}

export function ruleSummary(rule: Rule) {
	return {
		id: rule.id,
		name: rule.name,
		description: rule.description,
		status: rule.status,
		isSupported: rule.isSupported,
		createdAt: rule.createdAt,
		updatedAt: rule.updatedAt,
		deletedAt: rule.deletedAt,
	};
}

/** Rule: the summary minus `isSupported`, plus trigger and steps. */
export function ruleDetail(rule: Rule) {
	return {
		id: rule.id,
		name: rule.name,
		description: rule.description,
		status: rule.status,
		createdAt: rule.createdAt,
		updatedAt: rule.updatedAt,
		deletedAt: rule.deletedAt,
		trigger: rule.trigger,
		steps: rule.steps,
	};
}

export function executionSummary(execution: RuleExecution) {
	return {
		id: execution.id,
		ruleId: execution.ruleId,
		status: execution.status,
		executionMode: execution.executionMode,
		createdAt: execution.createdAt,
	};
}
