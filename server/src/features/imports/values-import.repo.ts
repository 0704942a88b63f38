import type { Queryable, Transaction } from '../../db/engine';
import { bump } from '../../lib/data-generations';
import { validAt } from '../../lib/sql';
import type { MatchableUnit } from './unit-matcher';
import type { ReportValue } from './values-sheet';

/** Communes valid on a date (the version a period was reported on), with their province's name. */
export async function communesOn(db: Queryable, date: string): Promise<MatchableUnit[]> {
  return db.query<MatchableUnit>(
    `select u.id, u.code, u.name, u.full_name as "fullName", u.province_code as "provinceCode",
       coalesce(p.full_name, u.province_code) as "provinceName"
     from admin_units u
     left join admin_units p on p.level = 'province' and p.code = u.province_code and ${validAt('p', '$1')}
     where u.level = 'commune' and ${validAt('u', '$1')}
     order by u.code`,
    [date],
  );
}

/** Provinces valid on a date, as rows a report may name (values of indicators reported at province level). */
export async function provincesOn(db: Queryable, date: string): Promise<MatchableUnit[]> {
  return db.query<MatchableUnit>(
    `select u.id, u.code, u.name, u.full_name as "fullName", u.province_code as "provinceCode",
       u.full_name as "provinceName", 'province' as level
     from admin_units u
     where u.level = 'province' and ${validAt('u', '$1')}
     order by u.code`,
    [date],
  );
}

/** What committing a report would do to one value. */
export interface ValueChange {
  unitId: number;
  unitCode: string;
  indicatorCode: string;
  oldValue: number | null;
  oldSource: string | null;
  newValue: number;
  /** The file row the new value was read from (provenance "tệp X, dòng N"); null when not from a file row. */
  row?: number | null;
}

/**
 * Advisory-lock namespace of value writers (two-int4 keys: this number, then a hash of an indicator and a
 * period); the one-key advisory locks of sign-in and accounts live in another space.
 */
const VALUE_SETS_LOCK = 1885564276; // 'pcmt'

/**
 * Concurrent imports on PostgreSQL: every writer of `indicator_values` (a commit or a rollback of a values
 * import) first takes a transaction-scoped advisory lock per (indicator, period) it touches, then reads the
 * values it replaces, writes, and records them in the same transaction. A second writer of any of those
 * sets waits for the first to commit and then reads what it wrote, so each import records exactly the
 * values it replaced (never a stale `old_value`) and its rollback restores exactly those. Locks are taken
 * in the order of their keys in one statement, so writers of overlapping sets cannot deadlock. (Row locks
 * alone could not do it: a cell that does not exist yet has no row to lock.) PGlite has one connection, so
 * its transactions run one after the other anyway; the same statements run there.
 */
export async function lockValueSets(tx: Transaction, period: string, indicatorCodes: readonly string[]) {
  await tx.query(
    `select count(pg_advisory_xact_lock(${VALUE_SETS_LOCK}, h))
     from (select distinct hashtext(k || '|' || $1) as h from unnest($2::text[]) as k order by h) s`,
    [period, [...new Set(indicatorCodes)]],
  );
}

/** The locks of {@link lockValueSets} for every (indicator, period) a values import changed. */
export async function lockImportValueSets(tx: Transaction, importId: number) {
  await tx.query(
    `select count(pg_advisory_xact_lock(${VALUE_SETS_LOCK}, h))
     from (select distinct hashtext(indicator_code || '|' || period_id) as h
           from import_value_changes where import_id = $1 order by h) s`,
    [importId],
  );
}

/**
 * Compares the report's values with the stored ones: only additions and changes are returned. `lock`: in
 * a commit's transaction, after {@link lockValueSets}; the stored rows are also locked until it ends.
 */
export async function diffValues(
  db: Queryable,
  period: string,
  values: readonly ReportValue[],
  options: { lock?: boolean } = {},
): Promise<{ changes: ValueChange[]; unchanged: number }> {
  const existing = await db.query<{ unitId: number; indicatorCode: string; value: number; source: string }>(
    `select v.unit_id as "unitId", v.indicator_code as "indicatorCode", v.value, v.source
     from unnest($2::int[], $3::text[]) as s(unit_id, indicator_code)
     join indicator_values v on v.period_id = $1 and v.unit_id = s.unit_id and v.indicator_code = s.indicator_code
     ${options.lock ? 'for update of v' : ''}`,
    [period, values.map((v) => v.unitId), values.map((v) => v.indicatorCode)],
  );
  const stored = new Map(existing.map((e) => [`${e.unitId}|${e.indicatorCode}`, e]));
  const changes: ValueChange[] = [];
  let unchanged = 0;
  for (const v of values) {
    const old = stored.get(`${v.unitId}|${v.indicatorCode}`);
    if (old && old.value === v.value) {
      unchanged++;
      continue;
    }
    changes.push({
      unitId: v.unitId,
      unitCode: v.unitCode,
      indicatorCode: v.indicatorCode,
      oldValue: old?.value ?? null,
      oldSource: old?.source ?? null,
      newValue: v.value,
      row: v.row,
    });
  }
  return { changes, unchanged };
}

