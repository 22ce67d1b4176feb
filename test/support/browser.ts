import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { TestUser } from './factories.js';

/**
 * Debian's chromium (installed by the Jest global setup, path in TEST_BROWSER), headless, through
 * playwright-core: no browser is ever downloaded.
 */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.TEST_BROWSER ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * axe-core's serious and critical violations on the page as it is now (WCAG 2.x A and AA rules and
 * best practices). axe is evaluated through the DevTools protocol, which the page's CSP does not
 * govern: the console itself still runs no script.
 */
export async function seriousViolations(page: Page): Promise<{ id: string; help: string; targets: string[] }[]> {
  await page.evaluate(await axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: AxeViolation[] }> } })
      .axe;
    // `document` of the page (the test code is compiled without the DOM's types).
    const page = (globalThis as unknown as { document: unknown }).document;
    return (await axe.run(page, { resultTypes: ['violations'] })).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

/**
 * Where pictures go: docs/screenshots/ under `npm run screenshots` (SCREENSHOT_DIR), else an
 * ignored folder, so that a plain test run never leaves the tree dirty.
 */
export const screenshotDir = process.env.SCREENSHOT_DIR ?? join('test-output', 'screenshots');

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/** A picture of the page in English and in Arabic (through the page's own language links), back in English after. */
export async function screenshotBothLanguages(page: Page, name: string): Promise<void> {
  await screenshot(page, `${name}-en`);
  await page.locator('a[hreflang="ar"]').click();
  await page.waitForSelector('html[dir="rtl"]');
  await screenshot(page, `${name}-ar`);
  await page.locator('a[hreflang="en"]').click();
  await page.waitForSelector('html[dir="ltr"]');
}

/** Signs in through the console's sign-in form (English labels). */
export async function signIn(page: Page, base: string, user: TestUser): Promise<void> {
  await page.goto(`${base}/console/login`);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${base}/console`);
}
