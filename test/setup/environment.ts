// n8n-core writes an instance config into the user folder on first load; keep it
// out of the developer's home.
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'n8n-nodes-sequence-test-'));
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
