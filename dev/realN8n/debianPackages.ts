// System programs the scale-out and browser suites need (Redis, PostgreSQL, Chromium) come
// from Debian's packages: installed on first use, so a fresh machine needs no manual step.
import { existsSync, readdirSync } from 'fs';
import { join } from 'path';

import { type Log, run } from './n8nRuntime';

export interface DebianPackage {
	/** The Debian package name, e.g. "redis-server". */
	name: string;
	/** A file the package installs; its presence means the package is there. */
	provides: () => string | undefined;
}

const fileIfPresent = (path: string) => () => (existsSync(path) ? path : undefined);

/** The newest PostgreSQL server binary folder, e.g. /usr/lib/postgresql/15/bin. */
export function postgresBinDir(): string | undefined {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return undefined;
	const versions = readdirSync(root)
		.filter((version) => existsSync(join(root, version, 'bin', 'postgres')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length ? join(root, versions[0], 'bin') : undefined;
}

export const REDIS: DebianPackage = {
	name: 'redis-server',
	provides: fileIfPresent('/usr/bin/redis-server'),
};
export const POSTGRESQL: DebianPackage = { name: 'postgresql', provides: () => postgresBinDir() };
export const CHROMIUM: DebianPackage = {
	name: 'chromium',
	provides: fileIfPresent('/usr/bin/chromium'),
};

function isRoot(): boolean {
	return typeof process.getuid === 'function' && process.getuid() === 0;
}

async function apt(args: string[], log: Log): Promise<void> {
	// Waits for another apt-get (ours or the system's) instead of failing on dpkg's lock.
	const aptArgs = ['-o', 'DPkg::Lock::Timeout=300', ...args];
	const [command, commandArgs] = isRoot()
		? ['apt-get', aptArgs]
		: ['sudo', ['-n', 'apt-get', ...aptArgs]];
	await run(command, commandArgs, {
		cwd: process.cwd(),
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
		log: (line) => log(`  apt: ${line}`),
	});
}

let aptTurn: Promise<void> = Promise.resolve();

/**
 * Installs the packages that are missing with apt-get (as root, or through password-less
 * sudo). The package lists are refreshed only when a first attempt fails, since that is slow.
 */
export async function ensureDebianPackages(
	packages: DebianPackage[],
	log: Log = () => undefined,
): Promise<void> {
	// One apt-get at a time: dpkg has a single lock (Redis and PostgreSQL start side by side).
	const turn = aptTurn.then(() => installMissing(packages, log));
	aptTurn = turn.catch(() => undefined);
	await turn;
}

async function installMissing(packages: DebianPackage[], log: Log): Promise<void> {
	const missing = packages.filter((pkg) => !pkg.provides());
	if (!missing.length) return;
	const names = missing.map((pkg) => pkg.name);
	log(`Installing Debian packages: ${names.join(', ')} (one time)...`);
	const install = ['install', '-y', ...names];
	try {
		try {
			await apt(install, log);
		} catch {
			await apt(['update'], log);
			await apt(install, log);
		}
	} catch (error) {
		throw new Error(
			`Could not install ${names.join(', ')} with apt-get (${aptProblem(error)}). ` +
				`Install them yourself (sudo apt-get install ${names.join(' ')}) and run the command again.`,
		);
	}
	const stillMissing = missing.filter((pkg) => !pkg.provides()).map((pkg) => pkg.name);
	if (stillMissing.length)
		throw new Error(`apt-get ran, but ${stillMissing.join(', ')} is still missing.`);
}

/** apt-get's own error lines ("E: …"), or the first line of the error. */
function aptProblem(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	const aptErrors = message.split('\n').filter((line) => line.startsWith('E: '));
	return aptErrors.length ? aptErrors.join(' ') : message.split('\n')[0];
}
