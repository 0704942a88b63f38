/// <reference lib="dom" />
import { describe, expect, inject, it } from 'vitest';
import { browserAvailable, screenshot, useBrowser } from './browser';
import { countColors, hexToRgb, waitForRendered } from './pixels';

/** Hot-spot colours of the Gi* legend (web/src/features/analysis/analysis-classes.ts), 99 / 95 / 90 %. */
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
    expect(summary).toContain(`${hot} điểm nóng`);
    const legend = await page.getByTestId('analysis-legend').textContent();
    expect(legend).toContain('Điểm nóng, tin cậy 99 %');
    expect(legend).toContain('Điểm lạnh, tin cậy 90 %');
    expect(legend).toContain('Getis-Ord');

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
    expect(await page.getByTestId('analysis-summary').textContent()).toContain(`${hh} điểm nóng`);
    const legend = await page.getByTestId('analysis-legend').textContent();
    expect(legend).toContain('Cao – Cao');
    expect(legend).toContain('Thấp – Cao');
    expect(legend).toContain('hoán vị');
    expect(await page.getByTestId('analysis-definition').textContent()).toContain('permutation');
    await page.close();
  });
});
