/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserAvailable, screenshot, useBrowser } from './browser';

/**
 * Issue 18's checks that keep the Vietnamese interface Vietnamese: every page each role opens shows no
 * English word the product has leaked before and no raw code (indicator codes such as `managed_addicts`);
 * the national map's labels never overlap and Hoàng Sa and Trường Sa are named; time is typed 24-hour.
 */
const baseUrl = () => inject('baseUrl');
const WAIT = { timeout: 60_000 };

/** Words of English the product's pages must not show (texts of loading, errors, forms and JS values). */
const ENGLISH =
  /\b(Loading|Error|Submit|undefined|NaN|null|Invalid|Cancel|Save|Delete|Close|Search|Required)\b/;
/** A raw code: two or more snake_case words (indicator codes, enum values). */
const RAW_CODE = /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/;

/** What a person sees: innerText leaves out hidden elements, which textContent would include. */
// biome-ignore lint/performance/useDomNodeTextContent: the visible text is the point
const visibleText = (page: Page) => page.evaluate(() => document.body.innerText);

/** The visible lines with an English word or a raw code, for a message naming them. */
function offending(text: string, codesShown: boolean): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => ENGLISH.test(l) || (!codesShown && RAW_CODE.test(l)));
}

/** The indicator catalogue is where administrators read and write the codes: codes are its content. */
const CODES_ARE_CONTENT = new Set(['/quan-tri/chi-tieu']);

const PAGES_BY_ROLE: Record<string, readonly string[]> = {
  '': ['/cong-khai', '/cong-khai/14', '/dang-nhap'],
  admin: ['/ban-do', '/quan-tri', '/quan-tri/chi-tieu', '/nhap-du-lieu', '/trinh-chieu', '/ke-hoach'],
  'bcd.sonla': ['/ban-do', '/tieu-chi', '/phan-tich', '/so-sanh', '/ke-hoach'],
  'congan.sonla': ['/tuan-tra', '/ban-do'],
  'thongke.hanoi': ['/nhap-du-lieu'],
};

describe.skipIf(!browserAvailable)('no English and no raw code on Vietnamese pages', () => {
  for (const [role, paths] of Object.entries(PAGES_BY_ROLE)) {
    describe(role || 'anonymous', () => {
      const newPage = useBrowser({ as: role || null });
      for (const path of paths) {
        it(`${path} as ${role || 'anonymous'}`, async () => {
          const page = await newPage();
          await page.goto(`${baseUrl()}${path}`);
          await page.locator('.app-header').first().waitFor(WAIT);
          // Data arrives after the page: wait until nothing is loading any more.
          await page.waitForLoadState('networkidle', WAIT);
          await screenshot(page, `language-${(role || 'anon').replace('.', '-')}${path.replace(/\//g, '-')}`);
          expect(offending(await visibleText(page), CODES_ARE_CONTENT.has(path))).toEqual([]);
        });
      }
    });
  }
});

interface LabelBox {
  code: string;
  name: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The label boxes the map placed, from the label layer (components/map/label-layer.ts). */
const placedLabels = (page: Page, layer: string) =>
  page.evaluate(
    (id) =>
      (globalThis as { __pcmtPlacedLabels?: Map<string, LabelBox[]> }).__pcmtPlacedLabels?.get(id) ?? [],
    layer,
  );

describe.skipIf(!browserAvailable)('the national map labels', () => {
  const newPage = useBrowser({ as: 'admin' });

  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
    { width: 390, height: 844 },
  ]) {
    it(`never overlap, leave no province unlabelled where there is room, and name the archipelagos at ${viewport.width}`, async () => {
      const page = await newPage();
      await page.setViewportSize(viewport);
      await page.goto(`${baseUrl()}/ban-do`);
      await expect
        .poll(async () => (await placedLabels(page, 'province-labels')).length, { timeout: 60_000 })
        .toBeGreaterThan(10);
      await page.waitForLoadState('networkidle', WAIT);
      const boxes = await placedLabels(page, 'province-labels');
      await screenshot(page, `language-map-labels-${viewport.width}`);
      for (const b of boxes) {
        // Whole on screen: a label near the edge is moved in, not cut.
        expect(b.x0 >= 0 && b.x1 <= viewport.width, `${b.name} is cut at the edge`).toBe(true);
      }
      for (const [i, a] of boxes.entries()) {
        for (const b of boxes.slice(i + 1)) {
          const overlap = a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
          expect(overlap, `${a.name} overlaps ${b.name}`).toBe(false);
        }
      }
      if (viewport.width >= 1366) {
        const names = boxes.map((b) => b.name);
        expect(names).toContain('Quần đảo Hoàng Sa');
        expect(names).toContain('Quần đảo Trường Sa');
        // Most of the 34 provinces keep their label on a laptop screen.
        expect(boxes.length).toBeGreaterThanOrEqual(20);
      }
    });
  }
});

describe.skipIf(!browserAvailable)('the public page on a phone', () => {
  const newPage = useBrowser({ as: null });

  it('writes shares as 5%, names the archipelagos and lets one finger scroll past the map', async () => {
    const page = await newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl()}/cong-khai`);
    const share = page.getByTestId('public-drug-free-share');
    await share.waitFor(WAIT);
    expect(await share.textContent()).toMatch(/^\d+(,\d)?%$/);
    await page.getByTestId('archipelago-hoang-sa').waitFor({ state: 'attached', ...WAIT });
    expect(await page.getByTestId('archipelago-truong-sa').count()).toBe(1);
    // MapLibre's cooperative gestures: the map asks for two fingers, so a one-finger drag scrolls the page.
    expect(await page.locator('.maplibregl-cooperative-gesture-screen').count()).toBe(1);
    await screenshot(page, 'language-public-390');
  });
});

describe.skipIf(!browserAvailable)('time inputs', () => {
  const newPage = useBrowser({ as: 'congan.sonla' });

  it('take 24-hour HH:MM on the patrol planner, never AM/PM, under an English browser too', async () => {
    const page = await newPage();
    await page.goto(`${baseUrl()}/tuan-tra`);
    const start = page.getByTestId('patrol-shift-start');
    await start.waitFor(WAIT);
    expect(await start.getAttribute('type')).toBe('text');
    expect(await start.inputValue()).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
    await start.fill('1930');
    await start.blur();
    expect(await start.inputValue()).toBe('19:30');
    expect(await page.locator('input[type=time]').count()).toBe(0);
    expect(await visibleText(page)).not.toMatch(/\b(AM|PM)\b/);
  });
});
