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

/** What committing a report would do to one value. */
export interface ValueChange {
  unitId: number;
  unitCode: string;
  indicatorCode: string;
  oldValue: number | null;
  oldSource: string | null;
  newValue: number;
}

/** Compares the report's values with the stored ones: only additions and changes are returned. */
export async function diffValues(
  db: Queryable,
  period: string,
  values: readonly ReportValue[],
): Promise<{ changes: ValueChange[]; unchanged: number }> {
  const existing = await db.query<{ unitId: number; indicatorCode: string; value: number; source: string }>(
    `select v.unit_id as "unitId", v.indicator_code as "indicatorCode", v.value, v.source
     from unnest($2::int[], $3::text[]) as s(unit_id, indicator_code)
     join indicator_values v on v.period_id = $1 and v.unit_id = s.unit_id and v.indicator_code = s.indicator_code`,
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
    `insert into indicator_values (indicator_code, period_id, unit_id, value, source, updated_at)
     select s.indicator_code, $1, s.unit_id, s.value, $2, now()
     from unnest($3::text[], $4::int[], $5::float8[]) as s(indicator_code, unit_id, value)
     on conflict (indicator_code, period_id, unit_id)
     do update set value = excluded.value, source = excluded.source, updated_at = excluded.updated_at`,
    [
      input.period,
      importSource(input.importId, input.fileName),
      c.map((x) => x.indicatorCode),
      c.map((x) => x.unitId),
      c.map((x) => x.newValue),
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

/**
 * Undoes a values import: every value it wrote goes back to what it replaced (or is removed when it added
 * it). Refused when a later import or edit has since changed one of those values, naming it, so a rollback
 * never erases someone else's work. Returns how many values were restored and removed.
 */
export async function rollBackValueChanges(
  tx: Queryable,
  importId: number,
  source: string,
): Promise<{
  restored: number;
  removed: number;
  conflicts: { unitId: number; indicatorCode: string; source: string }[];
}> {
  const conflicts = await tx.query<{ unitId: number; indicatorCode: string; source: string }>(
    `select c.unit_id as "unitId", c.indicator_code as "indicatorCode", coalesce(v.source, '(deleted)') as source
     from import_value_changes c
     left join indicator_values v on v.indicator_code = c.indicator_code and v.period_id = c.period_id and v.unit_id = c.unit_id
     where c.import_id = $1 and (v.value is distinct from c.new_value or v.source is distinct from $2)
     limit 20`,
    [importId, source],
  );
  if (conflicts.length > 0) return { restored: 0, removed: 0, conflicts };
  const restored = await tx.query(
    `update indicator_values v set value = c.old_value, source = c.old_source, updated_at = now()
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
  return { restored: restored.length, removed: removed.length, conflicts: [] };
}
