// n8n in queue mode, as teams run it at scale: a main process, one `n8n webhook` process and
// two `n8n worker` processes sharing Redis and PostgreSQL, with this package installed for all
// of them. Production calls go to the webhook process; executions run on the workers.
import { request } from 'undici';

import {
	DEMO_QUERY_REMOTE_API_SECRET,
	PATHS,
	amountWorkflow,
	triggerRuleWorkflow,
} from '../../dev/demo/demoWorkflows';
import type { DemoSetup } from '../../dev/demo/demoWorkflows';
import {
	type Environment,
	PROCESS_NAME_VARIABLE,
	startEnvironment,
} from '../../dev/realN8n/environment';

const QUEUE_AMOUNT = { id: 'SeqQueueAmount01', path: 'queue-amount' };
const KEYED_TRIGGER = { id: 'SeqQueueKeyed001', path: 'queue-trigger-keyed' };

/** The demo amount workflow, also recording which n8n process computed the amount. */
function amountWorkflowRecordingProcess() {
	const workflow = amountWorkflow();
	const [trigger, compute] = workflow.nodes as Array<{
		webhookId?: string;
		parameters: Record<string, unknown>;
	}>;
	trigger.parameters.path = QUEUE_AMOUNT.path;
	trigger.webhookId = `${QUEUE_AMOUNT.id}-webhook`;
	(compute.parameters.assignments as { assignments: object[] }).assignments.push({
		id: 'computedBy',
		name: 'computedBy',
		type: 'string',
		value: `={{ $env.${PROCESS_NAME_VARIABLE} }}`,
	});
	return { ...workflow, id: QUEUE_AMOUNT.id, name: 'queue: amount, recording the process' };
}

/**
 * The demo rule trigger with the idempotency key taken from the payment instead of the
 * execution: what a workflow needs when its caller may send the same payment again.
 */
function triggerKeyedByPayment(setup: DemoSetup) {
	const workflow = triggerRuleWorkflow(setup);
	const [webhook, trigger] = workflow.nodes as Array<{
		webhookId?: string;
		parameters: Record<string, unknown>;
	}>;
	webhook.parameters.path = KEYED_TRIGGER.path;
	webhook.webhookId = `${KEYED_TRIGGER.id}-webhook`;
	trigger.parameters.idempotency = 'custom';
	trigger.parameters.idempotencyKey = "={{ 'payment-' + $json.body.paymentId }}";
	return { ...workflow, id: KEYED_TRIGGER.id, name: 'queue: trigger a rule, keyed by payment' };
}

let environment: Environment;

const log = (message: string) => process.stderr.write(`[queue] ${message}\n`);

async function postJson(url: string, body: unknown) {
	const started = performance.now();
	try {
		const response = await request(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
			headersTimeout: 120_000,
			bodyTimeout: 120_000,
		});
		const text = await response.body.text();
		return { status: response.statusCode, text, ms: performance.now() - started };
	} catch (error) {
		return { status: 0, text: String(error), ms: performance.now() - started };
	}
}

interface ExecutionSummary {
	id: string;
	status: string;
}

async function executionsOf(workflowId: string): Promise<ExecutionSummary[]> {
	const { body } = await environment.rest<{ data: { results: ExecutionSummary[] } }>(
		'GET',
		`/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}&limit=500`,
	);
	return body.data.results;
}

const UNFINISHED = ['new', 'running', 'waiting'];

/**
 * The executions of a workflow not in `before`, once none is unfinished: a reply can reach
 * the caller before its execution is saved, and a dead worker's executions are only marked
 * failed (or crashed, by the main process's queue recovery) some time later.
 */
async function settledExecutions(
	workflowId: string,
	before: Set<string>,
	timeoutMs = 150_000,
): Promise<ExecutionSummary[]> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const executions = (await executionsOf(workflowId)).filter(
			(execution) => !before.has(execution.id),
		);
		const settled = executions.every(
			(execution) =>
				!UNFINISHED.includes(execution.status) &&
				(execution.status !== 'success' || workersThatFinished(execution.id).length > 0),
		);
		if (settled || Date.now() > deadline) return executions;
		await new Promise((resolve) => setTimeout(resolve, 1_000));
	}
}

/** Which worker ran an execution, from the line each worker logs when it finishes one. */
function workersThatFinished(executionId: string): string[] {
	return environment.queue!.workers.flatMap((worker, index) =>
		worker.logs.some((line) => line.includes(`Worker finished execution ${executionId} (`))
			? [`worker-${index + 1}`]
			: [],
	);
}

