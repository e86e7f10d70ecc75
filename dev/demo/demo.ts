// `npm start`: the Sequence sandbox and a real n8n with this package installed, the
// demo workflows imported and published, and an owner account, until Ctrl-C.
// `--smoke` starts everything, plays each demo once, checks the answers and exits.
import { request } from 'undici';

import { DEMO_QUERY_REMOTE_API_SECRET, PATHS } from './demoWorkflows';
import { OWNER, startEnvironment } from '../realN8n/environment';
import { portIfFree } from '../realN8n/n8nRuntime';

const say = (message: string) => process.stdout.write(`${message}\n`);

async function post(url: string, body: unknown): Promise<{ status: number; text: string }> {
	const response = await request(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	return { status: response.statusCode, text: await response.body.text() };
}

async function main(): Promise<void> {
	const smoke = process.argv.includes('--smoke');
	const started = Date.now();
	const environment = await startEnvironment({
		log: (message) => say(`· ${message}`),
		port: await portIfFree(5678),
		sandboxPort: await portIfFree(4010),
		maxWaitSeconds: 10,
	});
	let stopping = false;
	const stop = async (code: number) => {
		if (stopping) return;
		stopping = true;
		say('\nStopping n8n and the sandbox...');
		await environment.stop();
		say('Stopped.');
		process.exit(code);
	};
	process.on('SIGINT', () => void stop(0));
	process.on('SIGTERM', () => void stop(0));

	const n8n = environment.server.url;
	const amountUrl = `${n8n}/webhook/${PATHS.amount}?token=${DEMO_QUERY_REMOTE_API_SECRET}`;
	say('');
	say(`Ready in ${Math.round((Date.now() - started) / 1000)} s.`);
	say('');
	say(`  n8n editor        ${n8n}`);
	say(
		`  owner login       ${OWNER.email}  /  ${environment.ownerPassword}   (shown once; a new one each start)`,
	);
	say(
		`  Sequence sandbox  ${environment.sandbox.url}   (accounts and rules from dev/sandbox/data/sandbox.json)`,
	);
	say('');
	say("  Play Sequence's Query Remote API call (the workflow answers the amount to move):");
	say(`    curl -s -X POST '${amountUrl}' -H 'Content-Type: application/json' -d '{}'`);
	say(
		`    curl -s -X POST '${amountUrl}' -H 'Content-Type: application/json' -d '{"invoices":[{"cents":1999},{"cents":501}]}'`,
	);
	say('  Trigger the demo rule, and list the accounts, through workflows:');
	say(
		`    curl -s -X POST ${n8n}/webhook/${PATHS.triggerRule} -H 'Content-Type: application/json' -d '{"paymentId":"pay_123"}'`,
	);
	say(
		`    curl -s -X POST ${n8n}/webhook/${PATHS.balances} -H 'Content-Type: application/json' -d '{}'`,
	);
	say('');

	if (smoke) {
		const checks: Array<[string, boolean, string]> = [];
		const amount = await environment.sandbox.queryRemoteApi(amountUrl);
		checks.push([
			'Query Remote API answers {"amountInCents":12550}',
			amount.amountInCents === 12550,
			amount.body,
		]);
		const trigger = await post(`${n8n}/webhook/${PATHS.triggerRule}`, { paymentId: 'pay_smoke' });
		checks.push([
			'the demo rule is triggered once',
			trigger.status === 200 && environment.sandbox.triggers.length === 1,
			trigger.text,
		]);
		const balances = await post(`${n8n}/webhook/${PATHS.balances}`, {});
		checks.push([
			'the accounts are listed',
			balances.status === 200 &&
				(JSON.parse(balances.text) as unknown[]).length === environment.data.accounts.length,
			balances.text.slice(0, 200),
		]);
		for (const [name, ok, detail] of checks)
			say(`  ${ok ? 'ok  ' : 'FAIL'} ${name}${ok ? '' : `: ${detail}`}`);
		await stop(checks.every(([, ok]) => ok) ? 0 : 1);
		return;
	}
	say('Press Ctrl-C to stop everything.');
	await new Promise(() => undefined);
}

main().catch((error: unknown) => {
	process.stderr.write(
		`\nnpm start failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
	);
	process.exit(1);
});
