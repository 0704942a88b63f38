import { partialShareSql } from '@pcmt/domain/crosswalk-share';
import type { Queryable } from '../../db/engine';
import { validAt } from '../../lib/sql';

/** The statements of the map's hot path (commune-values.ts says why they are shaped this way). */

export interface Commune {
  id: number;
  code: string;
  provinceCode: string;
  parentCode: string | null;
}

/** Communes valid on a date, in code order (byte order, as `collate "C"`). */
export async function communesAt(db: Queryable, at: string): Promise<Commune[]> {
  const rows = await db.query<Commune>(
    `select u.id, u.code, u.province_code as "provinceCode", u.parent_code as "parentCode"
     from admin_units u where u.level = 'commune' and ${validAt('u', '$1')}`,
    [at],
  );
  return rows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** A value as valuesJson writes it: `round(value::numeric, 4)::float8` as text (integers below 1e15 as they are). */
const valueText = (e: string) =>
  `case when ${e} = trunc(${e}) and abs(${e}) < 1e15 then ${e}::bigint::text
     else round(${e}::numeric, 4)::float8::text end`;

/**
 * The units' own values of one indicator in one quarter as ONE text row of `unit value` pairs (each row costs
 * more than its bytes on the embedded engine); `unitIds` null reads the whole range of the primary key.
 */
export async function ownValuePairs(
  db: Queryable,
  code: string,
  period: string,
  unitIds: readonly number[] | null,
): Promise<Map<number, string>> {
  const [own] = await db.query<{ pairs: string | null }>(
    `select string_agg(v.unit_id::text || ' ' || ${valueText('v.value')}, ',') as pairs
     from indicator_values v
     where v.indicator_code = $1 and v.period_id = $2 and ($3::int[] is null or v.unit_id = any($3::int[]))`,
    [code, period, unitIds],
  );
  const values = new Map<number, string>();
  for (const pair of own?.pairs ? own.pairs.split(',') : []) {
    const space = pair.indexOf(' ');
    values.set(Number(pair.slice(0, space)), pair.slice(space + 1));
  }
  return values;
}

/** The older units' values carried to `unitIds` through the crosswalk (estimated where a share is partial). */
export async function crosswalkedValues(
  db: Queryable,
  code: string,
  period: string,
  unitIds: readonly number[],
  aggregation: 'max' | 'sum',
): Promise<{ id: number; value: string; estimated: boolean }[]> {
  return db.query<{ id: number; value: string; estimated: boolean }>(
    `select x.id, ${valueText('x.value')} as value, x.estimated
     from (
       select cw.new_unit_id as id, ${aggregation}(v.value * cw.weight) as value,
         bool_or(${partialShareSql('cw.weight')}) as estimated
       from unit_crosswalk cw
       join indicator_values v on v.indicator_code = $1 and v.period_id = $2 and v.unit_id = cw.old_unit_id
       where cw.new_unit_id = any($3::int[])
       group by cw.new_unit_id
     ) x
     where x.value is not null`,
    [code, period, unitIds],
  );
}
