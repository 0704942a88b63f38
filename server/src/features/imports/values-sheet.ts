import { searchName } from '@pcmt/domain/contracts/search-name';
import { formatNumber } from '@pcmt/domain/format';
import { partCode } from '../indicators/catalogue';
import { evaluateFormula, formulaCodes, formulaTree } from '../indicators/formula';
import type { IndicatorRow } from '../indicators/indicators.repo';
import { columnLetter, fileProblem, type ImportProblem, problemText } from './import-problem';
import { detectLegacyEncoding, legacyEncodingMessage } from './legacy-encoding';
import { type Cell, numberConvention, numberEvidence, parseNumberIn, type Sheet } from './read-table';
import type { createUnitMatcher, MatchableUnit } from './unit-matcher';

/** One value read from a report, with the cell it came from. */
export interface ReportValue {
  sheet: string | null;
  row: number;
  column: string;
  unitId: number;
  unitCode: string;
  indicatorCode: string;
  value: number;
}

/** A unit name that fits several units of the scope: the user picks one. */
export interface AmbiguousName {
  key: string;
  name: string;
  rows: { sheet: string | null; row: number }[];
  candidates: Pick<MatchableUnit, 'code' | 'fullName' | 'provinceName'>[];
}

export interface ReadReport {
  values: ReportValue[];
  problems: ImportProblem[];
  ambiguous: AmbiguousName[];
  /** Rows naming a unit whose every indicator cell is empty (a template sent back unfilled), in file order. */
  emptyRows: { sheet: string | null; row: number }[];
  /** How the file's numbers were read: once for the whole file (NUMBERS READ AS WRITTEN below). */
  numbers: FileNumbers;
}

/*
 * NUMBERS READ AS WRITTEN (issue 15). A file's number convention is decided once for the whole file, never per
 * cell: by its cells when one can only be read one way (`93.3868`: decimal point; `1.234,5`: decimal comma),
 * else by the user's choice in the preview, else the Vietnamese way (`1.234` = 1234). A cell that reads either
 * way (`96.163`, `1,234`) is listed with the value it was read as, so the preview shows it and the user can
 * choose the other convention before committing.
 */
export type DecimalMark = 'comma' | 'dot';
export interface FileNumbers {
  /** `comma`: 1.234,5 (Vietnamese); `dot`: 1,234.5. */
  convention: DecimalMark;
  /** What decided it: the file's own cells, the user's choice, or the Vietnamese default. */
  decidedBy: 'cells' | 'choice' | 'default';
  /** Cells that read either way, as read (at most {@link AMBIGUOUS_LISTED}). */
  ambiguous: { sheet: string | null; row: number; column: string; text: string; value: number }[];
  /** How many such cells the file has (the list may be shorter). */
  ambiguousCount: number;
}
const AMBIGUOUS_LISTED = 20;

/** Header texts (without diacritics) of the columns a report may have, in both languages. */
const HEADERS = {
  unitCode: ['ma don vi', 'ma xa', 'ma dvhc', 'ma', 'ma dv', 'unit code', 'code', 'commune code'],
  unitName: ['ten don vi', 'ten xa', 'ten dvhc', 'ten', 'don vi', 'unit name', 'name', 'commune'],
  period: ['ky bao cao', 'ky', 'period'],
  // "Mã chỉ số" (templates since issue 18: an indicator is a chỉ số) and "Mã chỉ tiêu" (older templates).
  indicator: ['ma chi so', 'chi so', 'ma chi tieu', 'chi tieu', 'indicator', 'indicator code'],
  value: ['gia tri', 'so lieu', 'value'],
  /** Columns a template carries for the reader's benefit; their content is not imported. */
  ignored: [
    'ten chi so',
    'ten chi tieu',
    'indicator name',
    'don vi tinh',
    'unit',
    'tinh',
    'province',
    'ghi chu',
    'note',
    'stt',
  ],
} as const;

type Role = keyof typeof HEADERS | 'indicatorColumn';

interface Column {
  index: number;
  role: Role;
  header: string;
  indicator?: IndicatorRow;
}

type Matcher = ReturnType<typeof createUnitMatcher>;

/**
 * Reads the values of a report for one period, in either layout of the templates:
 * long (one row per commune × indicator: code, name, indicator, period, value) or wide (one row per
 * commune, one column per indicator headed by its name or code). Every problem is named by sheet, row and
 * column; nothing is dropped silently. An empty value cell means "not reported" and is skipped.
 */
