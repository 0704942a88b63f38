import type { UnitLevel } from '../../contracts/common';
import type { Queryable } from '../../db/engine';
import { validAt } from '../../lib/sql';
import { GEOMETRY_COLUMN, type GeometryDetail } from './tile-layers';
import type { LonLatBox } from './tile-math';

/** Decimals per variant: finer than a tile unit at the deepest zoom the variant serves, no finer. */
const DIGITS: Readonly<Record<GeometryDetail, number>> = { low: 4, mid: 5, full: 6 };

/**
 * The units of a level valid on `version` as a GeoJSON FeatureCollection built by the database, with `code`
 * and `name` properties, for the JS tile encoder. With a box, only units touching it, cut to it.
 * @returns the collection as JSON text and its vertex count (to weigh the index built from it).
 */
export async function tileSourceJson(
  db: Queryable,
  q: { level: UnitLevel; version: string; detail: GeometryDetail; box: LonLatBox | null },
): Promise<{ json: string; vertices: number }> {
  const column = GEOMETRY_COLUMN[q.detail];
  const [west, south, east, north] = q.box ?? [null, null, null, null];
  const rows = await db.query<{ json: string; vertices: number }>(
    `with b as (select case when $3::float8 is null then null
                  else ST_MakeEnvelope($3::float8, $4::float8, $5::float8, $6::float8, 4326) end as box),
     s as (
       select u.code, u.full_name,
         case when b.box is null then u.${column} else ST_ClipByBox2D(u.${column}, b.box::box2d) end as g
       from admin_units u, b
       where u.level = $1 and ${validAt('u', '$2')} and (b.box is null or u.${column} && b.box)
     )
     select json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(json_build_object(
         'type', 'Feature',
         'geometry', ST_AsGeoJSON(s.g, ${DIGITS[q.detail]})::json,
         'properties', json_build_object('code', s.code, 'name', s.full_name)
       ) order by s.code), '[]'))::text as json,
       coalesce(sum(ST_NPoints(s.g)), 0)::int as vertices
     from s
     where not ST_IsEmpty(s.g)`,
    [q.level, q.version, west, south, east, north],
  );
  return rows[0] ?? { json: '{"type":"FeatureCollection","features":[]}', vertices: 0 };
}
