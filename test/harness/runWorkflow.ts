// Runs whole workflows (as exported JSON) on n8n's real engine, in this process.
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IConnections,
	IDataObject,
	IExecuteResponsePromiseData,
	INode,
	IRun,
	IRunExecutionData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow, createRunExecutionData } from 'n8n-workflow';

import { InMemoryCredentialsHelper } from './credentialsHelper';
import { nodeTypes } from './nodeTypes';
import { captureN8nLogs, recordForSecretScan } from './secretScan';

captureN8nLogs();

export interface WorkflowJson {
	name?: string;
	nodes: INode[];
	connections: IConnections;
}

export interface RunOptions {
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	executionId?: string;
	mode?: WorkflowExecuteMode;
	/** Start from this node with these items instead of the workflow's trigger. */
	startNode?: string;
	startItems?: IDataObject[][];
	/** Extra fields for additionalData (e.g. httpRequest for webhook contexts). */
	additionalData?: Partial<IWorkflowExecuteAdditionalData>;
}

export interface WorkflowResult {
	run: IRun;
	workflow: Workflow;
	/** Replies sent through `sendResponse`, in order. */
	responses: IExecuteResponsePromiseData[];
	/** JSON of every item a node output on its first output, last run. */
	output(nodeName: string, outputIndex?: number): IDataObject[];
	/** The error of the named node's last run, if any. */
	nodeError(
		nodeName: string,
	):
		| (Error & { description?: string | null; httpCode?: string | null; context?: IDataObject })
		| undefined;
}

export const TEST_BASE_URL = 'http://127.0.0.1:5678';

export function buildWorkflow(json: WorkflowJson): Workflow {
	return new Workflow({
		id: 'test-workflow',
		name: json.name ?? 'test',
		nodes: json.nodes,
		connections: json.connections,
		nodeTypes,
		active: false,
		settings: { executionOrder: 'v1' },
	});
}

export function buildAdditionalData(
	hooks: ExecutionLifecycleHooks,
	options: RunOptions,
): IWorkflowExecuteAdditionalData {
	const credentialsHelper = new InMemoryCredentialsHelper(options.credentials ?? {});
	const notAvailable = (what: string) => async () => {
		throw new Error(`${what} is not available in in-process tests`);
	};
	// A real object: the engine reads optional fields such as executionId and would
	// misbehave if they were functions (as an auto-mock would make them).
	const additionalData = {
		credentialsHelper,
		hooks,
		executionId: options.executionId ?? 'test-execution-1',
		restartExecutionId: undefined,
		encryptedRunnerIdentity: undefined,
		currentNodeExecutionIndex: 0,
		currentNodeParameters: undefined,
		executeWorkflow: notAvailable('executeWorkflow'),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		restApiUrl: `${TEST_BASE_URL}/rest`,
		instanceBaseUrl: `${TEST_BASE_URL}/`,
		formBaseUrl: `${TEST_BASE_URL}/form`,
		formWaitingBaseUrl: `${TEST_BASE_URL}/form-waiting`,
		formTestBaseUrl: `${TEST_BASE_URL}/form-test`,
		webhookBaseUrl: `${TEST_BASE_URL}/webhook`,
		webhookWaitingBaseUrl: `${TEST_BASE_URL}/webhook-waiting`,
		webhookTestBaseUrl: `${TEST_BASE_URL}/webhook-test`,
		mcpBaseUrl: `${TEST_BASE_URL}/mcp`,
		mcpTestBaseUrl: `${TEST_BASE_URL}/mcp-test`,
		variables: {},
		logAiEvent: () => undefined,
		startRunnerTask: notAvailable('startRunnerTask'),
		...options.additionalData,
	};
	return additionalData as unknown as IWorkflowExecuteAdditionalData;
}

export function wrapResult(
	run: IRun,
	workflow: Workflow,
	responses: IExecuteResponsePromiseData[],
): WorkflowResult {
	recordForSecretScan(`run of ${workflow.name}`, run.data.resultData);
	recordForSecretScan(`replies of ${workflow.name}`, responses);
	const lastRun = (nodeName: string) => {
		const runs = run.data.resultData.runData[nodeName];
		return runs?.[runs.length - 1];
	};
	return {
		run,
		workflow,
		responses,
		output: (nodeName, outputIndex = 0) =>
			(lastRun(nodeName)?.data?.main?.[outputIndex] ?? []).map((item) => item.json),
		nodeError: (nodeName) => lastRun(nodeName)?.error,
	};
}

/** Executes `json` to the end and returns what every node produced. */
export async function runWorkflow(
	json: WorkflowJson,
	options: RunOptions = {},
): Promise<WorkflowResult> {
	const workflow = buildWorkflow(json);
	const mode = options.mode ?? 'manual';
	const workflowData = {
		id: workflow.id,
		name: workflow.name,
		nodes: json.nodes,
		connections: json.connections,
	} as IWorkflowBase;
	const hooks = new ExecutionLifecycleHooks(
		mode,
		options.executionId ?? 'test-execution-1',
		workflowData,
	);
	const responses: IExecuteResponsePromiseData[] = [];
	hooks.addHandler('sendResponse', (response) => {
		responses.push(response);
	});
	const additionalData = buildAdditionalData(hooks, options);

	const startNode = options.startNode
		? workflow.getNode(options.startNode)
		: workflow.getStartNode();
	if (!startNode) throw new Error('The workflow has no start node');
	const startItems = options.startItems ?? [[{}]];
	const runExecutionData: IRunExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{
					node: startNode,
					data: { main: startItems.map((items) => items.map((json) => ({ json }))) },
					source: null,
				},
			],
		},
	});
	const run = await new WorkflowExecute(
		additionalData,
		mode,
		runExecutionData,
	).processRunExecutionData(workflow);
	return wrapResult(run, workflow, responses);
}
