import type { IndicatorInput, IndicatorPatch } from '@pcmt/domain/contracts/indicators';
import { timeAggregationOf } from '@pcmt/domain/indicator-semantics';
import { ApiError, badRequest } from '../../lib/errors';
import {
  FormulaError,
  type FormulaNode,
  formatFormula,
  formulaCodes,
  formulaTree,
  parseFormula,
  unitProblem,
} from './formula';
import type { IndicatorRecord, IndicatorRow } from './indicators.repo';

/**
 * The rules a catalogue entry must keep, checked before any write: a computed indicator's formula reads,
 * names indicators that exist and are in use, makes no cycle, gives its declared unit, and is at least as
 * sensitive as what it reads (so a public figure never discloses a police one); a stored indicator has no
 * formula. A change of one entry is checked against every computed indicator that reads it.
 */

const SENSITIVITY_RANK = { public: 0, internal: 1, police: 2 } as const;

const SENSITIVITY_VI = { public: 'công khai', internal: 'nội bộ', police: 'công an' } as const;

/** A new entry's record, or a 400 naming the field at fault. */
export function recordForNew(
  input: IndicatorInput,
  catalogue: ReadonlyMap<string, IndicatorRow>,
  nextSortOrder: number,
): IndicatorRecord {
  const record = toRecord(
    {
      ...input,
      provinceCode: input.province,
      sortOrder: input.sortOrder ?? nextSortOrder,
    },
    input.formula,
  );
  checkEntry(record, catalogue);
  return record;
}

/** An entry's record after a change, or a 400 naming the field at fault. */
export function recordForChange(
  before: IndicatorRow,
  patch: IndicatorPatch,
  catalogue: ReadonlyMap<string, IndicatorRow>,
  hasValues: boolean,
): IndicatorRecord {
  if (Object.keys(patch).length === 0) throw badRequest('nameVi', 'không có thay đổi nào để lưu');
  const kind = patch.kind ?? before.kind;
  if (kind === 'computed' && before.kind !== 'computed' && hasValues)
    throw badRequest(
      'kind',
      `kind: ${before.code} đã có số liệu nhập; không thể chuyển thành chỉ số tính toán (hãy tạo chỉ số mới)`,
    );
  const record = toRecord(
    {
      code: before.code,
      nameVi: patch.nameVi ?? before.nameVi,
      nameEn: patch.nameEn ?? before.nameEn,
      unitVi: patch.unitVi ?? before.unitVi,
      unitEn: patch.unitEn ?? before.unitEn,
      kind,
      areaAggregation: patch.areaAggregation ?? (before.areaAggregation === 'max' ? 'max' : ('sum' as const)),
      sensitivity: patch.sensitivity ?? before.sensitivity,
      descriptionVi: patch.descriptionVi ?? before.descriptionVi,
      reportingLevel: patch.reportingLevel ?? before.reportingLevel,
      disaggregations: patch.disaggregations ?? before.disaggregations,
      provinceCode: before.provinceCode,
      sortOrder: patch.sortOrder ?? before.sortOrder,
    },
    patch.formula !== undefined ? patch.formula : kind === 'computed' ? before.formula : null,
  );
  // A stock kept as a stock keeps a `max` time rule it had.
  if (kind === 'stock' && before.timeAggregation === 'max') record.timeAggregation = 'max';
  checkEntry(record, catalogue);
  const changed = new Map(catalogue);
  changed.set(record.code, { ...before, ...record, kind });
  for (const other of catalogue.values()) {
    if (other.code === record.code || other.retiredAt || !other.formula) continue;
    if (!expandedCodes(other.code, changed).has(record.code)) continue;
    const problem = formulaProblem(other, changed);
    if (problem) {
      const field = patch.unitVi !== undefined ? 'unitVi' : patch.sensitivity ? 'sensitivity' : 'kind';
      throw badRequest(
        field,
        `${field}: chỉ số tính toán ${other.code} dùng ${record.code}: ${problem.message}`,
      );
    }
  }
  return record;
}

