import type { Database, Transaction } from '../../db/engine';
import { repairGeometry } from '../../db/load-dataset';
import { recordAudit } from '../../lib/audit';
import { bump } from '../../lib/data-generations';
import { ApiError, badRequest } from '../../lib/errors';
import { LEVEL_NAMES, msg } from '../../lib/messages';
import {
  applyVersion,
  compareWithPrevious,
  countUsesOfUnits,
  coveredByNew,
  dropStaleWeights,
  emptyAfterRepair,
  gaps,
  insertVersionUnits,
  invalidInFile,
  latestVersionStart,
  overlaps,
  undoVersionUnits,
  versionUnitIds,
} from './boundaries-import.repo';
import { readBoundaryFile } from './boundary-file';
import { type BoundaryLevel, boundaryUnits, resolveCrs } from './boundary-units';
import {
  areaWeightedCrosswalk,
  carryEarlierCrosswalk,
  crosswalkOf,
  replaceCrosswalk,
  unmappedOld,
} from './crosswalk.repo';
import { ImportRejected, problemText } from './import-problem';
import { findImport, insertImport, markRolledBack } from './imports.repo';
import { sha256 } from './values-import';

export interface BoundariesImportInput {
  fileName: string;
  bytes: Uint8Array;
  validFrom: string;
  level: BoundaryLevel;
  /** The user's coordinate system when the file's is missing or generic. */
  crs: string | null;
  /** Compute an area-weighted crosswalk from the replaced units (default) or leave it to a crosswalk import. */
  crosswalk: boolean;
  /**
   * update: the file holds only the units that changed (a decree merging or splitting a few communes); a
   * unit of the current version it does not name ends only when the new units cover most of it (merged
   * into them), every other unit carries over. replace: the file is the whole set; units missing end.
   */
  scope: 'update' | 'replace';
  /** The decision that makes the change (number and date), recorded with the version. */
  decree: string | null;
  decreeDate: string | null;
  actor: string;
  /** Told what each step did and how long it took (the CLI prints it; a national file takes minutes). */
  progress?: (message: string) => void;
}

/** Tolerances of the checks: below them a difference is digitising noise, not a change on the ground. */
const OVERLAP_MIN_KM2 = 0.05;
const GAP_MIN_KM2 = 0.05;
/** A shape changed when the area between old and new outlines exceeds 1 ha and 0.1 % of the unit. */
const CHANGE_MIN_KM2 = 0.01;
const CHANGE_MIN_SHARE = 0.001;
/** Lists in a report are cut here; counts stay exact. */
const LIST_LIMIT = 500;

type Diff = { code: string; name: string; provinceCode: string };

export interface BoundariesReport {
  fileName: string;
  fileSha256: string;
  level: BoundaryLevel;
  validFrom: string;
  previousVersion: string | null;
  crs: { id: string; source: 'prj' | 'file' | 'choice' | 'default'; description: string };
  units: number;
  repaired: string[];
  overlaps: { a: string; b: string; areaKm2: number }[];
  gaps: { provinceCode: string; areaKm2: number; point: [number, number] }[];
  added: Diff[];
  removed: Diff[];
  changed: (Diff & { what: ('name' | 'province' | 'geometry')[]; areaChangeKm2: number })[];
  unchanged: number;
  /** Units of the current version the file does not touch, kept as they are (scope update). */
  carriedOver: number;
  scope: 'update' | 'replace';
  decree: string | null;
  decreeDate: string | null;
  unmapped: string[];
}

/** Thrown inside the transaction of a preview so that everything it did is rolled back. */
class PreviewOnly extends Error {
  constructor(readonly report: BoundariesReport) {
    super('preview');
  }
}

/**
 * Imports a boundary file as a new unit version starting on `validFrom`: units whose code, name, province
 * and shape are unchanged keep their rows (and their values); changed and removed units end the day before;
 * changed and added units get new rows. Geometry is repaired and simplified as the dataset loader does,
 * neighbours are checked for overlaps and gaps, the replaced units are mapped onto the new ones by area
 * (unless a crosswalk file will follow), tiles and contiguity weights are refreshed. All or nothing.
 */
