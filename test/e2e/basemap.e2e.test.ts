import { describe, expect, inject, it } from 'vitest';
import { browserAvailable, screenshot, useBrowser } from './browser';
import { countColors, hexToRgb, waitForRendered } from './pixels';

/**
 * A deployment may set PCMT_BASEMAP_STYLE_URL. The test plays that deployment by answering /api/config
 * itself and serving a one-layer basemap style from a fake origin, so no real network is needed.
 */
const BASEMAP_STYLE = 'https://basemap.invalid/style.json';
const SEA = '#7fd3ff';

describe.skipIf(!browserAvailable)('an optional basemap', () => {
  // The server under test has no basemap configured, so its CSP (rightly) forbids the fake origin this test
  // injects through /api/config; a configured basemap's origin in the CSP is tested in http.db.test.ts.
  const newPage = useBrowser({ bypassCSP: true });
  const baseUrl = inject('baseUrl');

  it('draws the configured basemap under the commune map', async () => {
    const page = await newPage();
    const basemapRequests: string[] = [];
    await page.route('**/api/config', (route) => route.fulfill({ json: { basemapStyleUrl: BASEMAP_STYLE } }));
    await page.route(BASEMAP_STYLE, (route) => {
      basemapRequests.push(route.request().url());
      return route.fulfill({
        json: {
          version: 8,
          sources: {},
          layers: [{ id: 'sea', type: 'background', paint: { 'background-color': SEA } }],
        },
        headers: { 'access-control-allow-origin': '*' },
      });
    });
    await page.goto(baseUrl);
    await waitForRendered(page, (k) => k.startsWith('status|'));
    await screenshot(page, 'basemap');
    expect(basemapRequests).toEqual([BASEMAP_STYLE]);
    // The basemap's colour shows around the country, and the communes are still drawn over it.
    const counts = await countColors(page, '[data-testid=atlas-map]', {
      sea: hexToRgb(SEA),
      plain: hexToRgb('#eef2f5'),
    });
    expect(counts.sea).toBeGreaterThan(10_000);
    // Our own plain background is replaced (a few controls share its tone, e.g. the scale bar).
    expect(counts.plain ?? 0).toBeLessThan((counts.sea ?? 0) / 100);
  });
});
