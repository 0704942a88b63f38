import { createHash } from 'node:crypto';
import type { Database, Queryable } from '../../db/engine';
import { recordAudit } from '../../lib/audit';
import { ApiError, badRequest } from '../../lib/errors';
import { msg } from '../../lib/messages';
import { listIndicators } from '../indicators/indicators.repo';
import { listPeriods } from '../periods/periods.repo';
import { ImportRejected, problemText } from './import-problem';
import { findImport, insertImport, markRolledBack } from './imports.repo';
import { readTable } from './read-table';
import { createUnitMatcher, type MatchableUnit } from './unit-matcher';
import {
  communesOn,
  diffValues,
  importSource,
  lockImportValueSets,
  lockValueSets,
  provincesOn,
  type RollbackConflict,
  rollBackValueChanges,
  type ValueChange,
  writeValueChanges,
} from './values-import.repo';
import {
  type AmbiguousName,
  type DecimalMark,
  type FileNumbers,
  noValuesProblem,
  readReport,
} from './values-sheet';

export interface ValuesImportInput {
  fileName: string;
  bytes: Uint8Array;
  /** A quarter id (values are stored per quarter): `2026-Q3`. */
  period: string;
  /** Province code the report covers; names are matched within it. Null = the whole country. */
  scope: string | null;
  /** Resolutions of ambiguous unit names: name key → unit code. */
  choices?: Readonly<Record<string, string>>;
  /** The decimal mark the user chose in the preview, for a file whose cells do not decide it. */
  decimalMark?: DecimalMark;
  actor: string;
  /** Whether the caller may write values of this unit (their jurisdiction); absent = everywhere (CLI). */
  mayWrite?: (unit: MatchableUnit) => boolean;
}

/** How many values a report adds and changes, and a sample of them to show before committing. */
export interface ValuesPreview {
  fileName: string;
  fileSha256: string;
  period: string;
  scope: string | null;
  values: number;
  added: number;
  changed: number;
  unchanged: number;
  sample: {
    unitCode: string;
    unitName: string;
    indicatorCode: string;
    oldValue: number | null;
    newValue: number;
  }[];
  /** How the file's numbers were read, and the cells that read either way (values-sheet.ts). */
  numbers: FileNumbers;
}

/** The file has problems or names that need a choice: nothing was written. */
export class ValuesImportRejected extends ImportRejected {
  constructor(
    fileName: string,
    problems: ImportRejected['problems'],
    readonly ambiguous: readonly AmbiguousName[],
  ) {
    super(
      fileName,
      problems.length > 0
        ? problems
        : ambiguous.map((a) => ({
            sheet: a.rows[0]?.sheet ?? null,
            row: a.rows[0]?.row ?? null,
            column: null,
            header: null,
            message: problemText('import.ambiguous_name', {
              value: a.name,
              count: a.candidates.length,
              candidates: a.candidates.map((c) => `${c.code} ${c.fullName}, ${c.provinceName}`).join('; '),
            }),
          })),
    );
  }
}

const SAMPLE = 200;

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Reads and validates a report: its values matched to the units of the period. Throws
 * {@link ValuesImportRejected} naming every problem. Reads no stored value: comparing is done where the
 * answer is used (a preview reads them as they are; a commit reads them under its locks).
 */
