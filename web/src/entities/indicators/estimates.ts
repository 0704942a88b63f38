import { formatDate } from '@pcmt/domain/format';
import { formatNumber, formatPercent } from '../../lib/format';
import { defineMessages, type Lang } from '../../lib/i18n';

/**
 * How the web says that a number is an estimate or missing. A count carried to today's units by a partial
 * crosswalk row (a share of an old unit's count, by area) is an estimate: shown whole and marked "ước tính";
 * a period or unit without a value is "chưa có số liệu", never 0.
 */
export const estimateText = defineMessages(
  {
    estimated: 'ước tính',
    estimatedTitle: 'Ước tính: số liệu của đơn vị cũ chia theo tỷ lệ diện tích qua bảng chuyển đổi',
    estimatedUnits: 'Ước tính (quy đổi một phần qua bảng chuyển đổi)',
    noData: 'chưa có số liệu',
    note: 'Ghi chú',
    partial: 'chưa đủ các quý',
    partialTitle: 'Một số quý của kỳ này chưa có số liệu: con số chỉ tính các quý đã báo cáo',
    sources: 'Nguồn số liệu',
    sourceDemo: 'Dữ liệu minh họa (tổng hợp)',
    sourceImport: 'Nhập từ tệp {file}{rows} (lần nhập số {id}, {actor}, {date})',
    sourceRow: ', dòng {rows}',
    sourceForm: 'Báo cáo nhập trên ứng dụng (lần gửi số {submission}, duyệt bởi {actor}, {date})',
    sourceOther: 'Nguồn: {tag}',
    sourceCrosswalk: 'quy đổi từ đơn vị cũ qua bảng chuyển đổi',
    sourceEstimated: 'ước tính qua bảng chuyển đổi (chia theo tỷ lệ diện tích)',
  },
  {
    estimated: 'estimate',
    estimatedTitle: "Estimate: an old unit's figure shared by area through the crosswalk",
    estimatedUnits: 'Estimates (partly carried through the crosswalk)',
    noData: 'no data yet',
    note: 'Note',
    partial: 'incomplete',
    partialTitle: 'Some quarters of this period have no data: the figure covers the reported quarters only',
    sources: 'Sources',
    sourceDemo: 'Demo data (synthetic)',
    sourceImport: 'Imported from {file}{rows} (import {id}, {actor}, {date})',
    sourceRow: ', row {rows}',
    sourceForm: 'Report entered in the app (submission {submission}, approved by {actor}, {date})',
    sourceOther: 'Source: {tag}',
    sourceCrosswalk: 'carried from older units through the crosswalk',
    sourceEstimated: 'estimated through the crosswalk (shared by area)',
  },
);

/** The parts of a stored value's source the web names (GET /api/series, `sources`). */
export interface SourceLike {
  kind: 'import' | 'form' | 'demo' | 'other';
  tag: string;
  importId: number | null;
  fileName: string | null;
  actor: string | null;
  importedAt: string | null;
  /** Rows of the imported file (absent in older answers). */
  rows?: number[];
  submissionId?: number | null;
  crosswalk: boolean;
  estimated: boolean;
  values: number;
}

const fill = (text: string, params: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');

/** One source in words: the file and import, or the demo generator; and how the crosswalk carried it. */
export function describeSource(s: SourceLike, lang: Lang): string {
  const what =
    s.kind === 'demo'
      ? estimateText(lang, 'sourceDemo')
      : s.kind === 'form'
        ? fill(estimateText(lang, 'sourceForm'), {
            submission: String(s.submissionId ?? ''),
            actor: s.actor ?? '',
            date: s.importedAt ? formatDate(s.importedAt.slice(0, 10)) : '',
          })
        : s.kind === 'import'
          ? fill(estimateText(lang, 'sourceImport'), {
              file: s.fileName ?? '',
              rows:
                s.rows && s.rows.length > 0
                  ? fill(estimateText(lang, 'sourceRow'), { rows: s.rows.join(', ') })
                  : '',
              id: String(s.importId ?? ''),
              actor: s.actor ?? '',
              date: s.importedAt ? formatDate(s.importedAt.slice(0, 10)) : '',
            })
          : fill(estimateText(lang, 'sourceOther'), { tag: s.tag });
  const how = s.estimated
    ? estimateText(lang, 'sourceEstimated')
    : s.crosswalk
      ? estimateText(lang, 'sourceCrosswalk')
      : null;
  return how ? `${what} — ${how}` : what;
}

/**
 * A value as a reader sees it: missing → "chưa có số liệu"; an estimated count → whole (never "50,1495
 * người"); a share in percent with its sign, "12,5%"; otherwise the one formatter's way. `count`: the
 * indicator counts things (not a share or a rate); `unit`: its unit of measure (only "%" is written on).
 */
export function formatValue(
  value: number | null | undefined,
  lang: Lang,
  o: { estimated?: boolean; count?: boolean; unit?: string } = {},
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return estimateText(lang, 'noData');
  if (o.unit?.trim() === '%') return formatPercent(value, lang);
  return o.estimated && o.count ? formatNumber(Math.round(value), lang, 0) : formatNumber(value, lang);
}

/** Whether a unit of measure counts things (people, communes, m², đồng), not a share or a rate per N. */
export function isCountUnit(unitVi: string): boolean {
  const u = unitVi.trim();
  return u !== '%' && u !== '‰' && !u.includes('/');
}
