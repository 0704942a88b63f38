import { describe, expect, it } from 'vitest';
import {
  type Box,
  exportPixelRatio,
  layoutMapExport,
  MAX_EXPORT_WIDTH,
  MAX_MAP_LAYOUT_WIDTH,
  type MapExportContent,
  type MapFrame,
  type Measure,
  niceScaleBar,
  pageUnit,
  type Shape,
  scaleBarLabels,
  wrapText,
} from './layout';

/** Every letter as wide as 0.55 of the font size: close enough to a sans font for layout checks. */
const measure: Measure = (text, font) => Array.from(text).length * font.size * 0.55;
const chars = (s: string) => Array.from(s).length * 10;

const content: MapExportContent = {
  lang: 'vi',
  what: 'Phân loại xã (tình hình ma túy)',
  area: 'Tỉnh Sơn La',
  period: 'Quý III/2025',
  note: null,
  legend: {
    title: 'Phân loại xã (tình hình ma túy)',
    rows: [
      { color: '#2c7bb6', label: 'Không có ma túy', count: 120 },
      { color: '#ffffbf', label: 'Có ma túy', count: 40 },
      { color: '#a50026', label: 'Trọng điểm loại I', count: 1234 },
    ],
  },
  source: 'Bộ dữ liệu minh họa PCMT Atlas',
  synthetic: true,
  exportedOn: '12/05/2026',
};
const frame: MapFrame = { width: 1000, height: 700, metresPerPixel: 250, bearing: 0, attributions: [] };

const texts = (shapes: Shape[]) => shapes.flatMap((s) => (s.kind === 'text' ? [s] : []));
const inside = (b: Box, x: number, y: number) => x >= b.x && x <= b.x + b.w && y >= b.y && y <= b.y + b.h;
const overlap = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('scale bar', () => {
  it('rounds down to 1, 2 or 5 × 10ⁿ km within the room given', () => {
    // 200 px at 250 m/px = 50 km exactly.
    expect(niceScaleBar(250, 200)).toEqual({ metres: 50_000, width: 200 });
    // 200 px at 400 m/px = 80 km → 50 km, 125 px.
    expect(niceScaleBar(400, 200)).toEqual({ metres: 50_000, width: 125 });
    // 200 px at 120 m/px = 24 km → 20 km.
    expect(niceScaleBar(120, 200).metres).toBe(20_000);
    // 200 px at 9 m/px = 1.8 km → 1 km.
    expect(niceScaleBar(9, 200).metres).toBe(1_000);
    // Exact powers of ten are not lost to floating point: 1,000 km fits exactly.
    expect(niceScaleBar(5_000, 200).metres).toBe(1_000_000);
    expect(niceScaleBar(5, 200).metres).toBe(1_000);
  });

  it('never draws a bar longer than the room, and never less than a fifth of it', () => {
    for (const mpp of [0.7, 3, 17, 99, 410, 2_222, 31_000]) {
      const bar = niceScaleBar(mpp, 180);
      expect(bar.width).toBeLessThanOrEqual(180 + 1e-9);
      expect(bar.width).toBeGreaterThan(180 / 5);
      expect(String(bar.metres)).toMatch(/^[125]0*$|^0\.0*[125]$/);
    }
  });

  it('labels kilometres with Vietnamese decimals, and metres below 1 km', () => {
    expect(scaleBarLabels(5_000, 'vi')).toEqual({ ticks: ['0', '2,5', '5'], unit: 'km' });
    expect(scaleBarLabels(500, 'en')).toEqual({ ticks: ['0', '250', '500'], unit: 'm' });
    expect(scaleBarLabels(100_000, 'vi').ticks[2]).toBe('100');
  });
});

describe('text wrapping', () => {
  it('breaks at spaces and keeps every line within the width', () => {
    const lines = wrapText('Trọng điểm loại III về ma túy', 100, chars);
    expect(lines).toEqual(['Trọng điểm', 'loại III', 'về ma túy']);
    expect(lines.every((l) => chars(l) <= 100)).toBe(true);
  });

  it('breaks a word too long for a line between letters, keeping Vietnamese letters whole', () => {
    // Decomposed, "Hồ" is H, o, circumflex, grave: the marks must stay with their vowel.
    const word = 'Hồ-Chí-Minh-Nghĩa-Lộ'.normalize('NFD');
    const letters = (s: string) =>
      Array.from(new Intl.Segmenter('vi', { granularity: 'grapheme' }).segment(s));
    const lines = wrapText(word, 30, (s) => letters(s).length * 10);
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.join('')).toBe(word);
    for (const l of lines) {
      expect(letters(l).length).toBeLessThanOrEqual(3);
      expect(l).not.toMatch(/^[\u0300-\u036f]/);
    }
  });

  it('ends with an ellipsis past the line limit', () => {
    const lines = wrapText('một hai ba bốn năm sáu bảy tám', 70, chars, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]?.endsWith('…')).toBe(true);
    expect(chars(lines[1] ?? '')).toBeLessThanOrEqual(70);
  });
});

