import { searchName } from '@pcmt/domain/contracts/search-name';
import { shareKind } from '@pcmt/domain/crosswalk-share';
import { formatNumber } from '@pcmt/domain/format';
import type { Database } from '../../db/engine';
import { recordAudit } from '../../lib/audit';
import { bump } from '../../lib/data-generations';
import { ApiError, badRequest } from '../../lib/errors';
import { LEVEL_NAMES, msg } from '../../lib/messages';
import type { BoundaryLevel } from './boundary-units';
import {
  areaWeightedCrosswalk,
  type CrosswalkRow,
  carryEarlierCrosswalk,
  changeSides,
  crosswalkOf,
  replaceCrosswalk,
  unmappedOld,
  unreachedNew,
} from './crosswalk.repo';
import { columnLetter, fileProblem, type ImportProblem, ImportRejected, problemText } from './import-problem';
import { findImport, insertImport, markRolledBack } from './imports.repo';
import { parseNumber, readTable } from './read-table';
import { normaliseCode } from './unit-matcher';
import { sha256 } from './values-import';

export interface CrosswalkImportInput {
  /** A CSV/XLSX of old code → new code with weights; null = compute by area. */
  file: { name: string; bytes: Uint8Array } | null;
  at: string;
  level: BoundaryLevel;
  actor: string;
}

export interface CrosswalkImportResult {
  importId: number | null;
  at: string;
  level: BoundaryLevel;
  method: 'file' | 'area';
  rows: number;
  oldUnits: number;
  unmappedOld: string[];
  unreachedNew: string[];
}

const HEADERS = {
  oldCode: ['ma cu', 'ma don vi cu', 'ma xa cu', 'old code', 'old unit code'],
  newCode: ['ma moi', 'ma don vi moi', 'ma xa moi', 'new code', 'new unit code'],
  weight: ['ty le', 'trong so', 'weight', 'share'],
} as const;

/**
 * Reads a crosswalk file: one row per (old unit, new unit) with the share of the old unit's quantities the
 * new unit takes. Codes must name units that ended (old) and started or continue (new) on `at`; an old
 * unit's shares may not add up to more than 1. Every problem is named by row and column.
 */
async function readCrosswalkFile(
  file: { name: string; bytes: Uint8Array },
  sides: Awaited<ReturnType<typeof changeSides>>,
  level: BoundaryLevel,
  at: string,
): Promise<CrosswalkRow[]> {
  const sheet = (await readTable(file.name, file.bytes))[0];
  const rows = sheet?.rows ?? [];
  const header = (rows[0] ?? []).map((c) => searchName(String(c ?? '').replace(/_/g, ' ')));
  const col = (names: readonly string[]) => header.findIndex((h) => names.includes(h));
  const oldCol = col(HEADERS.oldCode);
  const newCol = col(HEADERS.newCode);
  const weightCol = col(HEADERS.weight);
  const missing = [
    oldCol < 0 ? '"ma_cu" (mã cũ)' : null,
    newCol < 0 ? '"ma_moi" (mã mới)' : null,
    weightCol < 0 ? '"ty_le" (tỷ lệ)' : null,
  ].filter((x) => x !== null);
  if (missing.length > 0) {
    throw new ImportRejected(file.name, [
      {
        sheet: sheet?.name ?? null,
        row: 1,
        column: null,
        header: null,
        message: problemText('import.crosswalk_missing_columns', { columns: missing.join(', ') }),
      },
    ]);
  }
  const problems: ImportProblem[] = [];
  const out: CrosswalkRow[] = [];
  const firstRowOf = new Map<string, number>();
  const sums = new Map<number, { sum: number; row: number; code: string }>();
  const width = level === 'commune' ? 5 : 2;
  const at1 = (row: number, c: number, message: string): ImportProblem => ({
    sheet: sheet?.name ?? null,
    row,
    column: columnLetter(c + 1),
    header: String(rows[0]?.[c] ?? ''),
    message,
  });
  for (let r = 1; r < rows.length; r++) {
    const cells = rows[r] ?? [];
    if (cells.every((c) => c === null)) continue;
    const rowNo = r + 1;
    const oldCode = normaliseCode(cells[oldCol] ?? '', width);
    const newCode = normaliseCode(cells[newCol] ?? '', width);
    const oldId = sides.old.get(oldCode);
    const newId = sides.next.get(newCode);
    const weight = parseNumber(cells[weightCol] ?? null);
    if (oldId === undefined)
      problems.push(
        at1(
          rowNo,
          oldCol,
          problemText('import.crosswalk_unknown_old', {
            code: oldCode,
            level: LEVEL_NAMES[level] ?? level,
            date: at,
          }),
        ),
      );
    if (newId === undefined)
      problems.push(
        at1(
          rowNo,
          newCol,
          problemText('import.crosswalk_unknown_new', {
            code: newCode,
            level: LEVEL_NAMES[level] ?? level,
            date: at,
          }),
        ),
      );
    if (weight === null || weight <= 0 || weight > 1) {
      problems.push(
        at1(
          rowNo,
          weightCol,
          problemText('import.crosswalk_weight', { value: String(cells[weightCol] ?? '') }),
        ),
      );
    }
    const key = `${oldCode}>${newCode}`;
    const dup = firstRowOf.get(key);
    if (dup !== undefined)
      problems.push(
        at1(
          rowNo,
          newCol,
          problemText('import.crosswalk_duplicate', { row: dup, old: oldCode, new: newCode }),
        ),
      );
    else firstRowOf.set(key, rowNo);
    if (
      oldId === undefined ||
      newId === undefined ||
      weight === null ||
      weight <= 0 ||
      weight > 1 ||
      dup !== undefined
    )
      continue;
    const s = sums.get(oldId) ?? { sum: 0, row: rowNo, code: oldCode };
    s.sum += weight;
    sums.set(oldId, s);
    out.push({ oldId, newId, kind: shareKind(weight), weight });
  }
  for (const s of sums.values()) {
    if (s.sum > 1.0001)
      problems.push(
        at1(
          s.row,
          weightCol,
          problemText('import.crosswalk_sum', { code: s.code, sum: formatNumber(s.sum, 'vi', 4) }),
        ),
      );
  }
  if (out.length === 0 && problems.length === 0)
    problems.push(fileProblem(problemText('import.crosswalk_no_rows', {})));
  if (problems.length > 0) {
    problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    throw new ImportRejected(file.name, problems);
  }
  return out;
}

