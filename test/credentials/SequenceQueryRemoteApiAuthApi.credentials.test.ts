import { SequenceQueryRemoteApiAuthApi } from '../../n8n-nodes-sequence-money/credentials/SequenceQueryRemoteApiAuthApi.credentials';
import { SequenceQueryRemoteApiTrigger } from '../../n8n-nodes-sequence-money/nodes/SequenceQueryRemoteApiTrigger/SequenceQueryRemoteApiTrigger.node';

// The secret check itself (testedBy) is tested with the trigger's authentication.
describe('Sequence Query Remote API Auth API credential', () => {
	const credential = new SequenceQueryRemoteApiAuthApi();
	const property = (name: string) =>
		credential.properties.find((candidate) => candidate.name === name);

	it('declares its name, the secret as a required password, and the defaults', () => {
		expect([credential.name, credential.displayName]).toEqual([
			'sequenceQueryRemoteApiAuthApi',
			'Sequence Query Remote API Auth API',
		]);
		expect(credential.properties.map(({ name }) => name)).toEqual([
			'secret',
			'headerName',
			'username',
		]);
		expect(property('secret')).toMatchObject({
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
		});
		expect(property('headerName')?.default).toBe('x-query-remote-api-secret');
		expect(property('username')?.default).toBe('sequence');
	});

	it('is never sent anywhere: no authentication and no test request', () => {
		expect(credential).not.toHaveProperty('authenticate');
		expect(credential).not.toHaveProperty('test');
	});

	it("is tested locally by the trigger's secret check", () => {
		const trigger = new SequenceQueryRemoteApiTrigger();
		const uses = trigger.description.credentials?.filter(
			({ name }) => name === 'sequenceQueryRemoteApiAuthApi',
		);
		expect(uses).toHaveLength(1);
		expect(uses![0].testedBy).toBe('sequenceQueryRemoteApiSecretCheck');
		expect(typeof trigger.methods.credentialTest.sequenceQueryRemoteApiSecretCheck).toBe(
			'function',
		);
	});
});