export function readReport(
  sheets: readonly Sheet[],
  options: {
    period: string;
    indicators: readonly IndicatorRow[];
    matcher: Matcher;
    /** The user's choice in the preview; used when the file's cells do not decide. */
    decimalMark?: DecimalMark;
  },
): ReadReport {
  const problems: ImportProblem[] = [];
  const values: ReportValue[] = [];
  const ambiguous = new Map<string, AmbiguousName>();
  const emptyRows: ReadReport['emptyRows'] = [];
  let sheetsWithHeader = 0;

  const legacy = findLegacyText(sheets);
  // One number convention per file, from all its cells: "96.163" is 96163 in a file that writes "1.234,5"
  // and 96,163 in one that writes "93.3868"; never decided cell by cell (NUMBERS READ AS WRITTEN above).
  const fromCells = numberConvention(sheets.flatMap((sh) => sh.rows.flat()));
  // No cell decides and no choice: read the Vietnamese way (parseNumberIn with null).
  const convention = fromCells ?? options.decimalMark ?? null;
  const numbers: FileNumbers = {
    convention:
      fromCells === 'dot' ? 'dot' : fromCells === 'comma' ? 'comma' : (options.decimalMark ?? 'comma'),
    decidedBy: fromCells ? 'cells' : options.decimalMark ? 'choice' : 'default',
    ambiguous: [],
    ambiguousCount: 0,
  };
  if (legacy) return { values, problems: [legacy], ambiguous: [], emptyRows, numbers };

  for (const sheet of sheets) {
    const found = findHeader(sheet, options.indicators);
    if (!found) continue;
    sheetsWithHeader++;
    const { headerRow, columns, problems: headerProblems } = found;
    const at = (row: number, col: Column, message: string): ImportProblem => ({
      sheet: sheet.name,
      row,
      column: columnLetter(col.index + 1),
      header: col.header,
      message,
    });
    problems.push(...headerProblems.map((p) => ({ ...p, sheet: sheet.name })));
    const has = (role: Role) => columns.find((c) => c.role === role);
    const codeCol = has('unitCode');
    const nameCol = has('unitName');
    const periodCol = has('period');
    const indicatorCol = has('indicator');
    const valueCol = has('value');
    const indicatorCols = columns.filter((c) => c.role === 'indicatorColumn');
    const missing: string[] = [];
    if (!codeCol && !nameCol) missing.push('"Mã đơn vị" hoặc "Tên đơn vị"');
    if (indicatorCols.length === 0 && !(indicatorCol && valueCol)) {
      missing.push(
        indicatorCol
          ? '"Giá trị"'
          : valueCol
            ? '"Mã chỉ số"'
            : 'mỗi chỉ số một cột, hoặc "Mã chỉ số" và "Giá trị"',
      );
    }
    if (missing.length > 0) {
      problems.push({
        sheet: sheet.name,
        row: headerRow + 1,
        column: null,
        header: null,
        message: problemText('import.missing_columns', { columns: missing.join('; ') }),
      });
      continue;
    }
    for (let r = headerRow + 1; r < sheet.rows.length; r++) {
      const cells = sheet.rows[r] ?? [];
      if (cells.every((c) => c === null)) continue;
      const rowNo = r + 1;
      const cell = (col: Column | undefined): Cell => (col ? (cells[col.index] ?? null) : null);
      if (periodCol) {
        const p = cell(periodCol);
        if (p !== null && String(p).trim() !== options.period) {
          problems.push(
            at(
              rowNo,
              periodCol,
              problemText('import.wrong_period', { value: String(p), period: options.period }),
            ),
          );
        }
      }
      const rawCode = cell(codeCol);
      const rawName = cell(nameCol);
      const match = options.matcher.match(rawCode, rawName === null ? null : String(rawName));
      let unit: MatchableUnit | null = null;
      if (match.kind === 'found') unit = match.unit;
      else if (match.kind === 'ambiguous') {
        const entry = ambiguous.get(match.key) ?? {
          key: match.key,
          name: String(rawName),
          rows: [],
          candidates: match.candidates.map((u) => ({
            code: u.code,
            fullName: u.fullName,
            provinceName: u.provinceName,
          })),
        };
        entry.rows.push({ sheet: sheet.name, row: rowNo });
        ambiguous.set(match.key, entry);
      } else {
        const col = (match.column === 'code' ? codeCol : nameCol) ?? codeCol ?? nameCol;
        if (col) problems.push(at(rowNo, col, match.message));
      }
      const entries: { col: Column; indicator: IndicatorRow | undefined; raw: Cell }[] = [];
      if (indicatorCols.length > 0) {
        for (const col of indicatorCols) entries.push({ col, indicator: col.indicator, raw: cell(col) });
      } else if (indicatorCol && valueCol) {
        const rawIndicator = cell(indicatorCol);
        if (rawIndicator === null) {
          problems.push(at(rowNo, indicatorCol, problemText('import.no_indicator_on_row', {})));
          continue;
        }
        const indicator = findIndicator(String(rawIndicator), options.indicators);
        if (!indicator) {
          problems.push(
            at(rowNo, indicatorCol, problemText('import.unknown_indicator', { value: String(rawIndicator) })),
          );
          continue;
        }
        entries.push({ col: valueCol, indicator, raw: cell(valueCol) });
      }
      if (unit && entries.every((e) => e.raw === null)) emptyRows.push({ sheet: sheet.name, row: rowNo });
      for (const { col, indicator, raw } of entries) {
        if (raw === null || !indicator) continue;
        const value = parseNumberIn(raw, convention);
        if (value !== null && convention !== 'mixed' && numberEvidence(raw) === 'either') {
          numbers.ambiguousCount++;
          if (numbers.ambiguous.length < AMBIGUOUS_LISTED)
            numbers.ambiguous.push({
              sheet: sheet.name,
              row: rowNo,
              column: columnLetter(col.index + 1),
              text: String(raw),
              value,
            });
        }
        if (convention === 'mixed' && numberEvidence(raw) !== null) {
          problems.push(
            at(
              rowNo,
              col,
              `"${raw}": tệp vừa dùng dấu phẩy thập phân (1.234,5) vừa dùng dấu chấm thập phân (1234.5); hãy viết thống nhất một cách`,
            ),
          );
          continue;
        }
        if (value === null) {
          problems.push(at(rowNo, col, problemText('import.not_a_number', { value: String(raw) })));
          continue;
        }
        if (indicator.formula) {
          problems.push(
            at(
              rowNo,
              col,
              `${indicator.code} là chỉ số tính toán (${indicator.formula}); hãy nhập các chỉ số trong công thức`,
            ),
          );
          continue;
        }
        // PROVINCE-LEVEL INDICATORS (values.repo.ts): a province-level figure is written on the province's
        // row (its two-digit code), never on a commune's; a province's row takes only those.
        if (indicator.reportingLevel !== 'commune' && unit?.level !== 'province') {
          problems.push(
            at(rowNo, col, `${indicator.code} được báo cáo cấp tỉnh; báo cáo theo xã không nhận chỉ số này`),
          );
          continue;
        }
        if (indicator.reportingLevel === 'commune' && unit?.level === 'province') {
          problems.push(
            at(
              rowNo,
              col,
              `${indicator.code} được báo cáo theo xã; dòng của tỉnh ${unit.code} chỉ nhận chỉ số báo cáo cấp tỉnh`,
            ),
          );
          continue;
        }
        if (indicator.retiredAt) {
          problems.push(at(rowNo, col, `${indicator.code} đã ngừng sử dụng; không nhận số liệu mới`));
          continue;
        }
        if (unit && indicator.provinceCode !== null && unit.provinceCode !== indicator.provinceCode) {
          problems.push(
            at(
              rowNo,
              col,
              `${indicator.code} là chỉ số riêng của tỉnh ${indicator.provinceCode}; ${unit.code} thuộc tỉnh ${unit.provinceCode}`,
            ),
          );
          continue;
        }
        if (value < 0) {
          problems.push(
            at(
              rowNo,
              col,
              problemText('import.negative_value', {
                value: formatNumber(value, 'vi', 6),
                indicator: indicator.nameVi,
              }),
            ),
          );
          continue;
        }
        if (indicator.unitVi === '%' && value > 100) {
          problems.push(
            at(rowNo, col, problemText('import.share_above_100', { value: formatNumber(value, 'vi', 6) })),
          );
          continue;
        }
        if (unit) {
          values.push({
            sheet: sheet.name,
            row: rowNo,
            column: columnLetter(col.index + 1),
            unitId: unit.id,
            unitCode: unit.code,
            indicatorCode: indicator.code,
            value,
          });
        }
      }
    }
  }
  if (sheetsWithHeader === 0) {
    problems.push({
      sheet: sheets.length === 1 ? (sheets[0]?.name ?? null) : null,
      row: null,
      column: null,
      header: null,
      message: problemText('import.no_header_row', {}),
    });
  }
  problems.push(
    ...duplicates(values),
    ...sharesAbove100(values, options.indicators),
    ...partsAboveTotal(values, options.indicators),
  );
  problems.sort(byPlace(sheets));
  return { values, problems, ambiguous: [...ambiguous.values()], emptyRows, numbers };
}

