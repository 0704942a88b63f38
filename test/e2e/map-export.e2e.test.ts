/// <reference lib="dom" />
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { describe, expect, inject, it } from 'vitest';
import { artifactsDir, browserAvailable, useBrowser } from './browser';
import { hexToRgb, type Rgb, STATUS_RGB, waitForRendered } from './pixels';

/** The synthetic-data band of the export (web/src/features/map-export/layout.ts). */
const NOTICE_FILL = hexToRgb('#fde68a');
/** The export's page margin and gap before the legend, CSS pixels. */
const MARGIN = 28;

interface Region {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** Pixels of `png` in `r` for which `test` holds. */
function count(png: PNG, r: Region, test: (rgb: Rgb) => boolean): number {
  let n = 0;
  for (let y = Math.max(0, r.y0); y < Math.min(png.height, r.y1); y++)
    for (let x = Math.max(0, r.x0); x < Math.min(png.width, r.x1); x++) {
      const i = (y * png.width + x) * 4;
      if (test([png.data[i] ?? 0, png.data[i + 1] ?? 0, png.data[i + 2] ?? 0])) n++;
    }
  return n;
}

/** Clicks the export button and decodes the PNG it downloads. */
async function exportPng(page: Page): Promise<{ name: string; bytes: Buffer; png: PNG }> {
  const button = page.getByTestId('export-png');
  await expect.poll(() => button.isEnabled(), { timeout: 20_000 }).toBe(true);
  const download = page.waitForEvent('download');
  await button.click();
  const file = await download;
  const bytes = readFileSync(await file.path());
  return { name: file.suggestedFilename(), bytes, png: PNG.sync.read(bytes) };
}

const near =
  (c: Rgb, tolerance = 6) =>
  (p: Rgb) =>
    p.every((v, i) => Math.abs(v - (c[i] ?? 0)) <= tolerance);
const dark = (p: Rgb) => p[0] < 90 && p[1] < 90 && p[2] < 90;

describe.skipIf(!browserAvailable)('PNG export of the map', () => {
  const newPage = useBrowser();
  const baseUrl = inject('baseUrl');

  it('downloads the province status map with title, synthetic notice, the map and its legend, at 2×', async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/ban-do/tinh/14`);
    const key = await waitForRendered(page, (k) => k.split('|')[2] === '14' && k.split('|')[5] !== '0');
    const period = key.split('|')[1];
    const status = (await (await fetch(`${baseUrl}/api/status?period=${period}&parent=14`)).json()) as {
      meta: { synthetic: boolean };
    };
    expect(status.meta.synthetic).toBe(true);
    const mapBox = await page.getByTestId('atlas-map').boundingBox();
    if (!mapBox) throw new Error('no map on the page');

    expect(await page.getByTestId('export-png').textContent()).toBe('Xuất ảnh PNG');
    const { name, bytes, png } = await exportPng(page);
    expect(name).toBe(`pcmt-status-${period}-14.png`);
    mkdirSync(artifactsDir, { recursive: true });
    writeFileSync(join(artifactsDir, 'map-export.png'), bytes);

    // Twice the screen's pixels (the screen here has 1 pixel per CSS pixel), so it stays sharp on paper.
    const s = 2;
    expect(png.width).toBeGreaterThan(s * mapBox.width);
    // The map on screen is left as it was: drawn again at the screen's own density.
    const screenRatio = await page.evaluate(() =>
      (
        window as unknown as { __pcmtTest: { lastMap: { getPixelRatio: () => number } } }
      ).__pcmtTest.lastMap.getPixelRatio(),
    );
    expect(screenRatio).toBe(1);

    // The synthetic-data band: rows filled across most of the page, with the notice written in it.
    const bandRows: number[] = [];
    for (let y = 0; y < png.height; y++)
      if (count(png, { x0: 0, x1: png.width, y0: y, y1: y + 1 }, near(NOTICE_FILL)) > png.width * 0.6)
        bandRows.push(y);
    expect(bandRows.length).toBeGreaterThan(30 * s);
    const bandTop = Math.min(...bandRows);
    const bandBottom = Math.max(...bandRows);
    expect(bandBottom - bandTop + 1).toBe(bandRows.length);
    const band = { x0: 0, x1: png.width, y0: bandTop, y1: bandBottom };
    expect(count(png, band, (p) => p[0] < 160 && p[2] < 80 && p[1] < 90)).toBeGreaterThan(500);

    // The title above it: dark text.
    expect(count(png, { x0: 0, x1: png.width, y0: 0, y1: bandTop }, dark)).toBeGreaterThan(2000);

    // Below the band: the map (as wide as on screen, after the margin), then the legend column to its right.
    const body = { y0: bandBottom + 1, y1: png.height };
    const mapRegion = { x0: MARGIN * s, x1: (MARGIN + mapBox.width) * s, ...body };
    const legendRegion = { x0: (MARGIN + mapBox.width) * s + 4, x1: png.width, ...body };
    const onMap = Object.entries(STATUS_RGB).filter(([, c]) => count(png, mapRegion, near(c)) > 1000);
    expect(onMap.length).toBeGreaterThanOrEqual(3);
    for (const [name, c] of Object.entries(STATUS_RGB)) {
      // Each legend swatch is 28 × 18 CSS pixels.
      expect(count(png, legendRegion, near(c)), `${name} swatch in the legend`).toBeGreaterThan(
        20 * 12 * s * s,
      );
    }
    expect(count(png, legendRegion, dark)).toBeGreaterThan(1000);

    // The unit names drawn by deck.gl (a canvas of its own) are in the picture: without them, less dark text.
    await page.getByLabel('Nhãn tên').uncheck();
    await page.waitForURL(/layers=/);
    const unlabelled = (await exportPng(page)).png;
    expect([unlabelled.width, unlabelled.height]).toEqual([png.width, png.height]);
    const namesDark = count(png, mapRegion, dark);
    expect(namesDark - count(unlabelled, mapRegion, dark)).toBeGreaterThan(300);
    await page.close();
  });
});
