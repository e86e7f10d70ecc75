// The n8n editor driven through Debian's Chromium with playwright-core (which brings no browser
// of its own). Selectors are n8n's data-test-id attributes, as found in n8n 2.40's editor.
import { mkdirSync } from 'fs';
import { join } from 'path';

import {
	type Browser,
	type BrowserContext,
	type Locator,
	type Page,
	chromium,
} from 'playwright-core';

import { REPOSITORY_ROOT } from '../../dev/realN8n/n8nRuntime';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	// Without these, Chromium reaches out on its own and the closed network refuses its connections.
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	// Only 127.0.0.1 is ever reachable: any other host name fails at once instead of hanging.
	'--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

export const VIEWPORT = { width: 1440, height: 900 };

export type Theme = 'light' | 'dark';

/** n8n keeps the editor's theme setting (Settings → Personal → Theme) in localStorage under this key. */
export const THEME_STORAGE_KEY = 'N8N_THEME';

/** The icon file n8n serves for our nodes and credentials in each theme (icons/ of the package). */
export const ICON_FILE: Record<Theme, string> = {
	light: 'sequence.svg',
	dark: 'sequence.dark.svg',
};

export const SCREENSHOT_DIR =
	process.env.UI_SCREENSHOTS_DIR ?? join(REPOSITORY_ROOT, 'docs', 'screenshots');

export async function launchChromium(): Promise<Browser> {
	return await chromium.launch({
		executablePath: CHROMIUM_PATH,
		headless: true,
		args: CHROMIUM_ARGS,
		timeout: 60_000,
	});
}

/** Records every request Chromium makes to a host other than 127.0.0.1. */
export function watchForeignRequests(context: BrowserContext, foreign: string[]): void {
	context.on('request', (request) => {
		const url = request.url();
		if (url.startsWith('data:') || url.startsWith('blob:')) return;
		if (new URL(url).hostname !== '127.0.0.1') foreign.push(url);
	});
}

/** Signs in through n8n's sign-in form; the context then holds the owner's session. */
export async function signIn(
	context: BrowserContext,
	baseUrl: string,
	email: string,
	password: string,
): Promise<void> {
	const page = await context.newPage();
	try {
		await page.goto(`${baseUrl}/signin`, { timeout: 60_000 });
		await page.locator('[data-test-id=emailOrLdapLoginId] input').fill(email);
		await page.locator('[data-test-id=password] input').fill(password);
		await page.locator('[data-test-id=form-submit-button]').click();
		await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 60_000 });
	} finally {
		await page.close();
	}
}

/** A new context with the signed-in session of `signedIn`, in the given theme. */
export async function themedContext(
	browser: Browser,
	signedIn: BrowserContext,
	theme: Theme,
): Promise<BrowserContext> {
	const context = await browser.newContext({
		viewport: VIEWPORT,
		storageState: await signedIn.storageState(),
	});
	await context.addInitScript({
		content: `localStorage.setItem(${JSON.stringify(THEME_STORAGE_KEY)}, ${JSON.stringify(theme)});`,
	});
	return context;
}

/** What the page function reads from an <img> (the project compiles without the DOM library). */
interface ImageElement {
	complete: boolean;
	naturalWidth: number;
	currentSrc: string;
	src: string;
	addEventListener(type: 'load' | 'error', listener: () => void, options: { once: boolean }): void;
}

export interface ImageState {
	src: string;
	/** 0 when the image did not load (n8n then shows its fallback). */
	naturalWidth: number;
}

/** The first visible image inside `scope`, once it has finished loading (or failed to). */
export async function imageIn(scope: Locator): Promise<ImageState> {
	const image = scope.locator('img:visible').first();
	await image.waitFor({ timeout: 30_000 });
	return await image.evaluate(
		(img: ImageElement) =>
			new Promise<ImageState>((resolve) => {
				const done = () =>
					resolve({ src: img.currentSrc || img.src, naturalWidth: img.naturalWidth });
				if (img.complete) return done();
				img.addEventListener('load', done, { once: true });
				img.addEventListener('error', done, { once: true });
				setTimeout(done, 10_000);
			}),
	);
}

/** The path part of an image URL, e.g. /icons/n8n-nodes-sequence-money/dist/icons/sequence.svg. */
export function pathOf(src: string): string {
	return new URL(src).pathname;
}

export function canvasNode(page: Page, name: string): Locator {
	return page.locator(`[data-test-id=canvas-node][data-node-name="${name}"]`);
}

/** Opens a workflow in the editor and waits until its nodes are on the canvas. */
export async function openWorkflow(
	page: Page,
	baseUrl: string,
	id: string,
	nodeCount: number,
): Promise<void> {
	await page.goto(`${baseUrl}/workflow/${id}`, { timeout: 60_000 });
	const nodes = page.locator('[data-test-id=canvas-node]');
	await nodes.nth(nodeCount - 1).waitFor({ timeout: 60_000 });
	const count = await nodes.count();
	if (count !== nodeCount)
		throw new Error(`Workflow ${id}: ${count} nodes on the canvas, expected ${nodeCount}`);
}

/** Opens a node's parameter panel (NDV) by double-clicking it on the canvas. */
export async function openNode(page: Page, name: string): Promise<Locator> {
	await canvasNode(page, name).dblclick();
	const ndv = page.locator('[data-test-id=ndv]');
	await ndv.locator('[data-test-id=node-parameters]').waitFor({ timeout: 30_000 });
	return ndv;
}

export async function closeNode(page: Page): Promise<void> {
	await page.locator('[data-test-id=ndv-close-button]').click();
	await page
		.locator('[data-test-id=ndv] [data-test-id=node-parameters]')
		.waitFor({ state: 'hidden', timeout: 30_000 });
}

/** The value shown by a parameter's input (a dropdown shows the selected option's name). */
export async function parameterValue(ndv: Locator, name: string): Promise<string> {
	return await ndv.locator(`[data-test-id=parameter-input-${name}] input`).first().inputValue();
}

/** Opens a dropdown parameter and returns the names of the options it lists; leaves it open. */
export async function openDropdown(page: Page, ndv: Locator, name: string): Promise<string[]> {
	await ndv.locator(`[data-test-id=parameter-input-${name}]`).click();
	// n8n renders every dropdown's options up front; only the open one's are visible.
	const options = page.locator('[data-test-id=parameter-input-item]:visible .option-headline');
	await options.first().waitFor({ timeout: 30_000 });
	return await options.allInnerTexts();
}

export async function closeDropdown(page: Page): Promise<void> {
	await page.keyboard.press('Escape');
	await page
		.locator('[data-test-id=parameter-input-item]:visible')
		.first()
		.waitFor({ state: 'hidden', timeout: 10_000 });
}

/** Saves a screenshot of the viewport as docs/screenshots/<name>.png (…-dark.png in the dark theme). */
export async function screenshot(page: Page, name: string, theme: Theme): Promise<string> {
	mkdirSync(SCREENSHOT_DIR, { recursive: true });
	const path = join(SCREENSHOT_DIR, `${name}${theme === 'dark' ? '-dark' : ''}.png`);
	// Let transitions (panel opening, canvas fit) settle and the mouse leave hover states.
	await page.mouse.move(VIEWPORT.width - 2, VIEWPORT.height / 2);
	await page.waitForTimeout(400);
	await page.screenshot({ path, animations: 'disabled' });
	return path;
}

/** Resolves with the action's result, or rejects after `ms` milliseconds. */
export async function within<T>(ms: number, what: string, action: Promise<T>): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
	});
	try {
		return await Promise.race([action, timeout]);
	} finally {
		clearTimeout(timer);
	}
}
