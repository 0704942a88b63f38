import { createHash } from 'node:crypto';
import type { Database } from '../../db/engine';
import { recordAudit } from '../../lib/audit';
import { ApiError, badRequest } from '../../lib/errors';
import { listIndicators } from '../indicators/indicators.repo';
import { listPeriods } from '../periods/periods.repo';
import { ImportRejected } from './import-problem';
import { findImport, insertImport, markRolledBack } from './imports.repo';
import { readTable } from './read-table';
import { createUnitMatcher, type MatchableUnit } from './unit-matcher';
import {
  communesOn,
  diffValues,
  importSource,
  rollBackValueChanges,
  writeValueChanges,
} from './values-import.repo';
import { type AmbiguousName, readReport } from './values-sheet';

export interface ValuesImportInput {
  fileName: string;
  bytes: Uint8Array;
  /** A quarter id (values are stored per quarter): `2026-Q3`. */
  period: string;
  /** Province code the report covers; names are matched within it. Null = the whole country. */
  scope: string | null;
  /** Resolutions of ambiguous unit names: name key → unit code. */
  choices?: Readonly<Record<string, string>>;
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
            message: `unit name "${a.name}" fits ${a.candidates.length} communes (${a.candidates.map((c) => `${c.code} ${c.fullName}, ${c.provinceName}`).join('; ')}): give its code`,
          })),
    );
  }
}

const SAMPLE = 200;

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Reads, validates and compares a report with the stored values. Throws {@link ValuesImportRejected} naming
 * every problem; otherwise returns what a commit would change.
 */
async function prepare(db: Database, input: ValuesImportInput) {
  const periods = await listPeriods(db);
  const period = periods.find((p) => p.id === input.period);
  if (!period) throw badRequest('period', `period: no period ${input.period}`);
  if (period.kind !== 'quarter') {
    throw badRequest(
      'period',
      `period: values are reported per quarter; ${input.period} is a ${period.kind}`,
    );
  }
  const [indicators, units, sheets] = await Promise.all([
    listIndicators(db),
    communesOn(db, period.endDate),
    readTable(input.fileName, input.bytes),
  ]);
  if (input.scope && !units.some((u) => u.provinceCode === input.scope)) {
    throw badRequest('scope', `scope: no province ${input.scope} has communes on ${period.endDate}`);
  }
  const matcher = createUnitMatcher(units, {
    scope: input.scope,
    date: period.endDate,
    ...(input.choices ? { choices: input.choices } : {}),
  });
  const report = readReport(sheets, { period: input.period, indicators, matcher });
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
          message: `unit ${unit.code} (${unit.fullName}, ${unit.provinceName}) is outside your jurisdiction`,
        });
      }
    }
  }
  if (report.problems.length > 0 || report.ambiguous.length > 0) {
    throw new ValuesImportRejected(input.fileName, report.problems, report.ambiguous);
  }
  if (report.values.length === 0) {
    throw new ValuesImportRejected(
      input.fileName,
      [{ sheet: null, row: null, column: null, header: null, message: 'the report has no values' }],
      [],
    );
  }
  const { changes, unchanged } = await diffValues(db, input.period, report.values);
  const names = new Map(units.map((u) => [u.id, u.fullName]));
  const preview: ValuesPreview = {
    fileName: input.fileName,
    fileSha256: sha256(input.bytes),
    period: input.period,
    scope: input.scope,
    values: report.values.length,
    added: changes.filter((c) => c.oldValue === null).length,
    changed: changes.filter((c) => c.oldValue !== null).length,
    unchanged,
    sample: changes.slice(0, SAMPLE).map((c) => ({
      unitCode: c.unitCode,
      unitName: names.get(c.unitId) ?? c.unitCode,
      indicatorCode: c.indicatorCode,
      oldValue: c.oldValue,
      newValue: c.newValue,
    })),
  };
  return { preview, changes };
}

/** What a report would change, without writing anything. */
export async function previewValuesImport(db: Database, input: ValuesImportInput): Promise<ValuesPreview> {
  return (await prepare(db, input)).preview;
}

/**
 * Commits a report all-or-nothing. Re-importing a file whose values are already stored changes nothing
 * and records no import (importId null).
 */
export async function commitValuesImport(
  db: Database,
  input: ValuesImportInput,
): Promise<ValuesPreview & { importId: number | null }> {
  const { preview, changes } = await prepare(db, input);
  if (changes.length === 0) return { ...preview, importId: null };
  const summary = {
    values: preview.values,
    added: preview.added,
    changed: preview.changed,
    unchanged: preview.unchanged,
    scope: input.scope,
  };
  const importId = await db.transaction(async (tx) => {
    const id = await insertImport(tx, {
      kind: 'values',
      fileName: input.fileName,
      fileSha256: preview.fileSha256,
      target: input.period,
      actor: input.actor,
      summary,
    });
    await writeValueChanges(tx, { importId: id, period: input.period, fileName: input.fileName, changes });
    await recordAudit(tx, {
      actor: input.actor,
      action: 'import.values',
      entity: 'imports',
      entityId: id,
      after: { fileName: input.fileName, period: input.period, ...summary },
    });
    return id;
  });
  return { ...preview, importId };
}

/** Rolls a values import back, or refuses (409) when later changes touched its values. */
export async function rollBackValuesImport(
  db: Database,
  importId: number,
  actor: string,
): Promise<{ restored: number; removed: number }> {
  const found = await findImport(db, importId);
  if (found?.kind !== 'values')
    throw new ApiError(404, 'not_found', `id: no values import ${importId}`, 'id');
  if (found.status === 'rolled_back') {
    throw new ApiError(409, 'already_rolled_back', `import ${importId} was already rolled back`, 'id');
  }
  return db.transaction(async (tx) => {
    const result = await rollBackValueChanges(tx, importId, importSource(importId, found.fileName));
    const first = result.conflicts[0];
    if (first) {
      throw new ApiError(
        409,
        'changed_since',
        `import ${importId} cannot be rolled back: ${result.conflicts.length} of its values were changed since (e.g. ${first.indicatorCode} of unit id ${first.unitId}, now from ${first.source}); roll back the later import first`,
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
