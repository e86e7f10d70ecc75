// A stand-in for n8n's IWebhookFunctions with only what the trigger's modules call.
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

export interface FakeRequest {
	method?: string;
	/** Lower case, as n8n gives them. */
	headers?: Record<string, string>;
	query?: IDataObject;
	body?: unknown;
	rawBody?: Buffer | string;
	/** What getCredentials returns; undefined makes it fail, as n8n does when none is set. */
	credentials?: IDataObject;
}

export interface FakeWebhookContext {
	context: IWebhookFunctions;
	/** What the trigger wrote on the HTTP response. */
	written: { status?: number; headers?: Record<string, string>; body?: string };
}

export function fakeWebhookContext(request: FakeRequest = {}): FakeWebhookContext {
	const headers = request.headers ?? {};
	const written: FakeWebhookContext['written'] = {};
	const context = {
		getRequestObject: () => ({
			method: request.method ?? 'POST',
			headers,
			query: request.query ?? {},
			body: request.body,
			rawBody: request.rawBody,
		}),
		getHeaderData: () => headers,
		getQueryData: () => request.query ?? {},
		getCredentials: async () => {
			if (request.credentials === undefined)
				throw new Error('Node does not have any credentials set');
			return request.credentials;
		},
		getResponseObject: () => ({
			writeHead: (status: number, responseHeaders: Record<string, string>) => {
				written.status = status;
				written.headers = responseHeaders;
			},
			end: (body: string) => {
				written.body = body;
			},
		}),
	};
	return { context: context as unknown as IWebhookFunctions, written };
}
