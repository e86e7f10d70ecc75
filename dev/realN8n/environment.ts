// Sandbox + real n8n with this package installed and the demo workflows published.
// Shared by the end-to-end suite, the benchmarks and `npm start`.
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { SequenceSandbox, type SandboxData, loadSandboxData } from '../sandbox/sequenceSandbox';
import { type DemoSetup, demoCredentials, demoWorkflows } from '../demo/demoWorkflows';
import {
	type Log,
	N8nServer,
	REPOSITORY_ROOT,
	ensureN8nInstalled,
	freePort,
	installPackageInto,
	packProject,
} from './n8nRuntime';
import { POSTGRESQL, REDIS, ensureDebianPackages } from './debianPackages';
import { PostgresServer, RedisServer } from './queueServices';

export const SANDBOX_DATA_FILE = join(REPOSITORY_ROOT, 'dev', 'sandbox', 'data', 'sandbox.json');

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
	/** Runs n8n in queue mode: main + webhook process + workers, with Redis and PostgreSQL. */
	queue?: QueueModeOptions;
}

export interface QueueModeOptions {
	workers: number;
	/** Executions each worker runs at once (n8n's default is 10). */
	workerConcurrency?: number;
	/** Extra environment shared by every n8n process (e.g. queue timings). */
	env?: NodeJS.ProcessEnv;
}

export interface QueueMode {
	redis: RedisServer;
	postgres: PostgresServer;
	/** The `n8n webhook` process: production webhook calls go here, not to the main process. */
	webhook: N8nServer;
	workers: N8nServer[];
}

/**
 * Every n8n process can tell which one it is through `$env.SEQUENCE_PROCESS_NAME`, so a
 * workflow's saved data shows where it ran ("main", "webhook-1", "worker-2").
 */
export const PROCESS_NAME_VARIABLE = 'SEQUENCE_PROCESS_NAME';

export interface Environment {
	sandbox: SequenceSandbox;
	/** n8n's main process (the only process without queue mode). */
	server: N8nServer;
	/** The other processes and services in queue mode. */
	queue?: QueueMode;
	/** Where production webhooks are served: the webhook process in queue mode, else the server. */
	webhookBaseUrl: string;
	data: SandboxData;
	ownerPassword: string;
	/** Cookie header of the owner's session, for n8n's REST API. */
	authCookie: string;
	timings: Record<string, number>;
	rest<T = unknown>(
		method: string,
		path: string,
		body?: unknown,
	): Promise<{ status: number; body: T }>;
	stop(): Promise<void>;
}

function randomPassword(): string {
	const random = Math.random().toString(36).slice(2, 10) + Math.random().toString(36).slice(2, 10);
	return `Seq-${random}-A1`;
}

