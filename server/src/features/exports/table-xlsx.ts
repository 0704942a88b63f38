import ExcelJS from 'exceljs';

/**
 * A table as a worksheet the way every export of the product looks: caption lines (what, where, when,
 * source, synthetic notice), a bold frozen header with a filter, numbers as numbers (so Excel can sum
 * them) and codes as text (so leading zeros stay), columns wide enough to read.
 */
export interface TableSheet {
  name: string;
  /** Lines above the header; empty strings are skipped. */
  caption: string | readonly string[];
  columns: readonly string[];
  rows: ReadonlyArray<ReadonlyArray<string | number | null>>;
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Excel refuses these in sheet names, and names longer than 31 characters. */
const FORBIDDEN_IN_SHEET_NAME = /[\\/*?:[\]]/g;
const SHEET_NAME_MAX = 31;

/** A name Excel accepts and no other sheet of the workbook has: `Hà Nội`, `Hà Nội (2)`, `Người nghiện có hồ sơ, Sơn…`. */
export function sheetName(raw: string, taken: ReadonlySet<string>): string {
  const cleaned =
    raw
      .replace(FORBIDDEN_IN_SHEET_NAME, '-')
      .replace(/^'+|'+$/g, '')
      .trim() || 'Sheet';
  const lower = new Set([...taken].map((n) => n.toLowerCase()));
  let name = shorten(cleaned, SHEET_NAME_MAX);
  for (let n = 2; lower.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    name = `${shorten(cleaned, SHEET_NAME_MAX - suffix.length)}${suffix}`;
  }
  return name;
}

/** At most `max` characters, cut at a word where one is near and marked with an ellipsis. */
function shorten(s: string, max: number): string {
  if (s.length <= max) return s;
  const head = s.slice(0, max - 1);
  const atWordEnd = /[\s,.;:]/.test(s[max - 1] ?? ' ');
  const space = head.lastIndexOf(' ');
  const cut = atWordEnd || space < max / 2 ? head : head.slice(0, space);
  return `${cut.replace(/[\s,.;:-]+$/, '')}…`;
}

const MIN_WIDTH = 6;
const MAX_WIDTH = 60;
/** Widths are judged from the first rows: enough to see the data, without scanning 50,000 rows. */
const WIDTH_SAMPLE = 500;

export function addTableSheet(workbook: ExcelJS.Workbook, table: TableSheet): ExcelJS.Worksheet {
  const taken = new Set(workbook.worksheets.map((w) => w.name));
  const captions = (typeof table.caption === 'string' ? [table.caption] : table.caption).filter(
    (l) => l !== '',
  );
  const headerRow = captions.length + 1;
  const sheet = workbook.addWorksheet(sheetName(table.name, taken), {
    views: [{ state: 'frozen', ySplit: headerRow }],
  });
  for (const line of captions) sheet.addRow([line]).font = { italic: true };
  const header = sheet.addRow([...table.columns]);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  for (const r of table.rows) sheet.addRow([...r]);
  if (table.columns.length > 0) {
    sheet.autoFilter = {
      from: { row: headerRow, column: 1 },
      to: { row: headerRow, column: table.columns.length },
    };
  }
  table.columns.forEach((title, i) => {
    let chars = title.length;
    for (const r of table.rows.slice(0, WIDTH_SAMPLE)) {
      const v = r[i];
      if (v !== null && v !== undefined) chars = Math.max(chars, String(v).length);
    }
    sheet.getColumn(i + 1).width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, chars + 2));
  });
  return sheet;
}

/** A workbook of tables, as the bytes of an .xlsx file. */
export async function tablesXlsx(tables: readonly TableSheet[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'PCMT Atlas';
  for (const t of tables) addTableSheet(workbook, t);
  return workbookBytes(workbook);
}

export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** `attachment` with an ASCII name (any browser, any proxy): Vietnamese letters lose their marks, the rest becomes `-`. */
export function attachment(baseName: string, extension: string): string {
  const ascii = baseName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\w.-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
  return `attachment; filename="${ascii || 'export'}.${extension}"`;
}
