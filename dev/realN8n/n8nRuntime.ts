// A real n8n server for the end-to-end suite, the benchmarks and `npm start`:
// installed once into a cache folder, started on 127.0.0.1 with a throw-away user
// folder, with this package installed the way Settings → Community Nodes installs it.
import { type ChildProcess, spawn } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { createServer } from 'net';
import { homedir, tmpdir } from 'os';
import { dirname, join, resolve } from 'path';

export const N8N_VERSION = '2.40.7';
/** The package this repository builds and publishes, in the folder of the same name. */
export const PACKAGE_NAME = 'n8n-nodes-sequence-money';

/** The repository's root: the folder holding the package's folder, whether this runs from dev/ or from a build of it. */
function findRepositoryRoot(start: string): string {
	for (let dir = start; dir !== dirname(dir); dir = dirname(dir)) {
		if (existsSync(join(dir, PACKAGE_NAME, 'package.json'))) return dir;
	}
	throw new Error(`No ${PACKAGE_NAME}/package.json above ${start}`);
}

export const REPOSITORY_ROOT = findRepositoryRoot(__dirname);
export const PACKAGE_DIR = join(REPOSITORY_ROOT, PACKAGE_NAME);

export type Log = (message: string) => void;

export function cacheRoot(): string {
	if (process.env.SEQUENCE_DEV_CACHE) return resolve(process.env.SEQUENCE_DEV_CACHE);
	return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'n8n-nodes-sequence-money');
}

export function n8nInstallDir(): string {
	return join(cacheRoot(), `n8n-${N8N_VERSION}`);
}

export function n8nBinary(): string {
	return join(n8nInstallDir(), 'node_modules', 'n8n', 'bin', 'n8n');
}

