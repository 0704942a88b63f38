import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import type { Briefing, ViewSnapshot } from '@pcmt/domain/contracts/briefings';
import { beforeAll, describe, expect, it } from 'vitest';
import { openPdf, type PdfDoc, pageTexts } from '../../../testing/pdf-text';
import type { BriefingGeometry, UnitOutline, ViewGeometry } from './briefing-geometry';
import { renderBriefingPdf } from './render-briefing-pdf';

/**
 * The printed briefing pack as a reader gets it: its text read back by PDF.js (so the Vietnamese letters
 * are real text in an embedded font, not pictures or broken glyphs), and its pages drawn to pixels (so the
 * map is really coloured by the snapshot's classes and the cover is not blank).
 */

const artifactsDir = resolve(import.meta.dirname, '../../../../../test/artifacts');

/** A square commune of 0.1° at column i of a row near Sơn La. */
function square(code: string, name: string, i: number, row = 0): UnitOutline {
  const w = 103.8 + i * 0.1;
  const s = 21.2 - row * 0.1;
  return {
    code,
    name,
    polygons: [
      [
        [
          [w, s],
          [w + 0.1, s],
          [w + 0.1, s + 0.1],
          [w, s + 0.1],
          [w, s],
        ],
      ],
    ],
  };
}

const STATUS_LEGEND: ViewSnapshot['legend'] = [
  { class: 0, color: '#2c7bb6', status: 'khong_ma_tuy', range: null, count: 2 },
  { class: 1, color: '#ffffbf', status: 'co_ma_tuy', range: null, count: 3 },
  { class: 2, color: '#fdae61', status: 'trong_diem_III', range: null, count: 0 },
  { class: 3, color: '#f46d43', status: 'trong_diem_II', range: null, count: 0 },
  { class: 4, color: '#a50026', status: 'trong_diem_I', range: null, count: 1 },
];

const row = (code: string, name: string, cls: number, extra: Partial<ViewSnapshot['rows'][number]> = {}) => ({
  code,
  name,
  provinceCode: '14',
  class: cls,
  status: null,
  value: null,
  ...extra,
});

const counts = (drugFree: number, drugs: number, classI: number) => ({
  khong_ma_tuy: drugFree,
  co_ma_tuy: drugs,
  trong_diem_III: 0,
  trong_diem_II: 0,
  trong_diem_I: classI,
});

const statusSnapshot: ViewSnapshot = {
  kind: 'status',
  period: '2025-Q3',
  periodStart: '2025-07-01',
  periodEnd: '2025-09-30',
  at: '2025-09-30',
  parent: '14',
  parentName: 'Tỉnh Sơn La',
  indicator: null,
  rows: [
    row('14001', 'Phường Tô Hiệu', 0, { status: 'khong_ma_tuy' }),
    row('14002', 'Phường Chiềng Lề', 0, { status: 'khong_ma_tuy' }),
    row('14003', 'Xã Mường Bú', 1, { status: 'co_ma_tuy' }),
    row('14004', 'Xã Chiềng Mung', 1, { status: 'co_ma_tuy' }),
    row('14005', 'Xã Mường Chanh', 1, { status: 'co_ma_tuy' }),
    row('14006', 'Xã Long Hẹ', 4, { status: 'trong_diem_I' }),
  ],
  legend: STATUS_LEGEND,
  noData: 0,
  trend: [
    { period: '2025-Q1', counts: counts(1, 3, 2), value: null },
    { period: '2025-Q2', counts: counts(1, 4, 1), value: null },
    { period: '2025-Q3', counts: counts(2, 3, 1), value: null },
  ],
  synthetic: true,
  source: 'Dữ liệu mô phỏng PCMT Atlas',
};

