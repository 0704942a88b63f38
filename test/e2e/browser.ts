import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';

/** Debian's Chromium; playwright's own browser download cannot work on these machines. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** On a developer machine without Chromium the browser tests skip; in CI a missing browser is a failure. */
export const browserAvailable = existsSync(chromiumPath) || process.env.CI === 'true';

/** Flags verified on this machine kind: software WebGL, no background network traffic. */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launch(opts: { bypassCSP?: boolean; locale?: string } = {}): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'pcmt-chromium-')), {
    bypassCSP: opts.bypassCSP ?? false,
    executablePath: chromiumPath,
    headless: true,
    args: ARGS,
    viewport: { width: 1366, height: 768 },
    locale: opts.locale ?? 'vi-VN',
  });
  // The app's test hook (web/src/lib/test-hook.ts): defined before the app loads, so its maps register.
  await context.addInitScript(() => {
    (window as unknown as { __pcmtTest: unknown }).__pcmtTest = { maps: new Set(), lastMap: null };
  });
  return context;
}

export const artifactsDir = resolve(import.meta.dirname, '../artifacts');

/** Saves a screenshot under test/artifacts/ (git-ignored) for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true });
  const path = join(artifactsDir, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Records every request a page makes, to prove none leaves the app's origin. */
export function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  return urls;
}

/** Password of the demo accounts the e2e server creates on its synthetic data (features/auth/demo-accounts.ts). */
const DEMO_PASSWORD = process.env.PCMT_DEMO_PASSWORD || 'pcmt-demo-2025';

/** Signs a browser context in as a demo account through the API: its pages share the session cookie. */
export async function signInContext(
  context: BrowserContext,
  username: string,
  baseUrl: string,
): Promise<void> {
  const res = await context.request.post(`${baseUrl}/api/auth/login`, {
    data: { username, password: DEMO_PASSWORD },
  });
  if (!res.ok()) throw new Error(`e2e sign-in as ${username} failed: ${res.status()} ${await res.text()}`);
}

/**
 * One Chromium for the enclosing describe block: launched before its tests, closed after them, signed in
 * as a demo account (`as`; the admin by default, null for an anonymous visitor).
 * Returns a function opening a new page in it.
 */
export function useBrowser(
  opts: { as?: string | null; bypassCSP?: boolean; locale?: string } = {},
): () => Promise<Page> {
  let browser: BrowserContext | undefined;
  const as = opts.as === undefined ? 'admin' : opts.as;
  beforeAll(async () => {
    browser = await launch({
      bypassCSP: opts.bypassCSP,
      ...(opts.locale ? { locale: opts.locale } : {}),
    });
    if (as) await signInContext(browser, as, inject('baseUrl' as never) as string);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is not launched: call newPage inside a test');
    return browser.newPage();
  };
}
