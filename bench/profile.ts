// `npm run bench:profile -- <ours|builtIn> [requests]`: a V8 CPU profile of the n8n server
// while it answers Query Remote API calls one at a time, summarised by where time goes.
import { mkdirSync, readFileSync, readdirSync } from 'fs';
import { join } from 'path';

import { DEMO_QUERY_REMOTE_API_SECRET, PATHS } from '../dev/demo/demoWorkflows';
import { startEnvironment } from '../dev/realN8n/environment';
import { REPOSITORY_ROOT } from '../dev/realN8n/n8nRuntime';
import { BENCH_PATHS, benchWorkflows } from './workflows';

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	children?: number[];
}

function summarise(file: string): void {
	const profile = JSON.parse(readFileSync(file, 'utf8')) as {
		nodes: ProfileNode[];
		samples: number[];
		timeDeltas: number[];
	};
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const parent = new Map<number, number>();
	for (const node of profile.nodes)
		for (const child of node.children ?? []) parent.set(child, node.id);
	const self = new Map<number, number>();
	profile.samples.forEach((id, index) =>
		self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)),
	);
	const total = [...self.values()].reduce((sum, value) => sum + value, 0);
	// Inclusive time per "area" (package or file), counting each sample once per area on its stack.
	const inclusive = new Map<string, number>();
	const selfByFunction = new Map<string, number>();
	for (const [id, time] of self) {
		const areas = new Set<string>();
		for (
			let current: number | undefined = id;
			current !== undefined;
			current = parent.get(current)
		) {
			const url = byId.get(current)!.callFrame.url;
			const area =
				/n8n-nodes-sequence-money\/dist\/(.*)/.exec(url)?.[1] ??
				/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
			if (area) areas.add(area);
		}
		for (const area of areas) inclusive.set(area, (inclusive.get(area) ?? 0) + time);
		const frame = byId.get(id)!.callFrame;
		const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('node_modules/').pop()}:${frame.lineNumber}`;
		selfByFunction.set(key, (selfByFunction.get(key) ?? 0) + time);
	}
	const top = (map: Map<string, number>, count: number) =>
		[...map.entries()]
			.sort((a, b) => b[1] - a[1])
			.slice(0, count)
			.map(([name, time]) => `  ${((time / total) * 100).toFixed(1).padStart(5)}%  ${name}`);
	process.stdout.write(
		`Inclusive time by package/file:\n${top(inclusive, 25).join('\n')}\n\nSelf time by function:\n${top(selfByFunction, 25).join('\n')}\n`,
	);
}

async function main() {
	const variant = ['builtIn', 'oursNoAuth'].includes(process.argv[2]) ? process.argv[2] : 'ours';
	const requests = Number(process.argv[3] ?? 150);
	const profileDir = join(REPOSITORY_ROOT, 'bench', 'results', `profile-${variant}-${Date.now()}`);
	mkdirSync(profileDir, { recursive: true });
	const environment = await startEnvironment({
		extraWorkflows: benchWorkflows,
		n8nEnv: {
			NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profileDir}`,
			...Object.fromEntries(
				Object.entries(process.env).filter(([name]) => name.startsWith('N8N_EXPRESSION_ENGINE_')),
			),
		},
	});
	const url = {
		ours: `${environment.server.url}/webhook/${PATHS.amount}?token=${DEMO_QUERY_REMOTE_API_SECRET}`,
		oursNoAuth: `${environment.server.url}/webhook/${BENCH_PATHS.oursAmountNoAuth}`,
		builtIn: `${environment.server.url}/webhook/${BENCH_PATHS.builtinAmount}`,
	}[variant]!;
	const started = performance.now();
	for (let index = 0; index < requests; index++) {
		const response = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{}',
		});
		await response.text();
	}
	process.stdout.write(
		`${variant}: ${requests} requests in ${Math.round(performance.now() - started)} ms\n`,
	);
	await environment.stop();
	const files = readdirSync(profileDir).filter((name) => name.endsWith('.cpuprofile'));
	// The largest profile is the n8n main process (the task runner writes its own).
	const largest = files
		.map((name) => ({ name, size: readFileSync(join(profileDir, name)).length }))
		.sort((a, b) => b.size - a.size)[0];
	summarise(join(profileDir, largest.name));
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
	process.exit(1);
});
