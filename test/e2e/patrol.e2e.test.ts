/// <reference lib="dom" />
import { readFile } from 'node:fs/promises';
import type { Locator } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserAvailable, screenshot, useBrowser } from './browser';
import { waitForRendered } from './pixels';

/** The patrol date as the field shows it (dd/mm/yyyy, whatever the browser's language) in ISO. */
const isoOf = (shown: string) => {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(shown);
  if (!m) throw new Error(`patrol date not dd/mm/yyyy: ${shown}`);
  return `${m[3]}-${m[2]}-${m[1]}`;
};

const TOP_N = 5;

/** The hotspot codes of a list of places (shown by name; the code rides in data-code). */
const codesOf = (items: Locator) =>
  items.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-code') ?? ''));

describe.skipIf(!browserAvailable)('patrol planner in Chromium, as the Hà Nội police', () => {
  const newPage = useBrowser({ as: 'congan.hanoi' });
  const baseUrl = inject('baseUrl');

  it('plans a patrol over the top hotspots, saves it and downloads a GPX with every place', async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/tuan-tra`);
    // The police officer's own province is chosen, and its active hotspots are loaded.
    expect(await page.getByTestId('patrol-province').inputValue()).toBe('01');
    await expect
      .poll(async () => page.getByTestId('patrol-active-count').textContent(), { timeout: 30_000 })
      .toMatch(/^[1-9]\d* /);

    await page.getByTestId('patrol-top-n').fill(String(TOP_N));
    await page.getByTestId('patrol-select-top').click();
    expect(await page.getByTestId('patrol-selected-count').textContent()).toBe(String(TOP_N));
    const chosen = await codesOf(page.locator('[data-testid=patrol-selected] li'));
    expect(new Set(chosen).size).toBe(TOP_N);

    await page.getByTestId('patrol-radius').fill('400');
    await page.getByTestId('patrol-build').click();
    await page.getByTestId('patrol-plan').waitFor();
    // The route visits every chosen place once, in an order the server decided.
    const route = await codesOf(page.locator('[data-testid=patrol-route] li'));
    expect([...route].sort()).toEqual([...chosen].sort());
    expect(await page.getByTestId('patrol-route-length').textContent()).toMatch(/\d.*(m|km)$/);
    // Short visits at times inside the night shift (18:00–02:00); a place no visit fits into is named in the
    // plan's warnings, never silently dropped.
    const rows = page.locator('[data-testid=patrol-dosage] tbody tr');
    const visits = await rows.evaluateAll((trs) =>
      trs.map((tr) => ({
        code: tr.getAttribute('data-code') ?? '',
        start: tr.getAttribute('data-start') ?? '',
      })),
    );
    expect(visits.length).toBeGreaterThanOrEqual(1);
    const date = isoOf(await page.getByTestId('patrol-date').inputValue());
    const next = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    for (const v of visits) {
      expect(v.start >= `${date}T18:00` && v.start <= `${next}T02:00`, v.start).toBe(true);
    }
    const warnings = (await page.getByTestId('patrol-warnings').count())
      ? ((await page.getByTestId('patrol-warnings').textContent()) ?? '')
      : '';
    for (const code of chosen) {
      expect(visits.some((v) => v.code === code) || warnings.includes(code), code).toBe(true);
    }

    await page.getByTestId('patrol-save').click();
    await page.getByTestId('patrol-saved').waitFor();
    const id = await page.getByTestId('patrol-saved-id').textContent();
    expect(Number(id)).toBeGreaterThan(0);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('patrol-download-gpx').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.gpx$/);
    const gpx = await readFile(await download.path(), 'utf8');
    expect(gpx).toContain('<gpx');
    // Parse it as XML in the browser: a file phones cannot read fails here, not in the field.
    const parsed = await page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      return {
        error: doc.getElementsByTagName('parsererror').length,
        rtept: doc.getElementsByTagName('rtept').length,
        wpt: doc.getElementsByTagName('wpt').length,
      };
    }, gpx);
    expect(parsed).toEqual({ error: 0, rtept: TOP_N, wpt: TOP_N });
    for (const code of chosen) expect(gpx).toContain(code);

    // The printable sheet opens in a new tab, marked secret.
    const [sheet] = await Promise.all([
      page.context().waitForEvent('page'),
      page.getByTestId('patrol-sheet').click(),
    ]);
    await sheet.waitForLoadState();
    expect(await sheet.locator('body').textContent()).toContain('MẬT');
    // Its A4 stylesheet loaded (the sheet's policy allows no inline style).
    const rules = await sheet.evaluate(() =>
      Array.from(document.styleSheets).reduce((n, s) => n + s.cssRules.length, 0),
    );
    expect(rules).toBeGreaterThan(0);
    await screenshot(sheet, 'patrol-sheet');
    await sheet.close();

    await screenshot(page, 'patrol-plan-hanoi');
    await page.close();
  });

  it('selects exactly the active hotspots inside an area drawn on the map', async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/tuan-tra`);
    await waitForRendered(page, (k) => k === 'patrol:01');
    const date = isoOf(await page.getByTestId('patrol-date').inputValue());
    const communes = (await (
      await page.request.get(`${baseUrl}/api/units?level=commune&parent=01&at=${date}`)
    ).json()) as { rows: { code: string }[] };
    const inHanoi = new Set(communes.rows.map((u) => u.code));
    const fc = (await (
      await page.request.get(`${baseUrl}/api/hotspots?status=active&at=${date}`)
    ).json()) as {
      features: {
        geometry: { coordinates: [number, number] };
        properties: { code: string; communeCode: string };
      }[];
    };
    const hotspots = fc.features.filter((f) => inHanoi.has(f.properties.communeCode));
    const centre = hotspots[0];
    if (!centre) throw new Error('no active hotspot in Hà Nội');
    const [lon, lat] = centre.geometry.coordinates;
    const d = 0.02;
    const corners: [number, number][] = [
      [lon - d, lat - d],
      [lon + d, lat - d],
      [lon + d, lat + d],
      [lon - d, lat + d],
    ];
    // Corners are clicked at whole pixels, so the drawn edge may sit a pixel (tens of metres) off the box:
    // places within `edge` of it may fall either way and are not judged.
    const edge = 0.002;
    const within = (m: number) =>
      hotspots
        .filter(
          ({
            geometry: {
              coordinates: [x, y],
            },
          }) => Math.abs(x - lon) < m && Math.abs(y - lat) < m,
        )
        .map((f) => f.properties.code);
    const expected = within(d - edge);
    const possible = new Set(within(d + edge));

    await page.getByTestId('patrol-draw').click();
    const canvas = page.locator('[data-testid=atlas-map] canvas').first();
    for (const corner of corners) {
      const point = await page.evaluate((c) => {
        const map = (
          window as unknown as {
            __pcmtTest: { lastMap: { project: (p: [number, number]) => { x: number; y: number } } };
          }
        ).__pcmtTest.lastMap;
        return map.project(c);
      }, corner);
      await canvas.click({ position: point });
    }
    await page.getByTestId('patrol-draw-done').click();
    const chosen = await codesOf(page.locator('[data-testid=patrol-selected] li'));
    expect(chosen).toContain(centre.properties.code);
    expect(chosen.length).toBeLessThanOrEqual(60);
    if (possible.size <= 60) for (const code of expected) expect(chosen).toContain(code);
    expect(chosen.filter((code) => !possible.has(code))).toEqual([]);
    await screenshot(page, 'patrol-lasso-hanoi');
    // A click on a selected point on the map unselects it.
    const at = await page.evaluate((c) => {
      const map = (
        window as unknown as {
          __pcmtTest: { lastMap: { project: (p: [number, number]) => { x: number; y: number } } };
        }
      ).__pcmtTest.lastMap;
      return map.project(c);
    }, centre.geometry.coordinates);
    await canvas.click({ position: at });
    await expect
      .poll(async () => page.getByTestId('patrol-selected-count').textContent(), { timeout: 10_000 })
      .toBe(String(chosen.length - 1));
    await page.close();
  });
});