const indicatorSnapshot: ViewSnapshot = {
  ...statusSnapshot,
  kind: 'indicator',
  period: '2025-H1',
  periodStart: '2025-01-01',
  periodEnd: '2025-06-30',
  at: '2025-06-30',
  indicator: {
    code: 'managed_addicts',
    nameVi: 'Người nghiện có hồ sơ quản lý',
    nameEn: 'Managed addicts',
    unitVi: 'người',
    unitEn: 'people',
  },
  rows: [
    row('14001', 'Phường Tô Hiệu', 0, { value: 12 }),
    row('14002', 'Phường Chiềng Lề', 0, { value: 15 }),
    row('14003', 'Xã Mường Bú', 1, { value: 240 }),
    row('14004', 'Xã Chiềng Mung', 2, { value: 530 }),
    row('14005', 'Xã Mường Chanh', 3, { value: 1234.5 }),
    row('14006', 'Xã Long Hẹ', -1),
  ],
  legend: [
    { class: 0, color: '#ffffb2', status: null, range: [12, 100], count: 2 },
    { class: 1, color: '#fecc5c', status: null, range: [100, 300], count: 1 },
    { class: 2, color: '#fd8d3c', status: null, range: [300, 600], count: 1 },
    { class: 3, color: '#e31a1c', status: null, range: [600, 1234.5], count: 1 },
  ],
  noData: 1,
  trend: [
    { period: '2024-H1', counts: null, value: 1890 },
    { period: '2024-H2', counts: null, value: 2010 },
    { period: '2025-H1', counts: null, value: 2031.5 },
  ],
};

const nationalSnapshot: ViewSnapshot = {
  ...statusSnapshot,
  period: '2024',
  periodStart: '2024-01-01',
  periodEnd: '2024-12-31',
  at: '2024-12-31',
  parent: null,
  parentName: null,
  synthetic: false,
  source: 'Báo cáo của Công an các tỉnh',
};

const spec = (title: string, note = '') => ({
  title,
  note,
  province: '14',
  period: '2025-Q3',
  indicator: 'status',
  method: 'quantile' as const,
  classes: 5,
  todayUnits: false,
  map: null,
  bounds: null,
});

const briefing: Briefing = {
  id: 'b1',
  title: 'Họp Ban Chỉ đạo tỉnh Sơn La quý III/2025',
  confidential: true,
  createdAt: '2025-10-12T02:30:00.000Z',
  createdBy: 'nvthuong',
  viewCount: 3,
  provinces: ['14'],
  views: [
    {
      spec: spec(
        'Tình hình ma túy các xã, phường',
        'Xã Long Hẹ vẫn là trọng điểm loại I; đề nghị tăng cường tuần tra.',
      ),
      snapshot: statusSnapshot,
    },
    { spec: spec('Người nghiện có hồ sơ quản lý theo xã'), snapshot: indicatorSnapshot },
    { spec: spec('Toàn quốc năm 2024'), snapshot: nationalSnapshot },
  ],
};

const communes = statusSnapshot.rows.map((r, i) => square(r.code, r.name, i % 3, Math.floor(i / 3)));
const province: UnitOutline = {
  code: '14',
  name: 'Tỉnh Sơn La',
  polygons: [
    [
      [
        [103.7, 20.9],
        [104.2, 20.9],
        [104.2, 21.4],
        [103.7, 21.4],
        [103.7, 20.9],
      ],
    ],
  ],
};
const viewGeometry: ViewGeometry = { bbox: [103.8, 21.1, 104.1, 21.3], communes, provinces: [province] };
const geometry: BriefingGeometry = { views: [viewGeometry, viewGeometry, viewGeometry] };
const generatedAt = new Date('2025-10-20T01:00:00Z');

type RenderParameters = Parameters<Awaited<ReturnType<PdfDoc['getPage']>>['render']>[0];

const SCALE = 2;

/** A page drawn at 144 dpi: its pixels and a PNG of them. */
async function renderPage(pdf: PdfDoc, n: number) {
  const page = await pdf.getPage(n);
  const viewport = page.getViewport({ scale: SCALE });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  await page.render({ canvas: canvas as unknown as RenderParameters['canvas'], viewport }).promise;
  const { data, width, height } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  return { data, width, height, png: canvas.toBuffer('image/png') };
}

