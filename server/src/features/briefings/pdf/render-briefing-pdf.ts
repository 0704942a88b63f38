import type { Briefing } from '@pcmt/domain/contracts/briefings';
import type { BriefingGeometry, ViewGeometry } from './briefing-geometry';
import { drawLegendTable, drawTopTen, drawTrend } from './draw-figures';
import { drawViewMap } from './draw-map';
import { formatDateTimeVi, formatDateVi, periodLabelVi } from './labels-vi';
import { MAP_FRAME, MARGIN, PAGE, SIDE_FRAME } from './page-layout';
import { createPdf, type Pdf, pdfBytes } from './pdf-document';

/**
 * The printed briefing pack (A4 landscape, Vietnamese): a cover, then one page per view with its map,
 * legend and figures, and the trend. Every page carries "Trang i/n" and, for a confidential copy, the
 * "MẬT" marking in red at its top and bottom, as Vietnamese classified documents are marked.
 */

export interface RenderOptions {
  /** Marks every page MẬT (the briefing's own setting, or the copy's override). */
  confidential: boolean;
  /** When this copy is printed: the cover says so, and the PDF's creation date is this instant. */
  generatedAt: Date;
  /** The creator's display name for the cover; `briefing.createdBy` (the username) when absent. */
  creator?: string | undefined;
}

const INK = '#1a1a1a';
const MUTED = '#5a5a5a';
const BRAND = '#1f4e79';
const SECRET_RED = '#d00000';
const SYNTHETIC_NOTICE = 'DỮ LIỆU MÔ PHỎNG — không phải số liệu chính thức';
const SYNTHETIC_COLOR = '#b45309';

export async function renderBriefingPdf(
  input: Briefing,
  geometry: BriefingGeometry,
  options: RenderOptions,
): Promise<Buffer> {
  // Precomposed letters only: typed or pasted text may carry decomposed diacritics (a + ◌̣), which the
  // font would place less well and a reader's search would not match.
  const briefing = JSON.parse(JSON.stringify(input).normalize('NFC')) as Briefing;
  const doc = createPdf({
    title: briefing.title,
    author: options.creator ?? briefing.createdBy,
    subject: 'Bản tin họp Ban Chỉ đạo — PCMT Atlas',
    createdAt: options.generatedAt,
  });
  const pageCount = 1 + briefing.views.length;
  const furniture = (page: number) => drawPageFurniture(doc, briefing, page, pageCount, options.confidential);

  doc.addPage();
  drawCover(doc, briefing, options);
  furniture(1);

  briefing.views.forEach((view, i) => {
    doc.addPage();
    drawViewPage(doc, briefing, i, view, geometry.views[i] ?? { bbox: null, communes: [], provinces: [] });
    furniture(i + 2);
  });
  return pdfBytes(doc);
}

/** Page number, product and briefing name, and the MẬT marking when the copy is confidential. */
function drawPageFurniture(doc: Pdf, briefing: Briefing, page: number, pages: number, confidential: boolean) {
  const y = PAGE.height - 20;
  doc
    .font('regular')
    .fontSize(7.5)
    .fillColor(MUTED)
    .text(`PCMT Atlas — ${briefing.title}`, MARGIN, y, {
      width: PAGE.width / 2 - MARGIN - 50,
      height: 10,
      ellipsis: true,
    });
  doc.text(`Trang ${page}/${pages}`, PAGE.width / 2 + 50, y, {
    width: PAGE.width / 2 - MARGIN - 50,
    align: 'right',
    lineBreak: false,
  });
  if (confidential) {
    secretStamp(doc, 6);
    secretStamp(doc, PAGE.height - 26);
  }
}

/** "MẬT" in red bold capitals inside a red frame, centred on the page. */
function secretStamp(doc: Pdf, top: number) {
  const width = 54;
  const x = (PAGE.width - width) / 2;
  doc.save();
  doc.lineWidth(1.2).rect(x, top, width, 19).stroke(SECRET_RED);
  doc
    .font('bold')
    .fontSize(12)
    .fillColor(SECRET_RED)
    .text('MẬT', x, top + 2.5, { width, align: 'center', lineBreak: false });
  doc.restore();
}

const areaName = (snapshot: Briefing['views'][number]['snapshot']) => snapshot.parentName ?? 'Toàn quốc';

