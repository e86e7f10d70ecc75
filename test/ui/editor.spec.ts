// The n8n editor in a real browser: a real n8n server with the packed package and the demo
// workflows, the Sequence sandbox, and Debian's Chromium driven by playwright-core. Checks what
// a user sees (our icons, the parameter panels, the webhook URLs, the credential dialogs and
// their connection tests) and saves screenshots to docs/screenshots. Chromium only talks to 127.0.0.1.
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

import { CHROMIUM, ensureDebianPackages } from '../../dev/realN8n/debianPackages';
import { DEMO_QUERY_REMOTE_API_SECRET, IDS, PATHS } from '../../dev/demo/demoWorkflows';
import { type Environment, OWNER, startEnvironment } from '../../dev/realN8n/environment';
import { portIfFree } from '../../dev/realN8n/n8nRuntime';
import {
	ICON_FILE,
	type Theme,
	VIEWPORT,
	canvasNode,
	closeDropdown,
	closeNode,
	imageIn,
	launchChromium,
	openDropdown,
	openNode,
	openWorkflow,
	parameterValue,
	pathOf,
	screenshot,
	signIn,
	themedContext,
	watchForeignRequests,
	within,
} from './editor';

const PACKAGE = 'n8n-nodes-sequence-money';
const THEMES: Theme[] = ['light', 'dark'];
const log = (message: string) => process.stderr.write(`[ui] ${message}\n`);

let environment: Environment;
let browser: Browser | undefined;
let signedIn: BrowserContext;
const foreignRequests: string[] = [];
const started = Date.now();

beforeAll(async () => {
	await ensureDebianPackages([CHROMIUM], log);
	// The demo's ports when free, so that the URLs in the screenshots stay the same from run to run.
	environment = await startEnvironment({
		log,
		port: await portIfFree(5678),
		sandboxPort: await portIfFree(4010),
	});
	log(
		`n8n ready after ${Math.round((Date.now() - started) / 1000)} s; timings (ms): ${JSON.stringify(environment.timings)}`,
	);
	browser = await launchChromium();
	log(`Chromium ${browser.version()}`);
	signedIn = await browser.newContext({ viewport: VIEWPORT });
	watchForeignRequests(signedIn, foreignRequests);
	await signIn(signedIn, environment.server.url, OWNER.email, environment.ownerPassword);
}, 900_000);

afterAll(async () => {
	// Bounded: a stuck browser or server must not hold the run.
	const results = await Promise.allSettled([
		within(30_000, 'Closing Chromium', browser?.close() ?? Promise.resolve()),
		within(90_000, 'Stopping n8n and the sandbox', environment?.stop() ?? Promise.resolve()),
	]);
	for (const result of results) if (result.status === 'rejected') log(String(result.reason));
	log(`suite wall time ${Math.round((Date.now() - started) / 1000)} s`);
}, 120_000);

/** Our icon, served by n8n from the installed package, and actually loaded. */
async function expectOurIcon(scope: Locator, theme: Theme): Promise<void> {
	const icon = await imageIn(scope);
	expect(pathOf(icon.src)).toMatch(
		new RegExp(`^/icons/${PACKAGE}/.+/${ICON_FILE[theme].replace(/\./g, '\\.')}$`),
	);
	expect(icon.naturalWidth).toBeGreaterThan(0);
}

/** The icon next to the node's name in the header of its panel (the panel also shows its neighbours' icons). */
function panelIcon(ndv: Locator): Locator {
	return ndv
		.locator('[data-test-id=node-title-container]')
		.locator('xpath=..')
		.locator('.n8n-node-icon');
}

