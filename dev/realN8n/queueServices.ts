// Redis and PostgreSQL for n8n's queue mode, each a private throw-away server on 127.0.0.1
// (own data folder, own port), started from Debian's packages and removed after use.
import { type ChildProcess, spawn } from 'child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'fs';
import { Socket } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';

import { POSTGRESQL, REDIS, ensureDebianPackages, postgresBinDir } from './debianPackages';
import { type Log, freePort, run, stopProcessGroup } from './n8nRuntime';

async function waitUntil(
	what: string,
	check: () => Promise<boolean>,
	child: ChildProcess,
	output: string[],
	timeoutMs = 30_000,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null)
			throw new Error(
				`${what} exited with code ${child.exitCode}:\n${output.slice(-20).join('\n')}`,
			);
		if (await check()) return;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(
		`${what} did not start within ${timeoutMs / 1000} s:\n${output.slice(-20).join('\n')}`,
	);
}

/** Sends one Redis command in its inline form and resolves with the first reply line. */
export function redisCommand(port: number, command: string, timeoutMs = 2_000): Promise<string> {
	return new Promise((resolve, reject) => {
		const socket = new Socket();
		let reply = '';
		const timer = setTimeout(() => {
			socket.destroy();
			reject(new Error(`Redis did not answer "${command}" within ${timeoutMs} ms`));
		}, timeoutMs);
		socket.once('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		socket.on('data', (chunk) => {
			reply += chunk.toString();
			if (reply.includes('\r\n')) {
				clearTimeout(timer);
				socket.end();
				resolve(reply.split('\r\n')[0]);
			}
		});
		socket.connect(port, '127.0.0.1', () => socket.write(`${command}\r\n`));
	});
}

function spawnService(command: string, args: string[], output: string[]): ChildProcess {
	const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
	const record = (chunk: Buffer) => {
		for (const line of chunk.toString().split('\n')) {
			if (!line.trim()) continue;
			output.push(line);
		}
	};
	child.stdout?.on('data', record);
	child.stderr?.on('data', record);
	return child;
}

/** A Redis server that keeps nothing on disk. */
export class RedisServer {
	readonly output: string[] = [];
	port = 0;
	private child?: ChildProcess;
	private dir = '';

	async start(log?: Log): Promise<void> {
		await ensureDebianPackages([REDIS], log);
		this.port = await freePort();
		this.dir = mkdtempSync(join(tmpdir(), 'n8n-sequence-redis-'));
		this.child = spawnService(
			'/usr/bin/redis-server',
			[
				'--port',
				String(this.port),
				'--bind',
				'127.0.0.1',
				'--save',
				'',
				'--appendonly',
				'no',
				'--dir',
				this.dir,
				'--daemonize',
				'no',
			],
			this.output,
		);
		await waitUntil(
			'redis-server',
			async () => (await redisCommand(this.port, 'PING').catch(() => '')) === '+PONG',
			this.child,
			this.output,
		);
	}

	async stop(): Promise<void> {
		await stopProcessGroup(this.child, 'SIGTERM', 10_000);
		this.child = undefined;
		if (this.dir) rmSync(this.dir, { recursive: true, force: true });
	}
}

export const POSTGRES_USER = 'n8n';
export const POSTGRES_DATABASE = 'n8n';

/**
 * A PostgreSQL cluster made for one run. PostgreSQL refuses to run as root, so when the
 * tests run as root (CI containers) the cluster belongs to the `postgres` system user that
 * Debian's package creates. Durability is switched off: the data is thrown away anyway.
 */
export class PostgresServer {
	readonly output: string[] = [];
	port = 0;
	private child?: ChildProcess;
	private dir = '';

	async start(log?: Log): Promise<void> {
		await ensureDebianPackages([POSTGRESQL], log);
		const bin = postgresBinDir()!;
		this.port = await freePort();
		this.dir = mkdtempSync(join(tmpdir(), 'n8n-sequence-postgres-'));
		const dataDir = join(this.dir, 'data');
		mkdirSync(dataDir, { mode: 0o700 });
		let asUser: string[] = [];
		if (typeof process.getuid === 'function' && process.getuid() === 0) {
			const uid = Number((await run('id', ['-u', 'postgres'], { cwd: this.dir })).trim());
			const gid = Number((await run('id', ['-g', 'postgres'], { cwd: this.dir })).trim());
			chmodSync(this.dir, 0o755);
			chownSync(dataDir, uid, gid);
			// By full path: /usr/sbin is often not on a non-root-style PATH (CI's, for one).
			const runuser =
				['/usr/sbin/runuser', '/sbin/runuser'].find((candidate) => existsSync(candidate)) ??
				'runuser';
			asUser = [runuser, '-u', 'postgres', '--'];
		}
		const command = (binary: string, args: string[]): [string, string[]] =>
			asUser.length
				? [asUser[0], [...asUser.slice(1), join(bin, binary), ...args]]
				: [join(bin, binary), args];

		await run(
			...command('initdb', [
				'-D',
				dataDir,
				'-U',
				POSTGRES_USER,
				'--auth=trust',
				'-E',
				'UTF8',
				'--no-sync',
			]),
			{ cwd: this.dir },
		);
		this.child = spawnService(
			...command('postgres', [
				'-D',
				dataDir,
				'-h',
				'127.0.0.1',
				'-p',
				String(this.port),
				'-k',
				dataDir,
				'-c',
				'fsync=off',
				'-c',
				'synchronous_commit=off',
				'-c',
				'full_page_writes=off',
				'-c',
				'max_connections=200',
			]),
			this.output,
		);
		const isReady = join(bin, 'pg_isready');
		await waitUntil(
			'postgres',
			async () =>
				await run(
					isReady,
					['-h', '127.0.0.1', '-p', String(this.port), '-U', POSTGRES_USER, '-d', 'postgres'],
					{ cwd: this.dir },
				).then(
					() => true,
					() => false,
				),
			this.child,
			this.output,
		);
		await run(
			join(bin, 'createdb'),
			['-h', '127.0.0.1', '-p', String(this.port), '-U', POSTGRES_USER, POSTGRES_DATABASE],
			{ cwd: this.dir },
		);
	}

	/** What n8n needs to use this database. */
	n8nEnvironment(): NodeJS.ProcessEnv {
		return {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(this.port),
			DB_POSTGRESDB_DATABASE: POSTGRES_DATABASE,
			DB_POSTGRESDB_USER: POSTGRES_USER,
			DB_POSTGRESDB_PASSWORD: '',
		};
	}

	async stop(): Promise<void> {
		// SIGINT is PostgreSQL's fast shutdown: it does not wait for n8n's pooled connections.
		await stopProcessGroup(this.child, 'SIGINT', 10_000);
		this.child = undefined;
		if (this.dir) rmSync(this.dir, { recursive: true, force: true });
	}
}