type Pixels = Awaited<ReturnType<typeof renderPage>>;

/** Pixels within a page rectangle (in PDF points) whose colour is within `tolerance` of `hex`. */
function countNear(img: Pixels, hex: string, rect: [number, number, number, number], tolerance = 24): number {
  const n = Number.parseInt(hex.slice(1), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  const [x0, y0, x1, y1] = rect.map((v) => Math.round(v * SCALE)) as [number, number, number, number];
  let count = 0;
  for (let y = Math.max(0, y0); y < Math.min(img.height, y1); y++)
    for (let x = Math.max(0, x0); x < Math.min(img.width, x1); x++) {
      const i = (y * img.width + x) * 4;
      if (
        Math.abs((img.data[i] ?? 0) - r) <= tolerance &&
        Math.abs((img.data[i + 1] ?? 0) - g) <= tolerance &&
        Math.abs((img.data[i + 2] ?? 0) - b) <= tolerance
      )
        count++;
    }
  return count;
}

/** Pixels darker than mid-grey within a page rectangle (text ink). */
function countDark(img: Pixels, rect: [number, number, number, number]): number {
  const [x0, y0, x1, y1] = rect.map((v) => Math.round(v * SCALE)) as [number, number, number, number];
  let count = 0;
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      const i = (y * img.width + x) * 4;
      if ((img.data[i] ?? 255) + (img.data[i + 1] ?? 255) + (img.data[i + 2] ?? 255) < 3 * 100) count++;
    }
  return count;
}

