import {
	describePlatformError,
	fieldNamedIn,
	parsePlatformError,
	PERMISSION_FOR_OPERATION,
	PLATFORM_ERROR_CODES,
	type PlatformErrorCode,
} from '../../../n8n-nodes-sequence-money/nodes/shared/platformErrors';

const STATUS: Record<PlatformErrorCode, number> = {
	INVALID_PARAMETERS: 400,
	TRANSFER_SOURCE_NOT_FOUND: 400,
	TRANSFER_DESTINATION_NOT_FOUND: 400,
	IDEMPOTENCY_KEY_MISMATCH: 400,
	UNAUTHORIZED: 401,
	ACCESS_DENIED: 403,
	MAXIMUM_AMOUNT_EXCEEDED: 403,
	RULE_DEACTIVATED: 403,
	INVALID_RULE: 403,
	ACCOUNT_NOT_FOUND: 404,
	RULE_NOT_FOUND: 404,
	RULE_EXECUTION_NOT_FOUND: 404,
	TRANSFER_NOT_FOUND: 404,
	TRANSFER_IN_PROGRESS: 409,
	RULE_EXECUTION_IN_PROGRESS: 409,
	RATE_LIMIT_EXCEEDED: 429,
	UNEXPECTED_ERROR: 500,
};

/** What each code's text must convey (what happened / what to do). */
const MUST_SAY: Record<PlatformErrorCode, RegExp[]> = {
	INVALID_PARAMETERS: [/did not pass its validation/, /Correct it/],
	TRANSFER_SOURCE_NOT_FOUND: [/source account/, /Check the source account ID/],
	TRANSFER_DESTINATION_NOT_FOUND: [/destination account/, /Check the destination account ID/],
	IDEMPOTENCY_KEY_MISMATCH: [/different body/, /new key/],
	UNAUTHORIZED: [/wrong, incomplete, or has been revoked/, /Paste the key again/],
	ACCESS_DENIED: [/READ_ACCOUNTS/, /Sequence → Settings → API Keys/],
	MAXIMUM_AMOUNT_EXCEEDED: [/caps the amount/, /Lower the amount, or raise the cap/],
	RULE_DEACTIVATED: [/disabled/, /Enable the rule/],
	INVALID_RULE: [/not support/, /Sequence app/],
	ACCOUNT_NOT_FOUND: [/not visible to this API key/, /Check the ID/],
	RULE_NOT_FOUND: [/not visible to this API key/, /READ_RULES/],
	RULE_EXECUTION_NOT_FOUND: [/not visible to this API key/, /wait a few seconds/],
	TRANSFER_NOT_FOUND: [/not visible to this API key/, /wait a few seconds/],
	TRANSFER_IN_PROGRESS: [/still processing/, /same key/],
	RULE_EXECUTION_IN_PROGRESS: [/still processing/, /same key/],
	RATE_LIMIT_EXCEEDED: [/100 requests per minute per API key/, /wait 13 seconds/],
	UNEXPECTED_ERROR: [/Sequence support/, /same idempotency key/],
};

