// Sandbox + real n8n with this package installed and the demo workflows published.
// Shared by the end-to-end suite, the benchmarks and `npm start`.
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { SequenceSandbox, type SandboxData, loadSandboxData } from '../sandbox/sequenceSandbox';
import { type DemoSetup, demoCredentials, demoWorkflows } from './demoWorkflows';
import { type Log, N8nServer, PROJECT_ROOT, ensureN8nInstalled, installPackageInto, packProject } from './n8nRuntime';

export const SANDBOX_DATA_FILE = join(PROJECT_ROOT, 'test', 'sandbox', 'data', 'sandbox.json');

export const OWNER = {
	email: 'owner@sequence-demo.local',
	firstName: 'Demo',
	lastName: 'Owner',
};

export interface EnvironmentOptions {
	log?: Log;
	/** Logs n8n's own output too. */
	n8nLog?: Log;
	port?: number;
	sandboxPort?: number;
	/** Workflows beyond the demo ones, built once the sandbox URL is known. */
	extraWorkflows?: (setup: DemoSetup) => object[];
	maxWaitSeconds?: number;
	/** Password for the owner account; a random one when not given. */
	ownerPassword?: string;
	/** Sandbox accounts, rules and tokens; the demo data when not given. */
	data?: SandboxData;
	/** Extra environment for the n8n server (e.g. NODE_OPTIONS for profiling). */
	n8nEnv?: NodeJS.ProcessEnv;
}

export interface Environment {
	sandbox: SequenceSandbox;
	server: N8nServer;
	data: SandboxData;
	ownerPassword: string;
	/** Cookie header of the owner's session, for n8n's REST API. */
	authCookie: string;
	timings: Record<string, number>;
	rest<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
	stop(): Promise<void>;
}

function randomPassword(): string {
	const random = Math.random().toString(36).slice(2, 10) + Math.random().toString(36).slice(2, 10);
	return `Seq-${random}-A1`;
}

async function timed<T>(timings: Record<string, number>, name: string, action: () => Promise<T>): Promise<T> {
	const started = Date.now();
	try {
		return await action();
	} finally {
		timings[name] = Date.now() - started;
	}
}

export async function startEnvironment(options: EnvironmentOptions = {}): Promise<Environment> {
	const log = options.log ?? (() => undefined);
	const timings: Record<string, number> = {};
	const data = options.data ?? loadSandboxData(SANDBOX_DATA_FILE);
	const sandbox = new SequenceSandbox(data);
	const server = new N8nServer();
	const workDir = mkdtempSync(join(tmpdir(), 'n8n-sequence-setup-'));
	const stopAll = async () => {
		await server.stop();
		await sandbox.stop();
		rmSync(workDir, { recursive: true, force: true });
	};
	try {
		const sandboxUrl = await sandbox.start(options.sandboxPort ?? 0);
		log(`Sequence sandbox listening on ${sandboxUrl}`);
		await timed(timings, 'installN8n', () => ensureN8nInstalled(log));
		await server.prepare({ port: options.port });

		const tarball = await timed(timings, 'pack', () => packProject(workDir));
		log(`Installing ${tarball.split('/').pop()} into n8n (as Settings → Community Nodes does)...`);
		await timed(timings, 'installPackage', () => installPackageInto(server.userFolder, tarball));

		const setup: DemoSetup = { sandboxUrl, data, maxWaitSeconds: options.maxWaitSeconds };
		const workflows = [...demoWorkflows(setup), ...(options.extraWorkflows?.(setup) ?? [])];
		writeFileSync(join(workDir, 'credentials.json'), JSON.stringify(demoCredentials(setup)));
		writeFileSync(join(workDir, 'workflows.json'), JSON.stringify(workflows));
		await timed(timings, 'import', async () => {
			await server.cli(['import:credentials', `--input=${join(workDir, 'credentials.json')}`]);
			await server.cli(['import:workflow', `--input=${join(workDir, 'workflows.json')}`]);
		});
		rmSync(join(workDir, 'credentials.json'));

		log(`Starting n8n on ${server.url}...`);
		await timed(timings, 'startN8n', () => server.start({ log: options.n8nLog, env: options.n8nEnv }));

		const ownerPassword = options.ownerPassword ?? randomPassword();
		const setupResponse = await fetch(`${server.url}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ ...OWNER, password: ownerPassword }),
		});
		if (!setupResponse.ok) throw new Error(`Owner setup failed: ${setupResponse.status} ${await setupResponse.text()}`);
		const authCookie = (setupResponse.headers.get('set-cookie') ?? '').split(';')[0];

		const rest = async <T>(method: string, path: string, body?: unknown) => {
			const response = await fetch(`${server.url}/rest${path}`, {
				method,
				headers: { cookie: authCookie, 'content-type': 'application/json' },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			const text = await response.text();
			return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
		};

		// Importing leaves workflows unpublished; publishing over REST takes effect at once.
		await timed(timings, 'publish', async () => {
			for (const workflow of workflows as Array<{ id: string; name: string }>) {
				const { body } = await rest<{ data: { versionId: string } }>('GET', `/workflows/${workflow.id}`);
				const activation = await rest('POST', `/workflows/${workflow.id}/activate`, { versionId: body.data.versionId });
				if (activation.status !== 200) {
					throw new Error(`Publishing "${workflow.name}" failed: ${activation.status} ${JSON.stringify(activation.body)}`);
				}
			}
			for (const workflow of workflows as Array<{ id: string; name: string }>) {
				await waitForPublished(rest, workflow.id, workflow.name);
			}
		});
		log('All workflows are published.');

		return { sandbox, server, data, ownerPassword, authCookie, timings, rest, stop: stopAll };
	} catch (error) {
		const tail = server.logs.slice(-30).join('\n');
		await stopAll();
		throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- n8n log ---\n${tail}`);
	}
}

type Rest = Environment['rest'];

async function waitForPublished(rest: Rest, id: string, name: string, timeoutMs = 60_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	let last: unknown;
	while (Date.now() < deadline) {
		const { body } = await rest<{ data: { status: string; triggers?: Array<{ status: string; errorMessage?: string | null }> } }>(
			'GET',
			`/workflows/${id}/publication-status`,
		);
		last = body;
		const status = body?.data?.status;
		const triggers = body?.data?.triggers ?? [];
		if (status === 'failed') throw new Error(`Workflow "${name}" could not be published: ${JSON.stringify(body)}`);
		if (status === 'published' && triggers.every((trigger) => trigger.status === 'activated')) return;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`Workflow "${name}" was not published within ${timeoutMs / 1000} s: ${JSON.stringify(last)}`);
}
