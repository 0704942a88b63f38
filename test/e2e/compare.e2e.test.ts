/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { lastReportedQuarter, todayIso } from '../../web/src/lib/periods';
import { browserAvailable, screenshot, useBrowser } from './browser';

type Side = 'left' | 'right';
const STATUSES = ['khong_ma_tuy', 'co_ma_tuy', 'trong_diem_III', 'trong_diem_II', 'trong_diem_I'];

/** Waits until one side's map says it has drawn a colouring whose key matches. */
async function waitForSide(page: Page, side: Side, match: (key: string) => boolean, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  let key = '';
  while (Date.now() < deadline) {
    key = (await page.getAttribute(`[data-side=${side}] [data-testid=atlas-map]`, 'data-rendered')) ?? '';
    if (key && match(key)) return key;
    await page.waitForTimeout(50);
  }
  throw new Error(`the ${side} map did not render the expected colouring; last: "${key}"`);
}

/** The legend's count per status on one side. */
async function legendCounts(page: Page, side: Side): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const s of STATUSES) {
    const text = await page
      .locator(`[data-side=${side}] [data-testid=status-legend] li[data-status=${s}] .count`)
      .textContent();
    out[s] = Number(text?.replaceAll('.', ''));
  }
  return out;
}

/** The map param of the page URL as numbers. */
function urlCamera(page: Page): { zoom: number; lat: number; lng: number } | null {
  const raw = new URL(page.url()).searchParams.get('map');
  if (!raw) return null;
  const [zoom, lat, lng] = raw.split('/').map(Number);
  return { zoom: zoom ?? 0, lat: lat ?? 0, lng: lng ?? 0 };
}