/** Runs a command to completion, streaming its output through `log`; resolves with its stdout. */
export function run(
	command: string,
	args: string[],
	options: { cwd: string; env?: NodeJS.ProcessEnv; log?: Log },
): Promise<string> {
	return new Promise((resolvePromise, reject) => {
		const child = spawn(command, args, {
			cwd: options.cwd,
			env: options.env ?? process.env,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let both = '';
		const onData = (fromStdout: boolean) => (chunk: Buffer) => {
			const text = chunk.toString();
			if (fromStdout) stdout += text;
			both += text;
			for (const line of text.split('\n')) if (line.trim() && options.log) options.log(line);
		};
		child.stdout.on('data', onData(true));
		child.stderr.on('data', onData(false));
		child.on('error', reject);
		child.on('close', (code) =>
			code === 0
				? resolvePromise(stdout)
				: reject(
						new Error(`${command} ${args.join(' ')} exited with ${code}:\n${both.slice(-3000)}`),
					),
		);
	});
}

/** Environment for npm under the running Node (24): native modules build against its headers. */
function npmEnvironment(): NodeJS.ProcessEnv {
	const env = { ...process.env };
	const nodeHome = resolve(process.execPath, '..', '..');
	if (existsSync(join(nodeHome, 'include', 'node'))) env.npm_config_nodedir = nodeHome;
	return env;
}

/**
 * Installs n8n once into the cache folder (about 3 minutes the first time). Scripts are
 * skipped because n8n's optional Kafka client tries to download a binary; the SQLite
 * driver is then built for this Node.
 */
export async function ensureN8nInstalled(log: Log = () => undefined): Promise<string> {
	const dir = n8nInstallDir();
	const marker = join(dir, '.installed');
	if (existsSync(marker) && existsSync(n8nBinary())) return dir;
	mkdirSync(dir, { recursive: true });
	writeFileSync(
		join(dir, 'package.json'),
		JSON.stringify({ name: 'n8n-runtime', private: true }, null, 2),
	);
	log(`Installing n8n ${N8N_VERSION} into ${dir} (one time, about 3 minutes, ~2.8 GB)...`);
	const started = Date.now();
	// npm is silent for minutes here: show that work goes on.
	const heartbeat = setInterval(() => {
		const modules = join(dir, 'node_modules');
		const packages = existsSync(modules) ? readdirSync(modules).length : 0;
		log(
			`  still installing n8n: ${Math.round((Date.now() - started) / 1000)} s, ${packages} top-level packages so far`,
		);
	}, 15_000);
	try {
		await run(
			'npm',
			[
				'install',
				'--ignore-scripts',
				'--no-audit',
				'--no-fund',
				'--loglevel=error',
				`n8n@${N8N_VERSION}`,
			],
			{
				cwd: dir,
				env: npmEnvironment(),
				log: (line) => log(`  npm: ${line}`),
			},
		);
	} finally {
		clearInterval(heartbeat);
	}
	log(`Building the SQLite driver for Node ${process.versions.node}...`);
	await run('npm', ['rebuild', 'sqlite3'], {
		cwd: dir,
		env: { ...npmEnvironment(), npm_config_build_from_source: 'true' },
		log: (line) => log(`  sqlite3: ${line}`),
	});
	writeFileSync(marker, `${new Date().toISOString()}\n`);
	log(`n8n installed in ${Math.round((Date.now() - started) / 1000)} s.`);
	return dir;
}

/** `npm pack` of this project (built first by the caller); returns the tarball's path. */
export async function packProject(outputDir: string, log: Log = () => undefined): Promise<string> {
	mkdirSync(outputDir, { recursive: true });
	const output = await run(
		'npm',
		['pack', '--json', '--pack-destination', outputDir, '--loglevel=error'],
		{ cwd: PACKAGE_DIR, log },
	);
	const [packed] = JSON.parse(output) as Array<{ filename: string }>;
	return join(outputDir, packed.filename);
}

/**
 * Installs the packed package into `<n8n user folder>/.n8n/nodes`, which is what
 * Settings → Community Nodes does (an `npm install` there).
 */
export async function installPackageInto(
	n8nUserFolder: string,
	tarball: string,
	log: Log = () => undefined,
): Promise<void> {
	const nodesDir = join(n8nUserFolder, '.n8n', 'nodes');
	mkdirSync(nodesDir, { recursive: true });
	if (!existsSync(join(nodesDir, 'package.json'))) {
		writeFileSync(
			join(nodesDir, 'package.json'),
			JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2),
		);
	}
	// Peer dependencies are left out as n8n's own installer does: n8n provides n8n-workflow.
	await run(
		'npm',
		[
			'install',
			'--legacy-peer-deps',
			'--no-package-lock',
			'--no-audit',
			'--no-fund',
			'--loglevel=error',
			tarball,
		],
		{
			cwd: nodesDir,
			env: npmEnvironment(),
			log,
		},
	);
}

export async function freePort(): Promise<number> {
	return await new Promise((resolvePromise, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolvePromise(port));
		});
	});
}

/** `preferred` when it is free on 127.0.0.1 (stable URLs for people and screenshots), else any free port. */
export async function portIfFree(preferred: number): Promise<number> {
	const free = await new Promise<boolean>((resolvePromise) => {
		const server = createServer();
		server.once('error', () => resolvePromise(false));
		server.listen(preferred, '127.0.0.1', () => server.close(() => resolvePromise(true)));
	});
	return free ? preferred : await freePort();
}

export interface N8nServerOptions {
	userFolder?: string;
	port?: number;
	/** Environment of every process and CLI command of this n8n (e.g. its database, queue mode). */
	sharedEnv?: NodeJS.ProcessEnv;
	/** Extra environment of the process started by `start` only. */
	env?: NodeJS.ProcessEnv;
	log?: Log;
	/** The n8n sub-command and its flags (default ["start"]; e.g. ["worker", "--concurrency=5"]). */
	command?: string[];
}

export class N8nServer {
	readonly logs: string[] = [];
	userFolder = '';
	port = 0;
	private child?: ChildProcess;
	private ownsUserFolder = false;
	private sharedEnv: NodeJS.ProcessEnv = {};

