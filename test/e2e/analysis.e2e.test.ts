/// <reference lib="dom" />
import { describe, expect, inject, it } from 'vitest';
import { browserAvailable, screenshot, useBrowser } from './browser';
import { countColors, hexToRgb, waitForRendered } from './pixels';

/** High-value cluster colours of the Gi* legend (web/src/features/analysis/analysis-classes.ts), 99 / 95 / 90 %. */
const HOT = { hot99: hexToRgb('#d73027'), hot95: hexToRgb('#fc8d59'), hot90: hexToRgb('#fee090') };

interface GiStar {
  meta: { n: number; definition: string };
  units: { code: string; bin: number }[];
}

describe.skipIf(!browserAvailable)('spatial statistics page in Chromium', () => {
  const newPage = useBrowser();
  const baseUrl = inject('baseUrl');

  it('runs Gi* on Hà Nội and colours its hot communes, with a legend saying what the classes mean', async () => {
    const page = await newPage();
    const query = 'indicator=drug_arrests&province=01&period=2025-Q4';
    const api = await page.request.get(`${baseUrl}/api/analysis/gi-star?${query}`);
    expect(api.status()).toBe(200);
    const gi = (await api.json()) as GiStar;
    const hot = gi.units.filter((u) => u.bin > 0).length;
    // The demo data has hot communes in Hà Nội for this quarter; without them the check below proves nothing.
    expect(hot).toBeGreaterThan(0);

    await page.goto(`${baseUrl}/phan-tich`);
    await page.getByTestId('province').selectOption('01');
    await page.getByTestId('indicator').selectOption('drug_arrests');
    await page.getByTestId('period').selectOption('2025-Q4');
    await page.getByTestId('run-analysis').click();
    await waitForRendered(page, (k) => k.includes('"province":"01"') && !k.endsWith(':0'), 60_000);

    const summary = await page.getByTestId('analysis-summary').textContent();
    expect(summary).toContain(`${gi.meta.n} xã`);
    expect(summary).toContain(`${hot} xã thuộc cụm giá trị cao`);
    const legend = await page.getByTestId('analysis-legend').textContent();
    expect(legend).toContain('Cụm giá trị cao, tin cậy 99%');
    expect(legend).toContain('Cụm giá trị thấp, tin cậy 90%');
    expect(legend).toContain('Getis-Ord');
    // "Điểm nóng" is the police's word for a place: the statistic's classes never use it.
    expect(`${summary} ${legend}`).not.toMatch(/điểm nóng|điểm lạnh/i);

    // The significant communes by name, strongest first; a row or a commune on the map shows its result.
    const significant = gi.units.filter((u) => u.bin !== 0);
    const rows = page.locator('[data-testid=analysis-table] tbody tr');
    expect(await rows.count()).toBe(significant.length);
    const codes = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-code') ?? ''));
    expect([...codes].sort()).toEqual(significant.map((u) => u.code).sort());
    const first = rows.first();
    const name = (await first.locator('td').first().textContent()) ?? '';
    expect(name).not.toMatch(/^\d+$/);
    expect(name.length).toBeGreaterThan(2);
    await first.getByRole('button').click();
    await expect.poll(() => page.getByTestId('analysis-picked').textContent()).toContain(name);
    expect(await page.getByTestId('analysis-picked').textContent()).toContain('Cụm giá trị');

    const counts = await countColors(page, '[data-testid=atlas-map]', HOT, 4);
    const hotPixels = Object.values(counts).reduce((a, b) => a + b, 0);
    expect(hotPixels).toBeGreaterThan(200);
    await screenshot(page, 'analysis-gi-star-hanoi');
    await page.close();
  });

  it("switches to local Moran's I: LISA classes in the legend, the permutation definition named", async () => {
    const page = await newPage();
    const api = await page.request.get(
      `${baseUrl}/api/analysis/local-moran?indicator=drug_arrests&province=01&period=2025-Q4`,
    );
    expect(api.status()).toBe(200);
    const lisa = (await api.json()) as { units: { cluster: string | null }[] };
    await page.goto(`${baseUrl}/phan-tich`);
    await page.getByTestId('statistic').selectOption('local-moran');
    await page.getByTestId('province').selectOption('01');
    await page.getByTestId('indicator').selectOption('drug_arrests');
    await page.getByTestId('period').selectOption('2025-Q4');
    await page.getByTestId('run-analysis').click();
    await waitForRendered(page, (k) => k.includes('"statistic":"local-moran"'), 60_000);
    const hh = lisa.units.filter((u) => u.cluster === 'HH').length;
    expect(await page.getByTestId('analysis-summary').textContent()).toContain(
      `${hh} xã thuộc cụm giá trị cao`,
    );
    const legend = await page.getByTestId('analysis-legend').textContent();
    expect(legend).toContain('Cao – Cao');
    expect(legend).toContain('Thấp – Cao');
    expect(legend).toContain('hoán vị');
    expect(await page.getByTestId('analysis-definition').textContent()).toContain('permutation');
    await page.close();
  });
});
