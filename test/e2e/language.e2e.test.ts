/// <reference lib="dom" />
import { englishLines } from '@pcmt/domain/english-words';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserAvailable, screenshot, useBrowser } from './browser';

/**
 * Issue 18's checks that keep the Vietnamese interface Vietnamese: every page each role opens shows no
 * English word the product has leaked before and no raw code (indicator codes such as `managed_addicts`);
 * the national map's labels never overlap and Hoàng Sa and Trường Sa are named; time is typed 24-hour.
 */
const baseUrl = () => inject('baseUrl');
const WAIT = { timeout: 60_000 };

/** What a person sees: innerText leaves out hidden elements, which textContent would include. */
// biome-ignore lint/performance/useDomNodeTextContent: the visible text is the point
const visibleText = (page: Page) => page.evaluate(() => document.body.innerText);

/** The visible lines with an English word or a raw code (one list with the exports' checks). */
const offending = (text: string, codesShown: boolean) => englishLines(text, { codesShown });

/** The indicator catalogue is where administrators read and write the codes: codes are its content. */
const CODES_ARE_CONTENT = new Set(['/quan-tri/chi-tieu']);

const PAGES_BY_ROLE: Record<string, readonly string[]> = {
  '': ['/cong-khai', '/cong-khai/14', '/dang-nhap'],
  admin: ['/ban-do', '/quan-tri', '/quan-tri/chi-tieu', '/nhap-du-lieu', '/trinh-chieu', '/ke-hoach'],
  'bcd.sonla': ['/ban-do', '/tieu-chi', '/phan-tich', '/so-sanh', '/ke-hoach'],
  'congan.sonla': ['/tuan-tra', '/ban-do'],
  'thongke.hanoi': ['/nhap-du-lieu'],
};

describe.skipIf(!browserAvailable)('no English and no raw code on Vietnamese pages', () => {
  for (const [role, paths] of Object.entries(PAGES_BY_ROLE)) {
    describe(role || 'anonymous', () => {
      const newPage = useBrowser({ as: role || null });
      for (const path of paths) {
        it(`${path} as ${role || 'anonymous'}`, async () => {
          const page = await newPage();
          await page.goto(`${baseUrl()}${path}`);
          await page.locator('.app-header').first().waitFor(WAIT);
          // Data arrives after the page: wait until nothing is loading any more.
          await page.waitForLoadState('networkidle', WAIT);
          await screenshot(page, `language-${(role || 'anon').replace('.', '-')}${path.replace(/\//g, '-')}`);
          expect(offending(await visibleText(page), CODES_ARE_CONTENT.has(path))).toEqual([]);
        });
      }
    });
  }
});

interface LabelBox {
  code: string;
  name: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** The anchor on screen. */
  x: number;
  y: number;
}

/** The label boxes the map placed, from the label layer (components/map/label-layer.ts). */
const placedLabels = (page: Page, layer: string) =>
  page.evaluate(
    (id) =>
      (globalThis as { __pcmtPlacedLabels?: Map<string, LabelBox[]> }).__pcmtPlacedLabels?.get(id) ?? [],
    layer,
  );

/** Codes of the units the map draws under each point (its own fill layer: provinces or communes). */
const unitsUnder = (page: Page, fill: string, points: [number, number][]) =>
  page.evaluate(
    ([layer, pts]) => {
      const map = (
        window as unknown as {
          __pcmtTest: {
            lastMap: {
              queryRenderedFeatures: (
                p: [number, number],
                o: { layers: string[] },
              ) => { properties: { code?: unknown } }[];
            };
          };
        }
      ).__pcmtTest.lastMap;
      return pts.map((p) =>
        map.queryRenderedFeatures(p, { layers: [layer] }).map((f) => String(f.properties.code)),
      );
    },
    [fill, points] as const,
  );

/** Font size of the map's names (deck-layers.ts) and the halo and air around them in a box (map-labels.ts). */
const SIZE = 12;
const HALO = 3;
const GAP = 2;

/**
 * Every placed name of a unit lies inside that unit: its anchor, and the corners and edge middles of its letters
 * (the box without its halo, 1 px in), are over that unit on the map — never over a neighbour's outline.
 */
async function expectNamesInsideTheirUnits(page: Page, boxes: readonly LabelBox[], fill: string) {
  const units = boxes.filter((b) => /^\d+$/.test(b.code));
  const points = units.map((b) => {
    const x0 = b.x0 + HALO + GAP + 1;
    const x1 = b.x1 - HALO - GAP - 1;
    const y0 = b.y - SIZE / 2 + 1;
    const y1 = b.y + SIZE / 2 - 1;
    const xm = (x0 + x1) / 2;
    return [
      [b.x, b.y],
      [x0, y0],
      [x1, y0],
      [x0, y1],
      [x1, y1],
      [xm, y0],
      [xm, y1],
      [x0, b.y],
      [x1, b.y],
    ] as [number, number][];
  });
  const under = await unitsUnder(page, fill, points.flat());
  units.forEach((b, i) => {
    const codes = under.slice(i * 9, i * 9 + 9);
    expect(codes[0], `the anchor of ${b.name} is not inside it`).toContain(b.code);
    codes.slice(1).forEach((c, j) => {
      expect(c, `${b.name}: corner ${j} of its letters lies outside it`).toContain(b.code);
    });
  });
}

