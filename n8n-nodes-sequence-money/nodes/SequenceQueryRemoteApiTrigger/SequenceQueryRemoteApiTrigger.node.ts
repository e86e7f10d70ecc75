import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import {
	type Authentication,
	checkAuthentication,
	readAuthCredentials,
	secretInRequest,
	sequenceQueryRemoteApiSecretCheck,
} from './authentication';
import { queryRemoteApiWebhook, triggerPanel, triggerProperties } from './description';
import { sendRejection } from './rejection';
import { checkRequestShape, workflowItem } from './requestShape';

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
		description:
			'Starts the workflow when a Sequence rule asks how much to move (Query Remote API)',
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
		webhooks: [queryRemoteApiWebhook],
		triggerPanel,
		properties: triggerProperties,
	};

	methods = {
		credentialTest: { sequenceQueryRemoteApiSecretCheck },
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
		const authentication = this.getNodeParameter('authentication', 'none') as Authentication;
		const credentials = authentication === 'none' ? {} : await readAuthCredentials(this);
		const rejection =
			checkAuthentication(this, authentication, credentials) ?? checkRequestShape(this);
		if (rejection) return sendRejection(this, rejection);
		const item = workflowItem(this, receivedAt, secretInRequest(authentication, credentials));
		return { workflowData: [[item]] };
	}
}
