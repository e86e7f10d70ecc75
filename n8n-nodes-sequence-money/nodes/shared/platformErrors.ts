// Sequence Platform v1 errors: reading the error envelope and saying in plain words what
// happened and what to do (reference §5). The node code turns the result into an n8n
// error; this module has no n8n imports so every wording can be tested.
//
// Everything taken from a response or from the caller is cleaned (no control characters)
// and shortened before it is shown, so a huge or hostile body cannot flood the UI or logs.

export type PlatformPermission =
	| 'READ_ACCOUNTS'
	| 'READ_RULES'
	| 'TRIGGER_RULES'
	| 'READ_TRANSFERS'
	| 'MANUAL_TRANSFER'
	| 'READ_AUDIT_LOGS';

/** The permission each operation needs, keyed `resource.operation` (reference §2–3). */
export const PERMISSION_FOR_OPERATION: Readonly<Record<string, PlatformPermission>> = {
	'account.getMany': 'READ_ACCOUNTS',
	'account.get': 'READ_ACCOUNTS',
	'account.getTransfers': 'READ_TRANSFERS',
	'transfer.getMany': 'READ_TRANSFERS',
	'transfer.get': 'READ_TRANSFERS',
	'transfer.create': 'MANUAL_TRANSFER',
	'rule.getMany': 'READ_RULES',
	'rule.get': 'READ_RULES',
	'rule.trigger': 'TRIGGER_RULES',
	'ruleExecution.getMany': 'READ_RULES',
	'ruleExecution.get': 'READ_RULES',
	'externalTransaction.getMany': 'READ_TRANSFERS',
	'cardTransaction.getMany': 'READ_TRANSFERS',
	'auditLog.getMany': 'READ_AUDIT_LOGS',
};

/** Every error code the reference documents (§5). */
export const PLATFORM_ERROR_CODES = [
	'INVALID_PARAMETERS',
	'TRANSFER_SOURCE_NOT_FOUND',
	'TRANSFER_DESTINATION_NOT_FOUND',
	'IDEMPOTENCY_KEY_MISMATCH',
	'UNAUTHORIZED',
	'ACCESS_DENIED',
	'MAXIMUM_AMOUNT_EXCEEDED',
	'RULE_DEACTIVATED',
	'INVALID_RULE',
	'ACCOUNT_NOT_FOUND',
	'RULE_NOT_FOUND',
	'RULE_EXECUTION_NOT_FOUND',
	'TRANSFER_NOT_FOUND',
	'TRANSFER_IN_PROGRESS',
	'RULE_EXECUTION_IN_PROGRESS',
	'RATE_LIMIT_EXCEEDED',
	'UNEXPECTED_ERROR',
] as const;

export type PlatformErrorCode = (typeof PLATFORM_ERROR_CODES)[number];

export interface ParsedPlatformError {
	code?: string;
	message?: string;
	/** When the body carries one (`requestId` beside or inside `error`). */
	requestId?: string;
}

/** Longest text kept from a body by `parsePlatformError`. */
export const MAX_PARSED_MESSAGE_LENGTH = 500;
/** Longest server message quoted in a description. */
export const MAX_SHOWN_MESSAGE_LENGTH = 200;

const CODE_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

/** One line, no control characters, at most `max` characters (ending in "…" when cut). */
function clip(text: string, max: number): string {
	// eslint-disable-next-line no-control-regex
	const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\s]+/g, ' ').trim();
	return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringField(value: unknown, max: number): string | undefined {
	if (typeof value !== 'string') return undefined;
	const text = clip(value, max);
	return text === '' ? undefined : text;
}

function codeField(value: unknown): string | undefined {
	return typeof value === 'string' && CODE_PATTERN.test(value.trim()) ? value.trim() : undefined;
}

function fromText(text: string): ParsedPlatformError {
	const trimmed = text.trim();
	if (trimmed === '') return {};
	if (trimmed.startsWith('{')) {
		try {
			return fromObject(JSON.parse(trimmed));
		} catch {
			// Not JSON after all: shown as plain text below.
		}
	}
	if (trimmed.startsWith('<')) {
		// An HTML page (a proxy or gateway error): its title, if any, is the useful part.
		const title = /<title[^>]*>([^<]*)<\/title>/i.exec(trimmed.slice(0, 10_000));
		const message = title ? stringField(title[1], MAX_PARSED_MESSAGE_LENGTH) : undefined;
		return message ? { message } : {};
	}
	const message = stringField(trimmed, MAX_PARSED_MESSAGE_LENGTH);
	return message ? { message } : {};
}

