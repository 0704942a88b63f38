import type { ViewSnapshot } from '@pcmt/domain/contracts/briefings';
import type { CommuneStatus } from '@pcmt/domain/contracts/common';
import { NO_DATA_COLOR } from '@pcmt/domain/palette';
import { STATUS_COLORS } from '@pcmt/domain/status-classes';
import { formatNumberVi, formatShareVi, periodShortLabelVi, STATUS_LABELS_VI } from './labels-vi';
import type { Pdf } from './pdf-document';

/**
 * The figures beside a view's map: the legend as a table (class, communes, share), the ten highest
 * communes of an indicator, and the area's trend over the last periods as a small bar chart.
 */

const INK = '#1a1a1a';
const MUTED = '#5a5a5a';
const RULE = '#c9c9c9';
const ROW = 12.5;

/** One line of text cut with "…" to its width (a table cell). */
function cell(
  doc: Pdf,
  text: string,
  x: number,
  y: number,
  width: number,
  opts: {
    align?: 'left' | 'right' | 'center';
    font?: 'regular' | 'bold';
    size?: number;
    color?: string;
  } = {},
) {
  const size = opts.size ?? 8;
  doc
    .font(opts.font ?? 'regular')
    .fontSize(size)
    .fillColor(opts.color ?? INK)
    .text(text, x, y, { width, height: size * 1.4, ellipsis: true, align: opts.align ?? 'left' });
}

function heading(doc: Pdf, text: string, x: number, y: number, width: number): number {
  cell(doc, text, x, y, width, { font: 'bold', size: 9.5 });
  return y + 15;
}

function rule(doc: Pdf, x: number, y: number, width: number) {
  doc.save();
  doc
    .lineWidth(0.5)
    .moveTo(x, y)
    .lineTo(x + width, y)
    .stroke(RULE);
  doc.restore();
}

/** How many decimals the class bounds need: none when they are whole numbers. */
function rangeDecimals(snapshot: ViewSnapshot): number {
  const bounds = snapshot.legend.flatMap((e) => e.range ?? []);
  return bounds.every((v) => Number.isInteger(v)) ? 0 : 2;
}

export function legendLabel(entry: ViewSnapshot['legend'][number], decimals: number): string {
  if (entry.status) return STATUS_LABELS_VI[entry.status];
  if (entry.range)
    return `${formatNumberVi(entry.range[0], decimals)} – ${formatNumberVi(entry.range[1], decimals)}`;
  return `Lớp ${entry.class + 1}`;
}

/** The legend with each class's count and share of the communes in view; returns the y below it. */
export function drawLegendTable(
  doc: Pdf,
  snapshot: ViewSnapshot,
  x: number,
  y: number,
  width: number,
): number {
  const total = snapshot.rows.length;
  const unit = snapshot.indicator?.unitVi;
  let top = heading(
    doc,
    snapshot.kind === 'status' ? 'Chú giải và số liệu' : `Chú giải (${unit ?? ''})`,
    x,
    y,
    width,
  );
  const countX = x + width - 100;
  const shareX = x + width - 48;
  cell(doc, snapshot.kind === 'status' ? 'Phân loại' : 'Khoảng giá trị', x + 16, top, countX - x - 20, {
    color: MUTED,
  });
  cell(doc, 'Số xã', countX, top, 50, { align: 'right', color: MUTED });
  cell(doc, 'Tỷ lệ', shareX, top, 48, { align: 'right', color: MUTED });
  top += ROW;
  rule(doc, x, top - 2, width);
  const decimals = rangeDecimals(snapshot);
  const lines = [
    ...snapshot.legend.map((e) => ({ color: e.color, label: legendLabel(e, decimals), count: e.count })),
    { color: NO_DATA_COLOR, label: 'Không có số liệu', count: snapshot.noData },
  ];
  for (const line of lines) {
    doc.save();
    doc
      .lineWidth(0.4)
      .rect(x, top + 0.5, 11, 8)
      .fillAndStroke(line.color, '#7a7a7a');
    doc.restore();
    cell(doc, line.label, x + 16, top, countX - x - 20);
    cell(doc, formatNumberVi(line.count, 0), countX, top, 50, { align: 'right' });
    cell(doc, formatShareVi(line.count, total), shareX, top, 48, { align: 'right' });
    top += ROW;
  }
  rule(doc, x, top - 2, width);
  cell(doc, 'Tổng số xã, phường', x + 16, top, countX - x - 20, { font: 'bold' });
  cell(doc, formatNumberVi(total, 0), countX, top, 50, { align: 'right', font: 'bold' });
  cell(doc, formatShareVi(total, total), shareX, top, 48, { align: 'right', font: 'bold' });
  return top + ROW + 6;
}