describe('parsePlatformError', () => {
	it('reads the Platform v1 envelope, parsed or as text or bytes', () => {
		const body = { error: { code: 'ACCESS_DENIED', message: 'Missing permission' } };
		const expected = { code: 'ACCESS_DENIED', message: 'Missing permission' };
		expect(parsePlatformError(403, body)).toEqual(expected);
		expect(parsePlatformError(403, JSON.stringify(body))).toEqual(expected);
		expect(parsePlatformError(403, new TextEncoder().encode(JSON.stringify(body)))).toEqual(
			expected,
		);
		expect(
			parsePlatformError(500, { error: { code: 'UNEXPECTED_ERROR' }, requestId: 'req-9' }),
		).toEqual({ code: 'UNEXPECTED_ERROR', requestId: 'req-9' });
	});

	it('tolerates plain text, HTML, broken JSON, odd shapes and nothing', () => {
		expect(parsePlatformError(404, 'Cannot DELETE /accounts')).toEqual({
			message: 'Cannot DELETE /accounts',
		});
		expect(
			parsePlatformError(502, '<html><head><title>502 Bad Gateway</title></head></html>'),
		).toEqual({ message: '502 Bad Gateway' });
		expect(parsePlatformError(502, '<html><body>oops</body></html>')).toEqual({});
		expect(parsePlatformError(400, '{"error": {"code": "INVA')).toEqual({
			message: '{"error": {"code": "INVA',
		});
		expect(parsePlatformError(400, { error: 'bad things' })).toEqual({ message: 'bad things' });
		expect(parsePlatformError(400, { code: 'LEGACY', message: 'flat' })).toEqual({
			code: 'LEGACY',
			message: 'flat',
		});
		expect(parsePlatformError(400, { error: { code: 42, message: ['x'] } })).toEqual({});
		expect(parsePlatformError(400, { error: { code: 'has spaces in it' } })).toEqual({});
		expect(parsePlatformError(500, '')).toEqual({});
		expect(parsePlatformError(500, undefined)).toEqual({});
		expect(parsePlatformError(500, null)).toEqual({});
		expect(parsePlatformError(500, 42)).toEqual({});
		expect(parsePlatformError(200, { error: { code: 'X' } })).toEqual({});
	});

	it('bounds what it keeps', () => {
		const parsed = parsePlatformError(400, { error: { code: 'X', message: 'y'.repeat(100_000) } });
		expect(parsed.message!.length).toBeLessThanOrEqual(500);
		expect(parsePlatformError(400, 'a\n\tb\u0000c')).toEqual({ message: 'a b c' });
	});
});