function fromObject(body: unknown): ParsedPlatformError {
	if (!isRecord(body)) return {};
	const { error } = body;
	const result: ParsedPlatformError = {};
	if (isRecord(error)) {
		result.code = codeField(error.code);
		result.message = stringField(error.message, MAX_PARSED_MESSAGE_LENGTH);
		result.requestId = stringField(error.requestId, 100);
	} else if (typeof error === 'string') {
		result.message = stringField(error, MAX_PARSED_MESSAGE_LENGTH);
	} else {
		// The legacy API's flat `{code, message}` (reference §10).
		result.code = codeField(body.code);
		result.message = stringField(body.message, MAX_PARSED_MESSAGE_LENGTH);
	}
	result.requestId ??= stringField(body.requestId, 100);
	for (const key of ['code', 'message', 'requestId'] as const) {
		if (result[key] === undefined) delete result[key];
	}
	return result;
}

/**
 * Reads `{"error": {"code", "message"}}` from an error response. Tolerates a body that is
 * already parsed, JSON text, bytes, plain text (the 404 Sequence sends for a method a path
 * does not have), an HTML error page (its title) or nothing. A success status gives {}.
 */
export function parsePlatformError(status: number, body: unknown): ParsedPlatformError {
	if (Number.isFinite(status) && status < 400) return {};
	if (typeof body === 'string') return fromText(body);
	if (body instanceof Uint8Array) return fromText(new TextDecoder().decode(body));
	return fromObject(body);
}

export interface PlatformErrorContext {
	/** The HTTP status. */
	status: number;
	/** `error.code` from the body, when there was one. */
	code?: string;
	/** `error.message` from the body, or the plain-text body. */
	serverMessage?: string;
	requestId?: string;
	/** The permission the operation needs; defaults to `PERMISSION_FOR_OPERATION[operation]`. */
	permission?: string;
	/** `resource.operation`, e.g. `account.getMany`. */
	operation: string;
	/** From Retry-After, for 429. */
	retryAfterMs?: number;
}

export interface PlatformErrorText {
	/** One line: what went wrong, with the code. */
	message: string;
	/** What it means and what to do, the server's message and the request ID. */
	description: string;
}

const API_KEYS_PLACE = 'Sequence → Settings → API Keys';

function operationLabel(operation: string): string {
	const match = /^([a-z][A-Za-z]*)\.([a-z][A-Za-z]*)$/.exec(operation);
	if (!match) return clip(operation, 60) || 'this operation';
	const words = (name: string) =>
		name
			.replace(/([a-z])([A-Z])/g, '$1 $2')
			.replace(/^./, (first) => first.toUpperCase())
			.replace(/ ([A-Z])/g, (_all, letter: string) => ` ${letter.toUpperCase()}`);
	return `${words(match[1])}: ${words(match[2])}`;
}

function permissionFor(context: PlatformErrorContext): string | undefined {
	const given = context.permission === undefined ? undefined : clip(context.permission, 40);
	if (given) return given;
	return Object.prototype.hasOwnProperty.call(PERMISSION_FOR_OPERATION, context.operation)
		? PERMISSION_FOR_OPERATION[context.operation]
		: undefined;
}

/** What the permission's resource list is made of, for "not in its list" hints. */
const LISTED_RESOURCES: Readonly<Record<string, string>> = {
	READ_ACCOUNTS: 'accounts',
	READ_TRANSFERS: 'accounts',
	READ_RULES: 'rules',
	TRIGGER_RULES: 'rules',
};

// Parameter names from the reference (§3, §6). Distinctive names are recognised anywhere
// in the server's message; common words only when quoted, prefixed (`query.to`) or
// followed by ":" / "=", so that "failed to parse" does not name the "to" parameter.
const DISTINCTIVE_FIELDS = [
	'sourceAccountId',
	'destinationAccountId',
	'amountInCents',
	'executeAmount',
	'accountIds',
	'accountId',
	'accountRole',
	'executionMode',
	'rule_execution_id',
	'triggerType',
	'sourceId',
	'pageSize',
	'cardId',
	'apiKeyId',
	'idempotency-key',
];
const COMMON_FIELDS = [
	'description',
	'simulation',
	'direction',
	'status',
	'origin',
	'action',
	'state',
	'type',
	'page',
	'from',
	'to',
];

