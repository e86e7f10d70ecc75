// Delivers an HTTP request to a webhook trigger in-process, runs the workflow it
// starts on n8n's real engine, and works out the HTTP reply the caller gets.
//
// How n8n's server (2.40) turns a `responseMode: 'responseNode'` execution into a
// reply — mirrored in `httpReply` below and proven against a real server by the
// end-to-end suite:
//   - a node called sendResponse        → that status, headers and body;
//   - else the workflow failed           → 500 {"message":"Error in workflow"};
//   - else (ended without an answer)     → the trigger's responseCode, empty body.
import { ExecutionLifecycleHooks, WebhookContext, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteResponsePromiseData,
	INodeType,
	IWebhookData,
	IWebhookDescription,
	IWorkflowBase,
} from 'n8n-workflow';
import { createRunExecutionData, resolveWebhookDescriptionField } from 'n8n-workflow';

import { nodeTypes } from './nodeTypes';
import {
	type WorkflowJson,
	type WorkflowResult,
	buildAdditionalData,
	buildWorkflow,
	wrapResult,
} from './runWorkflow';
import { recordForSecretScan } from './secretScan';

export interface IncomingRequest {
	method?: string;
	headers?: Record<string, string>;
	/** Parsed body, as n8n's body parser leaves it on req.body. */
	body?: unknown;
	/** The bytes on the wire; defaults to JSON of body. */
	rawBody?: string;
	/**
	 * n8n reads and parses the body only for the content types it knows (JSON, text, form,
	 * XML); for any other it leaves both req.rawBody and req.body unset.
	 */
	bodyNotRead?: boolean;
	/** n8n read the bytes but did not parse them (req.body unset). */
	bodyNotParsed?: boolean;
	query?: Record<string, string>;
}

export interface HttpReply {
	status: number;
	headers: Record<string, string>;
	body: string;
}

export interface WebhookRun {
	reply: HttpReply;
	/** False when the trigger refused the request (no execution). */
	started: boolean;
	result?: WorkflowResult;
	/** The items the trigger handed to the workflow. */
	triggerItems?: IDataObject[];
}

/** A stand-in for the express Response, recording what the trigger writes. */
class RecordingResponse {
	statusCode = 200;
	headers: Record<string, string> = {};
	body = '';
	ended = false;

	writeHead(status: number, headers: Record<string, string> = {}) {
		this.statusCode = status;
		for (const [name, value] of Object.entries(headers))
			this.headers[name.toLowerCase()] = String(value);
		return this;
	}

	status(status: number) {
		this.statusCode = status;
		return this;
	}

	setHeader(name: string, value: string) {
		this.headers[name.toLowerCase()] = String(value);
	}

	json(body: unknown) {
		this.setHeader('content-type', 'application/json');
		return this.end(JSON.stringify(body));
	}

	send(body: unknown) {
		return this.end(typeof body === 'string' ? body : JSON.stringify(body));
	}

	end(body?: string) {
		this.body += body ?? '';
		this.ended = true;
		return this;
	}
}

function serializeReplyBody(body: unknown): string {
	if (body === undefined) return '';
	return typeof body === 'string' ? body : JSON.stringify(body);
}

/** What n8n 2.40's server answers for a responseNode execution (see the header comment). */
export function httpReply(
	responses: IExecuteResponsePromiseData[],
	result: WorkflowResult,
	noAnswerStatus: number,
): HttpReply {
	const [first] = responses;
	if (first) {
		const headers = Object.fromEntries(
			Object.entries((first.headers as Record<string, string> | undefined) ?? {}).map(
				([name, value]) => [name.toLowerCase(), String(value)],
			),
		);
		return {
			status: Number(first.statusCode ?? 200),
			headers,
			body: serializeReplyBody(first.body),
		};
	}
	const failed =
		result.run.data.resultData.error !== undefined ||
		Object.values(result.run.data.resultData.runData).some((runs) =>
			runs.some((run) => run.error !== undefined),
		);
	if (failed) {
		return {
			status: 500,
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ message: 'Error in workflow' }),
		};
	}
	return { status: noAnswerStatus, headers: {}, body: '' };
}

