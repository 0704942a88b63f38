/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { browserAvailable, recordRequests, screenshot, useBrowser } from './browser';

/**
 * Issue 14: a decree merges two Sơn La communes from 1/4/2026. Imported through the app as a partial update,
 * with no code change the map, tiles, table, compare presets and the values API show the merged commune for
 * periods after that date and the two old ones before; the merged commune's history is the crosswalked
 * sum. A plan whose scope is the merged commune shows it by name, and its target's history before the merger
 * is the sum of the two old communes' values. The plan is deleted and the import rolled back at the end (the
 * e2e database is reused between runs).
 */
const VALID_FROM = '2026-04-01';
const DECREE = '1234/NQ-UBTVQH15';
const PLAN = 'e2e-xa-sap-nhap-2026';
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

/** A JSON write through the app's own session; the status and the body. */
async function send(
  page: Page,
  method: 'POST' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
      const res = await fetch(path, {
        method,
        headers: { 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: await res.json().catch(() => null) };
    },
    { method, path, body },
  );
}

/** Deletes the plan on the merged commune (a plan's scope keeps its unit: the import cannot be rolled back under it). */
async function deletePlan(page: Page) {
  const { status } = await send(page, 'DELETE', `/api/plans/${PLAN}`);
  expect([200, 204, 404]).toContain(status);
}

/** The quarter a series point (a date) falls in: 2025-09-30 → 2025-Q3. */
const quarterOf = (date: string) => `${date.slice(0, 4)}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;

/** Rolls back a boundary import left by an interrupted earlier run at the same date. */
async function rollBackLeftovers(page: Page) {
  await deletePlan(page);
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
    if (cleanup && importId !== null) {
      await deletePlan(cleanup);
      await post(cleanup, `/api/imports/boundaries/${importId}/rollback`);
    }
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

    // A plan scoped to the merged commune (its code on the new version), with a target on a stored stock.
    const created = await send(page, 'POST', '/api/plans', {
      code: PLAN,
      title: 'Kế hoạch của xã sau sắp xếp',
      issuingBody: 'UBND xã',
      documentNo: '12/KH-UBND',
      issuedOn: '2026-04-15',
      scope: { code: m.kept, validOn: VALID_FROM },
      periodStart: '2025-07-01',
      periodEnd: '2026-12-31',
      targets: [
        {
          code: 'quan-ly-nghien',
          title: 'Quản lý người nghiện',
          deadline: '2026-12-31',
          definition: { kind: 'cumulative', indicator: 'managed_addicts', threshold: 1 },
        },
      ],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);

    // The plan page names the merged commune; its target's history before the merger, as the page received
    // it, is the two old communes' values added (whole communes: the crosswalked sum).
    const progress = page.waitForResponse(
      (r) => new URL(r.url()).pathname === `/api/plans/${PLAN}` && r.request().method() === 'GET',
    );
    await page.goto(`${base()}/ke-hoach/${PLAN}`);
    const shown = (await (await progress).json()) as {
      plan: { scope: { code: string; name: string; validFrom: string } | null };
      progress: { target: string; progress: { series: { date: string; value: number }[] } }[];
    };
    expect(shown.plan.scope).toMatchObject({ code: m.kept, name: m.keptName, validFrom: VALID_FROM });
    await expect
      .poll(() => page.getByTestId('plan-page').locator('p.meta').first().textContent())
      .toContain(`Phạm vi: ${m.keptName}`);
    await page.getByTestId('target-quan-ly-nghien').waitFor();
    const series = shown.progress.find((p) => p.target === 'quan-ly-nghien')?.progress.series ?? [];
    // Quarters reported on the communes of 1/7/2025 and before the merger: 2025-Q3 … 2026-Q1.
    const beforeMerger = series.filter((o) => o.date >= '2025-07-01' && o.date < VALID_FROM);
    expect(beforeMerger.map((o) => quarterOf(o.date))).toEqual(['2025-Q3', '2025-Q4', '2026-Q1']);
    for (const o of beforeMerger) {
      const old = await values(page, quarterOf(o.date), '2026-03-31');
      const sum = (old.get(m.kept) ?? Number.NaN) + (old.get(m.gone) ?? Number.NaN);
      expect(o.value, o.date).toBeCloseTo(sum, 3);
      // Not the merged commune's own code alone: the second commune's value is in it.
      expect(o.value).toBeGreaterThan(old.get(m.kept) ?? Number.NaN);
    }
    // After the merger the series reads the merged commune itself, as the values API does.
    const afterMerger = series.filter((o) => o.date >= VALID_FROM && o.date <= '2026-09-30');
    expect(afterMerger.length).toBeGreaterThan(0);
    for (const o of afterMerger) {
      const merged = await values(page, quarterOf(o.date), VALID_FROM);
      expect(o.value, o.date).toBeCloseTo(merged.get(m.kept) ?? Number.NaN, 3);
    }
    // The scorecard names it too.
    await page.goto(`${base()}/bang-diem/${PLAN}`);
    await expect
      .poll(() => page.getByTestId('scorecard-page').textContent(), { timeout: 30_000 })
      .toContain(m.keptName);
    await screenshot(page, 'unit-versions-plan-on-merged-commune');
    await deletePlan(page);

    expect(await post(page, `/api/imports/boundaries/${importId}/rollback`)).toBe(200);
    importId = null;
  });
});
