import {
	automaticIdempotencyKey,
	customIdempotencyKeyProblem,
} from '../../../n8n-nodes-sequence-money/nodes/shared/idempotency';

describe('idempotency keys', () => {
	const parts = {
		executionId: 'execution-42',
		nodeId: 'node-a',
		runIndex: 0,
		itemIndex: 0,
		ruleId: 'ru_1',
	};

	it('is stable for the same execution, node, run, item and rule', () => {
		expect(automaticIdempotencyKey(parts)).toBe(automaticIdempotencyKey({ ...parts }));
		expect(automaticIdempotencyKey(parts)).toMatch(/^n8n-[0-9a-f]{40}$/);
	});

	it.each(['executionId', 'nodeId', 'runIndex', 'itemIndex', 'ruleId'] as const)(
		'changes with %s',
		(field) => {
			const changed = { ...parts, [field]: typeof parts[field] === 'number' ? 1 : 'other' };
			expect(automaticIdempotencyKey(changed)).not.toBe(automaticIdempotencyKey(parts));
		},
	);

	it('checks custom keys', () => {
		expect(customIdempotencyKeyProblem('invoice-2025-001')).toBeUndefined();
		expect(customIdempotencyKeyProblem(1234)).toBeUndefined();
		expect(customIdempotencyKeyProblem('')).toMatch(/empty/);
		expect(customIdempotencyKeyProblem('has space')).toMatch(/visible ASCII/);
		expect(customIdempotencyKeyProblem('é')).toMatch(/visible ASCII/);
		expect(customIdempotencyKeyProblem('x'.repeat(256))).toMatch(/256 characters/);
		expect(customIdempotencyKeyProblem(undefined)).toMatch(/must be text/);
		expect(customIdempotencyKeyProblem({})).toMatch(/must be text/);
	});
});