describe('briefing PDF pack', () => {
  let secret: PdfDoc;
  let open: PdfDoc;
  let secretText: string[];
  let openText: string[];

  beforeAll(async () => {
    const [a, b] = await Promise.all([
      renderBriefingPdf(briefing, geometry, {
        confidential: true,
        generatedAt,
        creator: 'Nguyễn Văn Thường',
      }),
      renderBriefingPdf(briefing, geometry, { confidential: false, generatedAt }),
    ]);
    secret = await openPdf(a);
    open = await openPdf(b);
    secretText = await pageTexts(secret);
    openText = await pageTexts(open);
  });

  it('has a cover and one page per view, numbered "Trang i/n"', () => {
    expect(secret.numPages).toBe(4);
    secretText.forEach((text, i) => {
      expect(text).toContain(`Trang ${i + 1}/4`);
    });
  });

  it('keeps the Vietnamese text of the cover intact', () => {
    const cover = secretText[0] ?? '';
    expect(cover).toContain('PCMT Atlas');
    expect(cover).toContain('BẢN TIN HỌP BAN CHỈ ĐẠO');
    expect(cover).toContain('Họp Ban Chỉ đạo tỉnh Sơn La quý III/2025');
    // Frozen when the briefing was made (12/10/2025 in Vietnam), printed later.
    expect(cover).toContain('Số liệu tại ngày 12/10/2025');
    expect(cover).toContain('08:00 ngày 20/10/2025');
    expect(cover).toContain('Người lập Nguyễn Văn Thường');
    // Without a display name the cover names the account.
    expect(openText[0]).toContain('Người lập nvthuong');
    expect(cover).toContain('3 trang bản đồ');
    expect(cover).toContain('DỮ LIỆU MÔ PHỎNG — không phải số liệu chính thức');
    expect(cover).toContain('1. Tình hình ma túy các xã, phường Trang 2');
  });

  it('prints each view with its title, period, area, legend figures and note', () => {
    const [, status, indicator, national] = secretText;
    expect(status).toContain('Tình hình ma túy các xã, phường');
    expect(status).toContain('Quý III/2025 · Tỉnh Sơn La');
    expect(status).toContain('trọng điểm loại I; đề nghị tăng cường tuần tra.');
    // Legend rows: label, communes, share of the 6 communes in view.
    expect(status).toContain('Không có ma túy 2 33,3%');
    expect(status).toContain('Có ma túy 3 50%');
    expect(status).toContain('Trọng điểm loại I 1 16,7%');
    expect(status).toContain('Tổng số xã, phường 6 100%');
    expect(status).toContain('Q.III 2025');

    expect(indicator).toContain('6 tháng đầu năm 2025 · Tỉnh Sơn La · Người nghiện có hồ sơ quản lý (người)');
    expect(indicator).toContain('600 – 1.234,5 1 16,7%');
    expect(indicator).toContain('Không có số liệu 1 16,7%');
    // Top communes by value, highest first.
    expect(indicator).toMatch(/1\. Xã Mường Chanh 1\.234,5 2\. Xã Chiềng Mung 530 3\. Xã Mường Bú 240/);
    expect(indicator).toContain('2.031,5');

    expect(national).toContain('Năm 2024 · Toàn quốc');
    expect(national).toContain('Nguồn: Báo cáo của Công an các tỉnh');
    // Only synthetic snapshots carry the notice.
    expect(status).toContain('DỮ LIỆU MÔ PHỎNG');
    expect(national).not.toContain('DỮ LIỆU MÔ PHỎNG');
  });

  it('marks every page MẬT only on a confidential copy', () => {
    for (const text of secretText) expect(text.match(/MẬT/g)).toHaveLength(2);
    for (const text of openText) expect(text).not.toContain('MẬT');
  });

  it('draws a cover with a visible title and the red MẬT stamp', async () => {
    const cover = await renderPage(secret, 1);
    mkdirSync(artifactsDir, { recursive: true });
    writeFileSync(join(artifactsDir, 'briefing-pdf-page1.png'), cover.png);
    // The title band (26 pt bold) is full of ink; the margin above the product name is empty.
    expect(countDark(cover, [70, 162, 700, 200])).toBeGreaterThan(3000);
    expect(countDark(cover, [70, 100, 700, 135])).toBe(0);
    expect(countNear(cover, '#d00000', [380, 0, 462, 30], 40)).toBeGreaterThan(200);
    const plain = await renderPage(open, 1);
    expect(countNear(plain, '#d00000', [380, 0, 462, 30], 40)).toBe(0);
  });

  it('fills the communes of the first view with their status colours', async () => {
    const page = await renderPage(secret, 2);
    writeFileSync(join(artifactsDir, 'briefing-pdf-page2.png'), page.png);
    const map: [number, number, number, number] = [28, 112, 498, 517];
    // One commune of six is trọng điểm loại I, two are drug-free and three have drugs: a 0.1° square
    // fitted into the 470 × 405 pt frame is ~130 pt wide, ~60,000 pixels at 144 dpi.
    const red = countNear(page, '#a50026', map);
    const blue = countNear(page, '#2c7bb6', map);
    const yellow = countNear(page, '#ffffbf', map, 10);
    expect(red).toBeGreaterThan(30_000);
    expect(blue).toBeGreaterThan(1.6 * red);
    expect(yellow).toBeGreaterThan(2.4 * red);
    // Nothing of loại II colour: no commune has that class.
    expect(countNear(page, '#f46d43', map, 10)).toBe(0);
  });

  it('fills an indicator view by value class, with the commune without a value in grey', async () => {
    const page = await renderPage(secret, 3);
    writeFileSync(join(artifactsDir, 'briefing-pdf-page3.png'), page.png);
    const map: [number, number, number, number] = [28, 112, 498, 517];
    const highest = countNear(page, '#e31a1c', map, 10);
    expect(highest).toBeGreaterThan(30_000);
    expect(countNear(page, '#c8c8c8', map, 6)).toBeGreaterThan(0.8 * highest);
    expect(countNear(page, '#a50026', map, 10)).toBe(0);
  });
});
