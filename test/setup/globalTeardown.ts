import { rmSync } from 'fs';

export default function globalTeardown(): void {
	const folder = process.env.N8N_USER_FOLDER;
	if (folder?.includes('n8n-nodes-sequence-money-test-'))
		rmSync(folder, { recursive: true, force: true });
}
