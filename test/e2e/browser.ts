import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

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

export async function launch(): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'pcmt-chromium-')), {
    executablePath: chromiumPath,
    headless: true,
    args: ARGS,
    viewport: { width: 1366, height: 768 },
    locale: 'vi-VN',
  });
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

/**
 * One Chromium for the enclosing describe block: launched before its tests, closed after them.
 * Returns a function opening a new page in it.
 */
export function useBrowser(): () => Promise<Page> {
  let browser: BrowserContext | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is not launched: call newPage inside a test');
    return browser.newPage();
  };
}
