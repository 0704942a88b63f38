import { formatNumber } from '@pcmt/domain/format';
import ExcelJS from 'exceljs';
import { offThread } from '../../lib/off-thread';
import { columnLetter, fileProblem, type ImportProblem, ImportRejected, problemText } from './import-problem';
import { decodeText } from './legacy-encoding';
import { MAX_XLSX_UNZIPPED_BYTES, MAX_ZIP_ENTRIES, unzipBounded, ZipLimitError } from './upload-limits';

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

/**
 * How much of a table the import reads. A national quarterly report is 3,321 communes: ~3,300 rows × ~16
 * columns in the wide layout, ~43,000 rows × ~6 columns in the long one (13 indicators). The limits leave
 * 2–10× room while keeping a read within a few seconds and ~300 MB (exceljs holds ~600 bytes per cell).
 * Columns are counted up to the last cell that holds a value: formatting alone never widens a sheet.
 */
export const MAX_TABLE_ROWS = 100_000;
export const MAX_TABLE_COLUMNS = 256;
export const MAX_TABLE_CELLS = 600_000;

/** A table past a limit: where, and the limit's message. Becomes an {@link ImportRejected} naming the file. */
class TableLimitExceeded extends Error {
  constructor(readonly problem: ImportProblem) {
    super(problem.message);
  }
}

const limitProblem = (
  sheet: string | null,
  row: number | null,
  column: number | null,
  message: string,
): ImportProblem => ({
  sheet,
  row,
  column: column === null ? null : columnLetter(column),
  header: null,
  message,
});

const fmt = (n: number) => formatNumber(n, 'vi', 0);
const tooManyRows = (sheet: string | null, row: number) =>
  new TableLimitExceeded(
    limitProblem(
      sheet,
      row,
      null,
      problemText('import.too_many_rows', { row: fmt(row), limit: fmt(MAX_TABLE_ROWS) }),
    ),
  );
const tooManyColumns = (sheet: string | null, row: number, column: number) =>
  new TableLimitExceeded(
    limitProblem(
      sheet,
      row,
      column,
      problemText('import.too_many_columns', {
        letter: columnLetter(column),
        column: fmt(column),
        limit: fmt(MAX_TABLE_COLUMNS),
        lastLetter: columnLetter(MAX_TABLE_COLUMNS),
      }),
    ),
  );
const tooManyCells = (sheet: string | null, cells: number) =>
  new TableLimitExceeded(
    limitProblem(
      sheet,
      null,
      null,
      problemText('import.too_many_cells', {
        cells: `${cells > MAX_TABLE_CELLS ? 'hơn ' : ''}${fmt(Math.min(cells, MAX_TABLE_CELLS + 1) - 1)}`,
        limit: fmt(MAX_TABLE_CELLS),
      }),
    ),
  );

/**
 * Reads a spreadsheet (XLSX, every visible sheet) or a CSV (UTF-8 or Windows-1258, `,` `;` or tab).
 * Bounded: an XLSX is unpacked at most to {@link MAX_XLSX_UNZIPPED_BYTES}, and a table past
 * {@link MAX_TABLE_ROWS} rows, {@link MAX_TABLE_COLUMNS} columns or {@link MAX_TABLE_CELLS} cells is refused
 * (422 naming the limit) before the work grows with it.
 */
export async function readTable(fileName: string, bytes: Uint8Array): Promise<Sheet[]> {
  // Unpacking and parsing a workbook is hundreds of milliseconds of CPU: in the worker, so other users'
  // requests are answered meanwhile. A rejection comes back as data and is rebuilt here.
  const read = await tableReader.run('readTableWire', fileName, bytes);
  if (read.ok) return read.sheets;
  if (read.problems) throw new ImportRejected(read.fileName, read.problems);
  throw new Error(read.message);
}

/** {@link readTableHere} with its outcome as cloneable data, for the worker. */
export async function readTableWire(
  fileName: string,
  bytes: Uint8Array,
): Promise<
  | { ok: true; sheets: Sheet[] }
  | { ok: false; fileName: string; problems: readonly ImportProblem[] | null; message: string }
> {
  try {
    return { ok: true, sheets: await readTableHere(fileName, bytes) };
  } catch (err) {
    if (err instanceof ImportRejected)
      return { ok: false, fileName: err.fileName, problems: err.problems, message: err.message };
    return { ok: false, fileName, problems: null, message: err instanceof Error ? err.message : String(err) };
  }
}

