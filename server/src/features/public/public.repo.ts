import type { Queryable } from '../../db/engine';
import { validAt } from '../../lib/sql';

/** [west, south, east, north] of a unit's boundary, rounded outward to 3 decimals (≈ 100 m). */
export async function unitBounds(
  db: Queryable,
  q: { code: string; at: string },
): Promise<[number, number, number, number] | null> {
  const rows = await db.query<{ b: [number, number, number, number] | null }>(
    `select json_build_array(floor(ST_XMin(e) * 1000) / 1000, floor(ST_YMin(e) * 1000) / 1000,
         ceil(ST_XMax(e) * 1000) / 1000, ceil(ST_YMax(e) * 1000) / 1000) as b
     from (select ST_Extent(u.geom)::box2d as e from admin_units u where u.code = $1 and ${validAt('u', '$2')}) x
     where e is not null`,
    [q.code, q.at],
  );
  return rows[0]?.b ?? null;
}

/** How many communes are in force on `at`, in a province or the whole country. */
export async function communeCount(
  db: Queryable,
  q: { at: string; province: string | null },
): Promise<number> {
  const rows = await db.query<{ count: number }>(
    `select count(*)::int as count from admin_units u
     where u.level = 'commune' and ${validAt('u', '$1')} and ($2::text is null or u.province_code = $2)`,
    [q.at, q.province],
  );
  return rows[0]?.count ?? 0;
}