const FIELD_HINTS: Readonly<Record<string, string>> = {
	accountIds: 'it needs at least one account ID (a UUID)',
	accountId: 'it must be an account ID (a UUID)',
	sourceAccountId: 'it must be an account ID (a UUID)',
	destinationAccountId: 'it must be an account ID (a UUID)',
	amountInCents: 'it is a whole number of cents, at least 100 ($1.00)',
	executeAmount: 'it is a whole number of cents, 0 or more',
	description:
		'the transfer description is the bank statement label: at most 10 characters, letters, digits and spaces only',
	pageSize: 'it must be between 1 and 100',
	page: 'it must be 1 or more',
	from: 'it must be an RFC 3339 date and time; audit logs and external transactions go back 90 days at most',
	to: 'it must be an RFC 3339 date and time, not before "from"',
	'idempotency-key': 'it must be 1–36 characters: letters, digits and . _ : / | - (a UUID works)',
};

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The parameter a validation message names, if it names a documented one. */
export function fieldNamedIn(serverMessage: string | undefined): string | undefined {
	if (!serverMessage) return undefined;
	const text = serverMessage.slice(0, 2000);
	let best: { field: string; index: number } | undefined;
	const consider = (field: string, pattern: RegExp) => {
		const match = pattern.exec(text);
		if (match && (best === undefined || match.index < best.index)) {
			best = { field, index: match.index };
		}
	};
	for (const field of DISTINCTIVE_FIELDS) {
		consider(field, new RegExp(`(?<![A-Za-z0-9_-])${escapeRegExp(field)}(?![A-Za-z0-9_-])`));
	}
	for (const field of COMMON_FIELDS) {
		const name = escapeRegExp(field);
		consider(
			field,
			new RegExp(
				`["'\`]${name}(?:\\[\\])?["'\`]|\\b(?:query|body|params|field|parameter|property)[.\\s]+${name}\\b|(?<![A-Za-z0-9_.-])${name}(?:\\[\\])?\\s*[:=]`,
				'i',
			),
		);
	}
	return best?.field;
}

function plural(count: number, word: string): string {
	return `${count} ${word}${count === 1 ? '' : 's'}`;
}

interface Explanation {
	headline: string;
	detail: string;
}

const NOT_FOUND: Readonly<
	Record<string, { noun: string; permission: PlatformPermission; sees: string; early: boolean }>
> = {
	ACCOUNT_NOT_FOUND: {
		noun: 'account',
		permission: 'READ_ACCOUNTS',
		sees: 'only those',
		early: false,
	},
	RULE_NOT_FOUND: { noun: 'rule', permission: 'READ_RULES', sees: 'only those', early: false },
	RULE_EXECUTION_NOT_FOUND: {
		noun: 'rule execution',
		permission: 'READ_RULES',
		sees: 'only executions of those rules',
		early: true,
	},
	TRANSFER_NOT_FOUND: {
		noun: 'transfer',
		permission: 'READ_TRANSFERS',
		sees: 'only transfers from or to those accounts',
		early: true,
	},
};

