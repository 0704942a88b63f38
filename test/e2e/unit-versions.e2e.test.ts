/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { browserAvailable, recordRequests, screenshot, useBrowser } from './browser';

/**
 * Issue 14: a decree merges two Sơn La communes from 1/4/2026. Imported through the app as a partial update,
 * with no code change the map, tiles, table, compare presets and the values API show the merged commune for
 * periods after that date and the two old ones before; the merged commune's history is the crosswalked
 * sum. The import is rolled back at the end (the e2e database is reused between runs).
 */
const VALID_FROM = '2026-04-01';
const DECREE = '1234/NQ-UBTVQH15';
const base = () => inject('baseUrl');

interface Feature {
  properties: { code: string; name: string; fullName?: string };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: number[][][] | number[][][][] };
}

/** Two Sơn La communes of today that share a boundary vertex (neighbours), and the file merging them. */
async function mergerFile(): Promise<{
  kept: string;
  gone: string;
  keptName: string;
  goneName: string;
  file: string;
}> {
  const res = await fetch(`${base()}/api/boundaries?level=commune&parent=14&detail=full`);
  const fc = (await res.json()) as { features: Feature[] };
  const rings = (f: Feature) =>
    f.geometry.type === 'Polygon'
      ? (f.geometry.coordinates as number[][][])
      : (f.geometry.coordinates as number[][][][]).flat();
  const vertices = fc.features.map(
    (f) =>
      new Set(
        rings(f)
          .flat()
          .map((p) => `${p[0]},${p[1]}`),
      ),
  );
  for (let i = 0; i < fc.features.length; i++) {
    for (let j = i + 1; j < fc.features.length; j++) {
      let shared = 0;
      for (const v of vertices[i] ?? []) if (vertices[j]?.has(v)) shared++;
      const a = fc.features[i];
      const b = fc.features[j];
      if (shared < 2 || !a || !b) continue;
      const polygons = [a, b].flatMap((f) =>
        f.geometry.type === 'Polygon'
          ? [f.geometry.coordinates as number[][][]]
          : (f.geometry.coordinates as number[][][][]),
      );
      const merged = {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { ma_xa: a.properties.code, ten: a.properties.name, ma_tinh: '14' },
            geometry: { type: 'MultiPolygon', coordinates: polygons },
          },
        ],
      };
      return {
        kept: a.properties.code,
        gone: b.properties.code,
        keptName: a.properties.name,
        goneName: b.properties.name,
        file: JSON.stringify(merged),
      };
    }
  }
  throw new Error('no two neighbouring Sơn La communes');
}

/** A write through the app's own session (CSRF token from the session, same origin). */
async function post(page: Page, path: string): Promise<number> {
  return page.evaluate(async (p) => {
    const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
    return (await fetch(p, { method: 'POST', headers: { 'x-csrf-token': session.csrfToken } })).status;
  }, path);
}

/** Rolls back a boundary import left by an interrupted earlier run at the same date. */
async function rollBackLeftovers(page: Page) {
  const list = (await (await page.request.get(`${base()}/api/imports`)).json()) as {
    rows: { id: number; kind: string; target: string; status: string }[];
  };
  for (const r of list.rows)
    if (r.kind === 'boundaries' && r.target === VALID_FROM && r.status === 'committed')
      expect(await post(page, `/api/imports/boundaries/${r.id}/rollback`)).toBe(200);
}

/** Managed addicts of Sơn La's communes for a period, on the units valid on `at` (as the signed-in admin). */
async function values(page: Page, period: string, at: string): Promise<Map<string, number | null>> {
  const res = await page.request.get(
    `${base()}/api/values?indicator=managed_addicts&period=${period}&level=commune&parent=14&at=${at}`,
  );
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { rows: { code: string; value: number | null }[] };
  return new Map(body.rows.map((r) => [r.code, r.value]));
}