async function readValues(db: Database, input: ValuesImportInput) {
  const periods = await listPeriods(db);
  const period = periods.find((p) => p.id === input.period);
  if (!period) throw badRequest('period', msg('period.unknown', { field: 'period', period: input.period }));
  if (period.kind !== 'quarter') {
    throw badRequest('period', msg('period.values_per_quarter', { field: 'period', period: input.period }));
  }
  const [indicators, communes, provinces, sheets] = await Promise.all([
    listIndicators(db),
    communesOn(db, period.endDate),
    provincesOn(db, period.endDate),
    readTable(input.fileName, input.bytes),
  ]);
  // Communes, and the provinces' own rows (values of indicators reported at province level).
  const units = [...communes, ...provinces];
  if (input.scope && !communes.some((u) => u.provinceCode === input.scope)) {
    throw badRequest(
      'scope',
      msg('import.no_communes_in_scope', { field: 'scope', code: input.scope ?? '', date: period.endDate }),
    );
  }
  const matcher = createUnitMatcher(communes, {
    scope: input.scope,
    date: period.endDate,
    provinces,
    ...(input.choices ? { choices: input.choices } : {}),
  });
  const report = readReport(sheets, {
    period: input.period,
    indicators,
    matcher,
    ...(input.decimalMark ? { decimalMark: input.decimalMark } : {}),
  });
  if (input.mayWrite) {
    const byId = new Map(units.map((u) => [u.id, u]));
    for (const v of report.values) {
      const unit = byId.get(v.unitId);
      if (unit && !input.mayWrite(unit)) {
        report.problems.push({
          sheet: v.sheet,
          row: v.row,
          column: v.column,
          header: null,
          message: problemText('import.unit_outside_jurisdiction', {
            code: unit.code,
            name: unit.fullName,
            province: unit.provinceName,
          }),
        });
      }
    }
  }
  if (report.problems.length > 0 || report.ambiguous.length > 0) {
    throw new ValuesImportRejected(input.fileName, report.problems, report.ambiguous);
  }
  if (report.values.length === 0) {
    throw new ValuesImportRejected(input.fileName, [noValuesProblem(report.emptyRows)], []);
  }
  return {
    values: report.values,
    names: new Map(units.map((u) => [u.id, u.fullName])),
    numbers: report.numbers,
  };
}

type ReadValues = Awaited<ReturnType<typeof readValues>>;

function previewOf(
  input: ValuesImportInput,
  read: ReadValues,
  diff: { changes: ValueChange[]; unchanged: number },
): ValuesPreview {
  const { changes } = diff;
  return {
    fileName: input.fileName,
    fileSha256: sha256(input.bytes),
    period: input.period,
    scope: input.scope,
    values: read.values.length,
    added: changes.filter((c) => c.oldValue === null).length,
    changed: changes.filter((c) => c.oldValue !== null).length,
    unchanged: diff.unchanged,
    sample: changes.slice(0, SAMPLE).map((c) => ({
      unitCode: c.unitCode,
      unitName: read.names.get(c.unitId) ?? c.unitCode,
      indicatorCode: c.indicatorCode,
      oldValue: c.oldValue,
      newValue: c.newValue,
    })),
    numbers: read.numbers,
  };
}

/** What a report would change, without writing anything. */
export async function previewValuesImport(db: Database, input: ValuesImportInput): Promise<ValuesPreview> {
  const read = await readValues(db, input);
  return previewOf(input, read, await diffValues(db, input.period, read.values));
}

/**
 * Commits a report all-or-nothing. Re-importing a file whose values are already stored changes nothing
 * and records no import (importId null). The values it replaces are read in the writing transaction, under
 * the locks of every (indicator, period) it touches (`lockValueSets`): a concurrent import of the same
 * values waits for this one and then replaces what this one wrote, so each records exactly what it
 * replaced and a rollback restores exactly that. The counts returned are those of the commit itself.
 */
export async function commitValuesImport<T = undefined>(
  db: Database,
  input: ValuesImportInput,
  /** More writes of the same commit (the reporting cycle's submissions): they stand or fall with the values. */
  alsoInTransaction?: (tx: Queryable, importId: number) => Promise<T>,
): Promise<ValuesPreview & { importId: number | null; also?: T }> {
  return writeValuesImport(db, input, await readValuesImport(db, input), alsoInTransaction);
}

/** A report read and checked, ready to be written: what {@link readValuesImport} gives. */
export type ReadValuesImport = Awaited<ReturnType<typeof readValues>>;

/**
 * The first half of a commit: reads the file (in a worker) and checks every cell, unit and jurisdiction,
 * throwing {@link ValuesImportRejected} with the problems. Nothing is written.
 */
export const readValuesImport = (db: Database, input: ValuesImportInput): Promise<ReadValuesImport> =>
  readValues(db, input);

/** Told between the steps of a write; may throw to stop it (the transaction then rolls back). */
export type WriteStep = (percent: number, stage: string) => Promise<void> | void;

