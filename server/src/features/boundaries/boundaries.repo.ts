import type { UnitLevel } from '@pcmt/domain/contracts/common';
import type { Queryable } from '../../db/engine';
import { validAt } from '../../lib/sql';

export type BoundaryDetail = 'low' | 'mid' | 'full';

/** Column and coordinate precision per detail: more decimals than the simplification would only add bytes. */
const DETAIL = {
  low: { column: 'geom_low', digits: 4 },
  mid: { column: 'geom_mid', digits: 5 },
  full: { column: 'geom', digits: 6 },
} as const;

/**
 * Boundaries of the units of a level valid on a date as a GeoJSON features array built by the database,
 * and whether the parent named is a unit valid on that date, in one statement (one round trip).
 */
export async function boundaryFeaturesJson(
  db: Queryable,
  q: { level: UnitLevel; parent: string | null; at: string; detail: BoundaryDetail },
): Promise<{ json: string; count: number; parentFound: boolean }> {
  const { column, digits } = DETAIL[q.detail];
  const rows = await db.query<{ json: string; count: number; parentFound: boolean }>(
    `select coalesce(json_agg(json_build_object(
         'type', 'Feature',
         'geometry', ST_AsGeoJSON(u.${column}, ${digits})::json,
         'properties', json_build_object('code', u.code, 'name', u.full_name, 'level', u.level, 'parentCode', u.parent_code)
       ) order by u.code), '[]')::text as json,
       count(*)::int as count,
       ($3::text is null or exists (
         select 1 from admin_units p where p.code = $3 and ${validAt('p', '$2')})) as "parentFound"
     from admin_units u
     where u.level = $1 and ${validAt('u', '$2')}
       and ($3::text is null or u.parent_code = $3 or u.province_code = $3)`,
    [q.level, q.at, q.parent],
  );
  return rows[0] ?? { json: '[]', count: 0, parentFound: q.parent === null };
}
