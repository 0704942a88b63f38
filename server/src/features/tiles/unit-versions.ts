import type { UnitLevel } from '../../contracts/common';
import type { Queryable } from '../../db/engine';

/**
 * Every date on which the set of units of a level changes (each valid_from and valid_to), ascending.
 * Between two consecutive dates the set is constant, so the latest of these dates on or before a date
 * names the set valid on it: that is the version tiles are cached under.
 */
export async function loadVersionDates(db: Queryable, level: UnitLevel): Promise<string[]> {
  const rows = await db.query<{ d: string }>(
    `select to_char(d, 'YYYY-MM-DD') as d
     from (select valid_from as d from admin_units where level = $1
           union select valid_to from admin_units where level = $1 and valid_to is not null) s
     order by d`,
    [level],
  );
  return rows.map((r) => r.d);
}
