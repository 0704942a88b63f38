import { periodLabel } from '@pcmt/domain/format';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { browserAvailable, launch, recordRequests, screenshot } from './browser';

/**
 * The public pages as an anonymous visitor sees them. The browser is launched here on a fresh profile, so
 * it carries no session whatever the shared fixture does by default.
 */
describe.skipIf(!browserAvailable)('public summary pages, anonymous', () => {
  const baseUrl = inject('baseUrl');
  let anonymous: BrowserContext | undefined;
  beforeAll(async () => {
    anonymous = await launch();
  });
  afterAll(async () => {
    await anonymous?.close();
  });
  const newPage = () => {
    if (!anonymous) throw new Error('the browser is not launched');
    return anonymous.newPage();
  };

  it('shows Hà Nội’s status map, drug-free share and period without any dashboard code', async () => {
    const page = await newPage();
    const requests = recordRequests(page);
    await page.goto(`${baseUrl}/cong-khai/01`);
    const summary = (await (await fetch(`${baseUrl}/api/public/summary?province=01`)).json()) as {
      meta: { period: string };
      status: { withStatus: number };
      drugFree: { current: { drugFree: number; total: number } };
    };
    const map = page.getByTestId('public-map');
    // The map announces what it has drawn as every map of the app does (onRendered, mirrored as
    // data-rendered): Hà Nội's statuses, each commune with one coloured.
    await expect
      .poll(() => map.getAttribute('data-rendered'), { timeout: 30_000 })
      .toMatch(new RegExp(`^status\\|01\\|\\d{4}-\\d{2}-\\d{2}\\|${summary.status.withStatus}$`));
    // …and registers with the tests' hook like the dashboard's maps: the hook's map is this one.
    expect(
      await page.evaluate(() => {
        const hook = (
          window as unknown as {
            __pcmtTest: { maps: Set<unknown>; lastMap: { getContainer(): HTMLElement } };
          }
        ).__pcmtTest;
        return [hook.maps.size, hook.lastMap.getContainer().dataset.testid];
      }),
    ).toEqual([1, 'public-map']);
    const share = await page.getByTestId('public-drug-free-share').textContent();
    const { drugFree, total } = summary.drugFree.current;
    const expected = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(
      Math.round((1000 * drugFree) / total) / 10,
    );
    // Vietnamese writes a share with no space before the sign (the one formatter).
    expect(share).toBe(`${expected}%`);
    expect(await page.getByTestId('public-asof').textContent()).toContain(
      periodLabel(summary.meta.period, 'vi'),
    );
    expect(await page.getByRole('note').textContent()).toContain('Dữ liệu minh họa');
    await expect
      .poll(() => page.getByTestId('public-drug-free-trend').locator('path.recharts-curve').count())
      .toBe(1);
    await screenshot(page, 'public-01');
    // Nothing technical for citizens: no database engine, no API description in the header.
    const header = (await page.locator('header').first().textContent()) ?? '';
    expect(header).not.toMatch(/PostGIS|pglite|Tài liệu API/i);

    const scripts = requests.filter((u) => /\/assets\/.*\.m?js$/.test(u)).map((u) => u.split('/assets/')[1]);
    expect(scripts.some((s) => s?.startsWith('public-page-'))).toBe(true);
    expect(scripts.filter((s) => /^(dashboard|atlas-map|webgl-device)-/.test(s ?? ''))).toEqual([]);
    expect(
      requests.filter((u) => !u.startsWith(baseUrl) && !u.startsWith('data:') && !u.startsWith('blob:')),
    ).toEqual([]);
  });

  it('marks the reorganisation of units on the indicator charts that cross it, with a note saying why counts drop', async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/cong-khai`);
    const [summary, versions] = (await Promise.all([
      fetch(`${baseUrl}/api/public/summary`).then((r) => r.json()),
      fetch(`${baseUrl}/api/unit-versions`).then((r) => r.json()),
    ])) as [
      { indicators: Array<{ code: string; points: Array<{ period: string }> }> },
      { rows: Array<{ level: string; validFrom: string }> },
    ];
    // The years in which a later commune version starts (the first version is no reorganisation).
    const starts = versions.rows
      .filter((v) => v.level === 'commune')
      .map((v) => v.validFrom)
      .sort()
      .slice(1)
      .map((d) => d.slice(0, 4));
    const crossing = summary.indicators.filter((i) => i.points.some((p) => starts.includes(p.period)));
    expect(crossing.length).toBeGreaterThan(0);
    for (const indicator of crossing) {
      const chart = page.getByTestId(`public-indicator-${indicator.code}`);
      await expect.poll(() => chart.locator('.recharts-reference-line').count()).toBeGreaterThan(0);
      // Its label says what and when, in dd/mm/yyyy.
      expect(await chart.textContent()).toMatch(/Sắp xếp ĐVHC \d{2}\/\d{2}\/\d{4}/);
    }
    expect(await page.getByTestId('public-reorganised-note').textContent()).toContain(
      'sắp xếp đơn vị hành chính',
    );
    await page.getByTestId('public-reorganised-note').scrollIntoViewIfNeeded();
    await screenshot(page, 'public-reorganised');
    // The drug-free share is on today's units throughout: no break to mark there.
    expect(await page.getByTestId('public-drug-free-trend').locator('.recharts-reference-line').count()).toBe(
      0,
    );
  });

  it('gives the same anonymous browser 401 from the staff data routes', async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/cong-khai/01`);
    const status = (path: string) => page.evaluate(async (p) => (await fetch(p)).status, path);
    expect(await status('/api/values?indicator=managed_addicts&period=2025&level=commune&parent=01')).toBe(
      401,
    );
    expect(await status('/api/hotspots')).toBe(401);
    expect(await status('/api/public/summary?province=01')).toBe(200);
  });

  it('switches province with the picker and language with lang=en', async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/cong-khai/01?lang=en`);
    await expect
      .poll(() => page.getByTestId('public-drug-free').locator('h3').textContent())
      .toBe('Share of drug-free communes');
    await expect
      .poll(() => page.getByTestId('public-province').locator('option').count())
      .toBeGreaterThan(30);
    await page.getByTestId('public-province').selectOption('14');
    await expect
      .poll(() => new URL(page.url()).pathname + new URL(page.url()).search)
      .toBe('/cong-khai/14?lang=en');
    await expect.poll(() => page.locator('h2').first().textContent()).toMatch(/Sơn La/);
  });

  it('prints on A4 without the navigation, the picker or the buttons', async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/cong-khai/14`);
    await expect
      .poll(() => page.getByTestId('public-map').getAttribute('data-rendered'), { timeout: 30_000 })
      .toMatch(/^status\|14\|[^|]+\|[1-9]\d*$/);
    await page.emulateMedia({ media: 'print' });
    const hidden = async (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => getComputedStyle(el).display === 'none');
    expect(await hidden('.app-header nav')).toBe(true);
    expect(await hidden('.public-picker')).toBe(true);
    expect(await hidden('.public-print')).toBe(true);
    expect(await hidden('[data-testid="public-drug-free"]')).toBe(false);
    await screenshot(page, 'public-14-print');
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
    // A4 portrait in PDF points: 595 × 842.
    const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf);
    expect(Number(box?.[1])).toBeCloseTo(595, -1);
    expect(Number(box?.[2])).toBeCloseTo(842, -1);
  });

  it('puts a link preview (title, description, og:image) in the HTML a crawler reads', async () => {
    const html = await (await fetch(`${baseUrl}/cong-khai/01`)).text();
    expect(html).toMatch(/<title>[^<]*Hà Nội[^<]*<\/title>/);
    expect(html).toMatch(/<meta name="description" content="[^"]*xã, phường không ma túy/);
    const image = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1];
    expect(image).toBe(`${baseUrl}/api/public/preview.png?province=01`);
    const png = await fetch(image ?? '');
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect((await png.arrayBuffer()).byteLength).toBeGreaterThan(5_000);
  });
});
