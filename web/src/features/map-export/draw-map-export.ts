import type { MapCapture } from '../../components/map/atlas-map';
import {
  COLORS,
  type FontSpec,
  layoutMapExport,
  type MapExportContent,
  type Measure,
  pageUnit,
  type Shape,
} from './layout';

/** The page's own font stack (app.css): system sans fonts that carry the Vietnamese letters. */
const FALLBACK_FONTS = 'system-ui, "Noto Sans", "DejaVu Sans", Arial, sans-serif';

/**
 * Draws the export page around a captured map: the layout is computed in page units with the canvas's own
 * text metrics, then drawn at the scale that puts every captured map pixel on one picture pixel, so text and
 * map are equally sharp.
 */
export function drawMapExport(capture: MapCapture, content: MapExportContent): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  const family = getComputedStyle(document.body).fontFamily || FALLBACK_FONTS;
  renderMapExport(canvas, capture, content, family);
  return canvas;
}

/** The canvas an export is drawn on: a page's, or a test's that records what is drawn. */
export interface ExportCanvas {
  width: number;
  height: number;
  getContext(kind: '2d'): CanvasRenderingContext2D | null;
}

/** Lays out and draws the export on `canvas` in the font `family` (drawMapExport's work, without a page). */
export function renderMapExport(
  canvas: ExportCanvas,
  capture: MapCapture,
  content: MapExportContent,
  family: string,
): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas context');
  const font = (f: FontSpec) => `${f.weight} ${f.size}px ${family}`;
  const measure: Measure = (text, f) => {
    ctx.font = font(f);
    return ctx.measureText(text).width;
  };
  // A very wide map is laid out smaller and drawn more finely: the same pixels, text in proportion.
  const unit = pageUnit(capture.width);
  const frame = {
    ...capture,
    width: capture.width / unit,
    height: capture.height / unit,
    metresPerPixel: capture.metresPerPixel * unit,
  };
  const layout = layoutMapExport(content, frame, measure);
  const scale = capture.pixelRatio * unit;
  // Sizing the canvas resets the context, so it comes after measuring.
  canvas.width = Math.round(layout.width * scale);
  canvas.height = Math.round(layout.height * scale);
  ctx.scale(scale, scale);
  ctx.imageSmoothingQuality = 'high';
  for (const shape of layout.shapes) drawShape(ctx, shape, capture.canvas, font);
}

function drawShape(
  ctx: CanvasRenderingContext2D,
  shape: Shape,
  map: HTMLCanvasElement,
  font: (f: FontSpec) => string,
) {
  switch (shape.kind) {
    case 'rect': {
      const { x, y, w, h } = shape.box;
      if (shape.fill) {
        ctx.fillStyle = shape.fill;
        ctx.fillRect(x, y, w, h);
      }
      if (shape.stroke) {
        ctx.strokeStyle = shape.stroke;
        ctx.lineWidth = 1;
        ctx.strokeRect(x, y, w, h);
      }
      return;
    }
    case 'text':
      ctx.font = font(shape.font);
      ctx.fillStyle = shape.color;
      ctx.textAlign = shape.align;
      ctx.textBaseline = 'middle';
      ctx.fillText(shape.text, shape.x, shape.y);
      return;
    case 'map': {
      const { x, y, w, h } = shape.box;
      ctx.drawImage(map, x, y, w, h);
      return;
    }
    case 'north':
      drawNorthArrow(ctx, shape, font);
      return;
  }
}

/** A two-tone arrowhead pointing to north (turned against the map's bearing), its letter above the tip. */
function drawNorthArrow(
  ctx: CanvasRenderingContext2D,
  { x, y, size, bearing, label }: Extract<Shape, { kind: 'north' }>,
  font: (f: FontSpec) => string,
) {
  const half = size / 2;
  ctx.save();
  ctx.translate(x, y);
  ctx.rotate((-bearing * Math.PI) / 180);
  ctx.lineWidth = 1.25;
  ctx.lineJoin = 'round';
  ctx.strokeStyle = COLORS.text;
  const side = (dir: 1 | -1, fill: string) => {
    ctx.beginPath();
    ctx.moveTo(0, -half + 17);
    ctx.lineTo(dir * half * 0.42, half);
    ctx.lineTo(0, half * 0.5);
    ctx.closePath();
    ctx.fillStyle = fill;
    ctx.fill();
    ctx.stroke();
  };
  side(-1, COLORS.text);
  side(1, COLORS.page);
  ctx.font = font({ size: 15, weight: 700 });
  ctx.fillStyle = COLORS.text;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(label, 0, -half + 7);
  ctx.restore();
}