const tableReader = offThread(
  new URL('./read-table-worker.ts', import.meta.url),
  { readTableWire },
  'spreadsheet reader',
);

/** {@link readTable} on the calling thread. */
export async function readTableHere(fileName: string, bytes: Uint8Array): Promise<Sheet[]> {
  if (bytes.length === 0)
    throw new ImportRejected(fileName, [fileProblem(problemText('import.file_empty', {}))]);
  try {
    return tableFormat(fileName, bytes) === 'xlsx' ? await readXlsx(fileName, bytes) : [readCsv(bytes)];
  } catch (err) {
    if (err instanceof TableLimitExceeded) throw new ImportRejected(fileName, [err.problem]);
    throw err;
  }
}

const unreadable = (fileName: string, reason: string) =>
  new ImportRejected(fileName, [fileProblem(problemText('import.unreadable_xlsx', { reason }))]);

/** Cell elements (`<c …>`, `<x:c …>`) in a worksheet part: what exceljs would build, counted before it does. */
const CELL_ELEMENT = /<(?:[A-Za-z_][\w.-]*:)?c[\s/>]/g;

/** Refuses a workbook that unpacks past the limits, or whose sheets hold more cells than a table may. */
function checkXlsxSize(fileName: string, bytes: Uint8Array) {
  let parts: Map<string, Buffer>;
  try {
    parts = unzipBounded(bytes, { maxEntries: MAX_ZIP_ENTRIES, maxUnzippedBytes: MAX_XLSX_UNZIPPED_BYTES });
  } catch (err) {
    if (!(err instanceof ZipLimitError)) throw err;
    if (err.overLimit) throw new ImportRejected(fileName, [fileProblem(err.message)]);
    throw unreadable(fileName, err.message);
  }
  let cells = 0;
  for (const [name, xml] of parts) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) continue;
    cells += xml.toString('latin1').match(CELL_ELEMENT)?.length ?? 0;
  }
  if (cells > MAX_TABLE_CELLS) throw tooManyCells(null, cells);
}

