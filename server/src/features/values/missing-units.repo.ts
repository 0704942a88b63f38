import type { UnitLevel } from '@pcmt/domain/contracts/common';
import type { Queryable } from '../../db/engine';
import { validAt } from '../../lib/sql';

export interface MissingUnitsQuery {
  /** The stored inputs reported by communes (an indicator reported at province level has none). */
  communeCodes: readonly string[];
  periodId: string;
  at: string;
  parent: string | null;
  parentLevel: UnitLevel | null;
  /** Provinces the caller may read whole (jurisdictionParams().provinceCodes); null = all. */
  provinceCodes: readonly string[] | null;
  limit: number;
}

export interface MissingUnitRow {
  code: string;
  name: string;
  districtName: string | null;
  provinceName: string | null;
}

/*
 * MISSING UNITS (issue 15): the communes an area's total lacks. The complement of AREA COVERAGE in
 * values.repo.ts (`expected_units` − `reported_units`), with the same definitions:
 * - expected: communes valid at `at`, inside the parent, of provinces the caller reads whole (IN_JURISDICTION
 *   at district and province level: an area total never includes another area's communes);
 * - reported: a value of every commune-level input in some quarter of the period, the commune's own or
 *   (ONE VALUE PER UNIT) its predecessors' through the crosswalk.
 * A separate statement, run only when a user opens the coverage note: the values' hot path is unchanged.
 */
export async function missingUnits(
  db: Queryable,
  q: MissingUnitsQuery,
): Promise<{ expected: number; count: number; units: MissingUnitRow[] }> {
  const inside =
    q.parentLevel === 'province'
      ? 'u.province_code = $4'
      : q.parentLevel === 'district'
        ? 'u.parent_code = $4'
        : '$4::text is null';
  const rows = await db.query<{ expected: number; count: number; units: MissingUnitRow[] | null }>(
    `with quarters as (
       select q.id
       from periods p
       join periods q on q.kind = 'quarter' and q.start_date >= p.start_date and q.end_date <= p.end_date
       where p.id = $2
     ),
     expected as (
       select u.id, u.code, u.full_name, u.parent_code, u.province_code
       from admin_units u
       where u.level = 'commune' and ${validAt('u', '$3')} and ${inside}
         and ($5::text[] is null or u.province_code = any($5::text[]))
     ),
     missing as (
       select e.* from expected e
       where exists (
         select 1 from unnest($1::text[]) as input(code)
         where not exists (
             select 1 from indicator_values v
             where v.indicator_code = input.code and v.unit_id = e.id
               and v.period_id = any(array(select id from quarters))
           )
           and not exists (
             select 1 from unit_crosswalk cw
             join indicator_values v on v.unit_id = cw.old_unit_id
             where cw.new_unit_id = e.id and v.indicator_code = input.code
               and v.period_id = any(array(select id from quarters))
           )
       )
     ),
     listed as (
       select m.code, m.full_name as name, d.full_name as "districtName", p.full_name as "provinceName"
       from (select * from missing order by code collate "C" limit $6) m
       left join admin_units d on d.code = m.parent_code and d.level = 'district' and ${validAt('d', '$3')}
       left join admin_units p on p.code = m.province_code and p.level = 'province' and ${validAt('p', '$3')}
     )
     select (select count(*)::int from expected) as expected, (select count(*)::int from missing) as count,
       (select json_agg(l order by l.code collate "C") from listed l) as units`,
    [q.communeCodes, q.periodId, q.at, q.parent, q.provinceCodes, q.limit],
  );
  const r = rows[0];
  return { expected: r?.expected ?? 0, count: r?.count ?? 0, units: r?.units ?? [] };
}
