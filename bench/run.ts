// `npm run bench [-- --quick] [-- --runs N]`: this package's nodes side by side with the
// built-in nodes a user would wire by hand, on one real n8n and one Sequence sandbox, in
// one run. Loopback only; every loop is bounded in count and time.
import { spawnSync } from 'child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { cpus, totalmem, tmpdir } from 'os';
import { join } from 'path';
import { Pool } from 'undici';

import { type SandboxData, loadSandboxData } from '../dev/sandbox/sequenceSandbox';
import { DEMO_QUERY_REMOTE_API_SECRET, PATHS } from '../dev/demo/demoWorkflows';
import { type Environment, SANDBOX_DATA_FILE, startEnvironment } from '../dev/realN8n/environment';
import { N8N_VERSION, PACKAGE_DIR, REPOSITORY_ROOT } from '../dev/realN8n/n8nRuntime';
import { BENCH_PATHS, benchWorkflows } from './workflows';

const quick = process.argv.includes('--quick');
const runsArgument = process.argv.indexOf('--runs');
const RUNS = runsArgument > 0 ? Number(process.argv[runsArgument + 1]) : quick ? 1 : 3;
const REQUESTS_PER_LEVEL = quick ? 40 : 150;
const LEVEL_TIME_LIMIT_MS = quick ? 15_000 : 60_000;
const CONCURRENCY_LEVELS = [1, 8, 32];
const ACCOUNTS = 1000;
const TRIGGER_ITEMS = quick ? 50 : 500;
const STORM = quick ? { triggers: 40, maxRequests: 20 } : { triggers: 200, maxRequests: 20 };

const say = (message: string) => process.stdout.write(`${message}\n`);

interface Spread {
	median: number;
	min: number;
	max: number;
}

function spread(values: number[]): Spread {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	return { median: round(median), min: round(sorted[0]), max: round(sorted[sorted.length - 1]) };
}