describe.skipIf(!browserAvailable)('the compare page in Chromium', () => {
  const newPage = useBrowser();
  const baseUrl = inject('baseUrl');

  async function apiCounts(key: string): Promise<Record<string, number>> {
    const [, period, parent, at] = key.split('|');
    const res = await fetch(`${baseUrl}/api/status?period=${period}&parent=${parent}&at=${at}`);
    const body = (await res.json()) as { rows: { status: string }[] };
    const out: Record<string, number> = Object.fromEntries(STATUSES.map((s) => [s, 0]));
    for (const r of body.rows) out[r.status] = (out[r.status] ?? 0) + 1;
    return out;
  }

  it('shows two periods side by side with their own legends, and moving one map moves the other', async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/so-sanh?left=2024-Q3&right=2025-Q3&province=01`);
    expect(await page.getByTestId('compare-label-left').textContent()).toBe('Quý III/2024');
    expect(await page.getByTestId('compare-label-right').textContent()).toBe('Quý III/2025');
    const leftKey = await waitForSide(
      page,
      'left',
      (k) => k.split('|')[1] === '2024-Q3' && k.split('|')[5] !== '0',
    );
    const rightKey = await waitForSide(
      page,
      'right',
      (k) => k.split('|')[1] === '2025-Q3' && k.split('|')[5] !== '0',
    );
    // Each side on its own units: the old ones before 1/7/2025, the new ones after.
    expect(leftKey.split('|')[3]).toBe('2024-09-30');
    expect(rightKey.split('|')[3]).toBe('2025-09-30');
    expect(await page.getByTestId('compare-sub-left').textContent()).toContain('trước 01/07/2025');

    const left = await legendCounts(page, 'left');
    const right = await legendCounts(page, 'right');
    expect(left).toEqual(await apiCounts(leftKey));
    expect(right).toEqual(await apiCounts(rightKey));
    expect(left).not.toEqual(right);
    await screenshot(page, 'compare-1366x768');

    // The last map created is the test hook's lastMap (web/src/lib/test-hook.ts); pan the other one with the keyboard and watch it follow.
    const followerSide = await page.evaluate(() => {
      const map = (window as unknown as { __pcmtTest: { lastMap: { getContainer: () => HTMLElement } } })
        .__pcmtTest.lastMap;
      return map.getContainer().closest<HTMLElement>('[data-side]')?.dataset.side;
    });
    expect(followerSide === 'left' || followerSide === 'right').toBe(true);
    const moved: Side = followerSide === 'left' ? 'right' : 'left';
    const center = () =>
      page.evaluate(() => {
        const map = (
          window as unknown as {
            __pcmtTest: { lastMap: { getCenter: () => { lng: number; lat: number }; getZoom: () => number } };
          }
        ).__pcmtTest.lastMap;
        return { ...map.getCenter(), zoom: map.getZoom() };
      });
    await expect.poll(() => urlCamera(page), { timeout: 20_000 }).not.toBeNull();
    // Both open framed on the province (Hà Nội), not on the whole country.
    const framed = urlCamera(page);
    expect(framed?.zoom).toBeGreaterThan(7);
    expect(framed?.lng).toBeGreaterThan(105);
    expect(framed?.lng).toBeLessThan(106.5);
    const before = await center();
    // Move the other map as a drag would end: pan east and zoom in, then let it report its move.
    await page.evaluate((side) => {
      const maps = (
        window as unknown as {
          __pcmtTest: {
            maps: Set<{
              getContainer(): HTMLElement;
              jumpTo(o: object): void;
              getCenter(): { lng: number; lat: number };
              getZoom(): number;
            }>;
          };
        }
      ).__pcmtTest.maps;
      const map = [...maps].find(
        (m) => m.getContainer().closest<HTMLElement>('[data-side]')?.dataset.side === side,
      );
      if (!map) throw new Error(`no map on the ${side} side`);
      const c = map.getCenter();
      map.jumpTo({ center: [c.lng + 0.3, c.lat], zoom: map.getZoom() + 1 });
    }, moved);
    await expect
      .poll(() => urlCamera(page)?.lng ?? 0, { timeout: 20_000 })
      .toBeGreaterThan(before.lng + 0.01);
    await expect
      .poll(
        async () => {
          const url = urlCamera(page);
          const c = await center();
          return (
            url !== null &&
            Math.abs(c.lng - url.lng) < 1e-4 &&
            Math.abs(c.lat - url.lat) < 1e-4 &&
            Math.abs(c.zoom - url.zoom) < 0.01
          );
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    const after = await center();
    expect(after.lng).toBeGreaterThan(before.lng + 0.01);
    expect(after.zoom).toBeGreaterThan(before.zoom + 0.5);

    // The link reopens the same comparison, camera included.
    const camera = urlCamera(page);
    await page.reload();
    await waitForSide(page, 'left', (k) => k.split('|')[1] === '2024-Q3' && k.split('|')[5] !== '0');
    await waitForSide(page, 'right', (k) => k.split('|')[1] === '2025-Q3' && k.split('|')[5] !== '0');
    expect(await page.getByTestId('compare-label-left').textContent()).toBe('Quý III/2024');
    const reopened = await center();
    expect(Math.abs(reopened.lng - (camera?.lng ?? 0))).toBeLessThan(1e-4);
    expect(Math.abs(reopened.zoom - (camera?.zoom ?? 0))).toBeLessThan(0.01);
    await page.close();
  });

  it('offers the presets: before/after the 2025 reorganisation, and the same quarter a year earlier', async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/so-sanh?left=2023-Q1&right=2025-Q3&province=01`);
    await waitForSide(page, 'right', (k) => k.split('|')[1] === '2025-Q3');
    await page.getByTestId('preset-reform').click();
    await page.waitForURL(/left=2025-Q2&right=2025-Q3/);
    expect(await page.getByTestId('compare-label-left').textContent()).toBe('Quý II/2025');
    expect(await page.getByTestId('compare-label-right').textContent()).toBe('Quý III/2025');
    const before = await waitForSide(
      page,
      'left',
      (k) => k.split('|')[1] === '2025-Q2' && k.split('|')[5] !== '0',
    );
    const after = await waitForSide(
      page,
      'right',
      (k) => k.split('|')[1] === '2025-Q3' && k.split('|')[5] !== '0',
    );
    // Old units on the left (more, smaller communes), the new ones on the right.
    expect(before.split('|')[3]).toBe('2025-06-30');
    expect(Number(before.split('|')[5])).toBeGreaterThan(Number(after.split('|')[5]));

    await page.getByTestId('preset-last-year').click();
    await page.waitForURL(/left=2024-Q3&right=2025-Q3/);
    expect(await page.getByTestId('compare-label-left').textContent()).toBe('Quý III/2024');
    await waitForSide(page, 'left', (k) => k.split('|')[1] === '2024-Q3');
    await page.close();
  });

  it('opens from the dashboard with its view on the left and the latest quarter on the right', async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/ban-do/tinh/01?period=2024-Q1`);
    await page.waitForSelector('[data-testid=atlas-map][data-rendered*="|01|"]', { timeout: 30_000 });
    const link = page.getByTestId('compare-link');
    // The link itself carries the comparison (a right-click "open in new tab" gets the same view).
    expect(await link.getAttribute('href')).toMatch(/^\/so-sanh\?.*left=2024-Q1/);
    // While the compare page's code loads the dashboard map is still there: a camera move ending then (the
    // last frame of a fly-to, a drag released) must not write the map's URL back over the compare page's.
    let moved = false;
    await page.route(/compare-page-[^/]*\.js$/, async (route) => {
      await page.evaluate(() => {
        const map = (
          window as unknown as { __pcmtTest: { lastMap: { getZoom(): number; jumpTo(o: object): void } } }
        ).__pcmtTest.lastMap;
        map.jumpTo({ zoom: map.getZoom() + 0.5 });
      });
      moved = true;
      await route.continue();
    });
    await link.click();
    await page.waitForURL((u) => u.pathname === '/so-sanh', { timeout: 60_000 });
    expect(new URL(page.url()).searchParams.get('left')).toBe('2024-Q1');
    expect(new URL(page.url()).searchParams.get('right')).toBe(lastReportedQuarter(todayIso()).id);
    expect(new URL(page.url()).searchParams.get('province')).toBe('01');
    expect(await page.getByTestId('compare-label-left').textContent()).toBe('Quý I/2024');
    await waitForSide(page, 'left', (k) => k.split('|')[1] === '2024-Q1' && k.split('|')[2] === '01');
    expect(moved).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/so-sanh');
    await page.close();
  });
});
