import { formatCoverage } from '../../../lib/format';
import type { Lang } from '../../../lib/i18n';
import { estimateText } from '../../indicators/estimates';
import type { TableRow } from '../components/data-table';
import type { Cell } from './read-table';

/**
 * The map's table as it leaves the app (CSV and XLSX): the columns on screen and a note column, so a
 * spreadsheet says what the screen says. An estimate (a count carried by a partial crosswalk row) is written
 * whole and noted "ước tính"; a unit without a value is an empty cell noted "chưa có số liệu", never 0; an area
 * total over only some of its communes is noted "Tổng của 12/15 xã đã báo cáo".
 */
export function tableExportData(
  rows: readonly TableRow[],
  headers: readonly string[],
  lang: Lang,
): { columns: string[]; rows: Cell[][] } {
  return {
    columns: [...headers, estimateText(lang, 'note')],
    rows: rows.map((r) => [
      r.code,
      r.name,
      r.province,
      r.estimated && r.count && typeof r.value === 'number' ? Math.round(r.value) : r.value,
      note(r, lang),
    ]),
  };
}

function note(r: TableRow, lang: Lang): string | null {
  if (r.value === null) return estimateText(lang, 'noData');
  const notes = [
    r.estimated ? estimateText(lang, 'estimated') : null,
    r.coverage && r.coverage.reported < r.coverage.expected
      ? formatCoverage(r.coverage.reported, r.coverage.expected, lang)
      : null,
  ].filter((n): n is string => n !== null);
  return notes.length > 0 ? notes.join('; ') : null;
}