/** The second half of a commit: writes a report read by {@link readValuesImport}, all or nothing. */
export async function writeValuesImport<T = undefined>(
  db: Database,
  input: ValuesImportInput,
  read: ReadValuesImport,
  alsoInTransaction?: (tx: Queryable, importId: number) => Promise<T>,
  step: WriteStep = () => undefined,
): Promise<ValuesPreview & { importId: number | null; also?: T }> {
  return db.transaction(async (tx) => {
    await step(10, 'Đang khóa các chỉ số của kỳ');
    await lockValueSets(
      tx,
      input.period,
      read.values.map((v) => v.indicatorCode),
    );
    await step(25, `Đang so sánh ${read.values.length} số liệu với số liệu đã có`);
    const diff = await diffValues(tx, input.period, read.values, { lock: true });
    const preview = previewOf(input, read, diff);
    const { changes } = diff;
    if (changes.length === 0) return { ...preview, importId: null };
    const summary = {
      values: preview.values,
      added: preview.added,
      changed: preview.changed,
      unchanged: preview.unchanged,
      scope: input.scope,
    };
    await step(50, `Đang ghi ${changes.length} số liệu`);
    const id = await insertImport(tx, {
      kind: 'values',
      fileName: input.fileName,
      fileSha256: preview.fileSha256,
      target: input.period,
      actor: input.actor,
      summary,
    });
    await writeValueChanges(tx, { importId: id, period: input.period, fileName: input.fileName, changes });
    await step(90, 'Đang ghi nhật ký');
    await recordAudit(tx, {
      actor: input.actor,
      action: 'import.values',
      entity: 'imports',
      entityId: id,
      after: { fileName: input.fileName, period: input.period, ...summary },
    });
    const also = alsoInTransaction ? await alsoInTransaction(tx, id) : undefined;
    await step(99, 'Đang hoàn tất');
    return { ...preview, importId: id, also };
  });
}

/**
 * Rolls a values import back, or refuses (409) when values it wrote were changed since: the message names
 * the later imports to roll back first (newest first). Runs under the locks of the import's (indicator,
 * period) sets, so a concurrent commit cannot slip in between the check and the restore.
 */
export async function rollBackValuesImport(
  db: Database,
  importId: number,
  actor: string,
): Promise<{ restored: number; removed: number }> {
  const found = await findImport(db, importId);
  if (found?.kind !== 'values')
    throw new ApiError(404, 'not_found', msg('import.unknown', { field: 'id', id: importId }), 'id');
  return db.transaction(async (tx) => {
    await lockImportValueSets(tx, importId);
    // Read again under the locks: a concurrent rollback of the same import has committed or not begun.
    if ((await findImport(tx, importId))?.status === 'rolled_back') {
      throw new ApiError(
        409,
        'already_rolled_back',
        msg('import.already_rolled_back', { field: 'id', id: importId }),
        'id',
      );
    }
    const result = await rollBackValueChanges(tx, importId, importSource(importId, found.fileName));
    if (result.conflict) {
      throw new ApiError(
        409,
        'changed_since',
        msg('import.changed_since', { detail: changedSinceMessage(importId, result.conflict) }),
        'id',
      );
    }
    await markRolledBack(tx, importId);
    await recordAudit(tx, {
      actor,
      action: 'import.rollback',
      entity: 'imports',
      entityId: importId,
      before: { status: 'committed' },
      after: { status: 'rolled_back', restored: result.restored, removed: result.removed },
    });
    return { restored: result.restored, removed: result.removed };
  });
}

/** Why a rollback is refused, in Vietnamese: how many values changed, and by which later imports. */
export function changedSinceMessage(importId: number, c: RollbackConflict): string {
  const by = [
    ...c.laterImports.map((i) => `lần nhập ${i.id} (tệp ${i.fileName})`),
    ...c.otherSources.map((s) => (s === '(deleted)' ? 'một thao tác xoá' : `nguồn “${s}”`)),
  ];
  const e = c.example;
  const ids = c.laterImports.map((i) => i.id).join(', ');
  return [
    `Không thể hoàn tác lần nhập ${importId}: ${c.count} giá trị của lần nhập này đã bị thay đổi sau đó bởi`,
    `${by.join(', ')} (ví dụ ${e.indicatorCode} của đơn vị ${e.unitCode}, kỳ ${e.periodId}).`,
    ...(c.laterImports.length > 0 ? [`Hãy hoàn tác lần nhập ${ids} trước.`] : []),
  ].join(' ');
}