/** The `source` of an imported value: the import's id and the file it came from. */
export const importSource = (importId: number, fileName: string) => `import:${importId}:${fileName}`;

/**
 * Writes the changes of a values import, recording each replaced value so the import can be rolled back
 * exactly, and the import itself in the audit log — all in the caller's transaction.
 */
export async function writeValueChanges(
  tx: Transaction,
  input: { importId: number; period: string; fileName: string; changes: readonly ValueChange[] },
): Promise<void> {
  const c = input.changes;
  await tx.query(
    `insert into indicator_values (indicator_code, period_id, unit_id, value, source, source_row, updated_at)
     select s.indicator_code, $1, s.unit_id, s.value, $2, s.source_row, now()
     from unnest($3::text[], $4::int[], $5::float8[], $6::int[]) as s(indicator_code, unit_id, value, source_row)
     on conflict (indicator_code, period_id, unit_id)
     do update set value = excluded.value, source = excluded.source, source_row = excluded.source_row,
       updated_at = excluded.updated_at`,
    [
      input.period,
      importSource(input.importId, input.fileName),
      c.map((x) => x.indicatorCode),
      c.map((x) => x.unitId),
      c.map((x) => x.newValue),
      c.map((x) => x.row ?? null),
    ],
  );
  await tx.query(
    `insert into import_value_changes (import_id, indicator_code, period_id, unit_id, old_value, old_source, new_value)
     select $1, s.indicator_code, $2, s.unit_id, s.old_value, s.old_source, s.new_value
     from unnest($3::text[], $4::int[], $5::float8[], $6::text[], $7::float8[])
       as s(indicator_code, unit_id, old_value, old_source, new_value)`,
    [
      input.importId,
      input.period,
      c.map((x) => x.indicatorCode),
      c.map((x) => x.unitId),
      c.map((x) => x.oldValue),
      c.map((x) => x.oldSource),
      c.map((x) => x.newValue),
    ],
  );
  await bump(tx, 'values');
}

/** Values of an import changed since it committed: how many, and by which later imports or sources. */
export interface RollbackConflict {
  count: number;
  /** Committed imports whose values now stand where this import's did, newest first. */
  laterImports: { id: number; fileName: string }[];
  /** Sources that are not an import, or `(deleted)`, when some values were changed otherwise. */
  otherSources: string[];
  example: { unitCode: string; indicatorCode: string; periodId: string };
}

/**
 * Undoes a values import: every value it wrote goes back to what it replaced (or is removed when it added
 * it). Refused when a later import or edit has since changed one of those values, naming it, so a rollback
 * never erases someone else's work. Returns how many values were restored and removed. Call after
 * {@link lockImportValueSets} in the same transaction, so no commit changes the values between the check
 * and the restore.
 */
export async function rollBackValueChanges(
  tx: Queryable,
  importId: number,
  source: string,
): Promise<{ restored: number; removed: number; conflict: RollbackConflict | null }> {
  const [conflict] = await tx.query<RollbackConflict>(
    `with changed as (
       select c.unit_id, c.indicator_code, c.period_id, coalesce(v.source, '(deleted)') as source,
         substring(v.source from '^import:([0-9]+):')::int as later_id
       from import_value_changes c
       left join indicator_values v
         on v.indicator_code = c.indicator_code and v.period_id = c.period_id and v.unit_id = c.unit_id
       where c.import_id = $1 and (v.value is distinct from c.new_value or v.source is distinct from $2)
     ),
     first as (select * from changed order by unit_id, indicator_code limit 1)
     select (select count(*)::int from changed) as count,
       coalesce((select json_agg(json_build_object('id', i.id, 'fileName', i.file_name) order by i.id desc)
                 from imports i where i.id in (select later_id from changed)), '[]'::json) as "laterImports",
       coalesce((select json_agg(distinct ch.source) from changed ch
                 where ch.later_id is null or ch.later_id not in (select id from imports)), '[]'::json)
         as "otherSources",
       (select json_build_object('unitCode', u.code, 'indicatorCode', f.indicator_code, 'periodId', f.period_id)
        from first f join admin_units u on u.id = f.unit_id) as example
     where exists (select 1 from changed)`,
    [importId, source],
  );
  if (conflict) return { restored: 0, removed: 0, conflict };
  const restored = await tx.query(
    `update indicator_values v set value = c.old_value, source = c.old_source, source_row = null, updated_at = now()
     from import_value_changes c
     where c.import_id = $1 and c.old_value is not null
       and v.indicator_code = c.indicator_code and v.period_id = c.period_id and v.unit_id = c.unit_id
     returning 1`,
    [importId],
  );
  const removed = await tx.query(
    `delete from indicator_values v using import_value_changes c
     where c.import_id = $1 and c.old_value is null
       and v.indicator_code = c.indicator_code and v.period_id = c.period_id and v.unit_id = c.unit_id
     returning 1`,
    [importId],
  );
  await bump(tx, 'values');
  return { restored: restored.length, removed: removed.length, conflict: null };
}
