import type { Briefing, ViewSnapshot } from '@pcmt/domain/contracts/briefings';
import { STATUS_LABELS } from '@pcmt/domain/status-classes';
import ExcelJS from 'exceljs';
import { addTableSheet, workbookBytes } from '../exports/table-xlsx';
import { areaLabelVi, SYNTHETIC_NOTICE_VI } from './briefing-labels';
import { formatDateTimeVi, formatNumberVi, periodLabelVi } from './pdf/labels-vi';

/**
 * A briefing as a workbook to take away: a summary sheet (what the briefing is and each view's legend
 * counts) and one sheet per view with every commune's figure, all as frozen when the briefing was made.
 * Periods, statuses and dates are worded as in the PDF pack.
 */
export interface BriefingWorkbookInput {
  briefing: Briefing;
  /** Display name of the creator. */
  creator: string;
  /** Province names by code, per unit date `at` of the views. */
  provinceNames: (at: string) => ReadonlyMap<string, string>;
}

const NO_DATA_VI = 'Không có số liệu';

export async function briefingXlsx({
  briefing,
  creator,
  provinceNames,
}: BriefingWorkbookInput): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'PCMT Atlas';
  workbook.title = briefing.title;
  const created = new Date(briefing.createdAt);
  workbook.created = created;
  // A confidential briefing says so on every sheet, as the PDF does on every page.
  const mark = briefing.confidential ? 'MẬT — ' : '';
  const synthetic = briefing.views.some((v) => v.snapshot.synthetic);
  const sources = [...new Set(briefing.views.map((v) => v.snapshot.source))].join('; ');

  addTableSheet(workbook, {
    name: 'Tóm tắt',
    caption: [
      `${mark}${briefing.title}`,
      `Ngày tạo: ${formatDateTimeVi(created)} — số liệu giữ nguyên như lúc tạo`,
      `Người tạo: ${creator}`,
      `Nguồn: ${sources}${synthetic ? ` — ${SYNTHETIC_NOTICE_VI}` : ''}`,
    ],
    columns: ['STT', 'Tiêu đề', 'Kỳ báo cáo', 'Địa bàn', 'Nội dung', 'Chú giải', 'Số xã, phường'],
    rows: briefing.views.flatMap(({ spec, snapshot }, i) => {
      const view = [
        i + 1,
        spec.title,
        periodLabelVi(snapshot.period),
        areaLabelVi(snapshot),
        subject(snapshot),
      ];
      return [
        ...snapshot.legend.map((l) => [...view, legendLabel(l), l.count]),
        [...view, NO_DATA_VI, snapshot.noData],
      ];
    }),
  });

  for (const [i, { spec, snapshot }] of briefing.views.entries()) {
    const names = provinceNames(snapshot.at);
    const caption = [
      `${mark}${i + 1}. ${spec.title} — ${subject(snapshot)} — ${periodLabelVi(snapshot.period)} — ${areaLabelVi(snapshot)}`,
      `Nguồn: ${snapshot.source}${snapshot.synthetic ? ` — ${SYNTHETIC_NOTICE_VI}` : ''} — số liệu tại ${formatDateTimeVi(created)}`,
    ];
    const base = (r: ViewSnapshot['rows'][number]) => [
      r.code,
      r.name,
      names.get(r.provinceCode) ?? r.provinceCode,
    ];
    addTableSheet(
      workbook,
      snapshot.kind === 'status'
        ? {
            name: `${i + 1}. ${spec.title}`,
            caption,
            columns: ['Mã', 'Tên', 'Tỉnh', 'Tình trạng'],
            rows: snapshot.rows.map((r) => [...base(r), r.status ? STATUS_LABELS.vi[r.status] : NO_DATA_VI]),
          }
        : {
            name: `${i + 1}. ${spec.title}`,
            caption,
            columns: ['Mã', 'Tên', 'Tỉnh', `Giá trị (${snapshot.indicator?.unitVi ?? ''})`, 'Lớp'],
            rows: snapshot.rows.map((r) => {
              const entry = snapshot.legend.find((l) => l.class === r.class);
              return [...base(r), r.value, entry ? legendLabel(entry) : NO_DATA_VI];
            }),
          },
    );
  }
  return workbookBytes(workbook);
}

/** What the view maps: the commune statuses, or an indicator with its unit. */
function subject(s: ViewSnapshot): string {
  return s.indicator ? `${s.indicator.nameVi} (${s.indicator.unitVi})` : 'Tình trạng ma túy của xã, phường';
}

function legendLabel(l: ViewSnapshot['legend'][number]): string {
  if (l.status) return STATUS_LABELS.vi[l.status];
  if (l.range) return `${formatNumberVi(l.range[0], 2)} – ${formatNumberVi(l.range[1], 2)}`;
  return `Lớp ${l.class + 1}`;
}
