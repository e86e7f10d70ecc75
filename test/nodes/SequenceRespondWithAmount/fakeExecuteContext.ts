// A stand-in for n8n's IExecuteFunctions with only what Respond With Amount's modules call.
import type { IDataObject, IExecuteFunctions, IExecuteResponsePromiseData } from 'n8n-workflow';

export interface FakeExecution {
	/** The node's parameters; `amount` may be a list, one per item. */
	parameters?: IDataObject;
	nodeName?: string;
	runIndex?: number;
	/** The flow context, shared by the nodes of one execution. */
	flow?: IDataObject;
	/** The nodes before this one. */
	parents?: Array<{ name: string; type: string }>;
	/** The first item of each upstream node, by name; a missing name is unreachable. */
	upstreamItems?: Record<string, IDataObject>;
}

export interface FakeExecuteContext {
	context: IExecuteFunctions;
	/** What was sent to Sequence. */
	responses: IExecuteResponsePromiseData[];
	/** The parameter names read, in order. */
	parametersRead: string[];
	flow: IDataObject;
}

export function fakeExecuteContext(execution: FakeExecution = {}): FakeExecuteContext {
	const parameters = execution.parameters ?? {};
	const flow = execution.flow ?? {};
	const responses: IExecuteResponsePromiseData[] = [];
	const parametersRead: string[] = [];
	const node = { name: execution.nodeName ?? 'Respond With Amount' };
	const context = {
		getNode: () => node,
		getNodeParameter: (name: string, itemIndex: number, fallback: unknown) => {
			parametersRead.push(name);
			const value = name in parameters ? parameters[name] : fallback;
			return name === 'amount' && Array.isArray(value) ? value[itemIndex] : value;
		},
		getContext: (type: string) => {
			if (type !== 'flow') throw new Error(`Unexpected context ${type}`);
			return flow;
		},
		getParentNodes: () => execution.parents ?? [],
		getWorkflowDataProxy: () => ({
			$runIndex: execution.runIndex ?? 0,
			$: (name: string) => {
				const item = execution.upstreamItems?.[name];
				if (item === undefined) throw new Error(`No data for "${name}"`);
				return { first: () => ({ json: item }) };
			},
		}),
		sendResponse: async (response: IExecuteResponsePromiseData) => {
			responses.push(response);
		},
	};
	return { context: context as unknown as IExecuteFunctions, responses, parametersRead, flow };
}
