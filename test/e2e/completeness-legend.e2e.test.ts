import { describe, expect, inject, it } from 'vitest';
import { browserAvailable, screenshot, useBrowser } from './browser';

/**
 * Issue 17: with the map layer "Tình hình báo cáo" on, the map is coloured by reporting state, so the map
 * has one legend, the layer's: the indicator legend (and the PNG export drawn with it) leave, and come back
 * when the layer is switched off. At a laptop's 1366×768 and a phone's 390×844.
 */
const PERIOD = '2026-Q2';

describe.skipIf(!browserAvailable)('the completeness layer on the map', () => {
  const asOfficer = useBrowser({ as: 'thongke.hanoi' });

  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 390, height: 844 },
  ]) {
    it(`shows one legend, the layer's, while it colours the map (${viewport.width}×${viewport.height})`, async () => {
      const page = await asOfficer();
      await page.setViewportSize(viewport);
      await page.goto(`${inject('baseUrl')}/ban-do/tinh/01?period=${PERIOD}&indicator=managed_addicts`);
      const indicatorLegend = page.getByTestId('indicator-legend');
      await indicatorLegend.waitFor({ timeout: 90_000 });
      const toggle = page.getByTestId('layer-completeness');
      await toggle.waitFor({ timeout: 30_000 });
      await toggle.check();

      const layerLegend = page.getByTestId('completeness-legend');
      await layerLegend.waitFor();
      // The layer's counts arrive: the map is now coloured by reporting state, and only its legend is shown.
      await expect
        .poll(() => layerLegend.locator('.count').first().textContent(), { timeout: 30_000 })
        .toMatch(/^\d/);
      expect(await indicatorLegend.count()).toBe(0);
      expect(await page.getByTestId('status-legend').count()).toBe(0);
      expect(await page.locator('section.legend').count()).toBe(1);
      await layerLegend.scrollIntoViewIfNeeded();
      await screenshot(page, `completeness-legend-${viewport.width}x${viewport.height}`);

      // Off again: the indicator's colours and legend are back.
      await toggle.uncheck();
      await indicatorLegend.waitFor({ timeout: 30_000 });
      expect(await layerLegend.count()).toBe(0);
      await page.close();
    });
  }
});