function explainCode(code: string, context: PlatformErrorContext): Explanation | undefined {
	const operation = operationLabel(context.operation);
	const permission = permissionFor(context);
	const hasServerMessage = Boolean(context.serverMessage);
	const notFound = NOT_FOUND[code];
	if (notFound) {
		const { noun } = notFound;
		// The operation's permission decides visibility when it lists the same kind of
		// resource (an account missing from Account: Get Transfers is a READ_TRANSFERS matter).
		const listed = LISTED_RESOURCES[notFound.permission];
		const visibility =
			permission && LISTED_RESOURCES[permission] === listed ? permission : notFound.permission;
		return {
			headline: `Sequence found no such ${noun}`,
			detail:
				`The ${noun} does not exist, was deleted, or is not visible to this API key ` +
				`(a key whose ${visibility} permission lists only some ${listed} sees ${notFound.sees}).` +
				` Check the ID, and the key's permissions in ${API_KEYS_PLACE}.` +
				(notFound.early
					? ` If Sequence returned this ID moments ago, it may not be readable yet: wait a few seconds and try again.`
					: ''),
		};
	}
	switch (code) {
		case 'UNAUTHORIZED':
			return {
				headline: 'Sequence did not accept the API key',
				detail:
					'Sequence could not match the API key to an account: it is wrong, incomplete, or has been revoked. ' +
					`Paste the key again in the Sequence credential (create a new one in ${API_KEYS_PLACE} if needed), ` +
					"and check that the credential's environment (production, staging) is the one the key belongs to.",
			};
		case 'ACCESS_DENIED': {
			if (permission === 'MANUAL_TRANSFER') {
				return {
					headline: 'The Sequence API key may not make this transfer',
					detail:
						`The key works, but ${operation} needs a MANUAL_TRANSFER permission entry for exactly this source and destination account, ` +
						`with a maximum amount at least this transfer's. Add that entry to the key in ${API_KEYS_PLACE}, or use a key that has it.`,
				};
			}
			const listed = permission ? LISTED_RESOURCES[permission] : undefined;
			return {
				headline: permission
					? `The Sequence API key lacks the ${permission} permission`
					: 'The Sequence API key lacks a permission',
				detail:
					(permission
						? `The key works, but ${operation} needs the ${permission} permission`
						: `The key works, but it lacks the permission ${operation} needs`) +
					(listed
						? `, and when that permission lists specific ${listed}, the ${listed === 'rules' ? 'rule' : 'account'} used here must be among them.`
						: '.') +
					` Add it in ${API_KEYS_PLACE}, or use a key that has it.`,
			};
		}
		case 'INVALID_PARAMETERS': {
			const field = fieldNamedIn(context.serverMessage);
			const hint = field ? FIELD_HINTS[field] : undefined;
			return {
				headline: field
					? `Sequence rejected the "${field}" parameter`
					: "Sequence rejected the request's parameters",
				detail:
					(field
						? `The value sent as "${field}" did not pass Sequence's validation${hint ? `: ${hint}` : ''}.`
						: `A value sent to Sequence did not pass its validation${hasServerMessage ? "; Sequence's message says which" : ''}.`) +
					' Correct it in the node and run it again.',
			};
		}
		case 'TRANSFER_SOURCE_NOT_FOUND':
		case 'TRANSFER_DESTINATION_NOT_FOUND': {
			const side = code === 'TRANSFER_SOURCE_NOT_FOUND' ? 'source' : 'destination';
			return {
				headline: `Sequence found no such ${side} account`,
				detail: `The ${side} account of the transfer does not exist in Sequence (or was deleted). Check the ${side} account ID; Account: Get Many lists the valid ones.`,
			};
		}
		case 'IDEMPOTENCY_KEY_MISMATCH':
			return {
				headline: 'The idempotency key was already used for a different request',
				detail:
					'Sequence keeps idempotency keys for 24 hours, and this key was used then with a different body (amount, accounts, simulation, …). ' +
					'Use a new key for a new transfer or trigger; to repeat the original, send exactly the same body with the same key.',
			};
		case 'MAXIMUM_AMOUNT_EXCEEDED':
			return {
				headline: "The transfer is above the API key's maximum amount",
				detail: `The key's MANUAL_TRANSFER entry for this source and destination caps the amount, and this transfer exceeds it. Lower the amount, or raise the cap in ${API_KEYS_PLACE}.`,
			};
		case 'RULE_DEACTIVATED':
			return {
				headline: 'The Sequence rule is disabled',
				detail:
					'A disabled rule never runs, not even through the API. Enable the rule in Sequence, then run this again.',
			};
		case 'INVALID_RULE':
			return {
				headline: 'Sequence cannot use this rule through the API',
				detail:
					'The rule was deleted, or it uses a trigger or features that the API does not support (such rules show isSupported: false in Rule: Get Many). ' +
					'Check the rule in the Sequence app, and run it from there if needed.',
			};
		case 'TRANSFER_IN_PROGRESS':
		case 'RULE_EXECUTION_IN_PROGRESS': {
			const what = code === 'TRANSFER_IN_PROGRESS' ? 'transfer' : 'rule trigger';
			return {
				headline: `An earlier ${what} with this idempotency key is still in progress`,
				detail: `Sequence is still processing a request with the same idempotency key. Wait a few seconds and retry with the same key; do not change the key, or the ${what} could happen twice.`,
			};
		}
		case 'RATE_LIMIT_EXCEEDED':
			return rateLimited(context);
		case 'UNEXPECTED_ERROR':
			return {
				headline: 'Sequence had an internal error',
				detail:
					'Sequence failed on its side; nothing in the request is known to be wrong. Try again in a little while ' +
					'(for a transfer or rule trigger, with the same idempotency key so that nothing happens twice). ' +
					`If it keeps happening, report it to Sequence support${context.requestId ? ' with the request ID below' : ''}.`,
			};
		default:
			return undefined;
	}
}

