import { sendRejection } from '../../../n8n-nodes-sequence-money/nodes/SequenceQueryRemoteApiTrigger/rejection';
import { fakeWebhookContext } from './fakeWebhookContext';

describe('sendRejection', () => {
	it('answers {"error": …} as JSON with the status, and tells n8n not to answer again', () => {
		const { context, written } = fakeWebhookContext();
		const result = sendRejection(context, { status: 403, error: 'Wrong token.' });
		expect(result).toEqual({ noWebhookResponse: true });
		expect(written).toEqual({
			status: 403,
			headers: { 'Content-Type': 'application/json' },
			body: '{"error":"Wrong token."}',
		});
	});

	it('adds the rejection headers (the Basic challenge, Allow)', () => {
		const { context, written } = fakeWebhookContext();
		sendRejection(context, {
			status: 401,
			error: 'Basic authentication required.',
			headers: { 'WWW-Authenticate': 'Basic realm="Sequence Query Remote API"' },
		});
		expect(written.headers).toEqual({
			'Content-Type': 'application/json',
			'WWW-Authenticate': 'Basic realm="Sequence Query Remote API"',
		});
	});
});