/** The first text cell typed in TCVN3 or VNI: the whole file is in that encoding, so one report is enough. */
function findLegacyText(sheets: readonly Sheet[]): ImportProblem | null {
  for (const sheet of sheets) {
    for (let r = 0; r < sheet.rows.length; r++) {
      const cells = sheet.rows[r] ?? [];
      for (let c = 0; c < cells.length; c++) {
        const v = cells[c];
        if (typeof v !== 'string') continue;
        const encoding = detectLegacyEncoding(v);
        if (encoding) {
          return {
            sheet: sheet.name,
            row: r + 1,
            column: columnLetter(c + 1),
            header: null,
            message: legacyEncodingMessage(encoding, v),
          };
        }
      }
    }
  }
  return null;
}

const normalisedHeader = (cell: Cell) => searchName(String(cell ?? ''));

function findIndicator(text: string, indicators: readonly IndicatorRow[]): IndicatorRow | undefined {
  const inParens = /\(([a-z][a-z0-9_]*)\)\s*$/.exec(text.trim())?.[1];
  const code = inParens ?? text.trim();
  const byCode = indicators.find((i) => i.code === code);
  if (byCode) return byCode;
  const key = searchName(text.replace(/\([^)]*\)\s*$/, ''));
  return indicators.find((i) => searchName(i.nameVi) === key || searchName(i.nameEn) === key);
}