describe.skipIf(!browserAvailable)('a new unit version imported in the app', () => {
  const newPage = useBrowser({ as: 'admin' });
  let importId: number | null = null;
  let cleanup: Page | null = null;

  afterAll(async () => {
    if (cleanup && importId !== null) await post(cleanup, `/api/imports/boundaries/${importId}/rollback`);
  });

  it('shows the merged commune after the decree and the two old ones before, everywhere', async () => {
    const page = await newPage();
    cleanup = page;
    await page.goto(`${base()}/nhap-du-lieu`);
    await rollBackLeftovers(page);
    const m = await mergerFile();

    // The administrator imports the decree's file as a partial update.
    await page.getByTestId('boundaries-import').waitFor();
    await page.getByTestId('boundaries-file').setInputFiles({
      name: 'sap-xep-son-la-2026.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(m.file),
    });
    // Dates are typed day first (dd/mm/yyyy), whatever the browser's language.
    await page.getByTestId('boundaries-valid-from').fill(VALID_FROM.split('-').reverse().join('/'));
    await page.getByTestId('boundaries-decree').fill(DECREE);
    await page.getByTestId('boundaries-decree-date').fill('10/03/2026');
    await page.getByTestId('boundaries-check').click();
    await page.getByTestId('boundaries-commit').click({ timeout: 60_000 });
    const result = await page.getByTestId('boundaries-result').textContent({ timeout: 60_000 });
    importId = Number(/(\d+)\s*$/.exec(result ?? '')?.[1]);
    expect(importId).toBeGreaterThan(0);

    // The versions name the decree; the compare page offers "before / after" it.
    const versions = (await (await fetch(`${base()}/api/unit-versions`)).json()) as {
      rows: { level: string; validFrom: string; decree: string | null }[];
    };
    expect(versions.rows.filter((v) => v.level === 'commune').at(-1)).toMatchObject({
      validFrom: VALID_FROM,
      decree: DECREE,
    });
    await page.goto(`${base()}/so-sanh?province=14`);
    const preset = page.getByTestId(`preset-reform-${VALID_FROM}`);
    await preset.waitFor();
    expect(await preset.textContent()).toContain('01/04/2026');
    await preset.click();
    await expect.poll(() => page.getByTestId('compare-label-right').textContent()).toBe('Quý II/2026');
    expect(await page.getByTestId('compare-label-left').textContent()).toBe('Quý I/2026');

    // The table and tiles of a period after the decree: one commune where there were two.
    const requests = recordRequests(page);
    const rowsOf = async (period: string) => {
      await page.goto(`${base()}/ban-do/tinh/14?period=${period}&view=table`);
      const table = page.getByTestId('data-table');
      await expect.poll(() => table.locator('tbody tr').count(), { timeout: 30_000 }).toBeGreaterThan(50);
      return (await table.locator('tbody tr').allTextContents()).join('\n');
    };
    const after = await rowsOf('2026-Q3');
    expect(after).toContain(m.keptName);
    expect(after).not.toContain(m.goneName);
    const before = await rowsOf('2026-Q1');
    expect(before).toContain(m.keptName);
    expect(before).toContain(m.goneName);
    await page.goto(`${base()}/ban-do/tinh/14?period=2026-Q3`);
    await expect
      .poll(() => requests.some((u) => /\/api\/tiles\//.test(u) && u.includes(`at=${VALID_FROM}`)), {
        timeout: 30_000,
      })
      .toBe(true);
    await screenshot(page, 'unit-versions-after-merger');

    // History on the merged commune is its predecessors' values, crosswalked (sum of both, whole areas).
    const old = await values(page, '2026-Q1', '2026-03-31');
    const onNew = await values(page, '2026-Q1', VALID_FROM);
    const a = old.get(m.kept) ?? null;
    const b = old.get(m.gone) ?? null;
    expect(a).not.toBeNull();
    expect(b).not.toBeNull();
    expect(onNew.get(m.kept)).toBeCloseTo((a ?? 0) + (b ?? 0), 3);
    expect(onNew.has(m.gone)).toBe(false);

    expect(await post(page, `/api/imports/boundaries/${importId}/rollback`)).toBe(200);
    importId = null;
  });
});
