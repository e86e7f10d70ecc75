import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { respondWithAmountProperties } from './description';
import {
	decideAmount,
	executionReply,
	outputItems,
	readAmountInputs,
	refusedAnswer,
	sentAnswer,
} from './reply';
import { readSettings } from './settings';
import { findQueryRemoteApiTrigger, readReceivedAt } from './upstreamTrigger';

export class SequenceRespondWithAmount implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sequence Respond With Amount',
		name: 'sequenceRespondWithAmount',
		icon: { light: 'file:../../icons/sequence.svg', dark: 'file:../../icons/sequence.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ "Reply in " + ($parameter["unit"] || "dollars") }}',
		description:
			'Answers a Sequence Query Remote API call with {"amountInCents": …}, checked to the cent',
		defaults: { name: 'Respond With Amount' },
		// Not a tool: it answers the request of a Sequence Query Remote API Trigger upstream and
		// cannot run without one (n8n's Respond to Webhook is no tool either). n8n's linter wants
		// the property present; the type has no `false`, and undefined is what "no" means to n8n.
		usableAsTool: undefined,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: respondWithAmountProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const triggerName = findQueryRemoteApiTrigger(this);
		const settings = readSettings(this);
		const receivedAt = readReceivedAt(this, triggerName);
		const amounts = readAmountInputs(this, items.length, settings);
		const toOutput = (answer: IDataObject, amountSent = true) =>
			outputItems(items.length, settings.severalItems, answer, amountSent);

		// Sequence takes one answer per request: a second reply would be dropped by n8n while
		// this node's output claimed it was sent.
		const reply = executionReply(this);
		if (reply.alreadyAnswered) {
			if (!this.continueOnFail()) throw reply.alreadyAnswered;
			return [toOutput({ error: reply.alreadyAnswered.message, responded: false }, false)];
		}

		const decision = decideAmount(this, amounts, items.length, settings);
		if (decision.refusal) {
			// Answer first: Sequence must get an error, not an empty 200 or a timeout.
			const failure = await reply.sendRefusal(decision.refusal);
			if (!this.continueOnFail()) throw failure;
			return [toOutput(refusedAnswer(failure, amounts), false)];
		}
		await reply.sendAmount(decision.amountInCents);
		return [toOutput(sentAnswer(decision, amounts, receivedAt))];
	}
}