describe.each(THEMES)('the n8n editor (%s theme)', (theme) => {
	let context: BrowserContext;
	let page: Page;

	beforeAll(async () => {
		context = await themedContext(browser as Browser, signedIn, theme);
		watchForeignRequests(context, foreignRequests);
		page = await context.newPage();
		page.setDefaultTimeout(30_000);
	});

	afterAll(async () => {
		await context?.close().catch(() => undefined);
	});

	it('applies the theme', async () => {
		await page.goto(`${environment.server.url}/home/workflows`, { timeout: 60_000 });
		await page.locator(`body[data-theme=${theme}]`).waitFor({ state: 'attached' });
	});

	it('Query Remote API workflow: the trigger shows its webhook URLs, the reply node its fields', async () => {
		await openWorkflow(page, environment.server.url, IDS.amountWorkflow, 3);
		const trigger = canvasNode(page, 'Sequence Query Remote API');
		const respond = canvasNode(page, 'Respond With Amount');
		expect(await trigger.getAttribute('data-node-type')).toBe(
			`${PACKAGE}.sequenceQueryRemoteApiTrigger`,
		);
		expect(await respond.getAttribute('data-node-type')).toBe(
			`${PACKAGE}.sequenceRespondWithAmount`,
		);
		expect(await trigger.innerText()).toContain('Auth: Query Token');
		await expectOurIcon(trigger, theme);
		await expectOurIcon(respond, theme);
		await screenshot(page, 'workflow-query-remote-api', theme);

		let ndv = await openNode(page, 'Sequence Query Remote API');
		await expectOurIcon(panelIcon(ndv), theme);
		expect(await parameterValue(ndv, 'path')).toBe(PATHS.amount);
		expect(await parameterValue(ndv, 'authentication')).toBe('Query Token');
		expect(await ndv.locator('[data-test-id=node-credentials-select] input').inputValue()).toBe(
			'Sequence Query Remote API token',
		);
		await ndv.getByText('Webhook URLs').click();
		const testUrl = `${environment.server.url}/webhook-test/${PATHS.amount}`;
		const productionUrl = `${environment.server.url}/webhook/${PATHS.amount}`;
		await ndv.locator('[data-test-id=radio-button-test]').click();
		await ndv.getByText(testUrl, { exact: true }).waitFor();
		await ndv.locator('[data-test-id=radio-button-production]').click();
		await ndv.getByText(productionUrl, { exact: true }).waitFor();
		await screenshot(page, 'node-sequence-query-remote-api-trigger', theme);
		await closeNode(page);

		ndv = await openNode(page, 'Respond With Amount');
		await expectOurIcon(panelIcon(ndv), theme);
		const parameters = ndv.locator('[data-test-id=node-parameters]');
		for (const name of [
			'amount',
			'unit',
			'severalItems',
			'rounding',
			'onInvalid',
			'maximumAmount',
		]) {
			await parameters.locator(`[data-test-id=parameter-input-${name}]`).first().waitFor();
		}
		const text = await parameters.innerText();
		for (const label of [
			'Amount',
			'Unit',
			'Several Input Items',
			'Fractions of a Cent',
			'On Invalid Amount',
			'Maximum Amount (Dollars)',
		]) {
			expect(text).toContain(label);
		}
		expect(text).toContain('{{ $json.amount }}');
		expect(await parameterValue(ndv, 'unit')).toBe('Dollars');
		expect(await parameterValue(ndv, 'severalItems')).toBe('Treat as an Invalid Amount');
		expect(await parameterValue(ndv, 'maximumAmount')).toBe('100000.00');
		await screenshot(page, 'node-sequence-respond-with-amount', theme);
		await closeNode(page);
	});

	it('trigger-a-rule workflow: the Sequence node shows Rule → Trigger and its resources', async () => {
		await openWorkflow(page, environment.server.url, IDS.triggerRuleWorkflow, 2);
		const node = canvasNode(page, 'Trigger Rule');
		expect(await node.getAttribute('data-node-type')).toBe(`${PACKAGE}.sequence`);
		await expectOurIcon(node, theme);
		await screenshot(page, 'workflow-trigger-rule', theme);

		const ndv = await openNode(page, 'Trigger Rule');
		await expectOurIcon(panelIcon(ndv), theme);
		expect(await parameterValue(ndv, 'resource')).toBe('Rule');
		expect(await parameterValue(ndv, 'operation')).toBe('Trigger');
		expect(await parameterValue(ndv, 'ruleId')).toBe(environment.data.rules[0].id);
		expect(await parameterValue(ndv, 'idempotency')).toBe('Automatic');
		expect(await ndv.locator('[data-test-id=node-credentials-select] input').inputValue()).toBe(
			`Sequence sandbox rule ${environment.data.rules[0].id}`,
		);
		const resources = await openDropdown(page, ndv, 'resource');
		expect(resources).toEqual(expect.arrayContaining(['Account', 'Rule']));
		await screenshot(page, 'node-sequence-rule-trigger', theme);
		await closeDropdown(page);
		const operations = await openDropdown(page, ndv, 'operation');
		expect(operations).toContain('Trigger');
		await closeDropdown(page);
		await closeNode(page);
	});

	it('balances workflow: the Sequence node shows Account → Get Many', async () => {
		await openWorkflow(page, environment.server.url, IDS.balancesWorkflow, 2);
		const node = canvasNode(page, 'Get Accounts');
		expect(await node.getAttribute('data-node-type')).toBe(`${PACKAGE}.sequence`);
		await expectOurIcon(node, theme);
		await screenshot(page, 'workflow-account-balances', theme);

		const ndv = await openNode(page, 'Get Accounts');
		await expectOurIcon(panelIcon(ndv), theme);
		expect(await parameterValue(ndv, 'resource')).toBe('Account');
		expect(await parameterValue(ndv, 'operation')).toBe('Get Many');
		expect(await ndv.locator('[data-test-id=node-credentials-select] input').inputValue()).toBe(
			'Sequence sandbox access token',
		);
		const operations = await openDropdown(page, ndv, 'operation');
		expect(operations).toContain('Get Many');
		await screenshot(page, 'node-sequence-account-get-many', theme);
		await closeDropdown(page);
		await closeNode(page);
	});

	const credentials = [
		{
			id: IDS.accessCredential,
			type: 'Sequence Access Token API',
			name: 'Sequence sandbox access token',
			fields: ['accessToken', 'baseUrl'],
			shot: 'credential-sequence-access-token',
		},
		{
			id: IDS.ruleCredential,
			type: 'Sequence Rule Secret API',
			name: 'Sequence sandbox rule',
			fields: ['ruleSecret', 'ruleId', 'baseUrl'],
			shot: 'credential-sequence-rule-secret',
		},
		{
			id: IDS.queryRemoteApiCredential,
			type: 'Sequence Query Remote API Auth API',
			name: 'Sequence Query Remote API token',
			fields: ['secret', 'headerName', 'username'],
			shot: 'credential-sequence-query-remote-api-auth',
		},
	];

	it.each(credentials)(
		'credential dialog: $type shows its fields and a passing connection test',
		async (credential) => {
			const requestsBefore = environment.sandbox.requests.length;
			await page.goto(`${environment.server.url}/home/credentials/${credential.id}`, {
				timeout: 60_000,
			});
			const modal = page.locator('[data-test-id=editCredential-modal]');
			const dialog = modal.locator('[data-test-id=credential-edit-dialog]');
			await dialog.waitFor({ timeout: 60_000 });
			const header = modal.locator('header');
			await expectOurIcon(header, theme);
			expect(await header.locator('[data-test-id=credential-name]').innerText()).toContain(
				credential.name,
			);
			expect(await header.innerText()).toContain(credential.type);
			const success = dialog.locator('[data-test-id=credentials-config-container-test-success]');
			await success.waitFor({ timeout: 60_000 });
			expect(await success.innerText()).toContain('Connection tested successfully');
			for (const field of credential.fields)
				await dialog.locator(`[data-test-id=parameter-input-${field}]`).waitFor();
			const text = await dialog.innerText();

			if (credential.id === IDS.accessCredential) {
				// The access token's test is a real request: the sandbox lists the accounts for it.
				const tests = environment.sandbox.requests
					.slice(requestsBefore)
					.filter((request) => request.method === 'POST' && request.path === '/accounts');
				expect(tests.length).toBeGreaterThan(0);
				expect(String(tests[0].headers['x-sequence-access-token'])).toBe(
					`Bearer ${environment.data.accessTokens[0]}`,
				);
				expect(tests[0].status).toBe(200);
				expect(await parameterValue(dialog, 'baseUrl')).toBe(environment.sandbox.url);
			} else {
				// Local checks (testedBy); no request may reach Sequence (testing a rule secret would trigger the rule).
				expect(environment.sandbox.requests.slice(requestsBefore)).toEqual([]);
			}
			if (credential.id === IDS.ruleCredential)
				expect(text).toContain('n8n cannot test this credential');
			await screenshot(page, credential.shot, theme);

			if (credential.id === IDS.queryRemoteApiCredential && theme === 'light') {
				// The local check can fail too: a secret too short, retested without saving.
				const secret = dialog.locator('[data-test-id=parameter-input-secret] input');
				expect(await secret.inputValue()).not.toBe('');
				await secret.fill('short');
				await dialog.getByRole('button', { name: 'Retry' }).click();
				await dialog.getByText('Couldn’t connect with these settings').waitFor({ timeout: 60_000 });
				await dialog.getByText('More details').click();
				await dialog.getByText('The Secret is only 5 characters long', { exact: false }).waitFor();
				expect(await dialog.innerText()).not.toContain(DEMO_QUERY_REMOTE_API_SECRET);
				await screenshot(page, 'credential-sequence-query-remote-api-auth-failing', theme);
			}
		},
	);
});

describe('afterwards', () => {
	it('Chromium never talked to a host other than 127.0.0.1', () => {
		expect(foreignRequests).toEqual([]);
	});
});
