// The secret scan that every workflow test file ends with must be able to fail.
import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';

import { captureN8nLogs, findSecretLeaks, serializeForScan } from './secretScan';

const SECRET = 'rsec_4b1d2c3e4f5a6b7c8d9e0f11';

describe('secret scan', () => {
	it('finds a whole secret, a piece of one, and one inside an error cause', () => {
		const texts = [
			{ label: 'clean', text: 'nothing to see' },
			{ label: 'whole', text: `header Bearer ${SECRET}` },
			{ label: 'piece', text: `…${SECRET.slice(5, 15)}…` },
			{
				label: 'cause',
				text: serializeForScan(new Error('outer', { cause: new Error(SECRET.slice(-9)) })),
			},
		];
		expect(findSecretLeaks([SECRET], texts).map((leak) => leak.split(' ')[0])).toEqual([
			'whole',
			'piece',
			'cause',
		]);
	});

	it("records n8n's log lines", () => {
		captureN8nLogs();
		Container.get(Logger).debug(`retrying with ${SECRET}`);
		expect(findSecretLeaks([SECRET]).some((leak) => leak.startsWith('log.debug'))).toBe(true);
	});
});