/**
 * Replaces the crosswalk of the old units of a change (units that ended on `at`) with a file's rows or with
 * area weights, all or nothing, and reports the units left unmapped on either side.
 */
export async function importCrosswalk(
  db: Database,
  input: CrosswalkImportInput,
): Promise<CrosswalkImportResult> {
  const sides = await changeSides(db, input.level, input.at);
  if (sides.old.size === 0) {
    throw badRequest(
      'at',
      msg('import.no_version_ended', {
        field: 'at',
        level: LEVEL_NAMES[input.level] ?? input.level,
        date: input.at,
      }),
    );
  }
  const fileRows = input.file ? await readCrosswalkFile(input.file, sides, input.level, input.at) : null;
  return db.transaction(async (tx) => {
    const oldIds = fileRows ? [...new Set(fileRows.map((r) => r.oldId))] : [...sides.old.values()];
    const rows = fileRows ?? (await areaWeightedCrosswalk(tx, input.level, input.at, oldIds));
    const before = await crosswalkOf(tx, oldIds);
    await replaceCrosswalk(tx, oldIds, rows);
    await carryEarlierCrosswalk(tx, oldIds);
    const [unmapped, unreached] = await Promise.all([
      unmappedOld(tx, input.level, input.at),
      unreachedNew(tx, input.level, input.at),
    ]);
    const method = input.file ? 'file' : 'area';
    const summary = {
      level: input.level,
      at: input.at,
      method,
      rows: rows.length,
      oldUnits: oldIds.length,
      unmappedOld: unmapped.length,
      unreachedNew: unreached.length,
    };
    const importId = await insertImport(tx, {
      kind: 'crosswalk',
      fileName: input.file?.name ?? '(area-weighted)',
      fileSha256: input.file ? sha256(input.file.bytes) : '',
      target: input.at,
      actor: input.actor,
      summary: { ...summary, rollback: { oldIds, before } },
    });
    await recordAudit(tx, {
      actor: input.actor,
      action: 'import.crosswalk',
      entity: 'imports',
      entityId: importId,
      after: summary,
    });
    await bump(tx, 'crosswalk');
    return {
      importId,
      at: input.at,
      level: input.level,
      method,
      rows: rows.length,
      oldUnits: oldIds.length,
      unmappedOld: unmapped,
      unreachedNew: unreached,
    };
  });
}

/** Puts back the crosswalk rows a crosswalk import replaced. */
export async function rollBackCrosswalkImport(db: Database, importId: number, actor: string) {
  const found = await findImport(db, importId);
  if (found?.kind !== 'crosswalk')
    throw new ApiError(404, 'not_found', msg('import.unknown', { field: 'id', id: importId }), 'id');
  if (found.status === 'rolled_back')
    throw new ApiError(
      409,
      'already_rolled_back',
      msg('import.already_rolled_back', { field: 'id', id: importId }),
      'id',
    );
  const rb = found.summary.rollback as { oldIds: number[]; before: CrosswalkRow[] };
  return db.transaction(async (tx) => {
    await replaceCrosswalk(tx, rb.oldIds, rb.before);
    await markRolledBack(tx, importId);
    await recordAudit(tx, {
      actor,
      action: 'import.rollback',
      entity: 'imports',
      entityId: importId,
      before: { status: 'committed' },
      after: { status: 'rolled_back', restoredRows: rb.before.length },
    });
    await bump(tx, 'crosswalk');
    return { restoredRows: rb.before.length };
  });
}
