import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	IHookFunctions,
	INodeCredentialTestResult,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, fromFunction, fromParameter, webhookDescriptionFields } from 'n8n-workflow';

import {
	NO_ANSWER_STATUS,
	isJsonContentType,
	parseBasicAuth,
	secretsMatch,
	urlTokenProblem,
	queryRemoteApiSecretProblem,
} from '../shared/queryRemoteApi';

type Authentication = 'none' | 'queryToken' | 'headerSecret' | 'basicAuth';

/** Headers that carry credentials of some kind; never copied into the workflow. */
const ALWAYS_HIDDEN_HEADERS = ['authorization', 'proxy-authorization', 'cookie'];

/**
 * The webhook fields that depend on the node. n8n 2.40+ resolves fields declared this way
 * natively; a description with expression templates would make n8n start its expression
 * isolate on every request (about twice the round-trip time). Older n8n versions lack
 * the helpers and get the equivalent templates.
 */
function webhookFields(): { path: string; responseCode: string } {
	if (typeof webhookDescriptionFields === 'function' && typeof fromParameter === 'function' && typeof fromFunction === 'function') {
		return webhookDescriptionFields({
			path: fromParameter('path'),
			// Self-contained (n8n inlines its source into the template): keep equal to NO_ANSWER_STATUS.
			responseCode: fromFunction(() => 500),
		});
	}
	return { path: '={{$parameter["path"]}}', responseCode: `={{ ${NO_ANSWER_STATUS} }}` };
}

interface Rejection {
	status: number;
	error: string;
	headers?: Record<string, string>;
}

export class SequenceQueryRemoteApiTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sequence Query Remote API Trigger',
		name: 'sequenceQueryRemoteApiTrigger',
		icon: { light: 'file:../../icons/sequence.svg', dark: 'file:../../icons/sequence.dark.svg' },
		group: ['trigger'],
		// Not 1: n8n evaluates a legacy Webhook-v1 expression on every request for any
		// webhook node at typeVersion 1, which costs an expression-isolate round trip.
		version: 1.1,
		subtitle:
			'={{ "Auth: " + ({ none: "None", queryToken: "Query Token", headerSecret: "Header Secret", basicAuth: "Basic Auth" }[$parameter["authentication"]] || "None") }}',
		description: 'Starts the workflow when a Sequence rule asks how much to move (Query Remote API)',
		defaults: { name: 'Sequence Query Remote API' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'sequenceQueryRemoteApiAuthApi',
				required: true,
				displayOptions: { show: { authentication: ['queryToken', 'headerSecret', 'basicAuth'] } },
				testedBy: 'sequenceQueryRemoteApiSecretCheck',
			},
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				// The amount is sent by the Sequence Respond With Amount node.
				responseMode: 'responseNode',
				isFullPath: true,
				// path, and responseCode: what n8n answers when the workflow ends without that node answering.
				...webhookFields(),
			},
		],
		triggerPanel: {
			header: 'Waiting for Sequence to ask for an amount',
			executionsHelp: {
				inactive:
					'Click "Listen for test event", put the <b>Test URL</b> into the rule\'s Query Remote API action in Sequence, and run the rule. Publish the workflow and switch Sequence to the <b>Production URL</b> when you are done.',
				active:
					'The workflow is published: Sequence\'s calls to the <b>Production URL</b> run it and appear in the Executions list.',
			},
			activationHint: 'Publish the workflow, then paste the Production URL into Sequence (Rule → Query Remote API).',
		},
		properties: [
			{
				displayName:
					'Paste this node\'s Production URL into Sequence (Rule → action → Query Remote API). End the workflow with a "Sequence Respond With Amount" node: it sends {"amountInCents": …} back. Sequence waits only a short time for the answer, so keep the workflow quick.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Path',
				name: 'path',
				type: 'string',
				default: '',
				placeholder: 'sequence-amount',
				description: 'The last part of the URL. Leave empty for a random, hard-to-guess path.',
			},
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				default: 'none',
				options: [
					{ name: 'None', value: 'none', description: 'Anyone who knows the URL can ask for the amount' },
					{
						name: 'Query Token',
						value: 'queryToken',
						description: 'The URL ends with ?token=<secret> (works with Sequence, which only takes a URL)',
					},
					{ name: 'Header Secret', value: 'headerSecret', description: 'A header must carry the secret' },
					{ name: 'Basic Auth', value: 'basicAuth', description: 'HTTP Basic authentication' },
				],
				description: 'How to make sure the request comes from your Sequence rule',
			},
			{
				displayName:
					'Add ?token=&lt;your secret&gt; to the Production URL you paste into Sequence. Requests without the right token get 401/403 and do not start the workflow.',
				name: 'queryTokenNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { authentication: ['queryToken'] } },
			},
		],
	};

	methods = {
		credentialTest: {
			// Nothing is sent with this credential; check what can be checked locally.
			async sequenceQueryRemoteApiSecretCheck(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				const problem = queryRemoteApiSecretProblem(credential.data?.secret);
				if (problem) return { status: 'Error', message: problem };
				if (urlTokenProblem(String(credential.data?.secret))) {
					return {
						status: 'OK',
						message: 'The secret is long enough for Header Secret and Basic Auth, but has characters that change in a URL, so Query Token would reject every call. For Query Token use only letters, digits and - . _ ~.',
					};
				}
				return { status: 'OK', message: 'The secret is long enough and URL-safe.' };
			},
		},
	};

	// Sequence is given the URL by hand: there is no subscription to create or delete.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const receivedAt = new Date().toISOString();
		const request = this.getRequestObject();
		const authentication = this.getNodeParameter('authentication', 'none') as Authentication;

		const credentials = authentication === 'none' ? {} : await readAuthCredentials(this);
		const rejection = checkAuthentication(this, authentication, credentials) ?? checkRequestShape(this);
		if (rejection) {
			const response = this.getResponseObject();
			response.writeHead(rejection.status, { 'Content-Type': 'application/json', ...rejection.headers });
			response.end(JSON.stringify({ error: rejection.error }));
			return { noWebhookResponse: true };
		}

		const hiddenHeaders = new Set(ALWAYS_HIDDEN_HEADERS);
		if (authentication === 'headerSecret') hiddenHeaders.add(headerNameOf(credentials));
		const headers: IDataObject = {};
		for (const [name, value] of Object.entries(request.headers)) {
			if (!hiddenHeaders.has(name.toLowerCase())) headers[name] = value as IDataObject[string];
		}
		const query = { ...(this.getQueryData() as IDataObject) };
		if (authentication === 'queryToken') delete query.token;

		return {
			workflowData: [
				[
					{
						json: {
							body: (bodyOf(this) ?? {}) as IDataObject,
							headers,
							query,
							receivedAt,
						},
					},
				],
			],
		};
	}
}

