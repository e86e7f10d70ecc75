import type { ICredentialDataDecryptedObject, IExecuteFunctions } from 'n8n-workflow';

import {
	NodeRun,
	executionKey,
} from '../../../../n8n-nodes-sequence-money/nodes/Sequence/actions/nodeRun';

/** A context for one run of the node; `executionId: undefined` is a run without an execution ID. */
function fakeContext(options: { executionId?: string; runIndex?: number } = {}) {
	const executionId = 'executionId' in options ? options.executionId : 'exec-42';
	const runIndex = options.runIndex ?? 0;
	const getCredentials = jest.fn(
		async (type: string, itemIndex?: number): Promise<ICredentialDataDecryptedObject> => ({
			type,
			readForItem: itemIndex ?? -1,
		}),
	);
	const getWorkflowDataProxy = jest.fn(() => ({ $runIndex: runIndex }));
	const getExecutionId = jest.fn(() => executionId);
	const context = {
		getCredentials,
		getWorkflowDataProxy,
		getExecutionId,
	} as unknown as IExecuteFunctions;
	return { context, getCredentials, getWorkflowDataProxy, getExecutionId };
}

describe('executionKey', () => {
	it("is derived from n8n's execution ID", () => {
		const { context, getExecutionId } = fakeContext({ executionId: '1234' });
		expect(executionKey(context)).toBe('execution-1234');
		expect(executionKey(context)).toBe('execution-1234');
		expect(getExecutionId).toHaveBeenCalledTimes(2);
	});

	it.each([undefined, ''])(
		'falls back to a random key, different each time, when the execution ID is %p',
		(executionId) => {
			const { context } = fakeContext({ executionId });
			const first = executionKey(context);
			const second = executionKey(context);
			expect(first).toMatch(/^run-[0-9A-Za-z]{24}$/);
			expect(second).toMatch(/^run-[0-9A-Za-z]{24}$/);
			expect(first).not.toBe(second);
		},
	);
});

describe('NodeRun.start', () => {
	it('takes the execution key and the run index (read once, for item 0)', () => {
		const { context, getWorkflowDataProxy, getExecutionId } = fakeContext({
			executionId: '77',
			runIndex: 3,
		});
		const run = NodeRun.start(context, 5);
		expect(run).toMatchObject({ executionKey: 'execution-77', runIndex: 3 });
		expect(getExecutionId).toHaveBeenCalledTimes(1);
		expect(getWorkflowDataProxy).toHaveBeenCalledTimes(1);
		expect(getWorkflowDataProxy).toHaveBeenCalledWith(0);
	});

	it('uses run index 0 without reading it when there are no items', () => {
		const { context, getWorkflowDataProxy } = fakeContext({ runIndex: 3 });
		const run = NodeRun.start(context, 0);
		expect(run).toMatchObject({ executionKey: 'execution-exec-42', runIndex: 0 });
		expect(getWorkflowDataProxy).not.toHaveBeenCalled();
	});

	it('gets a random execution key when n8n gives no execution ID', () => {
		const { context } = fakeContext({ executionId: undefined });
		expect(NodeRun.start(context, 1).executionKey).toMatch(/^run-[0-9A-Za-z]{24}$/);
	});
});

describe('NodeRun.credentialsFor: each credential type is read once per run', () => {
	it('reads a type once, for the first item that needs it, and shares it with later items', async () => {
		const { context, getCredentials } = fakeContext();
		const run = NodeRun.start(context, 4);
		const reads = await Promise.all(
			[0, 1, 2, 3].map((itemIndex) =>
				run.credentialsFor(context, 'sequenceRuleSecretApi', itemIndex),
			),
		);
		expect(getCredentials).toHaveBeenCalledTimes(1);
		expect(getCredentials).toHaveBeenCalledWith('sequenceRuleSecretApi', 0);
		expect(reads).toEqual(Array(4).fill({ type: 'sequenceRuleSecretApi', readForItem: 0 }));
		expect(new Set(reads).size).toBe(1);
	});

	it('reads each type separately', async () => {
		const { context, getCredentials } = fakeContext();
		const run = NodeRun.start(context, 4);
		expect(await run.credentialsFor(context, 'sequenceAccessTokenApi', 1)).toEqual({
			type: 'sequenceAccessTokenApi',
			readForItem: 1,
		});
		expect(await run.credentialsFor(context, 'sequenceRuleSecretApi', 2)).toEqual({
			type: 'sequenceRuleSecretApi',
			readForItem: 2,
		});
		await run.credentialsFor(context, 'sequenceAccessTokenApi', 3);
		await run.credentialsFor(context, 'sequenceRuleSecretApi', 3);
		expect(getCredentials.mock.calls).toEqual([
			['sequenceAccessTokenApi', 1],
			['sequenceRuleSecretApi', 2],
		]);
	});

	it('reads again in the next run of the node', async () => {
		const { context, getCredentials } = fakeContext();
		await NodeRun.start(context, 1).credentialsFor(context, 'sequenceAccessTokenApi', 0);
		await NodeRun.start(context, 1).credentialsFor(context, 'sequenceAccessTokenApi', 0);
		expect(getCredentials).toHaveBeenCalledTimes(2);
	});
});
