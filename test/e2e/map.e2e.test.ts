/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserAvailable, recordRequests, screenshot, useBrowser } from './browser';
import { countColors, STATUS_RGB, waitForRendered } from './pixels';

const TILE = /\/api\/tiles\//;

interface UnitRow {
  code: string;
  labelPoint: [number, number];
}

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url} → ${res.status}`);
  return (await res.json()) as T;
}

describe.skipIf(!browserAvailable)('the map dashboard in Chromium', () => {
  const newPage = useBrowser();
  const baseUrl = inject('baseUrl');
  const everyRequest: string[] = [];

  async function open(path: string): Promise<Page> {
    const page = await newPage();
    page.on('request', (r) => everyRequest.push(r.url()));
    await page.goto(baseUrl + path);
    return page;
  }

  it('draws the national commune-status map with the status colours, a legend with counts and a scale bar', async () => {
    const page = await open('/');
    const key = await waitForRendered(page, (k) => k.startsWith('status|'));
    expect(key.split('|')[2]).toBe('all');
    const counts = await countColors(page, '[data-testid=atlas-map]', STATUS_RGB);
    const present = Object.entries(counts).filter(([, n]) => n > 50);
    expect(present.map(([s]) => s)).toContain('khong_ma_tuy');
    expect(present.length).toBeGreaterThanOrEqual(3);
    const legend = page.getByTestId('status-legend');
    expect(await legend.textContent()).toContain('Không có ma túy');
    expect(await legend.textContent()).toContain('Trọng điểm loại I');
    const api = await getJson<{ rows: { status: string }[] }>(
      `${baseUrl}/api/status?period=${key.split('|')[1]}`,
    );
    const drugFree = api.rows.filter((r: { status: string }) => r.status === 'khong_ma_tuy').length;
    const shown = await legend.locator('li[data-status=khong_ma_tuy] .count').textContent();
    expect(Number(shown?.replaceAll('.', ''))).toBe(drugFree);
    expect(await page.locator('.maplibregl-ctrl-scale').count()).toBe(1);
    expect(await page.getByRole('note').textContent()).toContain('Dữ liệu minh họa');
    await screenshot(page, 'national');
    await page.close();
  });

  it('drills into a province on click: URL, breadcrumb and only its communes coloured', async () => {
    const page = await open('/');
    await waitForRendered(page, (k) => k.startsWith('status|'));
    const provinces = await getJson<{ rows: UnitRow[] }>(`${baseUrl}/api/units?level=province`);
    const sonLa = provinces.rows.find((u) => u.code === '14');
    if (!sonLa) throw new Error('no province 14');
    const point = await page.evaluate(([lng, lat]) => {
      const map = (
        window as unknown as {
          __pcmtTest: { lastMap: { project: (p: [number, number]) => { x: number; y: number } } };
        }
      ).__pcmtTest.lastMap;
      return map.project([lng, lat]);
    }, sonLa.labelPoint);
    await page.locator('[data-testid=atlas-map] canvas').first().click({ position: point });
    await page.waitForURL(/\/ban-do\/tinh\/14/);
    const key = await waitForRendered(page, (k) => k.split('|')[2] === '14' && k.split('|')[5] !== '0');
    expect(await page.getByTestId('breadcrumb').textContent()).toContain('Sơn La');
    const communes = await getJson<{ rows: UnitRow[] }>(`${baseUrl}/api/units?level=commune&parent=14`);
    const counts = await page.locator('[data-testid=status-legend] .count').allTextContents();
    const total = counts.reduce((s, c) => s + Number(c.replaceAll('.', '')), 0);
    expect(total).toBe(communes.rows.length);
    expect(key.split('|')[5]).toBe(String(communes.rows.length));
    await screenshot(page, 'province');
    await page.getByTestId('breadcrumb').getByRole('button', { name: 'Toàn quốc' }).click();
    await page.waitForURL((u) => u.pathname === '/ban-do');
    await page.close();
  });

  it("keeps a commune clicked at the map's right edge in view when the area panel opens beside it", async () => {
    const page = await open('/ban-do/tinh/01');
    await page.setViewportSize({ width: 1366, height: 768 });
    await waitForRendered(page, (k) => k.split('|')[2] === '01' && k.split('|')[5] !== '0');
    const communes = await getJson<{ rows: UnitRow[] }>(`${baseUrl}/api/units?level=commune&parent=01`);
    const project = (lngLat: [number, number]) =>
      page.evaluate(([lng, lat]) => {
        const map = (
          window as unknown as {
            __pcmtTest: { lastMap: { project: (p: [number, number]) => { x: number; y: number } } };
          }
        ).__pcmtTest.lastMap;
        return map.project([lng, lat]);
      }, lngLat);
    // Closer in, communes fill the map to its edges.
    await page.evaluate(
      () =>
        new Promise<void>((done) => {
          const map = (
            window as unknown as {
              __pcmtTest: {
                lastMap: {
                  getZoom: () => number;
                  jumpTo: (o: { zoom: number }) => void;
                  once: (e: string, f: () => void) => void;
                };
              };
            }
          ).__pcmtTest.lastMap;
          map.once('idle', () => done());
          map.jumpTo({ zoom: map.getZoom() + 1.5 });
        }),
    );
    const mapBox = async () => (await page.getByTestId('atlas-map').boundingBox()) ?? { width: 0, height: 0 };
    const before = await mapBox();
    // A commune whose name point lies in the right fifth of the map: the panel will take that strip.
    let target: { code: string; at: [number, number]; point: { x: number; y: number } } | null = null;
    for (const c of communes.rows) {
      const point = await project(c.labelPoint);
      if (
        point.x > before.width * 0.88 &&
        point.x < before.width - 10 &&
        point.y > 80 &&
        point.y < before.height - 80
      ) {
        target = { code: c.code, at: c.labelPoint, point };
        break;
      }
    }
    if (!target) throw new Error('no commune of Hà Nội near the right edge at 1366 px');
    await page.locator('[data-testid=atlas-map] canvas').first().click({ position: target.point });
    await page.getByTestId('area-panel').waitFor();
    // The map narrowed for the panel; the clicked commune is still inside what the map shows.
    await expect
      .poll(async () => {
        const box = await mapBox();
        const p = await project(target.at);
        return box.width < before.width && p.x >= 0 && p.x <= box.width && p.y >= 0 && p.y <= box.height;
      })
      .toBe(true);
    await screenshot(page, 'area-panel-right-edge');
    await page.close();
  });

  it('recolours on a period change by fetching values only, never tiles already loaded', async () => {
    const page = await open('/ban-do/tinh/01');
    await waitForRendered(page, (k) => k.split('|')[2] === '01' && k.split('|')[5] !== '0');
    await page.waitForFunction(() => {
      const map = (window as unknown as { __pcmtTest: { lastMap: { loaded: () => boolean } } }).__pcmtTest
        .lastMap;
      return map?.loaded();
    });
    const first = await waitForRendered(page, (k) => k.split('|')[2] === '01');
    const before = await countColors(page, '[data-testid=atlas-map]', STATUS_RGB);
    const requests = recordRequests(page);
    await page.getByTestId('period-slider').fill('26');
    const key = await waitForRendered(page, (k) => k.split('|')[1] === '2025-Q3');
    expect(key.split('|')[2]).toBe('01');
    const statusUrl = requests.find((u) => u.includes('/api/status') && u.includes('period=2025-Q3'));
    expect(statusUrl).toBeTruthy();
    expect(requests.filter((u) => TILE.test(u))).toEqual([]);
    const after = await countColors(page, '[data-testid=atlas-map]', STATUS_RGB);
    // The map shows what the status answers say: other colours exactly when the statuses differ (the demo's
    // statuses follow yearly decisions, so two periods may well agree).
    const statuses = async (url: string) =>
      JSON.stringify(
        (
          (await (await page.request.get(url)).json()) as { rows: { code: string; status: string | null }[] }
        ).rows
          .map((r) => `${r.code}:${r.status}`)
          .sort(),
      );
    const differ =
      (await statuses(statusUrl ?? '')) !==
      (await statuses((statusUrl ?? '').replace('period=2025-Q3', `period=${first.split('|')[1]}`)));
    if (differ) expect(after).not.toEqual(before);
    else expect(after).toEqual(before);
    expect(page.url()).toContain('period=2025-Q3');

    // Before 1/7/2025 the old units come by default; the switch shows the period on today's units.
    await page.getByTestId('period-slider').fill('20');
    await waitForRendered(page, (k) => k.split('|')[1] === '2024-Q1');
    // Tiles of the version in force on 31/3/2024, by its first day (from the published versions).
    const versions = await getJson<{ rows: { level: string; validFrom: string; validTo: string | null }[] }>(
      `${baseUrl}/api/unit-versions`,
    );
    const old = versions.rows.find(
      (v) => v.level === 'commune' && v.validFrom <= '2024-03-31' && (v.validTo ?? '9999') > '2024-03-31',
    );
    expect(old?.validTo).toBe('2025-07-01');
    expect(requests.some((u) => TILE.test(u) && u.includes(`at=${old?.validFrom}`))).toBe(true);
    await page.getByTestId('today-units').check();
    const today = await waitForRendered(
      page,
      (k) => k.split('|')[1] === '2024-Q1' && (k.split('|')[3] ?? '') > '2025-07-01',
    );
    expect(today).toBeTruthy();
    expect(page.url()).toContain('units=today');
    await page.close();
  });

  it('shows hotspots with their state, and finds "ba dinh" without diacritics', async () => {
    const page = await open('/ban-do/tinh/01?layers=hotspots,labels&map=10.00/21.02800/105.83000');
    await waitForRendered(page, (k) => k.split('|')[2] === '01');
    await expect
      .poll(() => page.getByTestId('hotspot-count').textContent(), { timeout: 20_000 })
      .toMatch(/\d/);
    await page.waitForTimeout(500);
    const dots = await countColors(page, '[data-testid=atlas-map]', { active: [200, 0, 90] }, 20);
    expect(dots.active).toBeGreaterThan(10);

    const search = page.getByTestId('unit-search');
    await search.fill('ba dinh');
    // In Hà Nội's view its ward comes first among the units called "Ba Dinh" once diacritics are gone.
    const first = page.getByTestId('search-results').getByRole('option').first();
    await expect.poll(() => first.textContent(), { timeout: 20_000 }).toContain('Phường Ba Đình');
    await search.press('Enter');
    await page.waitForURL(/unit=\d{5}/);
    const panel = page.getByTestId('area-panel');
    await panel.waitFor();
    expect(await panel.getByRole('heading', { level: 2 }).textContent()).toBe('Phường Ba Đình');
    await expect.poll(() => panel.getByTestId('trend-chart').count()).toBeGreaterThan(0);
    await page.waitForTimeout(1000);
    await screenshot(page, 'area-panel');
    await page.close();
  });

  it('colours an indicator by classes with Vietnamese numbers, and offers a table with CSV export', async () => {
    const page = await open('/ban-do?indicator=addicts_per_1000&method=jenks&classes=5');
    const key = await waitForRendered(page, (k) => k.startsWith('addicts_per_1000|'));
    expect(key).toContain('jenks5');
    const legend = await page.getByTestId('indicator-legend').textContent();
    expect(legend).toMatch(/\d,\d/);
    await page.getByTestId('view-table').check();
    const table = page.getByTestId('data-table');
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 20_000 }).toBeGreaterThan(50);
    const download = page.waitForEvent('download');
    await page.getByTestId('export-csv').click();
    const file = await (await download).path();
    const { readFileSync } = await import('node:fs');
    const csv = readFileSync(file, 'utf8');
    expect(csv.split('\r\n')[0]).toContain('Mã');
    expect(csv.split('\r\n').length).toBeGreaterThan(1000);
    // When the header's line does not fit (the administrator's), the language switch is in its menu.
    const menu = page.getByTestId('menu-button');
    if (await menu.isVisible()) await menu.click();
    await page.getByTestId('lang-switch').click();
    await page.waitForURL(/lang=en/);
    expect(await page.getByTestId('lang-switch').textContent()).toBe('Tiếng Việt');
    await page.close();
  });

  it('sends no request to another origin', () => {
    expect(everyRequest.length).toBeGreaterThan(20);
    const foreign = everyRequest.filter(
      (u) => !u.startsWith(baseUrl) && !u.startsWith('data:') && !u.startsWith('blob:'),
    );
    expect(foreign).toEqual([]);
  });
});
