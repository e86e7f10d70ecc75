// The workflows measured side by side: this package's nodes, and what a user would wire
// by hand from n8n's built-in nodes for the same job.
import type { DemoSetup } from '../dev/demo/demoWorkflows';
import { IDS, amountWorkflow, computeAmountNode } from '../dev/demo/demoWorkflows';

const PACKAGE = 'n8n-nodes-sequence-money';

export const BENCH_PATHS = {
	builtinAmount: 'bench-builtin-amount',
	oursAmountNoAuth: 'bench-ours-amount-noauth',
	oursAccounts: 'bench-ours-accounts',
	builtinAccounts: 'bench-builtin-accounts',
	oursTriggers: 'bench-ours-triggers',
	builtinTriggers: 'bench-builtin-triggers',
	storm: 'bench-storm',
};

let nodeCounter = 0;
function node(
	name: string,
	type: string,
	typeVersion: number,
	parameters: object,
	extra: object = {},
) {
	nodeCounter++;
	return {
		id: `be${String(nodeCounter).padStart(6, '0')}-0000-4000-8000-000000000000`,
		name,
		type,
		typeVersion,
		position: [nodeCounter * 200, 0],
		parameters,
		...extra,
	};
}

function webhook(name: string, path: string, responseMode: string, extra: object = {}) {
	return node(
		name,
		'n8n-nodes-base.webhook',
		2,
		{ httpMethod: 'POST', path, responseMode, options: {}, ...extra },
		{
			webhookId: `${path}-0000-4000-8000-000000000000`.slice(0, 36),
		},
	);
}

function chain(id: string, name: string, nodes: Array<{ name: string }>) {
	const connections: Record<string, object> = {};
	for (let index = 0; index < nodes.length - 1; index++) {
		connections[nodes[index].name] = {
			main: [[{ node: nodes[index + 1].name, type: 'main', index: 0 }]],
		};
	}
	return { id, name, settings: { executionOrder: 'v1' }, nodes, connections };
}

/** The same computation as the demo's Set node, then n8n's Respond to Webhook with Math.round(x * 100). */
function builtinAmountWorkflow() {
	return chain('BenchBuiltinAmt1', 'bench: built-in webhook amount', [
		webhook('Webhook', BENCH_PATHS.builtinAmount, 'responseNode'),
		computeAmountNode('be000000-0000-4000-8000-0000000000cc', [200, 0]),
		node('Respond to Webhook', 'n8n-nodes-base.respondToWebhook', 1.1, {
			respondWith: 'json',
			responseBody:
				'={{ JSON.stringify({ amountInCents: Math.round(Number($json.amount) * 100) }) }}',
			options: {},
		}),
	]);
}

function httpRequest(
	name: string,
	url: string,
	headers: Array<{ name: string; value: string }>,
	jsonBody: string,
) {
	return node(name, 'n8n-nodes-base.httpRequest', 4.2, {
		method: 'POST',
		url,
		sendHeaders: true,
		headerParameters: { parameters: headers },
		sendBody: true,
		specifyBody: 'json',
		jsonBody,
		options: {},
	});
}

export function benchWorkflows({ sandboxUrl, data }: DemoSetup) {
	const rule = data.rules[0];
	const token = data.accessTokens[0];
	const ruleCredential = { sequenceRuleSecretApi: { id: IDS.ruleCredential, name: 'rule' } };
	const accessCredential = { sequenceAccessTokenApi: { id: IDS.accessCredential, name: 'access' } };
	const splitItems = () =>
		node('Split Items', 'n8n-nodes-base.splitOut', 1, {
			fieldToSplitOut: 'body.items',
			options: {},
		});
	// The demo's amount workflow without URL protection: like for like with the built-in one.
	const demo = amountWorkflow();
	const oursNoAuth = {
		...demo,
		id: 'BenchOursNoAuth1',
		name: 'bench: ours amount without auth',
	} as Omit<typeof demo, 'nodes'> & {
		nodes: object[];
	};
	oursNoAuth.nodes = demo.nodes.map((node, index) => ({
		...node,
		id: `${node.id.slice(0, -4)}9${index}00`,
		...(index === 0
			? {
					webhookId: 'be7c1c52-1f4e-4f0a-9d1e-0000000000aa',
					parameters: { path: BENCH_PATHS.oursAmountNoAuth, authentication: 'none' },
					credentials: undefined,
				}
			: {}),
	}));
	return [
		oursNoAuth,
		builtinAmountWorkflow(),
		chain('BenchOursAccount', 'bench: ours get many accounts', [
			webhook('Webhook', BENCH_PATHS.oursAccounts, 'lastNode'),
			node(
				'Get Accounts',
				`${PACKAGE}.sequence`,
				1,
				{ resource: 'account', operation: 'getMany', returnAll: true, options: {} },
				{
					credentials: accessCredential,
				},
			),
		]),
		chain('BenchBuiltinAcct', 'bench: built-in get accounts', [
			webhook('Webhook', BENCH_PATHS.builtinAccounts, 'lastNode'),
			httpRequest(
				'HTTP Request',
				`${sandboxUrl}/accounts`,
				[{ name: 'x-sequence-access-token', value: `Bearer ${token}` }],
				'{}',
			),
			node('Split Accounts', 'n8n-nodes-base.splitOut', 1, {
				fieldToSplitOut: 'data.accounts',
				options: {},
			}),
		]),
		chain('BenchOursTrigger', 'bench: ours trigger rule per item', [
			webhook('Webhook', BENCH_PATHS.oursTriggers, 'lastNode'),
			splitItems(),
			node(
				'Trigger Rule',
				`${PACKAGE}.sequence`,
				1,
				{
					resource: 'rule',
					operation: 'trigger',
					ruleId: rule.id,
					idempotency: 'automatic',
					body: '={{ JSON.stringify({ item: $json.i }) }}',
					options: {},
				},
				{ credentials: ruleCredential },
			),
		]),
		chain('BenchBuiltinTrig', 'bench: built-in trigger rule per item', [
			webhook('Webhook', BENCH_PATHS.builtinTriggers, 'lastNode'),
			splitItems(),
			httpRequest(
				'HTTP Request',
				`${sandboxUrl}/rules/${rule.id}/trigger`,
				[
					{ name: 'x-sequence-signature', value: `Bearer ${rule.secret}` },
					{ name: 'idempotency-key', value: '={{ $execution.id + "-" + $itemIndex }}' },
				],
				'={{ JSON.stringify({ item: $json.i }) }}',
			),
		]),
		chain('BenchStorm000001', 'bench: 429 storm', [
			webhook('Webhook', BENCH_PATHS.storm, 'lastNode'),
			splitItems(),
			node(
				'Trigger Rule',
				`${PACKAGE}.sequence`,
				1,
				{
					resource: 'rule',
					operation: 'trigger',
					ruleId: rule.id,
					idempotency: 'custom',
					idempotencyKey: '={{ "storm-" + $json.run + "-" + $json.i }}',
					body: '={{ JSON.stringify({ run: $json.run, item: $json.i }) }}',
					options: { maxRetries: 10, maxWaitSeconds: 5 },
				},
				{ credentials: ruleCredential },
			),
		]),
	];
}