function percentile(sorted: number[], fraction: number): number {
	return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

function round(value: number): number {
	return Math.round(value * 100) / 100;
}

/** Sequence's accounts, scaled to `count`, with exact two-decimal balances. */
function manyAccounts(base: SandboxData, count: number): SandboxData {
	const accounts = Array.from({ length: count }, (_, index) => ({
		id: `bench-${index}`,
		name: `Bench account ${index}`,
		type: ['Pod', 'Income Source', 'Account'][index % 3],
		balance: { amountInDollars: Number(((index * 7919) % 1_000_000) / 100), error: null },
	}));
	return { ...base, accounts };
}

interface LoadResult {
	requestsPerSecond: number;
	p50: number;
	p95: number;
	p99: number;
	failures: number;
	completed: number;
}

/** Keeps `concurrency` requests in flight until `count` are done or the time limit passes. */
async function load(
	url: string,
	body: string,
	concurrency: number,
	count: number,
	check: (status: number, text: string) => boolean,
): Promise<LoadResult> {
	const target = new URL(url);
	const pool = new Pool(target.origin, { connections: concurrency });
	const latencies: number[] = [];
	let issued = 0;
	let failures = 0;
	const started = performance.now();
	const deadline = started + LEVEL_TIME_LIMIT_MS;
	const worker = async () => {
		while (issued < count && performance.now() < deadline) {
			issued++;
			const sent = performance.now();
			try {
				const response = await pool.request({
					path: `${target.pathname}${target.search}`,
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body,
				});
				const text = await response.body.text();
				if (!check(response.statusCode, text)) failures++;
			} catch {
				failures++;
			}
			latencies.push(performance.now() - sent);
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	const elapsed = performance.now() - started;
	await pool.close();
	const sorted = latencies.sort((a, b) => a - b);
	return {
		requestsPerSecond: round((latencies.length / elapsed) * 1000),
		p50: round(percentile(sorted, 0.5)),
		p95: round(percentile(sorted, 0.95)),
		p99: round(percentile(sorted, 0.99)),
		failures,
		completed: latencies.length,
	};
}

async function postTimed(
	environment: Environment,
	path: string,
	body: unknown,
): Promise<{ ms: number; status: number; text: string }> {
	const started = performance.now();
	const response = await fetch(`${environment.server.url}/webhook/${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	const text = await response.text();
	return { ms: performance.now() - started, status: response.status, text };
}

async function queryRemoteApiRoundTrip(environment: Environment) {
	const variants = {
		ours: `${environment.server.url}/webhook/${PATHS.amount}?token=${DEMO_QUERY_REMOTE_API_SECRET}`,
		oursNoAuth: `${environment.server.url}/webhook/${BENCH_PATHS.oursAmountNoAuth}`,
		builtIn: `${environment.server.url}/webhook/${BENCH_PATHS.builtinAmount}`,
	};
	const expected = (status: number, text: string) =>
		status === 200 && JSON.parse(text).amountInCents === 12550;
	const results: Record<
		string,
		Record<
			string,
			{ requestsPerSecond: Spread; p50: Spread; p95: Spread; p99: Spread; failures: number }
		>
	> = {};
	for (const url of Object.values(variants)) await load(url, '{}', 4, quick ? 10 : 40, expected); // warm-up
	for (const concurrency of CONCURRENCY_LEVELS) {
		const perVariant: Record<string, LoadResult[]> = { ours: [], oursNoAuth: [], builtIn: [] };
		for (let run = 0; run < RUNS; run++) {
			// Rotate the order so no variant always runs on a warmer server.
			const names = Object.keys(perVariant);
			const order = names.map((_, index) => names[(index + run) % names.length]);
			for (const variant of order) {
				perVariant[variant].push(
					await load(
						variants[variant as keyof typeof variants],
						'{}',
						concurrency,
						REQUESTS_PER_LEVEL,
						expected,
					),
				);
			}
		}
		results[`concurrency${concurrency}`] = Object.fromEntries(
			Object.entries(perVariant).map(([variant, runs]) => [
				variant,
				{
					requestsPerSecond: spread(runs.map((result) => result.requestsPerSecond)),
					p50: spread(runs.map((result) => result.p50)),
					p95: spread(runs.map((result) => result.p95)),
					p99: spread(runs.map((result) => result.p99)),
					failures: runs.reduce((sum, result) => sum + result.failures, 0),
				},
			]),
		);
		const level = results[`concurrency${concurrency}`];
		say(
			`  concurrency ${concurrency}: ours ${level.ours.requestsPerSecond.median} req/s (p99 ${level.ours.p99.median} ms), ours without auth ${level.oursNoAuth.requestsPerSecond.median} req/s (p99 ${level.oursNoAuth.p99.median} ms), built-in ${level.builtIn.requestsPerSecond.median} req/s (p99 ${level.builtIn.p99.median} ms)`,
		);
	}
	return results;
}

async function actionNodes(environment: Environment) {
	const measure = async (
		path: string,
		body: unknown,
		items: number,
		check: (text: string) => void,
	) => {
		const perItem: number[] = [];
		for (let run = 0; run < RUNS; run++) {
			const result = await postTimed(environment, path, body);
			if (result.status !== 200)
				throw new Error(`${path}: status ${result.status} ${result.text.slice(0, 300)}`);
			check(result.text);
			perItem.push(result.ms / items);
		}
		return spread(perItem);
	};
	await postTimed(environment, BENCH_PATHS.oursAccounts, {});
	await postTimed(environment, BENCH_PATHS.builtinAccounts, {});
	const accounts = {
		ours: await measure(BENCH_PATHS.oursAccounts, {}, ACCOUNTS, (text) => {
			if (JSON.parse(text).id !== 'bench-0')
				throw new Error(`unexpected accounts reply ${text.slice(0, 200)}`);
		}),
		builtIn: await measure(BENCH_PATHS.builtinAccounts, {}, ACCOUNTS, (text) => {
			if (JSON.parse(text).id !== 'bench-0')
				throw new Error(`unexpected accounts reply ${text.slice(0, 200)}`);
		}),
	};
	const items = { items: Array.from({ length: TRIGGER_ITEMS }, (_, i) => ({ i })) };
	const countTriggers = (label: string) => () => {
		const count = environment.sandbox.triggers.length;
		environment.sandbox.reset(environment.data);
		if (count !== TRIGGER_ITEMS)
			throw new Error(`${label}: ${count} triggers for ${TRIGGER_ITEMS} items`);
	};
	environment.sandbox.reset(environment.data);
	const triggers = {
		ours: await measure(BENCH_PATHS.oursTriggers, items, TRIGGER_ITEMS, countTriggers('ours')),
		builtIn: await measure(
			BENCH_PATHS.builtinTriggers,
			items,
			TRIGGER_ITEMS,
			countTriggers('built-in'),
		),
	};
	say(
		`  get many (${ACCOUNTS} accounts): ours ${accounts.ours.median} ms/item, built-in ${accounts.builtIn.median} ms/item`,
	);
	say(
		`  trigger rule (${TRIGGER_ITEMS} items): ours ${triggers.ours.median} ms/item, built-in ${triggers.builtIn.median} ms/item`,
	);
	return { accounts, triggers };
}

async function storm(environment: Environment) {
	const windowMs = 1000;
	const idealMs = (Math.ceil(STORM.triggers / STORM.maxRequests) - 1) * windowMs;
	const totals: number[] = [];
	let duplicates = 0;
	let rateLimited = 0;
	let missing = 0;
	for (let run = 0; run < RUNS; run++) {
		environment.sandbox.reset(environment.data);
		// Let the previous window close so every run starts from a fresh limit.
		await new Promise((resolve) => setTimeout(resolve, windowMs));
		environment.sandbox.rateLimit = { maxRequests: STORM.maxRequests, windowMs };
		const body = { items: Array.from({ length: STORM.triggers }, (_, i) => ({ run, i })) };
		const result = await postTimed(environment, BENCH_PATHS.storm, body);
		if (result.status !== 200)
			throw new Error(`storm: status ${result.status} ${result.text.slice(0, 300)}`);
		totals.push(result.ms);
		const perItem = new Map<number, number>();
		for (const trigger of environment.sandbox.triggers) {
			const item = (trigger.body as { item: number }).item;
			perItem.set(item, (perItem.get(item) ?? 0) + 1);
		}
		duplicates += [...perItem.values()].filter((count) => count > 1).length;
		missing += STORM.triggers - perItem.size;
		rateLimited += environment.sandbox.requests.filter((request) => request.status === 429).length;
	}
	environment.sandbox.reset(environment.data);
	const total = spread(totals);
	say(
		`  429 storm: ${STORM.triggers} triggers at ${STORM.maxRequests}/s: ${total.median} ms vs ideal ${idealMs} ms, ${duplicates} duplicates`,
	);
	return {
		triggers: STORM.triggers,
		limit: `${STORM.maxRequests} per ${windowMs} ms`,
		totalMs: total,
		idealMs,
		ratioToIdeal: round(total.median / idealMs),
		duplicates,
		missing,
		rateLimitedResponses: rateLimited,
	};
}

/** Size of a package's tarball, and how long Node takes to load its nodes and credentials. */
function packageCost(packageDir: string, nodeModules: string) {
	const packed = spawnSync('npm', ['pack', '--dry-run', '--json', '--loglevel=error'], {
		cwd: packageDir,
		encoding: 'utf8',
	});
	const [info] = JSON.parse(packed.stdout) as Array<{
		size: number;
		unpackedSize: number;
		entryCount: number;
	}>;
	const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
		n8n: { nodes: string[]; credentials: string[] };
	};
	const files = [...manifest.n8n.nodes, ...manifest.n8n.credentials].map((file) =>
		join(packageDir, file),
	);
	const probe = `
		require('n8n-workflow');
		const started = process.hrtime.bigint();
		for (const file of ${JSON.stringify(files)}) {
			// As n8n does: Foo.node.js exports the class Foo.
			const className = require('path').basename(file).split('.')[0];
			new (require(file)[className])();
		}
		process.stdout.write(String(Number(process.hrtime.bigint() - started) / 1e6));
	`;
	const loads: number[] = [];
	for (let run = 0; run < 5; run++) {
		const result = spawnSync(process.execPath, ['-e', probe], {
			encoding: 'utf8',
			env: { ...process.env, NODE_PATH: nodeModules },
		});
		if (result.status !== 0) throw new Error(`load probe failed: ${result.stderr}`);
		loads.push(Number(result.stdout));
	}
	return {
		tarballBytes: info.size,
		unpackedBytes: info.unpackedSize,
		files: info.entryCount,
		loadMs: spread(loads),
	};
}

/** A bare node as n8n's starter template makes it: one node, one credential, no logic. */
function bareStarterPackage(): string {
	const dir = mkdtempSync(join(tmpdir(), 'bare-starter-'));
	mkdirSync(join(dir, 'dist', 'nodes', 'Bare'), { recursive: true });
	mkdirSync(join(dir, 'dist', 'credentials'), { recursive: true });
	writeFileSync(
		join(dir, 'package.json'),
		JSON.stringify({
			name: 'n8n-nodes-bare',
			version: '0.1.0',
			license: 'MIT',
			files: ['dist'],
			n8n: {
				n8nNodesApiVersion: 1,
				nodes: ['dist/nodes/Bare/Bare.node.js'],
				credentials: ['dist/credentials/BareApi.credentials.js'],
			},
			peerDependencies: { 'n8n-workflow': '*' },
		}),
	);
	writeFileSync(
		join(dir, 'dist', 'nodes', 'Bare', 'Bare.node.js'),
		`const { NodeConnectionTypes } = require('n8n-workflow');
class Bare {
	constructor() {
		this.description = { displayName: 'Bare', name: 'bare', icon: 'file:bare.svg', group: ['transform'], version: 1, description: 'Bare',
			defaults: { name: 'Bare' }, inputs: [NodeConnectionTypes.Main], outputs: [NodeConnectionTypes.Main], usableAsTool: true,
			credentials: [{ name: 'bareApi', required: true }], properties: [{ displayName: 'Value', name: 'value', type: 'string', default: '' }] };
	}
	async execute() { return [this.getInputData()]; }
}
exports.Bare = Bare;
`,
	);
	writeFileSync(
		join(dir, 'dist', 'nodes', 'Bare', 'bare.svg'),
		'<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>',
	);
	writeFileSync(
		join(dir, 'dist', 'credentials', 'BareApi.credentials.js'),
		`class BareApi { constructor() { this.name = 'bareApi'; this.displayName = 'Bare API';
	this.properties = [{ displayName: 'Key', name: 'key', type: 'string', typeOptions: { password: true }, default: '' }]; } }
exports.BareApi = BareApi;
`,
	);
	return dir;
}

function ratio(ours: number, builtIn: number): number {
	return round(ours / builtIn);
}

async function main() {
	const started = Date.now();
	const base = loadSandboxData(SANDBOX_DATA_FILE);
	say(
		`Benchmark (${quick ? 'quick' : 'full'}, ${RUNS} run(s) per figure): starting the sandbox and n8n ${N8N_VERSION}...`,
	);
	const environment = await startEnvironment({
		data: manyAccounts(base, ACCOUNTS),
		extraWorkflows: benchWorkflows,
		maxWaitSeconds: 5,
		log: (message) => say(`· ${message}`),
	});
	try {
		say('1. Query Remote API round trip');
		const roundTrip = await queryRemoteApiRoundTrip(environment);
		say('1b. Query Remote API round trip with N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true');
		const lazy = await startEnvironment({
			data: manyAccounts(base, ACCOUNTS),
			extraWorkflows: benchWorkflows,
			maxWaitSeconds: 5,
			n8nEnv: { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' },
		});
		let roundTripLazy;
		try {
			roundTripLazy = await queryRemoteApiRoundTrip(lazy);
		} finally {
			await lazy.stop();
		}
		say('2. Action node per item');
		const action = await actionNodes(environment);
		say('3. 429 storm');
		const stormResult = await storm(environment);
		say('4. Package cost');
		const bareDir = bareStarterPackage();
		const ours = packageCost(PACKAGE_DIR, join(REPOSITORY_ROOT, 'node_modules'));
		const bare = packageCost(bareDir, join(REPOSITORY_ROOT, 'node_modules'));
		rmSync(bareDir, { recursive: true, force: true });
		say(
			`  tarball ${ours.tarballBytes} B (${ours.files} files) vs bare starter ${bare.tarballBytes} B; load ${ours.loadMs.median} ms vs ${bare.loadMs.median} ms`,
		);

		const results = {
			command: `npm run bench${quick ? ' -- --quick' : ''}${runsArgument > 0 ? ` -- --runs ${RUNS}` : ''}`,
			date: new Date().toISOString(),
			machine: {
				cores: cpus().length,
				cpu: cpus()[0]?.model,
				memoryGiB: round(totalmem() / 2 ** 30),
				node: process.version,
				n8n: N8N_VERSION,
			},
			settings: {
				runs: RUNS,
				requestsPerLevel: REQUESTS_PER_LEVEL,
				concurrencyLevels: CONCURRENCY_LEVELS,
				accounts: ACCOUNTS,
				triggerItems: TRIGGER_ITEMS,
			},
			n8nStartMs: environment.timings.startN8n,
			queryRemoteApi: roundTrip,
			queryRemoteApiLazyAcquire: roundTripLazy,
			actionNode: action,
			storm: stormResult,
			packageCost: { ours, bareStarter: bare, n8nReadyWithPackageMs: environment.timings.startN8n },
			durationSeconds: Math.round((Date.now() - started) / 1000),
		};
		const outDir = join(REPOSITORY_ROOT, 'bench', 'results');
		mkdirSync(outDir, { recursive: true });
		const name = quick ? 'quick' : 'latest';
		writeFileSync(join(outDir, `${name}.json`), `${JSON.stringify(results, null, 2)}\n`);
		writeFileSync(
			join(REPOSITORY_ROOT, 'bench', quick ? 'RESULTS.quick.md' : 'RESULTS.md'),
			markdown(results),
		);
		say(
			`Wrote bench/results/${name}.json and bench/${quick ? 'RESULTS.quick.md' : 'RESULTS.md'} in ${results.durationSeconds} s.`,
		);
	} finally {
		await environment.stop();
	}
}

type Results = {
	command: string;
	date: string;
	machine: Record<string, unknown>;
	settings: Record<string, unknown>;
	queryRemoteApi: Awaited<ReturnType<typeof queryRemoteApiRoundTrip>>;
	queryRemoteApiLazyAcquire: Awaited<ReturnType<typeof queryRemoteApiRoundTrip>>;
	actionNode: Awaited<ReturnType<typeof actionNodes>>;
	storm: Awaited<ReturnType<typeof storm>>;
	packageCost: {
		ours: ReturnType<typeof packageCost>;
		bareStarter: ReturnType<typeof packageCost>;
		n8nReadyWithPackageMs: number;
	};
};

const fmt = (value: Spread) => `${value.median} (${value.min}–${value.max})`;

function markdown(results: Results): string {
	const roundTripTable = (table: Results['queryRemoteApi']) => {
		const rows = [
			'| concurrency | variant | req/s | ratio to built-in | p50 ms | p95 ms | p99 ms | p99 ratio | failures |',
			'|---|---|---|---|---|---|---|---|---|',
		];
		for (const [level, variants] of Object.entries(table)) {
			const builtIn = variants.builtIn;
			for (const [name, label] of [
				['ours', 'ours (query token)'],
				['oursNoAuth', 'ours (no auth)'],
				['builtIn', 'built-in (no auth)'],
			] as const) {
				const variant = variants[name];
				rows.push(
					`| ${level.replace('concurrency', '')} | ${label} | ${fmt(variant.requestsPerSecond)} | ${ratio(variant.requestsPerSecond.median, builtIn.requestsPerSecond.median)} | ${variant.p50.median} | ${variant.p95.median} | ${fmt(variant.p99)} | ${ratio(variant.p99.median, builtIn.p99.median)} | ${variant.failures} |`,
				);
			}
		}
		return rows;
	};
	const lines = [
		'# Benchmarks',
		'',
		`Produced by \`${results.command}\` on ${results.date.slice(0, 10)}: ${results.machine.cores} cores (${results.machine.cpu}), ${results.machine.memoryGiB} GiB, Node ${results.machine.node}, n8n ${results.machine.n8n} (SQLite, executions saved).`,
		`Each figure: median of ${results.settings.runs} run(s), with (min–max). One real n8n and one Sequence sandbox, all on 127.0.0.1; load client: undici.`,
		'',
		'## 1. Query Remote API round trip',
		'',
		'Ours: Sequence Query Remote API Trigger → Set → Sequence Respond With Amount (exact cents, limits); with Query Token auth, and without.',
		'Built-in: Webhook (no auth) → the same Set → Respond to Webhook with `Math.round(x * 100)`.',
		`${results.settings.requestsPerLevel} requests per level and run.`,
		'',
		'### n8n defaults',
		'',
		...roundTripTable(results.queryRemoteApi),
		'',
		'### With `N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true`',
		'',
		'n8n 2.40 takes an expression isolate (from a pool of 1, `N8N_EXPRESSION_ENGINE_POOL_SIZE`) for every webhook request of any trigger other than its own Webhook node, before knowing whether an expression will run; the second isolate a request needs is then created cold. With lazy acquisition an isolate is only created when an expression reaches the engine; this trigger needs none (its webhook fields are resolved natively).',
		'',
		...roundTripTable(results.queryRemoteApiLazyAcquire),
		'',
	];
	const { accounts, triggers } = results.actionNode;
	lines.push(
		'',
		'## 2. Action node, wall time per item',
		'',
		'Ours: Webhook → Sequence node. Built-in: Webhook → HTTP Request (headers typed by hand) [→ Split Out for accounts].',
		'',
		'| operation | ours ms/item | built-in ms/item | ratio |',
		'|---|---|---|---|',
		`| Get Many, ${results.settings.accounts} accounts (one request) | ${fmt(accounts.ours)} | ${fmt(accounts.builtIn)} | ${ratio(accounts.ours.median, accounts.builtIn.median)} |`,
		`| Trigger rule, ${results.settings.triggerItems} items (one request each) | ${fmt(triggers.ours)} | ${fmt(triggers.builtIn)} | ${ratio(triggers.ours.median, triggers.builtIn.median)} |`,
		'',
		'## 3. 429 storm',
		'',
		`${results.storm.triggers} rule triggers while the sandbox allows ${results.storm.limit} (429 with Retry-After beyond).`,
		'',
		'| total ms | ideal ms | ratio | duplicate triggers | missing triggers | 429 replies |',
		'|---|---|---|---|---|---|',
		`| ${fmt(results.storm.totalMs)} | ${results.storm.idealMs} | ${results.storm.ratioToIdeal} | ${results.storm.duplicates} | ${results.storm.missing} | ${results.storm.rateLimitedResponses} |`,
		'',
		'## 4. Package cost',
		'',
		'| package | tarball bytes | unpacked bytes | files | load + instantiate ms (Node, n8n-workflow preloaded) |',
		'|---|---|---|---|---|',
		`| n8n-nodes-sequence-money | ${results.packageCost.ours.tarballBytes} | ${results.packageCost.ours.unpackedBytes} | ${results.packageCost.ours.files} | ${fmt(results.packageCost.ours.loadMs)} |`,
		`| bare starter node | ${results.packageCost.bareStarter.tarballBytes} | ${results.packageCost.bareStarter.unpackedBytes} | ${results.packageCost.bareStarter.files} | ${fmt(results.packageCost.bareStarter.loadMs)} |`,
		'',
		`n8n was ready ${results.packageCost.n8nReadyWithPackageMs} ms after start with the package installed.`,
		'',
		'Targets (reported, not asserted): ours ≥ 1.0× built-in throughput and p99 ≤ 1.1×; per-item ≤ 1.1× the HTTP Request node; storm ≤ 1.2× ideal with 0 duplicates.',
		'',
	);
	return lines.join('\n');
}

main().catch((error: unknown) => {
	process.stderr.write(
		`benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
	);
	process.exit(1);
});