	get url(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	/** The environment every n8n process of this server (CLI commands included) must share. */
	environment(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
		const inherited = Object.fromEntries(
			Object.entries(process.env).filter(
				([name]) =>
					!name.startsWith('JEST_') && !name.startsWith('N8N_') && name !== 'NODE_OPTIONS',
			),
		);
		return {
			...inherited,
			// Jest sets NODE_ENV=test, under which n8n silences its logs and changes behaviour.
			NODE_ENV: 'production',
			N8N_USER_FOLDER: this.userFolder,
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PORT: String(this.port),
			N8N_PROTOCOL: 'http',
			WEBHOOK_URL: `${this.url}/`,
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_SECURE_COOKIE: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_RUNNERS_ENABLED: 'true',
			N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false',
			DB_SQLITE_POOL_SIZE: '1',
			N8N_LOG_LEVEL: 'info',
			...this.sharedEnv,
			...extra,
		};
	}

	async prepare(options: N8nServerOptions = {}): Promise<void> {
		this.ownsUserFolder = !options.userFolder;
		this.userFolder = options.userFolder ?? mkdtempSync(join(tmpdir(), 'n8n-sequence-e2e-'));
		this.port = options.port ?? (await freePort());
		this.sharedEnv = options.sharedEnv ?? {};
	}

	/** Runs an n8n CLI command (e.g. import:workflow) against this server's database. */
	async cli(args: string[], log?: Log): Promise<string> {
		return await run(process.execPath, [n8nBinary(), ...args], {
			cwd: this.userFolder,
			env: this.environment(),
			log,
		});
	}

	async start(options: N8nServerOptions = {}, timeoutMs = 180_000): Promise<void> {
		if (!this.userFolder) await this.prepare(options);
		const brokerPort = await freePort();
		const env = this.environment({ N8N_RUNNERS_BROKER_PORT: String(brokerPort), ...options.env });
		this.child = spawn(process.execPath, [n8nBinary(), ...(options.command ?? ['start'])], {
			cwd: this.userFolder,
			env,
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		});
		const record = (chunk: Buffer) => {
			for (const line of chunk.toString().split('\n')) {
				if (!line.trim()) continue;
				this.logs.push(line);
				options.log?.(line);
			}
		};
		this.child.stdout?.on('data', record);
		this.child.stderr?.on('data', record);
		await this.waitForHealth(timeoutMs);
	}

	async waitForHealth(timeoutMs: number): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (this.child && this.child.exitCode !== null) {
				throw new Error(
					`n8n exited with code ${this.child.exitCode}:\n${this.logs.slice(-40).join('\n')}`,
				);
			}
			try {
				const response = await fetch(`${this.url}/healthz/readiness`);
				if (response.ok) return;
			} catch {
				// not listening yet
			}
			await new Promise((resolvePromise) => setTimeout(resolvePromise, 500));
		}
		throw new Error(
			`n8n did not become ready within ${timeoutMs / 1000} s:\n${this.logs.slice(-40).join('\n')}`,
		);
	}

	/** Kills the process group at once, as a crash or an out-of-memory kill would. */
	async crash(): Promise<void> {
		const child = this.child;
		this.child = undefined;
		if (!child || child.exitCode !== null || !child.pid) return;
		const exited = new Promise((resolvePromise) => child.once('exit', resolvePromise));
		process.kill(-child.pid, 'SIGKILL');
		await exited;
	}

	/** Stops n8n (and its task runner) and removes the user folder it created. */
	async stop(): Promise<void> {
		const child = this.child;
		this.child = undefined;
		await stopProcessGroup(child, 'SIGTERM', 15_000);
		if (this.ownsUserFolder && this.userFolder)
			rmSync(this.userFolder, { recursive: true, force: true });
	}
}

/**
 * Stops a process started with `detached: true` together with its children (n8n's task
 * runner, postgres's backends): `signal` first, SIGKILL after `graceMs`.
 */
export async function stopProcessGroup(
	child: ChildProcess | undefined,
	signal: NodeJS.Signals,
	graceMs: number,
): Promise<void> {
	if (!child || child.exitCode !== null || !child.pid) return;
	const exited = new Promise((resolvePromise) => child.once('exit', resolvePromise));
	const signalGroup = (groupSignal: NodeJS.Signals) => {
		try {
			process.kill(-child.pid!, groupSignal);
		} catch {
			child.kill(groupSignal);
		}
	};
	signalGroup(signal);
	const timer = setTimeout(() => signalGroup('SIGKILL'), graceMs);
	await exited;
	clearTimeout(timer);
}

/** Lists the tarballs in a folder (npm pack output). */
export function tarballsIn(dir: string): string[] {
	return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.tgz')) : [];
}