type RecordFields = Omit<IndicatorRecord, 'formula' | 'areaAggregation' | 'timeAggregation'> & {
  kind: 'stock' | 'flow' | 'computed';
  areaAggregation: 'sum' | 'max';
};

function toRecord(r: RecordFields, formula: string | null): IndicatorRecord {
  const { kind, ...rest } = r;
  if (kind === 'computed') {
    if (formula === null || formula.trim() === '')
      throw badRequest('formula', 'formula: chỉ số tính toán cần công thức, ví dụ a / b * 100');
    let tree: FormulaNode;
    try {
      tree = parseFormula(formula);
    } catch (err) {
      if (err instanceof FormulaError) throw badRequest('formula', `formula: ${err.message}`);
      throw err;
    }
    if (r.disaggregations.length > 0)
      throw badRequest('disaggregations', 'disaggregations: chỉ số tính toán không có phân tổ riêng');
    return {
      ...rest,
      areaAggregation: 'rate',
      timeAggregation: 'rate',
      formula: formatFormula(tree),
    };
  }
  if (formula !== null && formula.trim() !== '')
    throw badRequest('formula', 'formula: chỉ số nhập số liệu không có công thức (chọn loại "tính toán")');
  return {
    ...rest,
    areaAggregation: r.areaAggregation,
    timeAggregation: timeAggregationOf(kind),
    formula: null,
  };
}

function checkEntry(record: IndicatorRecord, catalogue: ReadonlyMap<string, IndicatorRow>): void {
  for (const [i, d] of record.disaggregations.entries()) {
    if (record.disaggregations.findIndex((x) => x.code === d.code) !== i)
      throw badRequest(`disaggregations[${i}].code`, `disaggregations[${i}].code: ${d.code} bị trùng`);
    const seen = new Set<string>();
    for (const [k, part] of d.parts.entries()) {
      if (seen.has(part.code))
        throw badRequest(
          `disaggregations[${i}].parts[${k}].code`,
          `disaggregations[${i}].parts[${k}].code: ${part.code} bị trùng`,
        );
      seen.add(part.code);
    }
  }
  for (const part of partsOf(record)) {
    if (part.code.length > 64)
      throw badRequest(part.field, `${part.field}: mã ${part.code} dài quá 64 ký tự; hãy dùng mã ngắn hơn`);
    const taken = catalogue.get(part.code);
    if (taken && parentOf(part.code, catalogue)?.code !== record.code)
      throw badRequest(part.field, `${part.field}: mã ${part.code} đã là một chỉ số khác trong danh mục`);
  }
  if (!record.formula) return;
  const row: IndicatorRow = {
    ...record,
    kind: 'computed',
    retiredAt: null,
  };
  const changed = new Map(catalogue);
  changed.set(record.code, row);
  const problem = formulaProblem(row, changed);
  if (problem) throw badRequest(problem.field, `${problem.field}: ${problem.message}`);
}

/** Codes a computed indicator reads, through other computed indicators (stops at a cycle). */
function expandedCodes(code: string, catalogue: ReadonlyMap<string, IndicatorRow>): Set<string> {
  const seen = new Set<string>();
  const visit = (c: string) => {
    const formula = catalogue.get(c)?.formula;
    if (!formula) return;
    for (const ref of formulaCodes(formulaTree(formula))) {
      if (seen.has(ref)) continue;
      seen.add(ref);
      visit(ref);
    }
  };
  visit(code);
  return seen;
}

