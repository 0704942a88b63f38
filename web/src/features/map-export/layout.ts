import { formatNumber } from '../../lib/format';
import type { Lang } from '../../lib/i18n';
import { mapExportText } from './messages';

/**
 * The page of a map export, laid out as a list of shapes in CSS pixels. Pure: text is measured through the
 * function given, so the layout can be checked without a browser and drawn at any scale.
 *
 *   title — area · period · note
 *   [ DỮ LIỆU MÔ PHỎNG … ]                 (synthetic data only)
 *   map (as framed on screen) | legend, scale bar, north arrow
 *   data source, basemap credit            export date
 */

export interface FontSpec {
  size: number;
  weight: 400 | 600 | 700;
}

/** Width in CSS pixels of `text` set in `font`. */
export type Measure = (text: string, font: FontSpec) => number;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type Shape =
  | { kind: 'rect'; box: Box; fill: string | null; stroke: string | null }
  /** `y` is the middle of the line. */
  | {
      kind: 'text';
      text: string;
      x: number;
      y: number;
      font: FontSpec;
      color: string;
      align: 'left' | 'right' | 'center';
    }
  | { kind: 'map'; box: Box }
  /** An arrow pointing to north, `label` above it; (x, y) is the centre of the arrow. */
  | { kind: 'north'; x: number; y: number; size: number; bearing: number; label: string };

export interface ExportLegendRow {
  color: string;
  label: string;
  /** Communes in the class. */
  count: number;
}

export interface ExportLegend {
  title: string;
  rows: ExportLegendRow[];
}

export interface MapExportContent {
  lang: Lang;
  /** What the map shows: "Phân loại xã (tình hình ma túy)", an indicator's name. */
  what: string;
  /** Where: "Toàn quốc", "Tỉnh Sơn La". */
  area: string;
  /** When, as a reader says it: "Quý III/2025". */
  period: string;
  /** A line on how to read the figures (old units, crosswalk), or null. */
  note: string | null;
  legend: ExportLegend;
  source: string;
  synthetic: boolean;
  /** The export date as written in `lang`. */
  exportedOn: string;
}

/** The map picture's geometry, as captured. */
export interface MapFrame {
  /** CSS pixels on screen. */
  width: number;
  height: number;
  metresPerPixel: number;
  bearing: number;
  attributions: string[];
}

export interface ScaleBar {
  /** Ground length of the whole bar. */
  metres: number;
  /** Its length on the page, CSS pixels. */
  width: number;
}

export interface MapExportLayout {
  width: number;
  height: number;
  shapes: Shape[];
  regions: { title: Box; notice: Box | null; map: Box; legend: Box; footer: Box };
  scaleBar: ScaleBar;
}

export const PAGE_MARGIN = 28;
const GAP = 20;
/** Width of the legend column beside the map. */
export const SIDE_WIDTH = 300;
const SWATCH = { w: 28, h: 18 };
const COUNT_WIDTH = 64;
const NORTH_SIZE = 48;

/** The largest picture an export makes; beyond it a 4K screen's export would only be slower, not sharper. */
export const MAX_EXPORT_WIDTH = 4096;

export const FONTS = {
  title: { size: 26, weight: 700 },
  period: { size: 19, weight: 600 },
  note: { size: 14, weight: 400 },
  notice: { size: 18, weight: 700 },
  legendHead: { size: 17, weight: 700 },
  legendTitle: { size: 14, weight: 600 },
  row: { size: 14, weight: 400 },
  small: { size: 12, weight: 400 },
  footer: { size: 13, weight: 400 },
} as const satisfies Record<string, FontSpec>;

export const COLORS = {
  page: '#ffffff',
  text: '#1d1d1d',
  muted: '#4b5563',
  mapBorder: '#6b7280',
  swatchBorder: '#4b5563',
  noticeFill: '#fde68a',
  noticeBorder: '#b45309',
  noticeText: '#7c2d12',
} as const;

const lineHeight = (font: FontSpec) => Math.round(font.size * 1.35);

/**
 * The widest a map is laid out on the page. A wider map (a 4K screen at one pixel per CSS pixel) is laid out
 * at this width and drawn more finely, so title and legend keep their proportion to the map on paper.
 */
export const MAX_MAP_LAYOUT_WIDTH = 1600;

/** Screen CSS pixels per page unit for a map `mapWidth` CSS pixels wide: 1 below the widest layout. */
export function pageUnit(mapWidth: number): number {
  return Math.max(1, mapWidth / MAX_MAP_LAYOUT_WIDTH);
}

/**
 * Pixels per CSS pixel of the captured map: twice the screen layout, so a map framed on a 1366-px laptop
 * gives a picture about 2,700 px wide (a full-width slide, or ~300 dpi across an A4 page) whatever the
 * screen's own density, and the framing stays exactly what the user chose. Capped so a 4K screen does not
 * make a picture too big to handle.
 */
export function exportPixelRatio(mapWidth: number): number {
  const unit = pageUnit(mapWidth);
  const page = (mapWidth / unit + GAP + SIDE_WIDTH + 2 * PAGE_MARGIN) * unit;
  return Math.min(2, MAX_EXPORT_WIDTH / page);
}

