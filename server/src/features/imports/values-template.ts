import ExcelJS from 'exceljs';
import type { IndicatorRow } from '../indicators/indicators.repo';
import type { MatchableUnit } from './unit-matcher';

export type TemplateLayout = 'long' | 'wide';

/** Headers of the templates; the importer reads them back (and their English forms). */
export const TEMPLATE_HEADERS = {
  unitCode: 'Mã đơn vị',
  unitName: 'Tên đơn vị',
  province: 'Tỉnh',
  period: 'Kỳ báo cáo',
  // An indicator is a "chỉ số" ("chỉ tiêu" is a plan's target); the reader takes the older headings too.
  indicatorCode: 'Mã chỉ số',
  indicatorName: 'Tên chỉ số',
  unit: 'Đơn vị tính',
  value: 'Giá trị',
} as const;

/** The column heading of an indicator in the wide layout: its name with its code, e.g. "Dân số (population)". */
export const indicatorHeader = (i: IndicatorRow) => `${i.nameVi} (${i.code})`;

/**
 * What a commune report carries: the stored indicators in use (computed ones are computed, retired ones no
 * longer reported), national ones and those the scope's province added (a national template: national only).
 */
export const reportableIndicators = (indicators: readonly IndicatorRow[], scope?: string | null) =>
  indicators.filter(
    (i) =>
      i.formula === null &&
      i.retiredAt === null &&
      i.reportingLevel === 'commune' &&
      (i.provinceCode === null || i.provinceCode === scope),
  );

/** The template's rows: one per commune (wide) or per commune × indicator (long), values left empty. */
export function templateRows(
  layout: TemplateLayout,
  units: readonly MatchableUnit[],
  indicators: readonly IndicatorRow[],
  period: string,
  scope?: string | null,
): string[][] {
  const h = TEMPLATE_HEADERS;
  const stored = reportableIndicators(indicators, scope);
  if (layout === 'wide') {
    return [
      [h.unitCode, h.unitName, h.province, h.period, ...stored.map(indicatorHeader)],
      ...units.map((u) => [u.code, u.fullName, u.provinceName, period, ...stored.map(() => '')]),
    ];
  }
  const rows: string[][] = [
    [h.unitCode, h.unitName, h.period, h.indicatorCode, h.indicatorName, h.unit, h.value],
  ];
  for (const u of units) {
    for (const i of stored) rows.push([u.code, u.fullName, period, i.code, i.nameVi, i.unitVi, '']);
  }
  return rows;
}

/** CSV UTF-8 with a BOM so Excel opens the Vietnamese headers correctly; fields quoted when needed. */
export function templateCsv(rows: readonly string[][]): string {
  const quote = (s: string) => (/[",\n\r;]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  return `\uFEFF${rows.map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`;
}

/** XLSX with the codes stored as text (Excel would drop their leading zeros) and the header frozen. */
export async function templateXlsx(rows: readonly string[][], sheetName: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  const width = rows[0]?.length ?? 0;
  sheet.columns = Array.from({ length: width }, (_, i) => ({
    width: i < 2 ? 28 : 18,
    style: i === 0 ? { numFmt: '@' } : {},
  }));
  for (const r of rows) sheet.addRow(r.map((c, i) => (i === 0 || c !== '' ? c : null)));
  sheet.getRow(1).font = { bold: true };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