async function timed<T>(
	timings: Record<string, number>,
	name: string,
	action: () => Promise<T>,
): Promise<T> {
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
	const queue: QueueMode | undefined = options.queue
		? {
				redis: new RedisServer(),
				postgres: new PostgresServer(),
				webhook: new N8nServer(),
				workers: Array.from({ length: options.queue.workers }, () => new N8nServer()),
			}
		: undefined;
	const workDir = mkdtempSync(join(tmpdir(), 'n8n-sequence-setup-'));
	const stopAll = async () => {
		if (queue)
			await Promise.all([...queue.workers, queue.webhook].map((n8nProcess) => n8nProcess.stop()));
		await server.stop();
		if (queue) await Promise.all([queue.redis.stop(), queue.postgres.stop()]);
		await sandbox.stop();
		rmSync(workDir, { recursive: true, force: true });
	};
	try {
		const sandboxUrl = await sandbox.start(options.sandboxPort ?? 0);
		log(`Sequence sandbox listening on ${sandboxUrl}`);
		await timed(timings, 'installN8n', () => ensureN8nInstalled(log));
		let sharedEnv: NodeJS.ProcessEnv = {};
		if (queue) {
			await timed(timings, 'installRedisAndPostgres', () =>
				ensureDebianPackages([REDIS, POSTGRESQL], log),
			);
			await timed(timings, 'startRedisAndPostgres', () =>
				Promise.all([queue.redis.start(log), queue.postgres.start(log)]),
			);
			log(`Redis on 127.0.0.1:${queue.redis.port}, PostgreSQL on 127.0.0.1:${queue.postgres.port}`);
			const webhookPort = await freePort();
			sharedEnv = {
				...queue.postgres.n8nEnvironment(),
				EXECUTIONS_MODE: 'queue',
				QUEUE_BULL_REDIS_HOST: '127.0.0.1',
				QUEUE_BULL_REDIS_PORT: String(queue.redis.port),
				// The URLs the editor shows and Sequence calls are the webhook process's.
				WEBHOOK_URL: `http://127.0.0.1:${webhookPort}/`,
				QUEUE_HEALTH_CHECK_ACTIVE: 'true',
				N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
				// See "Performance and production settings" in the README.
				N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true',
				...options.queue?.env,
			};
			await server.prepare({ port: options.port, sharedEnv });
			await queue.webhook.prepare({ userFolder: server.userFolder, port: webhookPort, sharedEnv });
		} else {
			await server.prepare({ port: options.port });
		}

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
		const mainEnv: NodeJS.ProcessEnv = { [PROCESS_NAME_VARIABLE]: 'main', ...options.n8nEnv };
		// In queue mode production webhooks are the webhook process's job alone.
		if (queue) mainEnv.N8N_DISABLE_PRODUCTION_MAIN_PROCESS = 'true';
		await timed(timings, 'startN8n', () => server.start({ log: options.n8nLog, env: mainEnv }));

		const ownerPassword = options.ownerPassword ?? randomPassword();
		const setupResponse = await fetch(`${server.url}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ ...OWNER, password: ownerPassword }),
		});
		if (!setupResponse.ok)
			throw new Error(`Owner setup failed: ${setupResponse.status} ${await setupResponse.text()}`);
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
				const { body } = await rest<{ data: { versionId: string } }>(
					'GET',
					`/workflows/${workflow.id}`,
				);
				const activation = await rest('POST', `/workflows/${workflow.id}/activate`, {
					versionId: body.data.versionId,
				});
				if (activation.status !== 200) {
					throw new Error(
						`Publishing "${workflow.name}" failed: ${activation.status} ${JSON.stringify(activation.body)}`,
					);
				}
			}
			for (const workflow of workflows as Array<{ id: string; name: string }>) {
				await waitForPublished(rest, workflow.id, workflow.name);
			}
		});
		log('All workflows are published.');

		if (queue) {
			await timed(timings, 'startWebhookAndWorkers', () =>
				Promise.all([
					queue.webhook.start({
						command: ['webhook'],
						env: { [PROCESS_NAME_VARIABLE]: 'webhook-1' },
						log: options.n8nLog,
					}),
					...queue.workers.map(async (worker, index) => {
						await worker.prepare({ userFolder: server.userFolder, sharedEnv });
						const concurrency = options.queue?.workerConcurrency;
						await worker.start({
							command: ['worker', ...(concurrency ? [`--concurrency=${concurrency}`] : [])],
							env: {
								[PROCESS_NAME_VARIABLE]: `worker-${index + 1}`,
								QUEUE_HEALTH_CHECK_PORT: String(worker.port),
							},
							log: options.n8nLog,
						});
					}),
				]),
			);
			log(`Webhook process on ${queue.webhook.url}, ${queue.workers.length} workers.`);
		}

		const webhookBaseUrl = queue ? queue.webhook.url : server.url;
		return {
			sandbox,
			server,
			queue,
			webhookBaseUrl,
			data,
			ownerPassword,
			authCookie,
			timings,
			rest,
			stop: stopAll,
		};
	} catch (error) {
		const processes = [
			['main', server] as const,
			...(queue
				? [
						['webhook', queue.webhook] as const,
						...queue.workers.map((worker, index) => [`worker-${index + 1}`, worker] as const),
					]
				: []),
		];
		const tail = processes
			.map(
				([name, n8nProcess]) => `--- n8n ${name} log ---\n${n8nProcess.logs.slice(-30).join('\n')}`,
			)
			.join('\n');
		await stopAll();
		throw new Error(`${error instanceof Error ? error.message : String(error)}\n${tail}`);
	}
}

type Rest = Environment['rest'];

async function waitForPublished(
	rest: Rest,
	id: string,
	name: string,
	timeoutMs = 60_000,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	let last: unknown;
	while (Date.now() < deadline) {
		const { body } = await rest<{
			data: { status: string; triggers?: Array<{ status: string; errorMessage?: string | null }> };
		}>('GET', `/workflows/${id}/publication-status`);
		last = body;
		const status = body?.data?.status;
		const triggers = body?.data?.triggers ?? [];
		if (status === 'failed')
			throw new Error(`Workflow "${name}" could not be published: ${JSON.stringify(body)}`);
		if (status === 'published' && triggers.every((trigger) => trigger.status === 'activated'))
			return;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(
		`Workflow "${name}" was not published within ${timeoutMs / 1000} s: ${JSON.stringify(last)}`,
	);
}