/** The first problem of a computed indicator's formula in this catalogue, or null. */
function formulaProblem(
  row: IndicatorRow,
  catalogue: ReadonlyMap<string, IndicatorRow>,
): { field: 'formula' | 'sensitivity'; message: string } | null {
  const tree = formulaTree(row.formula ?? '');
  const refs = formulaCodes(tree);
  if (refs.length === 0) return { field: 'formula', message: 'công thức phải dùng ít nhất một chỉ số' };
  for (const code of refs) {
    const input = catalogue.get(code);
    if (!input) return { field: 'formula', message: `không có chỉ số ${code} trong danh mục` };
    if (input.retiredAt) return { field: 'formula', message: `chỉ số ${code} đã ngừng sử dụng` };
    if (input.provinceCode !== null && input.provinceCode !== row.provinceCode)
      return {
        field: 'formula',
        message: `chỉ số ${code} là của tỉnh ${input.provinceCode}; ${row.code} không dùng được`,
      };
  }
  const cycle = cycleThrough(row.code, catalogue);
  if (cycle) return { field: 'formula', message: `công thức tạo vòng lặp: ${cycle.join(' → ')}` };
  const units = unitProblem(tree, row.unitVi, (code) => catalogue.get(code)?.unitVi ?? '');
  if (units) return { field: 'formula', message: units };
  for (const code of expandedCodes(row.code, catalogue)) {
    const input = catalogue.get(code);
    if (input && SENSITIVITY_RANK[input.sensitivity] > SENSITIVITY_RANK[row.sensitivity])
      return {
        field: 'sensitivity',
        message: `${row.code} dùng chỉ số ${code} (mức ${SENSITIVITY_VI[input.sensitivity]}) nên không thể ở mức ${SENSITIVITY_VI[row.sensitivity]}`,
      };
  }
  return null;
}

/** A path of formula references from `code` back to itself, or null. */
function cycleThrough(code: string, catalogue: ReadonlyMap<string, IndicatorRow>): string[] | null {
  const done = new Set<string>();
  const walk = (c: string, path: string[]): string[] | null => {
    const formula = catalogue.get(c)?.formula;
    if (!formula) return null;
    for (const ref of formulaCodes(formulaTree(formula))) {
      if (ref === code) return [...path, ref];
      if (done.has(ref) || path.includes(ref)) continue;
      const found = walk(ref, [...path, ref]);
      if (found) return found;
      done.add(ref);
    }
    return null;
  };
  return walk(code, [code]);
}

/** Active computed indicators whose formula names `code`. */
export function formulasUsing(code: string, catalogue: ReadonlyMap<string, IndicatorRow>): string[] {
  return [...catalogue.values()]
    .filter((i) => !i.retiredAt && i.formula && formulaCodes(formulaTree(i.formula)).includes(code))
    .map((i) => i.code);
}

/** 409: something still uses the indicator, named in the message. */
export const inUse = (code: string, users: string[]) =>
  new ApiError(
    409,
    'in_use',
    `code: ${code} đang được dùng bởi ${users.join('; ')}; không thể ngừng sử dụng`,
    'code',
  );

/** The code of one part of a breakdown: `rehab_total__form_compulsory`. */
export const partCode = (code: string, dimension: string, part: string) => `${code}__${dimension}_${part}`;

/** Codes of every part of an entry's breakdowns, each with what it is (stored like any indicator). */
export function partsOf(record: Pick<IndicatorRecord, 'code' | 'disaggregations'>) {
  return record.disaggregations.flatMap((d, i) =>
    d.parts.map((part, k) => ({
      code: partCode(record.code, d.code, part.code),
      field: `disaggregations[${i}].parts[${k}].code`,
      dimension: d,
      part,
    })),
  );
}

/** The entry whose breakdown `code` is a part of, or undefined. */
export function parentOf(
  code: string,
  catalogue: ReadonlyMap<string, IndicatorRow>,
): IndicatorRow | undefined {
  const at = code.indexOf('__');
  if (at < 0) return undefined;
  const parent = catalogue.get(code.slice(0, at));
  return parent && partsOf(parent).some((p) => p.code === code) ? parent : undefined;
}