export async function importBoundaries(
  db: Database,
  input: BoundariesImportInput,
  mode: 'preview' | 'commit',
): Promise<BoundariesReport & { importId: number | null }> {
  return writeBoundaries(db, input, await readBoundariesImport(db, input), mode);
}

/** A boundary file read and checked, ready to be written: what {@link readBoundariesImport} gives. */
export type ReadBoundaries = Awaited<ReturnType<typeof readBoundariesImport>>;

/**
 * The first half of an import: reads the file, its coordinate system and units, and checks the version
 * date (422 with the file's problems, 400 naming validFrom). Nothing is written.
 */
export async function readBoundariesImport(db: Database, input: BoundariesImportInput) {
  const file = await readBoundaryFile(input.fileName, input.bytes);
  const { crs, source } = resolveCrs(input.fileName, file, input.crs);
  const units = boundaryUnits(input.fileName, file, input.level, crs);
  const latest = await latestVersionStart(db, input.level);
  if (latest !== null && input.validFrom <= latest) {
    throw badRequest(
      'validFrom',
      msg('import.version_not_latest', {
        field: 'validFrom',
        level: LEVEL_NAMES[input.level] ?? input.level,
        latest,
      }),
    );
  }
  return { units, crs: { id: crs.id, source, description: crs.description } as BoundariesReport['crs'] };
}

/**
 * The second half: builds the version in one transaction, told between its steps (`step` may throw to
 * stop it: everything is rolled back). A preview rolls back at the end.
 */
export async function writeBoundaries(
  db: Database,
  input: BoundariesImportInput,
  read: ReadBoundaries,
  mode: 'preview' | 'commit',
  step: BoundariesStep = () => undefined,
): Promise<BoundariesReport & { importId: number | null }> {
  try {
    return await db.transaction(async (tx) => {
      const report = await buildVersion(tx, input, read.units, read.crs, step);
      if (mode === 'preview') throw new PreviewOnly(report);
      await step(97, 'Đang ghi nhật ký');
      const importId = await insertImport(tx, {
        kind: 'boundaries',
        fileName: input.fileName,
        fileSha256: report.fileSha256,
        target: input.validFrom,
        actor: input.actor,
        summary: { ...summaryOf(report), rollback: report.rollback },
      });
      await recordAudit(tx, {
        actor: input.actor,
        action: 'import.boundaries',
        entity: 'imports',
        entityId: importId,
        after: summaryOf(report),
      });
      await bump(tx, 'units', 'crosswalk');
      const { rollback: _, ...rest } = report;
      return { ...rest, importId };
    });
  } catch (err) {
    if (err instanceof PreviewOnly) return { ...err.report, importId: null };
    throw err;
  }
}

/** Told before each step of a boundary import (percent, Vietnamese stage); may throw to stop it. */
export type BoundariesStep = (percent: number, stage: string) => Promise<void> | void;

const summaryOf = (r: BoundariesReport) => ({
  level: r.level,
  scope: r.scope,
  decree: r.decree,
  decreeDate: r.decreeDate,
  carriedOver: r.carriedOver,
  validFrom: r.validFrom,
  crs: r.crs.id,
  units: r.units,
  repaired: r.repaired,
  added: r.added.length,
  removed: r.removed.length,
  changed: r.changed.length,
  unchanged: r.unchanged,
  overlaps: r.overlaps.length,
  gaps: r.gaps.length,
  unmapped: r.unmapped.length,
  addedCodes: r.added.map((d) => d.code).slice(0, LIST_LIMIT),
  removedCodes: r.removed.map((d) => d.code).slice(0, LIST_LIMIT),
  changedCodes: r.changed.map((d) => d.code).slice(0, LIST_LIMIT),
});