describe('describePlatformError', () => {
	it.each(PLATFORM_ERROR_CODES.map((code) => [code]))(
		'explains %s, with the code and the request ID',
		(code) => {
			const text = describePlatformError({
				status: STATUS[code],
				code,
				serverMessage: 'the server says so',
				requestId: 'req-42',
				operation: 'account.get',
				retryAfterMs: 12_300,
			});
			expect(text.message).toContain(`(${code}, HTTP ${STATUS[code]})`);
			for (const pattern of MUST_SAY[code]) expect(text.description).toMatch(pattern);
			expect(text.description).toContain('Sequence\'s message: "the server says so".');
			expect(text.description.endsWith('Request ID: req-42.')).toBe(true);
		},
	);

	it('says exactly what to do for a wrong key', () => {
		expect(
			describePlatformError({
				status: 401,
				code: 'UNAUTHORIZED',
				serverMessage: 'Invalid token',
				requestId: 'req-1',
				operation: 'account.getMany',
			}),
		).toEqual({
			message: 'Sequence did not accept the API key (UNAUTHORIZED, HTTP 401)',
			description:
				'Sequence could not match the API key to an account: it is wrong, incomplete, or has been revoked. Paste the key again in the Sequence credential (create a new one in Sequence → Settings → API Keys if needed), and check that the credential\'s environment (production, staging) is the one the key belongs to. Sequence\'s message: "Invalid token". Request ID: req-1.',
		});
	});

	it('names the missing permission for the operation', () => {
		expect(
			describePlatformError({ status: 403, code: 'ACCESS_DENIED', operation: 'auditLog.getMany' }),
		).toEqual({
			message:
				'The Sequence API key lacks the READ_AUDIT_LOGS permission (ACCESS_DENIED, HTTP 403)',
			description:
				'The key works, but Audit Log: Get Many needs the READ_AUDIT_LOGS permission. Add it in Sequence → Settings → API Keys, or use a key that has it.',
		});
		const rule = describePlatformError({
			status: 403,
			code: 'ACCESS_DENIED',
			operation: 'rule.trigger',
			requestId: 'req-7',
		});
		expect(rule.message).toContain('TRIGGER_RULES');
		expect(rule.description).toBe(
			'The key works, but Rule: Trigger needs the TRIGGER_RULES permission, and when that permission lists specific rules, the rule used here must be among them. Add it in Sequence → Settings → API Keys, or use a key that has it. Request ID: req-7.',
		);
		expect(
			describePlatformError({ status: 403, code: 'ACCESS_DENIED', operation: 'transfer.create' })
				.description,
		).toMatch(/MANUAL_TRANSFER permission entry for exactly this source and destination/);
		// An explicit permission wins over the table; an unknown operation still reads well.
		expect(
			describePlatformError({
				status: 403,
				code: 'ACCESS_DENIED',
				operation: 'account.get',
				permission: 'READ_TRANSFERS',
			}).message,
		).toContain('READ_TRANSFERS');
		expect(
			describePlatformError({ status: 403, code: 'ACCESS_DENIED', operation: 'thing.doIt' }),
		).toEqual({
			message: 'The Sequence API key lacks a permission (ACCESS_DENIED, HTTP 403)',
			description:
				'The key works, but it lacks the permission Thing: Do It needs. Add it in Sequence → Settings → API Keys, or use a key that has it.',
		});
	});

	it('covers every operation in the permission table', () => {
		expect(PERMISSION_FOR_OPERATION).toEqual({
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
		});
		for (const operation of Object.keys(PERMISSION_FOR_OPERATION)) {
			const text = describePlatformError({ status: 403, code: 'ACCESS_DENIED', operation });
			expect(text.description).toContain(PERMISSION_FOR_OPERATION[operation]);
		}
		expect(
			describePlatformError({ status: 403, code: 'ACCESS_DENIED', operation: 'toString' }).message,
		).toBe('The Sequence API key lacks a permission (ACCESS_DENIED, HTTP 403)');
	});

	it('says which permission hides a missing resource', () => {
		expect(
			describePlatformError({
				status: 404,
				code: 'ACCOUNT_NOT_FOUND',
				operation: 'account.getTransfers',
			}).description,
		).toContain('READ_TRANSFERS permission lists only some accounts');
		expect(
			describePlatformError({ status: 404, code: 'TRANSFER_NOT_FOUND', operation: 'transfer.get' }),
		).toEqual({
			message: 'Sequence found no such transfer (TRANSFER_NOT_FOUND, HTTP 404)',
			description:
				"The transfer does not exist, was deleted, or is not visible to this API key (a key whose READ_TRANSFERS permission lists only some accounts sees only transfers from or to those accounts). Check the ID, and the key's permissions in Sequence → Settings → API Keys. If Sequence returned this ID moments ago, it may not be readable yet: wait a few seconds and try again.",
		});
		expect(
			describePlatformError({ status: 404, code: 'ACCOUNT_NOT_FOUND', operation: 'account.get' })
				.description,
		).not.toMatch(/moments ago/);
	});

	it('names the invalid parameter when the server message does', () => {
		expect(
			describePlatformError({
				status: 400,
				code: 'INVALID_PARAMETERS',
				serverMessage: 'accountIds: Required',
				operation: 'transfer.getMany',
				requestId: 'req-3',
			}),
		).toEqual({
			message: 'Sequence rejected the "accountIds" parameter (INVALID_PARAMETERS, HTTP 400)',
			description:
				'The value sent as "accountIds" did not pass Sequence\'s validation: it needs at least one account ID (a UUID). Correct it in the node and run it again. Sequence\'s message: "accountIds: Required". Request ID: req-3.',
		});
		expect(
			describePlatformError({
				status: 400,
				code: 'INVALID_PARAMETERS',
				serverMessage: '"from" must be within the last 90 days',
				operation: 'auditLog.getMany',
			}).description,
		).toMatch(/"from".*90 days at most/);
		expect(
			describePlatformError({ status: 400, code: 'INVALID_PARAMETERS', operation: 'rule.getMany' }),
		).toEqual({
			message: "Sequence rejected the request's parameters (INVALID_PARAMETERS, HTTP 400)",
			description:
				'A value sent to Sequence did not pass its validation. Correct it in the node and run it again.',
		});
	});

	it.each([
		['accountIds: Required', 'accountIds'],
		['Expected uuid at accountIds[0]', 'accountIds'],
		['amountInCents must be >= 100', 'amountInCents'],
		['"from" must be within 90 days', 'from'],
		['Invalid query.to', 'to'],
		['status: Invalid enum value', 'status'],
		['description: String must contain at most 10 character(s)', 'description'],
		['pageSize must be <= 100', 'pageSize'],
		['failed to parse the request', undefined],
		['value is not valid for type', undefined],
		[undefined, undefined],
	])('finds the field in %j', (message, field) => {
		expect(fieldNamedIn(message)).toBe(field);
	});

	it('gives the wait for a rate limit, or a minute when unknown', () => {
		const known = describePlatformError({
			status: 429,
			code: 'RATE_LIMIT_EXCEEDED',
			operation: 'account.getMany',
			retryAfterMs: 1000,
		});
		expect(known.description).toContain('Sequence asks to wait 1 second before the next request.');
		const unknown = describePlatformError({ status: 429, operation: 'account.getMany' });
		expect(unknown.message).toBe('Too many requests to Sequence with this API key (HTTP 429)');
		expect(unknown.description).toContain('Wait up to a minute');
	});

	it('asks to report an unexpected error with the request ID', () => {
		expect(
			describePlatformError({
				status: 500,
				code: 'UNEXPECTED_ERROR',
				requestId: 'req-500',
				operation: 'rule.trigger',
			}),
		).toEqual({
			message: 'Sequence had an internal error (UNEXPECTED_ERROR, HTTP 500)',
			description:
				'Sequence failed on its side; nothing in the request is known to be wrong. Try again in a little while (for a transfer or rule trigger, with the same idempotency key so that nothing happens twice). If it keeps happening, report it to Sequence support with the request ID below. Request ID: req-500.',
		});
	});

	it('explains the plain-text 404 for a method a path does not have', () => {
		const parsed = parsePlatformError(404, 'Cannot DELETE /accounts');
		expect(
			describePlatformError({
				status: 404,
				code: parsed.code,
				serverMessage: parsed.message,
				operation: 'account.getMany',
			}),
		).toEqual({
			message: 'Sequence has no such endpoint (HTTP 404)',
			description:
				'Sequence answered 404 without an error code, which it does for a method or path that Platform v1 does not have. Check that the credential\'s base URL ends in /platform/v1 (for example https://api.getsequence.io/platform/v1), and update this node package if it still happens. Sequence\'s message: "Cannot DELETE /accounts".',
		});
	});

	it.each([
		[400, /refused a value/],
		[401, /Paste the key again/],
		[403, /READ_RULES/],
		[404, /does not exist, or is not visible/],
		[409, /same idempotency key/],
		[429, /100 requests per minute/],
		[502, /gateway/],
		[418, /did not carry out the request/],
	])('falls back to the HTTP status %i for an unknown code', (status, pattern) => {
		const text = describePlatformError({
			status,
			code: 'SOMETHING_NEW',
			operation: 'rule.get',
			requestId: 'req-x',
		});
		expect(text.message).toContain(`(SOMETHING_NEW, HTTP ${status})`);
		expect(text.description).toMatch(pattern);
		expect(text.description).toContain('Request ID: req-x.');
	});

	it('shows an unreadable code as unrecognised, bounded', () => {
		const text = describePlatformError({
			status: 400,
			code: 'not a code <script>' + 'z'.repeat(500),
			operation: 'rule.get',
		});
		expect(text.message).toMatch(
			/^Sequence rejected the request \(HTTP 400, unrecognised code "not a code <script>z+…"\)$/,
		);
		expect(text.message.length).toBeLessThan(150);
	});

	it('never echoes long input unbounded', () => {
		const huge = (seed: string) => `${seed}${'é'.repeat(5000)}\n${'x'.repeat(5000)}`;
		for (const code of [...PLATFORM_ERROR_CODES, 'UNKNOWN_' + 'X'.repeat(400), huge('c')]) {
			const text = describePlatformError({
				status: 400,
				code,
				serverMessage: huge('message '),
				requestId: huge('req-'),
				permission: code === 'ACCESS_DENIED' ? huge('PERM') : undefined,
				operation: huge('op.'),
				retryAfterMs: 1e300,
			});
			expect(text.message.length).toBeLessThan(300);
			expect(text.description.length).toBeLessThan(1200);
			expect(text.description).not.toMatch(/[éx]{301}/);
			expect(text.description).not.toMatch(/[\n\r\t]/);
		}
	});
});
