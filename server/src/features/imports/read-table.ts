import ExcelJS from 'exceljs';
import { fileProblem, ImportRejected } from './import-problem';
import { decodeText } from './legacy-encoding';

/** A cell as the import reads it: text, a number, or empty. */
export type Cell = string | number | null;

/** One sheet of a spreadsheet: rows as the user numbers them (header row first, row 1). */
export interface Sheet {
  /** Null for CSV (a CSV has no sheet names). */
  name: string | null;
  /** rows[i] is spreadsheet row i + 1; cells[j] is column j + 1. */
  rows: Cell[][];
}

export type TableFormat = 'xlsx' | 'csv';

/** XLSX by the zip signature (PK), CSV otherwise; the extension only breaks a tie. */
export function tableFormat(fileName: string, bytes: Uint8Array): TableFormat {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'xlsx';
  if (/\.xlsx?$/i.test(fileName) && bytes.length > 0) return 'xlsx';
  return 'csv';
}

/** Reads a spreadsheet (XLSX, every visible sheet) or a CSV (UTF-8 or Windows-1258, `,` `;` or tab). */
export async function readTable(fileName: string, bytes: Uint8Array): Promise<Sheet[]> {
  if (bytes.length === 0) throw new ImportRejected(fileName, [fileProblem('the file is empty')]);
  return tableFormat(fileName, bytes) === 'xlsx' ? readXlsx(fileName, bytes) : [readCsv(bytes)];
}

async function readXlsx(fileName: string, bytes: Uint8Array): Promise<Sheet[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as its own Buffer interface; a Node Buffer over the same bytes is what it reads.
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new ImportRejected(fileName, [
      fileProblem(
        `not a readable XLSX workbook (${reason}); save it again from Excel as .xlsx or as CSV UTF-8`,
      ),
    ]);
  }
  const sheets: Sheet[] = [];
  workbook.eachSheet((ws) => {
    if (ws.state !== 'visible') return;
    const rows: Cell[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const cells: Cell[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cellValue(cell.value);
      });
      rows[rowNumber - 1] = Array.from(cells, (c) => c ?? null);
    });
    sheets.push({ name: ws.name, rows: Array.from(rows, (r) => r ?? []) });
  });
  return sheets;
}

function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('result' in v) return cellValue((v.result ?? null) as ExcelJS.CellValue);
  if ('richText' in v)
    return (
      v.richText
        .map((t) => t.text)
        .join('')
        .trim() || null
    );
  if ('text' in v) return String(v.text).trim() || null;
  if ('error' in v) return String(v.error);
  return null;
}

function readCsv(bytes: Uint8Array): Sheet {
  const { text } = decodeText(bytes);
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.slice(0, body.indexOf('\n') === -1 ? body.length : body.indexOf('\n'));
  const delimiter = [';', '\t', ','].reduce((best, d) =>
    firstLine.split(d).length > firstLine.split(best).length ? d : best,
  );
  return { name: null, rows: parseCsv(body, delimiter) };
}

/** RFC 4180 CSV: quoted fields may hold delimiters, quotes ("") and line breaks. */
export function parseCsv(text: string, delimiter = ','): Cell[][] {
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = () => {
    const t = field.trim();
    row.push(t === '' ? null : t);
    field = '';
  };
  while (i < text.length) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (ch === delimiter) endField();
    else if (ch === '\n' || ch === '\r') {
      endField();
      rows.push(row);
      row = [];
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else field += ch;
    i++;
  }
  if (field !== '' || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}

/**
 * A number as people type it in Vietnamese spreadsheets: `1234`, `1234.5`, `1.234` or `1.234,5`
 * (dot for thousands, comma for decimals), `12,5`. Null when the text is not a number.
 */
export function parseNumber(cell: Cell): number | null {
  if (cell === null) return null;
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  const s = cell.replace(/\s/g, '');
  let normalised: string;
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) normalised = s.replaceAll('.', '').replace(',', '.');
  else if (/^-?\d+,\d+$/.test(s)) normalised = s.replace(',', '.');
  else if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) normalised = s.replaceAll(',', '');
  else if (/^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) normalised = s;
  else return null;
  const n = Number(normalised);
  return Number.isFinite(n) ? n : null;
}
