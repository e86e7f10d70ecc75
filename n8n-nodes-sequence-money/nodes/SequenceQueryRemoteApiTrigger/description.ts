import type { INodeProperties, INodeTypeDescription, IWebhookDescription } from 'n8n-workflow';
import { fromFunction, fromParameter, webhookDescriptionFields } from 'n8n-workflow';

import { NO_ANSWER_STATUS } from '../shared/queryRemoteApi';

/**
 * The webhook fields that depend on the node. n8n 2.40+ resolves fields declared this way
 * natively; a description with expression templates would make n8n start its expression
 * isolate on every request (about twice the round-trip time). Older n8n versions lack
 * the helpers and get the equivalent templates.
 */
function webhookFields(): { path: string; responseCode: string } {
	if (
		typeof webhookDescriptionFields === 'function' &&
		typeof fromParameter === 'function' &&
		typeof fromFunction === 'function'
	) {
		return webhookDescriptionFields({
			path: fromParameter('path'),
			// Self-contained (n8n inlines its source into the template): keep equal to NO_ANSWER_STATUS.
			responseCode: fromFunction(() => 500),
		});
	}
	return { path: '={{$parameter["path"]}}', responseCode: `={{ ${NO_ANSWER_STATUS} }}` };
}

export const queryRemoteApiWebhook: IWebhookDescription = {
	name: 'default',
	httpMethod: 'POST',
	// The amount is sent by the Sequence Respond With Amount node.
	responseMode: 'responseNode',
	isFullPath: true,
	// path, and responseCode: what n8n answers when the workflow ends without that node answering.
	...webhookFields(),
};

export const triggerPanel: INodeTypeDescription['triggerPanel'] = {
	header: 'Waiting for Sequence to ask for an amount',
	executionsHelp: {
		inactive:
			'Click "Listen for test event", put the <b>Test URL</b> into the rule\'s Query Remote API action in Sequence, and run the rule. Publish the workflow and switch Sequence to the <b>Production URL</b> when you are done.',
		active:
			"The workflow is published: Sequence's calls to the <b>Production URL</b> run it and appear in the Executions list.",
	},
	activationHint:
		'Publish the workflow, then paste the Production URL into Sequence (Rule → Query Remote API).',
};

const setupNotice: INodeProperties = {
	displayName:
		'Paste this node\'s Production URL into Sequence (Rule → action → Query Remote API). End the workflow with a "Sequence Respond With Amount" node: it sends {"amountInCents": …} back. Sequence waits only a short time for the answer, so keep the workflow quick.',
	name: 'setupNotice',
	type: 'notice',
	default: '',
};

const pathProperty: INodeProperties = {
	displayName: 'Path',
	name: 'path',
	type: 'string',
	default: '',
	placeholder: 'sequence-amount',
	description: 'The last part of the URL. Leave empty for a random, hard-to-guess path.',
};

const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	default: 'none',
	options: [
		{ name: 'None', value: 'none', description: 'Anyone who knows the URL can ask for the amount' },
		{
			name: 'Query Token',
			value: 'queryToken',
			description:
				'The URL ends with ?token=&lt;secret&gt; (works with Sequence, which only takes a URL)',
		},
		{ name: 'Header Secret', value: 'headerSecret', description: 'A header must carry the secret' },
		{ name: 'Basic Auth', value: 'basicAuth', description: 'HTTP Basic authentication' },
	],
	description: 'How to make sure the request comes from your Sequence rule',
};

const queryTokenNotice: INodeProperties = {
	displayName:
		'Add ?token=&lt;your secret&gt; to the Production URL you paste into Sequence. Requests without the right token get 401/403 and do not start the workflow.',
	name: 'queryTokenNotice',
	type: 'notice',
	default: '',
	displayOptions: { show: { authentication: ['queryToken'] } },
};

export const triggerProperties: INodeProperties[] = [
	setupNotice,
	pathProperty,
	authenticationProperty,
	queryTokenNotice,
];
