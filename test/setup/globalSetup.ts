// n8n-core writes an instance config into the user folder on first load: give the whole
// run one temporary folder (workers inherit the variable), outside the developer's home.
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

export default function globalSetup(): void {
	process.env.N8N_USER_FOLDER = mkdtempSync(join(tmpdir(), 'n8n-nodes-sequence-money-test-'));
	process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
}
