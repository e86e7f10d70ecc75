// The workflows and credentials imported into the real n8n for the end-to-end suite,
// the benchmarks and the `npm start` demo. Built-in nodes are the real n8n-nodes-base ones.
import type { SandboxData } from '../sandbox/sequenceSandbox';

export const IDS = {
	amountWorkflow: 'SeqDemoAmount001',
	triggerRuleWorkflow: 'SeqDemoTrigger01',
	balancesWorkflow: 'SeqDemoBalance01',
	accessCredential: 'SeqCredAccess001',
	ruleCredential: 'SeqCredRule00001',
	queryRemoteApiCredential: 'SeqCredQueryApi1',
};

export const PATHS = {
	amount: 'sequence-amount',
	triggerRule: 'trigger-rule',
	balances: 'balances',
};

export const DEMO_QUERY_REMOTE_API_SECRET = 'demo-query-remote-api-secret-7c1e9b04f2a85d36';

export interface DemoSetup {
	sandboxUrl: string;
	data: SandboxData;
	/** For the rule trigger workflow: retries and waits small enough for tests. */
	maxWaitSeconds?: number;
}

export function demoCredentials({ sandboxUrl, data }: DemoSetup) {
	const rule = data.rules[0];
	return [
		{
			id: IDS.accessCredential,
			name: 'Sequence sandbox access token',
			type: 'sequenceAccessTokenApi',
			data: { accessToken: data.accessTokens[0], baseUrl: sandboxUrl },
		},
		{
			id: IDS.ruleCredential,
			name: `Sequence sandbox rule ${rule.id}`,
			type: 'sequenceRuleSecretApi',
			data: { ruleSecret: rule.secret, ruleId: rule.id, baseUrl: sandboxUrl },
		},
		{
			id: IDS.queryRemoteApiCredential,
			name: 'Sequence Query Remote API token',
			type: 'sequenceQueryRemoteApiAuthApi',
			data: {
				secret: DEMO_QUERY_REMOTE_API_SECRET,
				headerName: 'x-query-remote-api-secret',
				username: 'sequence',
			},
		},
	];
}

const PACKAGE = 'n8n-nodes-sequence-money';

/**
 * Computes the amount to move from the request: the sum of its invoices in cents, or the
 * amount it names, or $125.50 when Sequence sends {}. The benchmark's built-in variant
 * uses this same node, so both sides do the same arithmetic.
 */
export function computeAmountNode(id: string, position: [number, number]) {
	return {
		id,
		name: 'Compute Amount',
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		position,
		parameters: {
			mode: 'manual',
			assignments: {
				assignments: [
					{
						id: 'amount',
						name: 'amount',
						type: 'string',
						value:
							'={{ $json.body.invoices ? $json.body.invoices.reduce((sum, invoice) => sum + invoice.cents, 0) / 100 : ($json.body.amount ?? 125.5) }}',
					},
				],
			},
			options: {},
		},
	};
}

/**
 * Query Remote API: Sequence asks → a Set node computes the amount from the request's
 * invoices (or a default of $125.50 when Sequence sends {}) → the reply.
 */
export function amountWorkflow() {
	return {
		id: IDS.amountWorkflow,
		name: 'Sequence demo: amount from invoices (Query Remote API)',
		active: true,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: '0b7c1c52-1f4e-4f0a-9d1e-000000000001',
				name: 'Sequence Query Remote API',
				type: `${PACKAGE}.sequenceQueryRemoteApiTrigger`,
				typeVersion: 1.1,
				position: [0, 0],
				webhookId: '0b7c1c52-1f4e-4f0a-9d1e-0000000000aa',
				parameters: { path: PATHS.amount, authentication: 'queryToken' },
				credentials: {
					sequenceQueryRemoteApiAuthApi: {
						id: IDS.queryRemoteApiCredential,
						name: 'Sequence Query Remote API token',
					},
				},
			},
			computeAmountNode('0b7c1c52-1f4e-4f0a-9d1e-000000000002', [240, 0]),
			{
				id: '0b7c1c52-1f4e-4f0a-9d1e-000000000003',
				name: 'Respond With Amount',
				type: `${PACKAGE}.sequenceRespondWithAmount`,
				typeVersion: 1,
				position: [480, 0],
				parameters: {
					amount: '={{ $json.amount }}',
					unit: 'dollars',
					rounding: 'reject',
					onInvalid: 'error',
					options: { maximumAmount: 100000 },
				},
			},
		],
		connections: {
			'Sequence Query Remote API': { main: [[{ node: 'Compute Amount', type: 'main', index: 0 }]] },
			'Compute Amount': { main: [[{ node: 'Respond With Amount', type: 'main', index: 0 }]] },
		},
	};
}

/** A webhook (e.g. "payment received") → Sequence: Rule → Trigger; replies with the node's output. */
export function triggerRuleWorkflow({ data, maxWaitSeconds = 5 }: DemoSetup) {
	const rule = data.rules[0];
	return {
		id: IDS.triggerRuleWorkflow,
		name: 'Sequence demo: trigger a rule from a webhook',
		active: true,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: '1b7c1c52-1f4e-4f0a-9d1e-000000000001',
				name: 'Payment Received',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: '1b7c1c52-1f4e-4f0a-9d1e-0000000000aa',
				parameters: {
					httpMethod: 'POST',
					path: PATHS.triggerRule,
					responseMode: 'lastNode',
					options: {},
				},
			},
			{
				id: '1b7c1c52-1f4e-4f0a-9d1e-000000000002',
				name: 'Trigger Rule',
				type: `${PACKAGE}.sequence`,
				typeVersion: 1,
				position: [240, 0],
				parameters: {
					resource: 'rule',
					operation: 'trigger',
					ruleId: rule.id,
					body: '={{ JSON.stringify({ payment: $json.body.paymentId ?? null }) }}',
					idempotency: 'automatic',
					options: { maxRetries: 3, maxWaitSeconds },
				},
				credentials: {
					sequenceRuleSecretApi: {
						id: IDS.ruleCredential,
						name: `Sequence sandbox rule ${rule.id}`,
					},
				},
			},
		],
		connections: {
			'Payment Received': { main: [[{ node: 'Trigger Rule', type: 'main', index: 0 }]] },
		},
	};
}

/** A webhook → Sequence: Account → Get Many; replies with all accounts. */
export function balancesWorkflow() {
	return {
		id: IDS.balancesWorkflow,
		name: 'Sequence demo: account balances',
		active: true,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: '2b7c1c52-1f4e-4f0a-9d1e-000000000001',
				name: 'Balances Requested',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: '2b7c1c52-1f4e-4f0a-9d1e-0000000000aa',
				parameters: {
					httpMethod: 'POST',
					path: PATHS.balances,
					responseMode: 'lastNode',
					responseData: 'allEntries',
					options: {},
				},
			},
			{
				id: '2b7c1c52-1f4e-4f0a-9d1e-000000000002',
				name: 'Get Accounts',
				type: `${PACKAGE}.sequence`,
				typeVersion: 1,
				position: [240, 0],
				parameters: {
					resource: 'account',
					operation: 'getMany',
					returnAll: true,
					output: 'accounts',
					options: {},
				},
				credentials: {
					sequenceAccessTokenApi: {
						id: IDS.accessCredential,
						name: 'Sequence sandbox access token',
					},
				},
			},
		],
		connections: {
			'Balances Requested': { main: [[{ node: 'Get Accounts', type: 'main', index: 0 }]] },
		},
	};
}

export function demoWorkflows(setup: DemoSetup) {
	return [amountWorkflow(), triggerRuleWorkflow(setup), balancesWorkflow()];
}
