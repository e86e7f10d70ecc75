import type { IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

/** Why the trigger refuses a request: Sequence gets this answer, and no workflow starts. */
export interface Rejection {
	status: number;
	error: string;
	headers?: Record<string, string>;
}

/** Answers the refused request with {"error": …} at once, so that n8n neither answers again nor starts the workflow. */
export function sendRejection(
	context: IWebhookFunctions,
	rejection: Rejection,
): IWebhookResponseData {
	const response = context.getResponseObject();
	response.writeHead(rejection.status, {
		'Content-Type': 'application/json',
		...rejection.headers,
	});
	response.end(JSON.stringify({ error: rejection.error }));
	return { noWebhookResponse: true };
}