/** The ten communes with the highest value of an indicator view; returns the y below it. */
export function drawTopTen(
  doc: Pdf,
  snapshot: ViewSnapshot,
  provinceNames: ReadonlyMap<string, string>,
  x: number,
  y: number,
  width: number,
): number {
  const ranked = snapshot.rows
    .filter((r): r is typeof r & { value: number } => r.value !== null)
    .sort((a, b) => b.value - a.value || a.name.localeCompare(b.name, 'vi'))
    .slice(0, 10);
  let top = heading(doc, `${ranked.length} xã có giá trị cao nhất`, x, y, width);
  if (ranked.length === 0) {
    cell(doc, 'Không xã nào có số liệu.', x, top, width, { color: MUTED });
    return top + ROW + 6;
  }
  const valueX = x + width - 70;
  // A national view names the province too: commune names repeat across provinces.
  const withProvince = snapshot.parent === null;
  ranked.forEach((r, i) => {
    cell(doc, `${i + 1}.`, x, top, 14, { align: 'right', color: MUTED });
    const province = withProvince ? provinceNames.get(r.provinceCode) : undefined;
    cell(doc, province ? `${r.name} (${province})` : r.name, x + 18, top, valueX - x - 22);
    cell(doc, formatNumberVi(r.value, 2), valueX, top, 70, { align: 'right' });
    top += ROW - 1;
  });
  return top + 6;
}

const STATUS_ORDER: readonly CommuneStatus[] = [
  'khong_ma_tuy',
  'co_ma_tuy',
  'trong_diem_III',
  'trong_diem_II',
  'trong_diem_I',
];

/** The area's figure over the last periods: stacked status counts, or the indicator's value per period. */
export function drawTrend(
  doc: Pdf,
  snapshot: ViewSnapshot,
  x: number,
  y: number,
  width: number,
  height: number,
): void {
  const title =
    snapshot.kind === 'status'
      ? 'Diễn biến số xã theo phân loại'
      : `Diễn biến ${snapshot.indicator?.nameVi ?? ''} (${snapshot.indicator?.unitVi ?? ''})`;
  const top = heading(doc, title, x, y, width);
  const trend = snapshot.trend;
  if (trend.length === 0) {
    cell(doc, 'Chưa có số liệu các kỳ trước.', x, top, width, { color: MUTED });
    return;
  }
  const labelH = 20;
  const valueH = 10;
  const chartTop = top + valueH;
  const chartH = Math.max(20, height - (top - y) - labelH - valueH);
  const base = chartTop + chartH;
  const slot = width / trend.length;
  const barW = Math.min(28, slot * 0.62);
  const statusColor = new Map<string, string>(
    snapshot.legend.flatMap((e) => (e.status ? [[e.status, e.color] as const] : [])),
  );
  const totals = trend.map((t) =>
    snapshot.kind === 'status'
      ? Object.values(t.counts ?? {}).reduce((a, b) => a + b, 0)
      : Math.max(0, t.value ?? 0),
  );
  const max = Math.max(1e-9, ...totals);
  doc.save();
  trend.forEach((t, i) => {
    const bx = x + i * slot + (slot - barW) / 2;
    if (snapshot.kind === 'status' && t.counts) {
      let yTop = base;
      for (const status of STATUS_ORDER) {
        const n = t.counts[status] ?? 0;
        if (n <= 0) continue;
        const h = (n / max) * chartH;
        yTop -= h;
        doc.rect(bx, yTop, barW, h).fill(statusColor.get(status) ?? STATUS_COLORS[status]);
      }
    } else if (t.value !== null) {
      const h = (Math.max(0, t.value) / max) * chartH;
      const current = t.period === snapshot.period;
      doc.rect(bx, base - h, barW, h).fill(current ? '#2f6690' : '#8fb3cf');
      cell(doc, formatNumberVi(t.value, 1), x + i * slot, base - h - valueH, slot, {
        align: 'center',
        size: 6.5,
      });
    } else {
      cell(doc, '–', x + i * slot, base - valueH, slot, { align: 'center', size: 6.5, color: MUTED });
    }
    const [line1, line2] = periodShortLabelVi(t.period);
    const bold = t.period === snapshot.period ? 'bold' : 'regular';
    cell(doc, line1, x + i * slot, base + 3, slot, { align: 'center', size: 6.5, font: bold });
    cell(doc, line2, x + i * slot, base + 11, slot, { align: 'center', size: 6.5, font: bold, color: MUTED });
  });
  doc
    .lineWidth(0.6)
    .moveTo(x, base)
    .lineTo(x + width, base)
    .stroke('#7a7a7a');
  doc.restore();
}
