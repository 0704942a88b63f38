import type { CommuneStatus } from '@pcmt/domain/contracts/common';
import { NO_DATA_COLOR } from '@pcmt/domain/palette';
import { STATUS_COLORS, STATUS_ORDER } from '@pcmt/domain/status-classes';
import { PNG } from 'pngjs';

/**
 * The link-preview picture of a public page (og:image): the area's communes coloured by status, and beside
 * them a bar of the status shares. Drawn in plain JS (scanline fill, pngjs encoding) because crawlers need a
 * PNG and the server has no canvas; no text, so no font is needed.
 */

const BACKGROUND = '#f4f6f8';
const BORDER = '#ffffff';

/** Open Graph's recommended size. */
export const PREVIEW_WIDTH = 1200;
export const PREVIEW_HEIGHT = 630;

/** A commune's outline: polygons of rings of [lon, lat]. */
export interface PreviewCommune {
  code: string;
  polygons: number[][][][];
}

type Rgb = [number, number, number];

function rgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

class Canvas {
  readonly png: PNG;
  constructor(
    readonly width: number,
    readonly height: number,
    background: string,
  ) {
    this.png = new PNG({ width, height, colorType: 2 });
    this.rect(0, 0, width, height, background);
  }

  set(x: number, y: number, [r, g, b]: Rgb) {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    const i = (y * this.width + x) * 4;
    this.png.data[i] = r;
    this.png.data[i + 1] = g;
    this.png.data[i + 2] = b;
    this.png.data[i + 3] = 255;
  }

  rect(x0: number, y0: number, w: number, h: number, color: string) {
    const c = rgb(color);
    for (let y = Math.round(y0); y < Math.round(y0 + h); y++)
      for (let x = Math.round(x0); x < Math.round(x0 + w); x++) this.set(x, y, c);
  }

  /** Even-odd scanline fill of rings in pixel coordinates, sampled at pixel centres. */
  fill(rings: readonly (readonly [number, number][])[], color: string) {
    const c = rgb(color);
    let minY = Number.POSITIVE_INFINITY;
    let maxY = Number.NEGATIVE_INFINITY;
    for (const ring of rings)
      for (const [, y] of ring) {
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
      }
    const xs: number[] = [];
    for (let py = Math.max(0, Math.floor(minY)); py <= Math.min(this.height - 1, Math.ceil(maxY)); py++) {
      const sy = py + 0.5;
      xs.length = 0;
      for (const ring of rings) {
        for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
          const a = ring[i];
          const b = ring[j];
          if (!a || !b || a[1] > sy === b[1] > sy) continue;
          xs.push(a[0] + ((sy - a[1]) * (b[0] - a[0])) / (b[1] - a[1]));
        }
      }
      xs.sort((p, q) => p - q);
      for (let k = 0; k + 1 < xs.length; k += 2) {
        const from = Math.max(0, Math.ceil((xs[k] ?? 0) - 0.5));
        const to = Math.min(this.width - 1, Math.floor((xs[k + 1] ?? 0) - 0.5));
        for (let px = from; px <= to; px++) this.set(px, py, c);
      }
    }
  }

  /** A 1-pixel line (Bresenham). */
  line([x0, y0]: [number, number], [x1, y1]: [number, number], color: string) {
    const c = rgb(color);
    let x = Math.round(x0);
    let y = Math.round(y0);
    const tx = Math.round(x1);
    const ty = Math.round(y1);
    const dx = Math.abs(tx - x);
    const dy = -Math.abs(ty - y);
    const sx = x < tx ? 1 : -1;
    const sy = y < ty ? 1 : -1;
    let err = dx + dy;
    for (;;) {
      this.set(x, y, c);
      if (x === tx && y === ty) break;
      const e2 = 2 * err;
      if (e2 >= dy) {
        err += dy;
        x += sx;
      }
      if (e2 <= dx) {
        err += dx;
        y += sy;
      }
    }
  }
}

/** Fits lon/lat into a box, with longitudes shrunk by the cosine of the middle latitude. */
function projection(
  communes: readonly PreviewCommune[],
  box: { x: number; y: number; w: number; h: number },
) {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const c of communes)
    for (const polygon of c.polygons)
      for (const ring of polygon)
        for (const [lon = 0, lat = 0] of ring) {
          minX = Math.min(minX, lon);
          maxX = Math.max(maxX, lon);
          minY = Math.min(minY, lat);
          maxY = Math.max(maxY, lat);
        }
  if (!Number.isFinite(minX)) return null;
  const kx = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const scale = Math.min(box.w / Math.max((maxX - minX) * kx, 1e-9), box.h / Math.max(maxY - minY, 1e-9));
  const ox = box.x + (box.w - (maxX - minX) * kx * scale) / 2;
  const oy = box.y + (box.h - (maxY - minY) * scale) / 2;
  return (lon: number, lat: number): [number, number] => [
    ox + (lon - minX) * kx * scale,
    oy + (maxY - lat) * scale,
  ];
}

/**
 * The preview PNG: communes filled by status (grey without one), white borders when communes are large
 * enough for them to read, and a stacked bar of the status shares from drug-free (bottom) to loại I (top).
 */
export function drawPreview(
  communes: readonly PreviewCommune[],
  statuses: ReadonlyMap<string, CommuneStatus>,
): Buffer {
  const canvas = new Canvas(PREVIEW_WIDTH, PREVIEW_HEIGHT, BACKGROUND);
  const project = projection(communes, { x: 30, y: 30, w: 840, h: PREVIEW_HEIGHT - 60 });
  if (project) {
    const borders = communes.length <= 600;
    for (const commune of communes) {
      const status = statuses.get(commune.code);
      const color = status ? STATUS_COLORS[status] : NO_DATA_COLOR;
      for (const polygon of commune.polygons) {
        const rings = polygon.map((ring) => ring.map(([lon = 0, lat = 0]) => project(lon, lat)));
        canvas.fill(rings, color);
        if (!borders) continue;
        for (const ring of rings)
          for (let i = 1; i < ring.length; i++) {
            const a = ring[i - 1];
            const b = ring[i];
            if (a && b) canvas.line(a, b, BORDER);
          }
      }
    }
  }
  drawShareBar(canvas, statuses);
  return PNG.sync.write(canvas.png, { colorType: 2 });
}

function drawShareBar(canvas: Canvas, statuses: ReadonlyMap<string, CommuneStatus>) {
  const bar = { x: 960, y: 60, w: 160, h: PREVIEW_HEIGHT - 120 };
  canvas.rect(bar.x - 4, bar.y - 4, bar.w + 8, bar.h + 8, '#333333');
  canvas.rect(bar.x, bar.y, bar.w, bar.h, NO_DATA_COLOR);
  const total = statuses.size;
  if (total === 0) return;
  const counts = new Map<CommuneStatus, number>();
  for (const s of statuses.values()) counts.set(s, (counts.get(s) ?? 0) + 1);
  let bottom = bar.y + bar.h;
  for (const status of STATUS_ORDER) {
    const h = (bar.h * (counts.get(status) ?? 0)) / total;
    canvas.rect(bar.x, bottom - h, bar.w, h, STATUS_COLORS[status]);
    bottom -= h;
  }
}