function drawCover(doc: Pdf, briefing: Briefing, options: RenderOptions) {
  const left = 70;
  const width = PAGE.width - left - 60;
  doc.rect(0, 0, 14, PAGE.height).fill(BRAND);
  doc.font('bold').fontSize(15).fillColor(BRAND).text('PCMT Atlas', left, 52, { lineBreak: false });
  doc
    .font('regular')
    .fontSize(9)
    .fillColor(MUTED)
    .text('Bản đồ phòng, chống ma túy', left, 72, { lineBreak: false });

  doc
    .font('bold')
    .fontSize(12)
    .fillColor(BRAND)
    .text('BẢN TIN HỌP BAN CHỈ ĐẠO', left, 140, { lineBreak: false });
  doc
    .font('bold')
    .fontSize(26)
    .fillColor(INK)
    .text(briefing.title, left, 162, { width, height: 100, ellipsis: true, lineGap: 2 });

  const views = briefing.views;
  const areas = [...new Set(views.map((v) => areaName(v.snapshot)))];
  const facts: [string, string][] = [
    ['Số liệu tại ngày', `${formatDateVi(briefing.createdAt)} (chốt khi lập bản tin)`],
    ['Nội dung', `${views.length} trang bản đồ`],
    ['Phạm vi', areas.join(', ')],
    ['Người lập', (options.creator ?? briefing.createdBy).normalize('NFC')],
    ['Ngày in', formatDateTimeVi(options.generatedAt)],
  ];
  let y = 290;
  const factsWidth = 330;
  for (const [label, value] of facts) {
    doc.font('regular').fontSize(10).fillColor(MUTED).text(label, left, y, { lineBreak: false });
    doc
      .font('bold')
      .fontSize(10)
      .fillColor(INK)
      .text(value, left + 105, y, { width: factsWidth - 105, height: 28, ellipsis: true });
    y += 22;
  }

  if (views.some((v) => v.snapshot.synthetic)) {
    const boxY = 420;
    doc.save();
    doc.lineWidth(1).rect(left, boxY, factsWidth, 44).stroke(SYNTHETIC_COLOR);
    doc.restore();
    doc
      .font('bold')
      .fontSize(10)
      .fillColor(SYNTHETIC_COLOR)
      .text(SYNTHETIC_NOTICE, left + 10, boxY + 8, { width: factsWidth - 20, lineBreak: false });
    doc
      .font('regular')
      .fontSize(8)
      .fillColor(MUTED)
      .text('Ranh giới và số liệu do phần mềm sinh ra để minh họa.', left + 10, boxY + 25, {
        width: factsWidth - 20,
        lineBreak: false,
      });
  }

  // Contents: one line per view with its page.
  const tocX = left + factsWidth + 40;
  const tocWidth = PAGE.width - 60 - tocX;
  doc.font('bold').fontSize(11).fillColor(INK).text('Mục lục', tocX, 290, { lineBreak: false });
  const lineH = Math.min(24, 240 / Math.max(1, views.length));
  const size = Math.min(9.5, lineH * 0.75);
  views.forEach((v, i) => {
    const ty = 310 + i * lineH;
    doc
      .font('regular')
      .fontSize(size)
      .fillColor(INK)
      .text(`${i + 1}. ${v.spec.title}`, tocX, ty, {
        width: tocWidth - 50,
        height: size * 1.4,
        ellipsis: true,
      });
    doc.text(`Trang ${i + 2}`, tocX + tocWidth - 50, ty, { width: 50, align: 'right', lineBreak: false });
    if (lineH >= 20) {
      doc
        .fontSize(size - 1.5)
        .fillColor(MUTED)
        .text(`${periodLabelVi(v.snapshot.period)} · ${areaName(v.snapshot)}`, tocX + 12, ty + size + 1.5, {
          width: tocWidth - 62,
          height: size * 1.3,
          ellipsis: true,
        });
    }
  });
}

function drawViewPage(
  doc: Pdf,
  briefing: Briefing,
  index: number,
  view: Briefing['views'][number],
  geometry: ViewGeometry,
) {
  const { spec, snapshot } = view;
  const contentWidth = PAGE.width - 2 * MARGIN;

  doc
    .font('bold')
    .fontSize(17)
    .fillColor(INK)
    .text(spec.title, MARGIN, 32, { width: contentWidth - 70, height: 24, ellipsis: true });
  doc
    .font('regular')
    .fontSize(8)
    .fillColor(MUTED)
    .text(`Khung ${index + 1}/${briefing.views.length}`, PAGE.width - MARGIN - 70, 38, {
      width: 70,
      align: 'right',
      lineBreak: false,
    });
  const what =
    snapshot.kind === 'status'
      ? 'Phân loại xã, phường theo tình hình ma túy'
      : `${snapshot.indicator?.nameVi ?? ''} (${snapshot.indicator?.unitVi ?? ''})`;
  doc
    .font('bold')
    .fontSize(10.5)
    .fillColor(BRAND)
    .text(`${periodLabelVi(snapshot.period)} · ${areaName(snapshot)} · ${what}`, MARGIN, 58, {
      width: contentWidth,
      height: 15,
      ellipsis: true,
    });
  if (spec.note) {
    doc
      .font('regular')
      .fontSize(8.5)
      .fillColor(INK)
      .text(spec.note, MARGIN, 75, { width: contentWidth, height: 34, ellipsis: true, lineGap: 0.5 });
  }

  drawViewMap(doc, MAP_FRAME, snapshot, geometry);

  const side = SIDE_FRAME;
  let y = drawLegendTable(doc, snapshot, side.x, side.y, side.width);
  if (snapshot.kind === 'indicator') {
    const provinceNames = new Map(geometry.provinces.map((p) => [p.code, p.name]));
    y = drawTopTen(doc, snapshot, provinceNames, side.x, y, side.width);
  }
  const trendHeight = side.y + side.height - y;
  if (trendHeight >= 60) drawTrend(doc, snapshot, side.x, y, side.width, trendHeight);

  const below = MAP_FRAME.y + MAP_FRAME.height + 6;
  const units =
    snapshot.at === snapshot.periodEnd ? '' : `; đơn vị hành chính tại ngày ${formatDateVi(snapshot.at)}`;
  doc
    .font('regular')
    .fontSize(7.5)
    .fillColor(MUTED)
    .text(
      `Nguồn: ${snapshot.source}. Số liệu tại ngày ${formatDateVi(briefing.createdAt)} (kỳ ${formatDateVi(snapshot.periodStart)}–${formatDateVi(snapshot.periodEnd)}${units}). Phép chiếu Web Mercator; thước tỷ lệ đúng ở vĩ độ giữa bản đồ.`,
      MARGIN,
      below,
      { width: contentWidth, height: 20, ellipsis: true },
    );
  if (snapshot.synthetic) {
    doc
      .font('bold')
      .fontSize(8.5)
      .fillColor(SYNTHETIC_COLOR)
      .text(SYNTHETIC_NOTICE, MARGIN, below + 21, { width: contentWidth, lineBreak: false });
  }
}