async function buildVersion(
  tx: Transaction,
  input: BoundariesImportInput,
  units: Awaited<ReturnType<typeof boundaryUnits>>,
  crs: BoundariesReport['crs'],
  next: BoundariesStep,
): Promise<BoundariesReport & { rollback: { newIds: number[]; closedIds: number[]; crosswalk: unknown[] } }> {
  const { level, validFrom } = input;
  let last = performance.now();
  const step = (what: string) => {
    const now = performance.now();
    input.progress?.(`${what} (${((now - last) / 1000).toFixed(1)} s)`);
    last = now;
  };
  await next(5, `Đang lưu ${units.length} đơn vị và hình đơn giản hóa`);
  await insertVersionUnits(tx, level, validFrom, units);
  step(`stored ${units.length} units with simplified variants`);
  // Report the shapes that were invalid in the file; repairGeometry also mends simplified variants that
  // GEOS made invalid (older GEOS does, on some of the real communes), which is no fault of the file.
  await next(30, 'Đang sửa hình học không hợp lệ');
  const repaired = await invalidInFile(tx, level, validFrom);
  await repairGeometry(tx, () => undefined, { level, validFrom });
  step(`repaired ${repaired.length} invalid geometries`);
  const empty = await emptyAfterRepair(tx, level, validFrom);
  if (empty.length > 0) {
    throw new ImportRejected(
      input.fileName,
      empty.map((code) => ({
        sheet: null,
        row: null,
        column: 'geometry',
        header: null,
        message: problemText('import.no_area', { code }),
      })),
    );
  }
  await next(45, 'Đang so sánh với phiên bản hiện hành');
  const comparison = await compareWithPrevious(tx, level, validFrom);
  // A partial update ends a unit it does not name only when the new units cover most of it.
  const merged =
    input.scope === 'update'
      ? new Set(
          await coveredByNew(
            tx,
            level,
            validFrom,
            comparison.flatMap((c) => (c.newId === null && c.oldId !== null ? [c.oldId] : [])),
          ),
        )
      : null;
  let carriedOver = 0;
  step('compared with the current version');
  const added: Diff[] = [];
  const removed: Diff[] = [];
  const changed: BoundariesReport['changed'] = [];
  const unchangedNewIds: number[] = [];
  const closedOldIds: number[] = [];
  for (const c of comparison) {
    if (c.oldId === null && c.newId !== null) {
      added.push({ code: c.code, name: c.newName ?? '', provinceCode: c.newProvince ?? '' });
    } else if (c.newId === null && c.oldId !== null) {
      if (merged && !merged.has(c.oldId)) {
        carriedOver++;
        continue;
      }
      removed.push({ code: c.code, name: c.oldName ?? '', provinceCode: c.oldProvince ?? '' });
      closedOldIds.push(c.oldId);
    } else if (c.oldId !== null && c.newId !== null) {
      const what: ('name' | 'province' | 'geometry')[] = [];
      if (c.oldName !== c.newName) what.push('name');
      if (c.oldProvince !== c.newProvince) what.push('province');
      const diff = c.diffKm2 ?? 0;
      if (diff > CHANGE_MIN_KM2 && diff > CHANGE_MIN_SHARE * (c.oldAreaKm2 ?? 0)) what.push('geometry');
      if (what.length === 0) unchangedNewIds.push(c.newId);
      else {
        changed.push({
          code: c.code,
          name: c.newName ?? '',
          provinceCode: c.newProvince ?? '',
          what,
          areaChangeKm2: diff,
        });
        closedOldIds.push(c.oldId);
      }
    }
  }
  await next(60, 'Đang áp dụng phiên bản mới');
  await applyVersion(tx, validFrom, { unchangedNewIds, closedOldIds });
  const previous = comparison.some((c) => c.oldId !== null) ? previousDay(validFrom) : null;
  const replacedCrosswalk = await crosswalkOf(tx, closedOldIds);
  if (input.crosswalk && closedOldIds.length > 0) {
    await next(65, `Đang lập bảng chuyển đổi của ${closedOldIds.length} đơn vị bị thay thế`);
    const rows = await areaWeightedCrosswalk(tx, level, validFrom, closedOldIds);
    await replaceCrosswalk(tx, closedOldIds, rows);
    await carryEarlierCrosswalk(tx, closedOldIds);
    step(`area-weighted crosswalk of ${closedOldIds.length} replaced units`);
  }
  await next(75, 'Đang kiểm tra chồng lấn');
  const overlapRows = await overlaps(tx, level, validFrom, OVERLAP_MIN_KM2);
  step(`${overlapRows.length} overlaps above ${OVERLAP_MIN_KM2} km²`);
  await next(85, 'Đang kiểm tra khoảng hở');
  const gapRows = await gaps(tx, level, validFrom, GAP_MIN_KM2);
  step(`${gapRows.length} gaps above ${GAP_MIN_KM2} km²`);
  await next(93, 'Đang hoàn tất phiên bản');
  const unmapped = await unmappedOld(tx, level, validFrom);
  await dropStaleWeights(tx, level, validFrom);
  const newIds = await versionUnitIds(tx, level, validFrom);
  return {
    fileName: input.fileName,
    fileSha256: sha256(input.bytes),
    level,
    validFrom,
    previousVersion: previous,
    crs,
    units: units.length,
    repaired,
    overlaps: overlapRows.slice(0, LIST_LIMIT),
    gaps: gapRows.slice(0, LIST_LIMIT),
    added,
    removed,
    changed,
    unchanged: unchangedNewIds.length,
    carriedOver,
    scope: input.scope,
    decree: input.decree,
    decreeDate: input.decreeDate,
    unmapped,
    rollback: { newIds, closedIds: closedOldIds, crosswalk: replacedCrosswalk },
  };
}

function previousDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Undoes a boundary import while nothing depends on its units: removes the new rows (their crosswalk rows
 * go with them), reopens the units it ended and restores the crosswalk they had.
 */
export async function rollBackBoundariesImport(db: Database, importId: number, actor: string) {
  const found = await findImport(db, importId);
  if (found?.kind !== 'boundaries') {
    throw new ApiError(404, 'not_found', msg('import.unknown', { field: 'id', id: importId }), 'id');
  }
  if (found.status === 'rolled_back') {
    throw new ApiError(
      409,
      'already_rolled_back',
      msg('import.already_rolled_back', { field: 'id', id: importId }),
      'id',
    );
  }
  const rb = found.summary.rollback as {
    newIds: number[];
    closedIds: number[];
    crosswalk: { oldId: number; newId: number; kind: 'full' | 'partial'; weight: number }[];
  };
  const level = String(found.summary.level);
  const later = await latestVersionStart(db, level as BoundaryLevel);
  if (later !== null && later > found.target) {
    throw new ApiError(
      409,
      'changed_since',
      msg('import.later_version', { field: 'id', id: importId, level: LEVEL_NAMES[level] ?? level, later }),
      'id',
    );
  }
  const result = await db.transaction(async (tx) => {
    const used = await countUsesOfUnits(tx, rb.newIds);
    if (used > 0) {
      throw new ApiError(
        409,
        'changed_since',
        msg('import.used_since', { field: 'id', id: importId, count: used }),
        'id',
      );
    }
    await undoVersionUnits(tx, rb.newIds, rb.closedIds);
    await replaceCrosswalk(tx, rb.closedIds, rb.crosswalk);
    await dropStaleWeights(tx, level as BoundaryLevel, found.target);
    await markRolledBack(tx, importId);
    await recordAudit(tx, {
      actor,
      action: 'import.rollback',
      entity: 'imports',
      entityId: importId,
      before: { status: 'committed' },
      after: { status: 'rolled_back', removedUnits: rb.newIds.length, reopenedUnits: rb.closedIds.length },
    });
    await bump(tx, 'units', 'crosswalk');
    return { removedUnits: rb.newIds.length, reopenedUnits: rb.closedIds.length };
  });
  return result;
}