function rateLimited(context: PlatformErrorContext): Explanation {
	const ms = context.retryAfterMs;
	let wait = 'Wait up to a minute before the next request.';
	if (typeof ms === 'number' && Number.isFinite(ms) && ms >= 0) {
		wait =
			ms > 3_600_000
				? 'Sequence asks to wait more than an hour before the next request.'
				: `Sequence asks to wait ${plural(Math.ceil(ms / 1000), 'second')} before the next request.`;
	}
	return {
		headline: 'Too many requests to Sequence with this API key',
		detail: `Sequence allows 100 requests per minute per API key, shared by every workflow that uses it. ${wait} If this happens often, run the workflows using this key less often, or spread them out.`,
	};
}

function explainStatus(context: PlatformErrorContext): Explanation {
	const { status } = context;
	if (status === 400) {
		return {
			headline: 'Sequence rejected the request',
			detail: `Sequence refused a value in the request${context.serverMessage ? '; its message says which' : ''}. Correct it in the node and run it again.`,
		};
	}
	if (status === 401) return explainCode('UNAUTHORIZED', context) as Explanation;
	if (status === 403) return explainCode('ACCESS_DENIED', context) as Explanation;
	if (status === 404) {
		if (context.code === undefined) {
			return {
				headline: 'Sequence has no such endpoint',
				detail:
					'Sequence answered 404 without an error code, which it does for a method or path that Platform v1 does not have. ' +
					"Check that the credential's base URL ends in /platform/v1 (for example https://api.getsequence.io/platform/v1), " +
					'and update this node package if it still happens.',
			};
		}
		return {
			headline: 'Sequence found nothing there',
			detail: `What was asked for does not exist, or is not visible to this API key. Check the ID, and the key's permissions in ${API_KEYS_PLACE}.`,
		};
	}
	if (status === 409) {
		return {
			headline: 'Sequence reported a conflict',
			detail:
				'The request conflicts with one still in progress. Wait a few seconds and retry with the same idempotency key.',
		};
	}
	if (status === 429) return rateLimited(context);
	if (status >= 500 && status <= 599) {
		return {
			headline: 'Sequence is not responding normally',
			detail:
				'Sequence or a gateway in front of it failed. Try again in a little while (for a transfer or rule trigger, with the same idempotency key so that nothing happens twice).',
		};
	}
	return {
		headline: 'Sequence answered with an error',
		detail: `Sequence did not carry out the request.${context.serverMessage ? ' Its message may say why.' : ''}`,
	};
}

/**
 * Plain-language text for a Platform v1 error: what happened and what to do, for every
 * code the reference documents, falling back to the HTTP status for unknown codes and
 * for bodies without one. The request ID, when known, ends every description.
 */
export function describePlatformError(context: PlatformErrorContext): PlatformErrorText {
	const rawCode = context.code === undefined ? undefined : clip(context.code, 200);
	const code = rawCode && CODE_PATTERN.test(rawCode) ? rawCode : undefined;
	const status = Number.isSafeInteger(context.status) ? context.status : 0;
	const serverMessage =
		context.serverMessage === undefined
			? ''
			: clip(context.serverMessage, MAX_SHOWN_MESSAGE_LENGTH);
	const requestId = context.requestId === undefined ? '' : clip(context.requestId, 100);
	const safeContext: PlatformErrorContext = {
		...context,
		code,
		status,
		serverMessage: serverMessage || undefined,
		requestId: requestId || undefined,
	};
	const explanation = (code && explainCode(code, safeContext)) || explainStatus(safeContext);

	const tag = code
		? status
			? `${code}, HTTP ${status}`
			: code
		: rawCode
			? `HTTP ${status}, unrecognised code "${clip(rawCode, 40)}"`
			: `HTTP ${status}`;
	const parts = [explanation.detail];
	if (serverMessage && serverMessage !== code) {
		parts.push(`Sequence's message: "${serverMessage}".`);
	}
	if (requestId) parts.push(`Request ID: ${requestId}.`);
	return {
		message: `${explanation.headline} (${tag})`,
		description: parts.join(' '),
	};
}