function expectNoOverlap(boxes: readonly LabelBox[], width: number) {
  for (const b of boxes) {
    // Whole on screen: a label near the edge is moved in, not cut.
    expect(b.x0 >= 0 && b.x1 <= width, `${b.name} is cut at the edge`).toBe(true);
  }
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      const overlap = a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
      expect(overlap, `${a.name} overlaps ${b.name}`).toBe(false);
    }
  }
}

describe.skipIf(!browserAvailable)('the national map labels', () => {
  const newPage = useBrowser({ as: 'admin' });

  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
    { width: 390, height: 844 },
  ]) {
    it(`never overlap, keep inside their provinces and name the archipelagos at ${viewport.width}`, async () => {
      const page = await newPage();
      await page.setViewportSize(viewport);
      await page.goto(`${baseUrl()}/ban-do`);
      // The archipelagos are named on every national map, whatever fits.
      await expect
        .poll(async () => (await placedLabels(page, 'province-labels')).map((b) => b.code), {
          timeout: 60_000,
        })
        .toEqual(expect.arrayContaining(['hoang-sa', 'truong-sa']));
      await page.waitForLoadState('networkidle', WAIT);
      await page.locator('[data-testid=atlas-map][data-rendered^="status|"]').waitFor(WAIT);
      const boxes = await placedLabels(page, 'province-labels');
      await screenshot(page, `language-map-labels-${viewport.width}`);
      expectNoOverlap(boxes, viewport.width);
      await expectNamesInsideTheirUnits(page, boxes, 'province-fill');
      // Phú Thọ's name never lies over Hà Nội (it did from an anchor 2 km from their border).
      const phuTho = boxes.find((b) => b.code === '25');
      if (phuTho) {
        const [under] = await unitsUnder(page, 'province-fill', [[phuTho.x1 - HALO - GAP - 1, phuTho.y]]);
        expect(under).not.toContain('01');
      }
    });
  }

  for (const [code, name] of [
    ['01', 'Hà Nội'],
    ['14', 'Sơn La'],
  ] as const) {
    for (const viewport of [
      { width: 1366, height: 768 },
      { width: 390, height: 844 },
    ]) {
      it(`name ${name}'s communes where they fit, inside them, at ${viewport.width}`, async () => {
        const page = await newPage();
        await page.setViewportSize(viewport);
        await page.goto(`${baseUrl()}/ban-do/tinh/${code}`);
        await page.locator(`[data-testid=atlas-map][data-rendered*="|${code}|"]`).waitFor(WAIT);
        // The label layer is there once deck.gl has drawn it (with however many names fit): communes' names,
        // or on a phone, where the province is framed below zoom 7, provinces' names.
        const layerShown = () =>
          page.evaluate(() => {
            const placed = (globalThis as { __pcmtPlacedLabels?: Map<string, unknown> }).__pcmtPlacedLabels;
            return ['commune-labels', 'province-labels'].find((id) => placed?.has(id)) ?? null;
          });
        await expect.poll(layerShown, { timeout: 60_000 }).not.toBeNull();
        await page.waitForLoadState('networkidle', WAIT);
        const layer = (await layerShown()) ?? 'commune-labels';
        const boxes = await placedLabels(page, layer);
        await screenshot(page, `language-map-labels-${code}-${viewport.width}`);
        expectNoOverlap(boxes, viewport.width);
        await expectNamesInsideTheirUnits(
          page,
          boxes,
          layer === 'commune-labels' ? 'commune-fill' : 'province-fill',
        );
        // Framed on a laptop, the communes whose names fit are named (the demo's Voronoi communes are about as
        // wide as their names: few fit whole inside them at this zoom).
        if (viewport.width >= 1366) {
          expect(layer).toBe('commune-labels');
          expect(boxes.length).toBeGreaterThanOrEqual(1);
        }
      });
    }
  }
});

describe.skipIf(!browserAvailable)('the public page on a phone', () => {
  const newPage = useBrowser({ as: null });

  it('writes shares as 5%, names the archipelagos and lets one finger scroll past the map', async () => {
    const page = await newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl()}/cong-khai`);
    const share = page.getByTestId('public-drug-free-share');
    await share.waitFor(WAIT);
    expect(await share.textContent()).toMatch(/^\d+(,\d)?%$/);
    await page.getByTestId('archipelago-hoang-sa').waitFor({ state: 'attached', ...WAIT });
    expect(await page.getByTestId('archipelago-truong-sa').count()).toBe(1);
    // MapLibre's cooperative gestures: the map asks for two fingers, so a one-finger drag scrolls the page.
    expect(await page.locator('.maplibregl-cooperative-gesture-screen').count()).toBe(1);
    await screenshot(page, 'language-public-390');
  });
});

describe.skipIf(!browserAvailable)('time inputs', () => {
  const newPage = useBrowser({ as: 'congan.sonla' });

  it('take 24-hour HH:MM on the patrol planner, never AM/PM, under an English browser too', async () => {
    const page = await newPage();
    await page.goto(`${baseUrl()}/tuan-tra`);
    const start = page.getByTestId('patrol-shift-start');
    await start.waitFor(WAIT);
    expect(await start.getAttribute('type')).toBe('text');
    expect(await start.inputValue()).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
    await start.fill('1930');
    await start.blur();
    expect(await start.inputValue()).toBe('19:30');
    expect(await page.locator('input[type=time]').count()).toBe(0);
    expect(await visibleText(page)).not.toMatch(/\b(AM|PM)\b/);
  });
});
