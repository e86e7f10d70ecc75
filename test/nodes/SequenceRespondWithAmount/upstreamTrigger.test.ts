import { NodeOperationError } from 'n8n-workflow';

import {
	findQueryRemoteApiTrigger,
	readReceivedAt,
} from '../../../n8n-nodes-sequence-money/nodes/SequenceRespondWithAmount/upstreamTrigger';
import { fakeExecuteContext } from './fakeExecuteContext';

describe('findQueryRemoteApiTrigger', () => {
	it.each([
		'n8n-nodes-sequence-money.sequenceQueryRemoteApiTrigger',
		'@acme/n8n-nodes-sequence-money.sequenceQueryRemoteApiTrigger',
		'sequenceQueryRemoteApiTrigger',
	])('finds the trigger of type %s among the nodes before this one', (type) => {
		const parents = [
			{ name: 'Sequence', type: 'n8n-nodes-sequence-money.sequence' },
			{ name: 'Ask', type },
		];
		expect(findQueryRemoteApiTrigger(fakeExecuteContext({ parents }).context)).toBe('Ask');
	});

	it('refuses to run without one', () => {
		const parents = [
			{ name: 'Manual', type: 'n8n-nodes-base.manualTrigger' },
			{ name: 'Other', type: 'n8n-nodes-other.notSequenceQueryRemoteApiTrigger' },
		];
		const attempt = () => findQueryRemoteApiTrigger(fakeExecuteContext({ parents }).context);
		expect(attempt).toThrow(NodeOperationError);
		expect(attempt).toThrow(/^No "Sequence Query Remote API Trigger" comes before this node$/);
	});
});

describe('readReceivedAt', () => {
	it("reads the trigger's receive time", () => {
		const upstreamItems = { Ask: { receivedAt: '2030-01-02T03:04:05.006Z' } };
		expect(readReceivedAt(fakeExecuteContext({ upstreamItems }).context, 'Ask')).toBe(
			'2030-01-02T03:04:05.006Z',
		);
	});

	it('is undefined when the trigger has no time or cannot be reached (it is informational)', () => {
		const upstreamItems = { Ask: { receivedAt: 5 } };
		expect(readReceivedAt(fakeExecuteContext({ upstreamItems }).context, 'Ask')).toBeUndefined();
		expect(readReceivedAt(fakeExecuteContext().context, 'Ask')).toBeUndefined();
	});
});