function startedButNotFinished(logs: string[]): string[] {
	const started = logs.flatMap((line) => /Worker started execution (\d+) /.exec(line)?.[1] ?? []);
	return started.filter(
		(id) => !logs.some((line) => line.includes(`Worker finished execution ${id} (`)),
	);
}

function percentile(values: number[], fraction: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

async function waitFor(what: string, check: () => boolean, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline)
			throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

beforeAll(async () => {
	const started = Date.now();
	environment = await startEnvironment({
		log,
		extraWorkflows: (setup) => [amountWorkflowRecordingProcess(), triggerKeyedByPayment(setup)],
		maxWaitSeconds: 5,
		queue: {
			workers: 2,
			env: {
				// Notice a dead worker within ~25 s instead of n8n's default of ~90 s.
				QUEUE_WORKER_LOCK_DURATION: '15000',
				QUEUE_WORKER_LOCK_RENEW_TIME: '5000',
				QUEUE_WORKER_STALLED_INTERVAL: '5000',
				// Executions left "running" by a dead worker are marked crashed after at most a minute.
				N8N_EXECUTIONS_QUEUE_RECOVERY_INTERVAL: '1',
			},
		},
	});
	log(
		`main + webhook process + 2 workers ready in ${Math.round((Date.now() - started) / 1000)} s; timings (ms): ${JSON.stringify(environment.timings)}`,
	);
}, 900_000);

afterAll(async () => {
	await environment?.stop();
});

beforeEach(() => environment.sandbox.reset());

describe('queue mode: main + webhook process + 2 workers, Redis and PostgreSQL', () => {
	it('production webhooks are served by the webhook process, not by the main process', async () => {
		const viaMain = await postJson(
			`${environment.server.url}/webhook/${PATHS.amount}?token=${DEMO_QUERY_REMOTE_API_SECRET}`,
			{},
		);
		expect(viaMain.status).toBe(404);
		const viaWebhookProcess = await postJson(
			`${environment.webhookBaseUrl}/webhook/${PATHS.amount}?token=${DEMO_QUERY_REMOTE_API_SECRET}`,
			{},
		);
		expect(viaWebhookProcess).toMatchObject({ status: 200, text: '{"amountInCents":12550}' });
	});

	it('a Query Remote API call is answered through the webhook process with the amount a worker computed', async () => {
		const before = new Set((await executionsOf(QUEUE_AMOUNT.id)).map((execution) => execution.id));
		const result = await environment.sandbox.queryRemoteApi(
			`${environment.webhookBaseUrl}/webhook/${QUEUE_AMOUNT.path}?token=${DEMO_QUERY_REMOTE_API_SECRET}`,
			{
				body: JSON.stringify({ invoices: [{ cents: 4321 }, { cents: 1000 }] }),
			},
		);
		expect(result).toMatchObject({ status: 200, amountInCents: 5321 });

		const [execution] = await settledExecutions(QUEUE_AMOUNT.id, before);
		expect(execution.status).toBe('success');
		expect(environment.queue!.webhook.logs).toContainEqual(
			expect.stringContaining(`Enqueued execution ${execution.id} (`),
		);
		const ranOn = workersThatFinished(execution.id);
		expect(ranOn).toHaveLength(1);
		// The saved run data shows the amount was computed in that worker (process names are quoted in it).
		const { body } = await environment.rest<{ data: { data: string } }>(
			'GET',
			`/executions/${execution.id}`,
		);
		expect(body.data.data).toContain(`"${ranOn[0]}"`);
		expect(body.data.data).not.toContain('"webhook-1"');
	});

	it('100 concurrent Query Remote API calls each get the amount computed from their own request', async () => {
		const calls = 100;
		const before = new Set((await executionsOf(QUEUE_AMOUNT.id)).map((execution) => execution.id));
		// Every call asks for a different amount, so a reply that went to the wrong caller is caught.
		const bodies = Array.from({ length: calls }, (_, index) => ({
			invoices: [{ cents: 1000 + index * 113 }, { cents: index }],
		}));
		const expected = bodies.map((body) => body.invoices[0].cents + body.invoices[1].cents);
		const started = performance.now();
		const results = await Promise.all(
			bodies.map((body) =>
				environment.sandbox.queryRemoteApi(
					`${environment.webhookBaseUrl}/webhook/${QUEUE_AMOUNT.path}?token=${DEMO_QUERY_REMOTE_API_SECRET}`,
					{
						body: JSON.stringify(body),
						timeoutMs: 120_000,
					},
				),
			),
		);
		const wallMs = performance.now() - started;
		const failures = results.filter((result) => result.status !== 200).length;
		const wrongAmounts = results.filter(
			(result, index) => result.status === 200 && result.amountInCents !== expected[index],
		).length;

		const executions = await settledExecutions(QUEUE_AMOUNT.id, before);
		const perWorker: Record<string, number> = {};
		for (const execution of executions)
			for (const worker of workersThatFinished(execution.id))
				perWorker[worker] = (perWorker[worker] ?? 0) + 1;
		const durations = results.map((result) => result.durationMs);
		log(
			`100 concurrent Query Remote API calls: ${calls - failures} answered, ${failures} failed, ${wrongAmounts} wrong amounts, ` +
				`${Math.round(wallMs)} ms wall, p50 ${Math.round(percentile(durations, 0.5))} ms, p99 ${Math.round(percentile(durations, 0.99))} ms, ` +
				`executions per worker ${JSON.stringify(perWorker)}`,
		);

		expect(results.map((result) => result.amountInCents)).toEqual(expected);
		expect(executions).toHaveLength(calls);
		expect(executions.every((execution) => execution.status === 'success')).toBe(true);
		// Each execution ran on exactly one worker, and both workers took part.
		expect(executions.every((execution) => workersThatFinished(execution.id).length === 1)).toBe(
			true,
		);
		expect(Object.keys(perWorker).sort()).toEqual(['worker-1', 'worker-2']);
	});

	it('a rule triggered through the webhook process under a 429 and a 500 (after Sequence acted) fires exactly once', async () => {
		environment.sandbox.injectFaults(
			/\/trigger$/,
			{ kind: 'status', status: 429, retryAfter: '1' },
			{ kind: 'status', status: 500, after: true },
		);
		const reply = await postJson(`${environment.webhookBaseUrl}/webhook/${PATHS.triggerRule}`, {
			paymentId: 'queue_pay_001',
		});
		expect(reply.status).toBe(200);
		expect(JSON.parse(reply.text)).toMatchObject({ code: 'OK', attempts: 3 });
		expect(environment.sandbox.requests.map((recorded) => recorded.status)).toEqual([
			429, 500, 200,
		]);
		expect(
			new Set(environment.sandbox.requests.map((recorded) => recorded.headers['idempotency-key']))
				.size,
		).toBe(1);
		expect(environment.sandbox.triggers.map((trigger) => trigger.body)).toEqual([
			{ payment: 'queue_pay_001' },
		]);
	});

	it('30 concurrent rule triggers with faults mixed in fire once each, none twice', async () => {
		const payments = Array.from({ length: 30 }, (_, index) => `queue_pay_${100 + index}`);
		environment.sandbox.injectFaults(
			/\/trigger$/,
			...Array.from({ length: 4 }, () => ({ kind: 'status' as const, status: 500, after: true })),
			...Array.from({ length: 3 }, () => ({ kind: 'drop' as const, after: true })),
			...Array.from({ length: 3 }, () => ({
				kind: 'status' as const,
				status: 429,
				retryAfter: '1',
			})),
		);
		const replies = await Promise.all(
			payments.map((paymentId) =>
				postJson(`${environment.webhookBaseUrl}/webhook/${PATHS.triggerRule}`, { paymentId }),
			),
		);
		expect(replies.map((reply) => reply.status)).toEqual(payments.map(() => 200));
		const fired = environment.sandbox.triggers
			.map((trigger) => (trigger.body as { payment: string }).payment)
			.sort();
		expect(fired).toEqual([...payments].sort());
		log(
			`30 concurrent rule triggers with 10 faults: ${environment.sandbox.requests.length} requests, ${fired.length} triggers, 0 duplicates`,
		);
	});

	it('killing a worker during 50 rule triggers: in-flight executions fail, nothing fires twice, re-sent calls are safe', async () => {
		const calls = 50;
		const payments = Array.from({ length: calls }, (_, index) => `queue_kill_${index}`);
		// Each trigger takes 3 s at Sequence, so executions are in flight when the worker dies.
		environment.sandbox.injectFaults(
			/\/trigger$/,
			...payments.map(() => ({ kind: 'delay' as const, ms: 3_000 })),
		);
		const url = `${environment.webhookBaseUrl}/webhook/${KEYED_TRIGGER.path}`;
		const started = performance.now();
		const pending = payments.map((paymentId) => postJson(url, { paymentId }));

		await waitFor(
			'12 triggers to reach Sequence',
			() => environment.sandbox.requests.length >= 12,
			120_000,
		);
		const workers = environment.queue!.workers;
		const busiest = workers.reduce((best, worker) =>
			startedButNotFinished(worker.logs).length > startedButNotFinished(best.logs).length
				? worker
				: best,
		);
		const victim = `worker-${workers.indexOf(busiest) + 1}`;
		const killedAtMs = performance.now() - started;
		await busiest.crash();
		const inFlight = startedButNotFinished(busiest.logs);

		const replies = await Promise.all(pending);
		const wallMs = performance.now() - started;
		const notAnswered = payments.filter((_, index) => replies[index].status !== 200);
		const firedOnce = new Map<string, number>();
		for (const trigger of environment.sandbox.triggers) {
			const payment = (trigger.body as { payment: string }).payment;
			firedOnce.set(payment, (firedOnce.get(payment) ?? 0) + 1);
		}
		const firedWithoutAnswer = notAnswered.filter((payment) => firedOnce.has(payment)).length;
		const settle = Date.now();
		const executions = await settledExecutions(KEYED_TRIGGER.id, new Set());
		const statuses: Record<string, number> = {};
		for (const execution of executions)
			statuses[execution.status] = (statuses[execution.status] ?? 0) + 1;
		log(
			`kill: ${victim} killed at ${Math.round(killedAtMs)} ms with ${inFlight.length} executions in flight; ` +
				`${calls - notAnswered.length} calls answered 200, ${notAnswered.length} answered ` +
				`${JSON.stringify([...new Set(notAnswered.map((payment) => replies[payments.indexOf(payment)].status))])} after up to ` +
				`${Math.round(Math.max(...replies.map((reply) => reply.ms)))} ms; executions ${JSON.stringify(statuses)} ` +
				`(settled ${Math.round((Date.now() - settle) / 1000)} s later); ` +
				`Sequence fired ${environment.sandbox.triggers.length} rules (${firedWithoutAnswer} of them for calls that got no 200), ` +
				`duplicates ${[...firedOnce.values()].filter((count) => count > 1).length}; ${Math.round(wallMs)} ms wall`,
		);

		// What n8n does: the dead worker's jobs stall, Bull fails them (n8n allows no stalled
		// retry), the execution is saved as failed and the caller gets a 500.
		expect(inFlight.length).toBeGreaterThan(0);
		expect(notAnswered.length).toBeGreaterThanOrEqual(inFlight.length);
		expect(
			new Set(notAnswered.map((payment) => replies[payments.indexOf(payment)].status)),
		).toEqual(new Set([500]));
		expect(statuses.success).toBe(calls - notAnswered.length);
		expect((statuses.error ?? 0) + (statuses.crashed ?? 0)).toBe(notAnswered.length);
		const failedIds = new Set(
			executions
				.filter((execution) => ['error', 'crashed'].includes(execution.status))
				.map((execution) => execution.id),
		);
		expect(inFlight.every((id) => failedIds.has(id))).toBe(true);
		expect([...firedOnce.values()].every((count) => count === 1)).toBe(true);
		for (const payment of payments.filter((candidate) => !notAnswered.includes(candidate)))
			expect(firedOnce.get(payment)).toBe(1);

		// The caller sends the failed payments again, as a payment system would after a 500:
		// the key from the payment makes Sequence answer the ones that had fired without firing again.
		const requestsBefore = environment.sandbox.requests.length;
		const resent = await Promise.all(notAnswered.map((paymentId) => postJson(url, { paymentId })));
		expect(resent.map((reply) => reply.status)).toEqual(notAnswered.map(() => 200));
		const after = new Map<string, number>();
		for (const trigger of environment.sandbox.triggers) {
			const payment = (trigger.body as { payment: string }).payment;
			after.set(payment, (after.get(payment) ?? 0) + 1);
		}
		expect([...after.keys()].sort()).toEqual([...payments].sort());
		expect([...after.values()].every((count) => count === 1)).toBe(true);
		log(
			`re-sent ${notAnswered.length} failed calls: all 200, ${environment.sandbox.requests.length - requestsBefore} requests, ` +
				`${environment.sandbox.triggers.length} rules fired in all for ${calls} payments, duplicates 0`,
		);
	}, 420_000);
});