describe('export page layout', () => {
  it('puts title, notice, map, legend and footer in that order without overlaps', () => {
    const layout = layoutMapExport(content, frame, measure);
    const { title, notice, map, legend, footer } = layout.regions;
    if (!notice) throw new Error('synthetic data must have a notice');
    expect(title.y + title.h).toBeLessThanOrEqual(notice.y);
    expect(notice.y + notice.h).toBeLessThanOrEqual(map.y);
    expect(map.y + map.h).toBeLessThanOrEqual(footer.y);
    expect(legend.x).toBeGreaterThanOrEqual(map.x + map.w);
    expect(overlap(map, legend)).toBe(false);
    // The map keeps the size it had on screen, and the page is the map plus the legend column and margins.
    expect([map.w, map.h]).toEqual([1000, 700]);
    expect(layout.width).toBe(28 + 1000 + 20 + 300 + 28);
    expect(layout.height).toBe(footer.y + footer.h + 28);
  });

  it('writes the title with area and period in the title band, and the notice inside its band', () => {
    const layout = layoutMapExport(content, frame, measure);
    const all = texts(layout.shapes);
    const titleLine = all.find((s) => s.text.includes('Tỉnh Sơn La'));
    expect(titleLine?.text).toBe('Phân loại xã (tình hình ma túy) — Tỉnh Sơn La');
    expect(titleLine && inside(layout.regions.title, titleLine.x, titleLine.y)).toBe(true);
    const period = all.find((s) => s.text === 'Kỳ báo cáo: Quý III/2025');
    expect(period && inside(layout.regions.title, period.x, period.y)).toBe(true);
    const notice = all.find((s) => s.text.startsWith('DỮ LIỆU MÔ PHỎNG'));
    const band = layout.regions.notice;
    expect(band && notice && inside(band, notice.x, notice.y)).toBe(true);
  });

  it('draws one swatch per legend row in the legend, with its count right-aligned', () => {
    const layout = layoutMapExport(content, frame, measure);
    const swatches = layout.shapes.filter(
      (s): s is Extract<Shape, { kind: 'rect' }> =>
        s.kind === 'rect' && content.legend.rows.some((r) => r.color === s.fill),
    );
    expect(swatches.map((s) => s.fill)).toEqual(['#2c7bb6', '#ffffbf', '#a50026']);
    for (const s of swatches) expect(inside(layout.regions.legend, s.box.x, s.box.y)).toBe(true);
    const count = texts(layout.shapes).find((s) => s.text === '1.234');
    expect(count?.align).toBe('right');
    expect(count?.x).toBe(layout.regions.legend.x + layout.regions.legend.w);
  });

  it('has no notice band for official data', () => {
    const layout = layoutMapExport({ ...content, synthetic: false }, frame, measure);
    expect(layout.regions.notice).toBeNull();
    expect(texts(layout.shapes).some((s) => s.text.includes('MÔ PHỎNG'))).toBe(false);
  });

  it('wraps a long title over several lines inside the page, and credits the basemap', () => {
    const narrow = { ...frame, width: 400, attributions: ['© OpenStreetMap contributors'] };
    const layout = layoutMapExport(
      { ...content, what: 'Tỷ lệ người nghiện được điều trị bằng thuốc thay thế trên tổng số người nghiện' },
      narrow,
      measure,
    );
    const titleLines = texts(layout.shapes).filter((s) => s.font.size === 26);
    expect(titleLines.length).toBeGreaterThan(1);
    for (const l of titleLines) expect(l.x + measure(l.text, l.font)).toBeLessThanOrEqual(layout.width - 28);
    const credit = texts(layout.shapes).find((s) => s.text.includes('OpenStreetMap'));
    expect(credit && inside(layout.regions.footer, credit.x, credit.y)).toBe(true);
  });

  it('gives the scale bar a length matching the map scale, next to a north arrow', () => {
    const layout = layoutMapExport(content, frame, measure);
    // 300 − 48 − 60 = 192 px at 250 m/px = 48 km → 20 km, 80 px.
    expect(layout.scaleBar).toEqual({ metres: 20_000, width: 80 });
    const north = layout.shapes.find((s) => s.kind === 'north');
    expect(north && inside(layout.regions.legend, north.x, north.y)).toBe(true);
    expect(texts(layout.shapes).some((s) => s.text === 'km')).toBe(true);
  });
});

describe('export sharpness', () => {
  it('doubles the screen layout of a laptop-sized map', () => {
    expect(pageUnit(1036)).toBe(1);
    expect(exportPixelRatio(1036)).toBe(2);
  });

  it('keeps a 4K-wide map under the largest picture, with title and legend in proportion', () => {
    const mapWidth = 3500;
    const unit = pageUnit(mapWidth);
    expect(mapWidth / unit).toBe(MAX_MAP_LAYOUT_WIDTH);
    const ratio = exportPixelRatio(mapWidth);
    const layout = layoutMapExport(
      content,
      { ...frame, width: mapWidth / unit, height: 1800 / unit },
      measure,
    );
    // Drawn at ratio × unit per page unit, the page is exactly the largest picture.
    expect(layout.width * ratio * unit).toBeCloseTo(MAX_EXPORT_WIDTH);
    // The map's pixels land one to one: its layout width at that scale is its capture width.
    expect(layout.regions.map.w * ratio * unit).toBeCloseTo(mapWidth * ratio);
  });
});
