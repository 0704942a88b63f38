/// <reference lib="dom" />

import { STATUS_COLORS } from '@pcmt/domain/status-classes';
import type { Page } from 'playwright-core';

export type Rgb = [number, number, number];

export function hexToRgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** The status palette every map draws with (its one definition), as pixels to look for. */
export const STATUS_RGB: Readonly<Record<string, Rgb>> = Object.fromEntries(
  Object.entries(STATUS_COLORS).map(([status, hex]) => [status, hexToRgb(hex)]),
);

/**
 * Takes a screenshot of an element and counts, for each colour, the pixels within `tolerance` of it per
 * channel. The PNG is decoded by the browser itself (no image library in the tests).
 */
export async function countColors(
  page: Page,
  selector: string,
  colors: Record<string, Rgb>,
  tolerance = 6,
): Promise<Record<string, number>> {
  const png = await page.locator(selector).screenshot();
  return page.evaluate(
    async ({ b64, colors, tolerance }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no 2d context');
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, img.width, img.height).data;
      const counts: Record<string, number> = {};
      const entries = Object.entries(colors);
      for (const [name] of entries) counts[name] = 0;
      for (let i = 0; i < data.length; i += 4) {
        for (const [name, [r, g, b]] of entries) {
          if (
            Math.abs((data[i] ?? 0) - r) <= tolerance &&
            Math.abs((data[i + 1] ?? 0) - g) <= tolerance &&
            Math.abs((data[i + 2] ?? 0) - b) <= tolerance
          ) {
            counts[name] = (counts[name] ?? 0) + 1;
            break;
          }
        }
      }
      return counts;
    },
    { b64: png.toString('base64'), colors, tolerance },
  );
}

/**
 * Waits until the map says it has drawn a colouring whose key matches: the `data-rendered` its container
 * mirrors from AtlasMap's `onRendered` (the callback the product's time-lapse uses).
 */
export async function waitForRendered(page: Page, match: (key: string) => boolean, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  let key = '';
  while (Date.now() < deadline) {
    key = (await page.getAttribute('[data-testid=atlas-map]', 'data-rendered')) ?? '';
    if (key && match(key)) return key;
    await page.waitForTimeout(50);
  }
  throw new Error(`map did not render the expected colouring; last: "${key}"`);
}