function headerNameOf(credentials: IDataObject): string {
	const name = typeof credentials.headerName === 'string' ? credentials.headerName.trim() : '';
	return (name || 'x-query-remote-api-secret').toLowerCase();
}

/** The protection's credential; empty when none is set, which then fails closed. */
async function readAuthCredentials(context: IWebhookFunctions): Promise<IDataObject> {
	try {
		return await context.getCredentials('sequenceQueryRemoteApiAuthApi');
	} catch {
		return {};
	}
}

function checkAuthentication(
	context: IWebhookFunctions,
	authentication: Authentication,
	credentials: IDataObject,
): Rejection | undefined {
	if (authentication === 'none') return undefined;
	const secret = typeof credentials.secret === 'string' ? credentials.secret.trim() : '';
	if (queryRemoteApiSecretProblem(secret) || (authentication === 'queryToken' && urlTokenProblem(secret))) {
		// Fail closed: a protection that is switched on but not set up must not let requests in.
		return {
			status: 500,
			error: 'The trigger\'s authentication is not set up (the secret is missing, too short, or not usable in a URL); no request is accepted until it is.',
		};
	}
	const headers = context.getHeaderData();
	if (authentication === 'queryToken') {
		const token = (context.getQueryData() as IDataObject).token;
		if (token === undefined || token === '') return { status: 401, error: 'Missing token: add ?token=<secret> to the URL.' };
		return secretsMatch(token, secret) ? undefined : { status: 403, error: 'Wrong token.' };
	}
	if (authentication === 'headerSecret') {
		const headerName = headerNameOf(credentials);
		const value = headers[headerName];
		if (value === undefined || value === '') return { status: 401, error: `Missing header ${headerName}.` };
		return secretsMatch(value, secret) ? undefined : { status: 403, error: `Wrong value in header ${headerName}.` };
	}
	const given = parseBasicAuth(headers.authorization);
	const challenge = { 'WWW-Authenticate': 'Basic realm="Sequence Query Remote API"' };
	if (!given) return { status: 401, error: 'Basic authentication required.', headers: challenge };
	const username = typeof credentials.username === 'string' && credentials.username !== '' ? credentials.username : 'sequence';
	// Both compared, always, so the time taken does not tell which one was wrong.
	const usernameMatches = secretsMatch(given.username, username);
	const passwordMatches = secretsMatch(given.password, secret);
	return usernameMatches && passwordMatches
		? undefined
		: { status: 403, error: 'Wrong username or password.', headers: challenge };
}

function bodyOf(context: IWebhookFunctions): unknown {
	const request = context.getRequestObject() as { body?: unknown; rawBody?: Buffer };
	return request.body;
}

/** Whether the request carries a body, also when n8n did not read it (types it does not parse). */
function hasRequestBody(context: IWebhookFunctions): boolean {
	const request = context.getRequestObject() as { rawBody?: Buffer | string; headers: IDataObject };
	if (request.rawBody !== undefined && request.rawBody.length > 0) return true;
	if (request.headers['transfer-encoding'] !== undefined) return true;
	const declared = Number(request.headers['content-length'] ?? 0);
	return !Number.isFinite(declared) || declared > 0;
}

/** Sequence sends a POST with a JSON object body (often {}), or no body at all. */
function checkRequestShape(context: IWebhookFunctions): Rejection | undefined {
	const request = context.getRequestObject();
	if (request.method !== 'POST') {
		return { status: 405, error: 'Only POST is accepted.', headers: { Allow: 'POST' } };
	}
	const contentType = request.headers['content-type'];
	if (hasRequestBody(context) && !isJsonContentType(contentType)) {
		return { status: 415, error: `The body must be JSON (Content-Type: application/json), not ${contentType ?? 'unspecified'}.` };
	}
	const body = bodyOf(context);
	const raw = (request as { rawBody?: Buffer | string }).rawBody;
	if (body === undefined && raw !== undefined && raw.toString().trim() !== '') {
		// Bytes arrived but n8n did not parse them: never let them pass for an empty body.
		return { status: 415, error: 'The body could not be read as JSON; send it with Content-Type: application/json.' };
	}
	const isEmpty = body === undefined || body === null || body === '' || (typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0);
	if (!isEmpty && (typeof body !== 'object' || Array.isArray(body))) {
		return { status: 400, error: 'The body must be a JSON object such as {}.' };
	}
	return undefined;
}