export async function runWebhook(
	json: WorkflowJson,
	request: IncomingRequest,
	options: {
		credentials?: Record<string, ICredentialDataDecryptedObject>;
		mode?: 'webhook' | 'manual';
		executionId?: string;
	} = {},
): Promise<WebhookRun> {
	const workflow = buildWorkflow(json);
	const trigger = json.nodes.find((node) => node.type.endsWith('.sequenceQueryRemoteApiTrigger'));
	if (!trigger) throw new Error('The workflow has no Sequence Query Remote API Trigger');
	const triggerNode = workflow.getNode(trigger.name)!;
	const triggerType = nodeTypes.getByNameAndVersion(trigger.type, trigger.typeVersion) as INodeType;
	const mode = options.mode ?? 'webhook';
	const executionId = options.executionId ?? 'webhook-execution-1';

	const response = new RecordingResponse();
	const rawBody =
		request.rawBody ?? (request.body === undefined ? '' : JSON.stringify(request.body));
	const headers = Object.fromEntries(
		Object.entries(request.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]),
	);
	if (rawBody !== '' && headers['content-type'] === undefined && request.rawBody === undefined) {
		headers['content-type'] = 'application/json';
	}
	const expressRequest = {
		method: request.method ?? 'POST',
		headers,
		body: request.bodyNotRead || request.bodyNotParsed ? undefined : (request.body ?? {}),
		rawBody: request.bodyNotRead ? undefined : Buffer.from(rawBody),
		query: request.query ?? {},
		params: {},
	};

	const workflowData = {
		id: workflow.id,
		name: workflow.name,
		nodes: json.nodes,
		connections: json.connections,
	} as IWorkflowBase;
	const hooks = new ExecutionLifecycleHooks(mode, executionId, workflowData);
	const responses: IExecuteResponsePromiseData[] = [];
	hooks.addHandler('sendResponse', (reply) => {
		responses.push(reply);
	});
	const additionalData = buildAdditionalData(hooks, {
		credentials: options.credentials,
		executionId,
		additionalData: { httpRequest: expressRequest as never, httpResponse: response as never },
	});

	const description = triggerType.description.webhooks![0] as IWebhookDescription;
	const webhookData: IWebhookData = {
		httpMethod: 'POST',
		node: trigger.name,
		path: String(trigger.parameters.path ?? ''),
		webhookDescription: description,
		workflowId: workflow.id,
		workflowExecuteAdditionalData: additionalData,
	};
	const context = new WebhookContext(
		workflow,
		triggerNode,
		additionalData,
		mode,
		webhookData,
		[],
		null,
	);
	const started = await triggerType.webhook!.call(context);

	if (started.noWebhookResponse || !started.workflowData) {
		const reply = { status: response.statusCode, headers: response.headers, body: response.body };
		recordForSecretScan('webhook rejection', reply);
		return { reply, started: false };
	}

	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{ node: triggerNode, data: { main: started.workflowData }, source: null },
			],
		},
	});
	const run = await new WorkflowExecute(
		additionalData,
		mode,
		runExecutionData,
	).processRunExecutionData(workflow);
	const result = wrapResult(run, workflow, responses);
	// As n8n's server does: the native resolver first, the expression engine otherwise.
	const native = resolveWebhookDescriptionField(triggerNode, description, 'responseCode');
	const noAnswerStatus = Number(
		native.resolved
			? native.value
			: workflow.expression.getSimpleParameterValue(
					triggerNode,
					description.responseCode as string,
					mode,
					{},
					undefined,
					200,
				),
	);
	const reply = httpReply(responses, result, noAnswerStatus);
	recordForSecretScan('webhook reply', reply);
	return {
		reply,
		started: true,
		result,
		triggerItems: started.workflowData[0].map((item) => item.json),
	};
}
