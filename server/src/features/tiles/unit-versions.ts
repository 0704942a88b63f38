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

/**
 * The version valid on `at`: the latest change date on or before it (ISO dates compare as strings), or null
 * before the first unit of the level existed.
 */
export function versionAt(dates: readonly string[], at: string): string | null {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((dates[mid] ?? '') <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? null : (dates[lo - 1] ?? null);
}
