// Makes sure a request comes from the Sequence rule: the trigger's Authentication modes.
import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	INodeCredentialTestResult,
	IWebhookFunctions,
} from 'n8n-workflow';

import {
	DEFAULT_BASIC_AUTH_USERNAME,
	DEFAULT_SECRET_HEADER,
	parseBasicAuth,
	queryRemoteApiSecretProblem,
	secretsMatch,
	urlTokenProblem,
} from '../shared/queryRemoteApi';
import type { Rejection } from './rejection';

export type Authentication = 'none' | 'queryToken' | 'headerSecret' | 'basicAuth';

/** The query parameter that carries the secret with Query Token. */
export const TOKEN_QUERY_PARAMETER = 'token';

/** Sent with every Basic Auth refusal, as HTTP asks: it names the scheme to use. */
export const BASIC_AUTH_CHALLENGE = {
	'WWW-Authenticate': 'Basic realm="Sequence Query Remote API"',
};

const NOT_SET_UP: Rejection = {
	status: 500,
	error:
		"The trigger's authentication is not set up (the secret is missing, too short, or not usable in a URL); no request is accepted until it is.",
};

/** Where a request carries the secret, so that it is never copied into the workflow. */
export interface SecretInRequest {
	header?: string;
	queryParameter?: string;
}

/** The header that carries the secret with Header Secret, lower case as n8n gives request headers. */
export function secretHeaderName(credentials: IDataObject): string {
	const name = typeof credentials.headerName === 'string' ? credentials.headerName.trim() : '';
	return (name || DEFAULT_SECRET_HEADER).toLowerCase();
}

export function secretInRequest(
	authentication: Authentication,
	credentials: IDataObject,
): SecretInRequest {
	if (authentication === 'queryToken') return { queryParameter: TOKEN_QUERY_PARAMETER };
	if (authentication === 'headerSecret') return { header: secretHeaderName(credentials) };
	// Basic Auth travels in the Authorization header, which is never copied anyway.
	return {};
}

/** The protection's credential; empty when none is set, which then fails closed. */
export async function readAuthCredentials(context: IWebhookFunctions): Promise<IDataObject> {
	try {
		return await context.getCredentials('sequenceQueryRemoteApiAuthApi');
	} catch {
		return {};
	}
}

/** Undefined when the request may start the workflow; otherwise the answer that refuses it. */
export function checkAuthentication(
	context: IWebhookFunctions,
	authentication: Authentication,
	credentials: IDataObject,
): Rejection | undefined {
	if (authentication === 'none') return undefined;
	const secret = typeof credentials.secret === 'string' ? credentials.secret.trim() : '';
	if (
		queryRemoteApiSecretProblem(secret) ||
		(authentication === 'queryToken' && urlTokenProblem(secret))
	) {
		// Fail closed: a protection that is switched on but not set up must not let requests in.
		return NOT_SET_UP;
	}
	if (authentication === 'queryToken') return checkQueryToken(context, secret);
	if (authentication === 'headerSecret') return checkHeaderSecret(context, credentials, secret);
	return checkBasicAuth(context, credentials, secret);
}

function checkQueryToken(context: IWebhookFunctions, secret: string): Rejection | undefined {
	const token = (context.getQueryData() as IDataObject)[TOKEN_QUERY_PARAMETER];
	if (token === undefined || token === '') {
		return { status: 401, error: 'Missing token: add ?token=<secret> to the URL.' };
	}
	return secretsMatch(token, secret) ? undefined : { status: 403, error: 'Wrong token.' };
}

function checkHeaderSecret(
	context: IWebhookFunctions,
	credentials: IDataObject,
	secret: string,
): Rejection | undefined {
	const headerName = secretHeaderName(credentials);
	const value = context.getHeaderData()[headerName];
	if (value === undefined || value === '')
		return { status: 401, error: `Missing header ${headerName}.` };
	return secretsMatch(value, secret)
		? undefined
		: { status: 403, error: `Wrong value in header ${headerName}.` };
}

function checkBasicAuth(
	context: IWebhookFunctions,
	credentials: IDataObject,
	secret: string,
): Rejection | undefined {
	const given = parseBasicAuth(context.getHeaderData().authorization);
	if (!given) {
		return { status: 401, error: 'Basic authentication required.', headers: BASIC_AUTH_CHALLENGE };
	}
	const username =
		typeof credentials.username === 'string' && credentials.username !== ''
			? credentials.username
			: DEFAULT_BASIC_AUTH_USERNAME;
	// Both compared, always, so the time taken does not tell which one was wrong.
	const usernameMatches = secretsMatch(given.username, username);
	const passwordMatches = secretsMatch(given.password, secret);
	return usernameMatches && passwordMatches
		? undefined
		: { status: 403, error: 'Wrong username or password.', headers: BASIC_AUTH_CHALLENGE };
}

/**
 * The credential's test (testedBy). Nothing is sent with this credential; check what can
 * be checked locally.
 */
export async function sequenceQueryRemoteApiSecretCheck(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const problem = queryRemoteApiSecretProblem(credential.data?.secret);
	if (problem) return { status: 'Error', message: problem };
	if (urlTokenProblem(String(credential.data?.secret))) {
		return {
			status: 'OK',
			message:
				'The secret is long enough for Header Secret and Basic Auth, but has characters that change in a URL, so Query Token would reject every call. For Query Token use only letters, digits and - . _ ~.',
		};
	}
	return { status: 'OK', message: 'The secret is long enough and URL-safe.' };
}