async function readXlsx(fileName: string, bytes: Uint8Array): Promise<Sheet[]> {
  checkXlsxSize(fileName, bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as its own Buffer interface; a Node Buffer over the same bytes is what it reads.
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch (err) {
    throw unreadable(fileName, err instanceof Error ? err.message : String(err));
  }
  const sheets: Sheet[] = [];
  workbook.eachSheet((ws) => {
    if (ws.state !== 'visible') return;
    // Only cells that exist are visited (never `includeEmpty`: a row with one cell in column XFD would
    // allocate 16,384 cells); each value is placed by its column number after the limits are checked.
    const byRow: [number, [number, Cell][]][] = [];
    let lastRow = 0;
    let cellCount = 0;
    ws.eachRow((row, rowNumber) => {
      const values: [number, Cell][] = [];
      row.eachCell((cell, col) => {
        const value = cellValue(cell.value);
        if (value === null) return;
        if (col > MAX_TABLE_COLUMNS) throw tooManyColumns(ws.name, rowNumber, col);
        values.push([col, value]);
      });
      if (values.length === 0) return;
      if (rowNumber > MAX_TABLE_ROWS) throw tooManyRows(ws.name, rowNumber);
      cellCount += values.length;
      if (cellCount > MAX_TABLE_CELLS) throw tooManyCells(ws.name, cellCount);
      byRow.push([rowNumber, values]);
      lastRow = rowNumber;
    });
    const rows: Cell[][] = Array.from({ length: lastRow }, () => []);
    for (const [rowNumber, values] of byRow) {
      const width = values.reduce((w, [col]) => Math.max(w, col), 0);
      const cells: Cell[] = new Array(width).fill(null);
      for (const [col, value] of values) cells[col - 1] = value;
      rows[rowNumber - 1] = cells;
    }
    sheets.push({ name: ws.name, rows });
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

/**
 * RFC 4180 CSV: quoted fields may hold delimiters, quotes ("") and line breaks. Bounded like a sheet: a value
 * past {@link MAX_TABLE_COLUMNS} columns or a line past {@link MAX_TABLE_ROWS} rows is refused, and so are more
 * than {@link MAX_TABLE_CELLS} values (or four times as many fields, empty ones included); empty fields past
 * the last column a table may have are dropped, so a line of commas costs nothing.
 */
export function parseCsv(text: string, delimiter = ','): Cell[][] {
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let field = '';
  let quoted = false;
  let column = 0;
  let values = 0;
  let fields = 0;
  let i = 0;
  const endField = () => {
    const t = field.trim();
    field = '';
    column++;
    if (t === '') {
      if (column > MAX_TABLE_COLUMNS) return;
      row.push(null);
    } else {
      if (column > MAX_TABLE_COLUMNS) throw tooManyColumns(null, rows.length + 1, column);
      row.push(t);
      if (++values > MAX_TABLE_CELLS) throw tooManyCells(null, values);
    }
    if (++fields > 4 * MAX_TABLE_CELLS) throw tooManyCells(null, fields);
  };
  const endRow = () => {
    rows.push(row);
    if (rows.length > MAX_TABLE_ROWS) throw tooManyRows(null, rows.length);
    row = [];
    column = 0;
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
      endRow();
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else field += ch;
    i++;
  }
  if (field !== '' || row.length > 0) {
    endField();
    endRow();
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

/**
 * How a file writes its numbers, decided once per file from its text cells (never per cell): `comma` when
 * a cell can only be read with a decimal comma (`12,5`, `1.234,5`, `93,3868`), `dot` when one can only be
 * read with a decimal point (`1234.5`, `93.3868`, `1,234.5`); null when no cell tells (every number is
 * whole, or reads either way such as `96.163`); `mixed` when cells tell both.
 */
export type NumberConvention = 'comma' | 'dot' | 'mixed' | null;

/** What one text cell tells about the convention: 'comma', 'dot', 'either' (ambiguous) or null (nothing). */
export function numberEvidence(cell: Cell): 'comma' | 'dot' | 'either' | null {
  if (typeof cell !== 'string') return null;
  const s = cell.replace(/\s/g, '');
  if (/^-?\d{1,3}\.\d{3}$/.test(s) || /^-?\d{1,3},\d{3}$/.test(s)) return 'either';
  if (/^-?\d{1,3}(\.\d{3})+,\d+$/.test(s) || /^-?\d+,\d+$/.test(s) || /^-?\d{1,3}(\.\d{3}){2,}$/.test(s))
    return 'comma';
  if (/^-?\d{1,3}(,\d{3})+\.\d+$/.test(s) || /^-?\d+\.\d+$/.test(s) || /^-?\d{1,3}(,\d{3}){2,}$/.test(s))
    return 'dot';
  return null;
}

/** The convention of a file's cells (see NumberConvention). */
export function numberConvention(cells: Iterable<Cell>): NumberConvention {
  let comma = false;
  let dot = false;
  for (const cell of cells) {
    const e = numberEvidence(cell);
    if (e === 'comma') comma = true;
    else if (e === 'dot') dot = true;
  }
  return comma && dot ? 'mixed' : comma ? 'comma' : dot ? 'dot' : null;
}

/**
 * A number read with the file's convention: `comma` reads `96.163` as 96163 and `96,163` as 96,163; `dot`
 * the other way round; a file whose cells do not tell is read the Vietnamese way (`1.234` = 1234). Null when
 * the text is not a number, or is ambiguous (`96.163`) in a file whose cells tell both ways.
 */
export function parseNumberIn(cell: Cell, convention: NumberConvention): number | null {
  if (typeof cell !== 'string') return parseNumber(cell);
  const s = cell.replace(/\s/g, '');
  const e = numberEvidence(s);
  if (e === 'either' && convention === 'mixed') return null;
  // No cell tells: read as a Vietnamese spreadsheet writes it (parseNumber: `1.234` is 1234).
  if (convention === null) return parseNumber(cell);
  let normalised = s;
  if (convention === 'comma' && /^-?[\d.]+(,\d+)?$/.test(s))
    normalised = s.replaceAll('.', '').replace(',', '.');
  else if (convention === 'dot' && /^-?[\d,]+(\.\d+)?$/.test(s)) normalised = s.replaceAll(',', '');
  else return parseNumber(cell);
  const n = Number(normalised);
  return normalised !== '' && Number.isFinite(n) ? n : null;
}