/**
 * The longest bar of 1, 2 or 5 × 10ⁿ metres that fits in `maxWidth` CSS pixels, so its ends read as round
 * numbers (500 m, 20 km, 100 km).
 */
export function niceScaleBar(metresPerPixel: number, maxWidth: number): ScaleBar {
  const most = metresPerPixel * maxWidth;
  let power = 10 ** Math.floor(Math.log10(most));
  // log10 of an exact power of ten can land just below it.
  if (power * 10 <= most) power *= 10;
  const step = [5, 2, 1].find((m) => m * power <= most) ?? 1;
  const metres = step * power;
  return { metres, width: metres / metresPerPixel };
}

/** Tick labels at 0, half and the whole bar: kilometres from 1 km up, metres below. */
export function scaleBarLabels(
  metres: number,
  lang: Lang,
): { ticks: [string, string, string]; unit: string } {
  const km = metres >= 1000;
  const v = km ? metres / 1000 : metres;
  return {
    ticks: [formatNumber(0, lang), formatNumber(v / 2, lang), formatNumber(v, lang)],
    unit: km ? 'km' : 'm',
  };
}

/**
 * Breaks `text` into lines no wider than `maxWidth` at spaces; a single word wider than that is broken
 * between letters. Beyond `maxLines` the last line ends with an ellipsis.
 */
