import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	REQUEST_OPTION_BOUNDS,
	readRequestSettings,
	requestOptionsCollection,
} from '../../../../n8n-nodes-sequence-money/nodes/Sequence/actions/requestOptions';
import { sequenceNode } from '../sequenceNode';

const node = sequenceNode();

/** A context whose "options" parameter is `options`. */
function contextWith(options: Record<string, unknown> | undefined): IExecuteFunctions {
	return {
		getNode: () => node,
		getNodeParameter: (name: string, _itemIndex: number, fallback: unknown) => {
			expect(name).toBe('options');
			return options ?? fallback;
		},
	} as unknown as IExecuteFunctions;
}

const read = (options?: Record<string, unknown>) => readRequestSettings(contextWith(options), 0);

describe('request options', () => {
	it('defaults to 3 retries, 30 s longest wait and 30 s timeout', () => {
		expect(read()).toEqual({
			policy: { maxRetries: 3, maxWaitMs: 30_000, baseDelayMs: 500 },
			timeoutMs: 30_000,
		});
		expect(read({})).toEqual(read());
		// An option cleared in the editor arrives as null: its default applies.
		expect(read({ maxRetries: null, timeoutSeconds: null })).toEqual(read());
	});

	it('accepts the bounds themselves', () => {
		expect(read({ maxRetries: 0, maxWaitSeconds: 0, timeoutSeconds: 1 })).toEqual({
			policy: { maxRetries: 0, maxWaitMs: 0, baseDelayMs: 500 },
			timeoutMs: 1_000,
		});
		expect(read({ maxRetries: 10, maxWaitSeconds: 600, timeoutSeconds: 300 })).toEqual({
			policy: { maxRetries: 10, maxWaitMs: 600_000, baseDelayMs: 500 },
			timeoutMs: 300_000,
		});
		expect(read({ maxWaitSeconds: 0.5, timeoutSeconds: 2.5 })).toMatchObject({
			policy: { maxWaitMs: 500 },
			timeoutMs: 2_500,
		});
	});

	it.each([
		[
			{ maxRetries: -1 },
			'The option "maxRetries" must be a whole number from 0 to 10, but it is -1',
		],
		[
			{ maxRetries: 11 },
			'The option "maxRetries" must be a whole number from 0 to 10, but it is 11',
		],
		[
			{ maxRetries: 1.5 },
			'The option "maxRetries" must be a whole number from 0 to 10, but it is 1.5',
		],
		[
			{ maxRetries: '3' },
			'The option "maxRetries" must be a whole number from 0 to 10, but it is "3"',
		],
		[
			{ maxWaitSeconds: -0.1 },
			'The option "maxWaitSeconds" must be a number from 0 to 600, but it is -0.1',
		],
		[
			{ maxWaitSeconds: 601 },
			'The option "maxWaitSeconds" must be a number from 0 to 600, but it is 601',
		],
		[
			{ timeoutSeconds: 0 },
			'The option "timeoutSeconds" must be a number from 1 to 300, but it is 0',
		],
		[
			{ timeoutSeconds: 301 },
			'The option "timeoutSeconds" must be a number from 1 to 300, but it is 301',
		],
		[
			{ timeoutSeconds: Number.NaN },
			'The option "timeoutSeconds" must be a number from 1 to 300, but it is null',
		],
	])('refuses %j, naming the option', (options, message) => {
		const attempt = () => read(options);
		expect(attempt).toThrow(NodeOperationError);
		expect(attempt).toThrow(message);
	});

	it('the editor offers the same bounds and defaults as the run-time check', () => {
		const shown = Object.fromEntries(
			(requestOptionsCollection.options as INodeProperties[]).map((option) => [
				option.name,
				{ typeOptions: option.typeOptions, default: option.default },
			]),
		);
		expect(shown).toEqual({
			maxRetries: { typeOptions: { minValue: 0, maxValue: 10, numberPrecision: 0 }, default: 3 },
			maxWaitSeconds: { typeOptions: { minValue: 0, maxValue: 600 }, default: 30 },
			timeoutSeconds: { typeOptions: { minValue: 1, maxValue: 300 }, default: 30 },
		});
		for (const [name, bounds] of Object.entries(REQUEST_OPTION_BOUNDS)) {
			expect(shown[name]).toEqual({
				typeOptions: expect.objectContaining({ minValue: bounds.min, maxValue: bounds.max }),
				default: bounds.default,
			});
		}
	});
});