/** The header row: the first of the first ten rows that names a unit column (templates may start with a title). */
function findHeader(
  sheet: Sheet,
  indicators: readonly IndicatorRow[],
): { headerRow: number; columns: Column[]; problems: ImportProblem[] } | null {
  const limit = Math.min(sheet.rows.length, 10);
  for (let r = 0; r < limit; r++) {
    const cells = sheet.rows[r] ?? [];
    const names = cells.map(normalisedHeader);
    const isUnitHeader = (n: string) =>
      (HEADERS.unitCode as readonly string[]).includes(n) ||
      (HEADERS.unitName as readonly string[]).includes(n);
    if (!names.some(isUnitHeader)) continue;
    const columns: Column[] = [];
    const problems: ImportProblem[] = [];
    cells.forEach((cell, index) => {
      if (cell === null) return;
      const n = names[index] ?? '';
      const header = String(cell);
      const role = (Object.keys(HEADERS) as (keyof typeof HEADERS)[]).find((k) =>
        (HEADERS[k] as readonly string[]).includes(n),
      );
      if (role === 'ignored') return;
      if (role) {
        if (!columns.some((c) => c.role === role)) columns.push({ index, role, header });
        return;
      }
      const indicator = findIndicator(header, indicators);
      if (indicator) columns.push({ index, role: 'indicatorColumn', header, indicator });
      else {
        problems.push({
          sheet: sheet.name,
          row: r + 1,
          column: columnLetter(index + 1),
          header,
          message: problemText('import.unknown_column', { header }),
        });
      }
    });
    return { headerRow: r, columns, problems };
  }
  return null;
}

function duplicates(values: readonly ReportValue[]): ImportProblem[] {
  const first = new Map<string, ReportValue>();
  const problems: ImportProblem[] = [];
  for (const v of values) {
    const key = `${v.unitId}|${v.indicatorCode}`;
    const seen = first.get(key);
    if (seen) {
      problems.push({
        sheet: v.sheet,
        row: v.row,
        column: v.column,
        header: null,
        message: problemText('import.duplicate_value', {
          indicator: v.indicatorCode,
          code: v.unitCode,
          place: [
            seen.sheet ? problemText('import.where_sheet', { sheet: seen.sheet }) : null,
            problemText('import.where_row', { row: seen.row }),
          ]
            .filter((x) => x !== null)
            .join(', '),
        }),
      });
    } else first.set(key, v);
  }
  return problems;
}

/**
 * A share (a computed indicator in %) is computed from stored counts; a report whose counts for one unit
 * give a share above 100 % (a numerator above its denominator) is refused at the numerator's cell.
 */
