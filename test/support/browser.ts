import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { projectRoot } from '../../server/db/build-ferretdb.js';
import { PASSWORD, type TestService, type TestUser } from './service.js';

export const ARTIFACTS = join(projectRoot, 'test-results', 'screenshots');
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/** Debian's Chromium, headless, with nothing reaching out to the network. */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A fresh browser context signed in as the user, on the board. */
export async function signIn(browser: Browser, svc: TestService, user: TestUser, options: { viewport?: { width: number; height: number }; bypassCSP?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: options.viewport ?? DESKTOP, bypassCSP: options.bypassCSP ?? false });
  const page = await context.newPage();
  await page.goto(svc.url);
  await page.getByLabel(/E-post|E-mail/).fill(user.email);
  await page.getByLabel(/Passord|Password/).fill(PASSWORD);
  await page.getByRole('button', { name: /Logg inn|Sign in/ }).click();
  await page.getByTestId('board').waitFor({ state: 'attached' });
  return page;
}

export interface AxeViolation { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Runs axe-core's WCAG 2.0/2.1 A and AA rules on the page (its context must bypass the CSP to inject axe). */
export async function wcagViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: axeSource });
  const result = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })`)) as { violations: AxeViolation[] };
  return result.violations;
}

export const describeViolations = (violations: AxeViolation[]) =>
  violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`).join('\n');

/** How far the page is wider than its viewport (0 when nothing overflows sideways). */
export const sidewaysOverflow = async (page: Page) =>
  (await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')) as number;

/** A moment as the dashboard's time inputs take it: Oslo wall time, to the minute. */
export function osloInput(at: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}