export function wrapText(
  text: string,
  maxWidth: number,
  width: (s: string) => number,
  maxLines = Number.POSITIVE_INFINITY,
): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const joined = line ? `${line} ${word}` : word;
    if (width(joined) <= maxWidth) {
      line = joined;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    for (const letter of graphemes(word)) {
      if (line && width(line + letter) > maxWidth) {
        lines.push(line);
        line = '';
      }
      line += letter;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = `${kept[maxLines - 1]} ${lines[maxLines]}`;
  while (last.length > 1 && width(`${last}…`) > maxWidth) last = last.slice(0, -1).trimEnd();
  kept[maxLines - 1] = `${last}…`;
  return kept;
}

/** Letters as a reader sees them: a vowel with its Vietnamese marks stays whole. */
function graphemes(word: string): string[] {
  return Array.from(new Intl.Segmenter('vi', { granularity: 'grapheme' }).segment(word), (s) => s.segment);
}

/** Lays out the export page around a map picture of `map.width × map.height` CSS pixels. */
export function layoutMapExport(content: MapExportContent, map: MapFrame, measure: Measure): MapExportLayout {
  const t = (k: Parameters<typeof mapExportText>[1]) => mapExportText(content.lang, k);
  const width = PAGE_MARGIN + map.width + GAP + SIDE_WIDTH + PAGE_MARGIN;
  const contentWidth = width - 2 * PAGE_MARGIN;
  const shapes: Shape[] = [];
  const left = PAGE_MARGIN;
  const text = (
    s: string,
    x: number,
    y: number,
    font: FontSpec,
    color: string = COLORS.text,
    align: 'left' | 'right' | 'center' = 'left',
  ) => shapes.push({ kind: 'text', text: s, x, y, font, color, align });
  /** Writes wrapped lines from `top`; returns the height used. */
  const paragraph = (
    s: string,
    x: number,
    top: number,
    maxWidth: number,
    font: FontSpec,
    color: string = COLORS.text,
    maxLines?: number,
  ) => {
    const lines = wrapText(s, maxWidth, (l) => measure(l, font), maxLines);
    const lh = lineHeight(font);
    lines.forEach((l, i) => {
      text(l, x, top + i * lh + lh / 2, font, color);
    });
    return lines.length * lh;
  };

  // Title block: what and where, then when.
  let y = PAGE_MARGIN;
  y += paragraph(`${content.what} — ${content.area}`, left, y, contentWidth, FONTS.title, COLORS.text, 3);
  y += 2;
  y += paragraph(`${t('period')}: ${content.period}`, left, y, contentWidth, FONTS.period);
  if (content.note) y += paragraph(content.note, left, y, contentWidth, FONTS.note, COLORS.muted);
  const title: Box = { x: left, y: PAGE_MARGIN, w: contentWidth, h: y - PAGE_MARGIN };
  y += 14;

  // Synthetic data: a band nobody can crop out without noticing, right under the title.
  let notice: Box | null = null;
  if (content.synthetic) {
    const lines = wrapText(t('synthetic'), contentWidth - 32, (l) => measure(l, FONTS.notice));
    const lh = lineHeight(FONTS.notice);
    notice = { x: left, y, w: contentWidth, h: lines.length * lh + 18 };
    shapes.push({ kind: 'rect', box: notice, fill: COLORS.noticeFill, stroke: COLORS.noticeBorder });
    lines.forEach((l, i) => {
      text(l, left + contentWidth / 2, y + 9 + i * lh + lh / 2, FONTS.notice, COLORS.noticeText, 'center');
    });
    y += notice.h + GAP;
  } else {
    y += GAP - 14;
  }

  // The map as framed on screen, with a thin frame so pale colours keep an edge on white paper.
  const bodyTop = y;
  const mapBox: Box = { x: left, y: bodyTop, w: map.width, h: map.height };
  shapes.push({ kind: 'map', box: mapBox });
  shapes.push({ kind: 'rect', box: mapBox, fill: null, stroke: COLORS.mapBorder });

  // Legend column: heading, what the colours mean, one row per class with its number of communes.
  const lx = left + map.width + GAP;
  let ly = bodyTop;
  const headLh = lineHeight(FONTS.legendHead);
  text(t('legend'), lx, ly + headLh / 2, FONTS.legendHead);
  ly += headLh + 4;
  ly += paragraph(content.legend.title, lx, ly, SIDE_WIDTH, FONTS.legendTitle);
  ly += 4;
  const smallLh = lineHeight(FONTS.small);
  text(t('communes'), lx + SIDE_WIDTH, ly + smallLh / 2, FONTS.small, COLORS.muted, 'right');
  ly += smallLh + 2;
  const labelX = lx + SWATCH.w + 10;
  const labelWidth = SIDE_WIDTH - SWATCH.w - 10 - COUNT_WIDTH - 8;
  const rowLh = lineHeight(FONTS.row);
  for (const row of content.legend.rows) {
    const lines = wrapText(row.label, labelWidth, (l) => measure(l, FONTS.row), 3);
    const rowH = Math.max(SWATCH.h + 8, lines.length * rowLh + 6);
    shapes.push({
      kind: 'rect',
      box: { x: lx, y: ly + (rowH - SWATCH.h) / 2, w: SWATCH.w, h: SWATCH.h },
      fill: row.color,
      stroke: COLORS.swatchBorder,
    });
    const textTop = ly + (rowH - lines.length * rowLh) / 2;
    lines.forEach((l, i) => {
      text(l, labelX, textTop + i * rowLh + rowLh / 2, FONTS.row);
    });
    text(
      formatNumber(row.count, content.lang, 0),
      lx + SIDE_WIDTH,
      ly + rowH / 2,
      FONTS.row,
      COLORS.text,
      'right',
    );
    ly += rowH + 2;
  }
  ly += 20;

  // Scale bar (four segments, round numbers at its ends and middle) and, to its right, the north arrow.
  const scaleBar = niceScaleBar(map.metresPerPixel, SIDE_WIDTH - NORTH_SIZE - 60);
  const { ticks, unit } = scaleBarLabels(scaleBar.metres, content.lang);
  const tickY = ly + smallLh / 2;
  const barTop = ly + smallLh + 4;
  text(ticks[0], lx, tickY, FONTS.small, COLORS.text, 'center');
  text(ticks[1], lx + scaleBar.width / 2, tickY, FONTS.small, COLORS.text, 'center');
  text(ticks[2], lx + scaleBar.width, tickY, FONTS.small, COLORS.text, 'center');
  text(unit, lx + scaleBar.width + measure(ticks[2], FONTS.small) / 2 + 6, tickY, FONTS.small);
  const segment = scaleBar.width / 4;
  for (let i = 0; i < 4; i++) {
    shapes.push({
      kind: 'rect',
      box: { x: lx + i * segment, y: barTop, w: segment, h: 8 },
      fill: i % 2 === 0 ? COLORS.text : COLORS.page,
      stroke: COLORS.text,
    });
  }
  text(t('scale'), lx, barTop + 8 + 4 + smallLh / 2, FONTS.small, COLORS.muted);
  shapes.push({
    kind: 'north',
    x: lx + SIDE_WIDTH - NORTH_SIZE / 2,
    y: ly + 14 + NORTH_SIZE / 2,
    size: NORTH_SIZE,
    bearing: map.bearing,
    label: t('north'),
  });
  ly += 14 + NORTH_SIZE + 4;
  const legend: Box = { x: lx, y: bodyTop, w: SIDE_WIDTH, h: ly - bodyTop };

  // Footer: where the figures come from (and the basemap's credit), and when the picture was made.
  y = Math.max(bodyTop + map.height, ly) + 14;
  const footerTop = y;
  const stamp = `${t('exportedOn')} ${content.exportedOn} · PCMT Atlas`;
  const stampWidth = measure(stamp, FONTS.footer);
  text(stamp, left + contentWidth, y + lineHeight(FONTS.footer) / 2, FONTS.footer, COLORS.muted, 'right');
  const sourceWidth = contentWidth - stampWidth - 24;
  y += paragraph(`${t('source')}: ${content.source}`, left, y, sourceWidth, FONTS.footer, COLORS.muted);
  if (map.attributions.length > 0)
    y += paragraph(
      `${t('basemap')}: ${map.attributions.join('; ')}`,
      left,
      y,
      sourceWidth,
      FONTS.footer,
      COLORS.muted,
    );
  const footer: Box = { x: left, y: footerTop, w: contentWidth, h: y - footerTop };
  const height = y + PAGE_MARGIN;

  return {
    width,
    height,
    shapes: [
      { kind: 'rect', box: { x: 0, y: 0, w: width, h: height }, fill: COLORS.page, stroke: null },
      ...shapes,
    ],
    regions: { title, notice, map: mapBox, legend, footer },
    scaleBar,
  };
}