function sharesAbove100(
  values: readonly ReportValue[],
  indicators: readonly IndicatorRow[],
): ImportProblem[] {
  const shares = indicators.filter((i) => i.formula && i.unitVi === '%' && !i.retiredAt);
  if (shares.length === 0) return [];
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const byUnit = new Map<number, Map<string, ReportValue>>();
  for (const v of values) {
    const m = byUnit.get(v.unitId) ?? new Map<string, ReportValue>();
    m.set(v.indicatorCode, v);
    byUnit.set(v.unitId, m);
  }
  const problems: ImportProblem[] = [];
  for (const share of shares) {
    const tree = formulaTree(share.formula ?? '');
    for (const reported of byUnit.values()) {
      const valueOfInput = (code: string, depth: number): number | null => {
        const inner = byCode.get(code)?.formula;
        if (inner && depth < 20)
          return evaluateFormula(formulaTree(inner), (c) => valueOfInput(c, depth + 1));
        return reported.get(code)?.value ?? null;
      };
      const pct = evaluateFormula(tree, (c) => valueOfInput(c, 0));
      if (pct === null || pct <= 100 + 1e-9) continue;
      const inputs = formulaCodes(tree)
        .map((c) => reported.get(c))
        .filter((v): v is ReportValue => v !== undefined);
      const first = inputs[0];
      if (!first) continue;
      problems.push({
        sheet: first.sheet,
        row: first.row,
        column: first.column,
        header: null,
        message: problemText('import.computed_share_above_100', {
          inputs: inputs.map((v) => `${v.indicatorCode} ${formatNumber(v.value, 'vi', 6)}`).join(', '),
          share: share.code,
          value: formatNumber(pct, 'vi', 1),
        }),
      });
    }
  }
  return problems;
}

/**
 * A breakdown's parts sum to its total (`rehab_total__form_compulsory` + … = `rehab_total`): a report giving
 * the total and every part of a breakdown for a unit must add up; with some parts only, they cannot exceed it.
 */
function partsAboveTotal(
  values: readonly ReportValue[],
  indicators: readonly IndicatorRow[],
): ImportProblem[] {
  const withParts = indicators.filter((i) => i.disaggregations.length > 0);
  if (withParts.length === 0) return [];
  const byKey = new Map(values.map((v) => [`${v.unitId}|${v.indicatorCode}`, v]));
  const problems: ImportProblem[] = [];
  for (const indicator of withParts) {
    for (const total of values) {
      if (total.indicatorCode !== indicator.code) continue;
      for (const d of indicator.disaggregations) {
        const parts = d.parts
          .map((p) => byKey.get(`${total.unitId}|${partCode(indicator.code, d.code, p.code)}`))
          .filter((v): v is ReportValue => v !== undefined);
        if (parts.length === 0) continue;
        const sum = parts.reduce((a, v) => a + v.value, 0);
        const complete = parts.length === d.parts.length;
        if (complete ? Math.abs(sum - total.value) <= 1e-6 : sum <= total.value + 1e-6) continue;
        problems.push({
          sheet: total.sheet,
          row: total.row,
          column: total.column,
          header: null,
          message: complete
            ? `${indicator.code} ${total.value} khác tổng các thành phần "${d.nameVi}" (${sum}) của ${total.unitCode}`
            : `các thành phần "${d.nameVi}" của ${total.unitCode} cộng lại ${sum}, vượt ${indicator.code} ${total.value}`,
        });
      }
    }
  }
  return problems;
}

function byPlace(sheets: readonly Sheet[]) {
  const order = new Map(sheets.map((s, i) => [s.name, i]));
  const colNo = (c: string | null) =>
    c === null ? 0 : [...c].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return (a: ImportProblem, b: ImportProblem) =>
    (order.get(a.sheet) ?? 0) - (order.get(b.sheet) ?? 0) ||
    (a.row ?? 0) - (b.row ?? 0) ||
    colNo(a.column) - colNo(b.column);
}

/**
 * What a report without a single value is told: a template sent back unfilled names its empty rows
 * ("dòng 2–40, 45"), so the officer sees that the cells were left blank, not that the file is unreadable.
 */
export function noValuesProblem(emptyRows: ReadReport['emptyRows']): ImportProblem {
  const first = emptyRows[0];
  if (!first) return fileProblem(problemText('import.no_values', {}));
  const sheets = [...new Set(emptyRows.map((r) => r.sheet))];
  const rows = sheets
    .map((sheet) => {
      const ranges = rowRanges(emptyRows.filter((r) => r.sheet === sheet).map((r) => r.row));
      return sheets.length > 1 && sheet !== null
        ? `${problemText('import.where_sheet', { sheet })}: ${ranges}`
        : ranges;
    })
    .join('; ');
  return {
    sheet: sheets.length === 1 ? first.sheet : null,
    row: null,
    column: null,
    header: null,
    message: problemText('import.empty_rows', { count: emptyRows.length, rows }),
  };
}

/** Row numbers as ranges: 2, 3, 4, 7 → "2–4, 7". */
export function rowRanges(rows: readonly number[]): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && (sorted[j + 1] as number) === (sorted[j] as number) + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}
