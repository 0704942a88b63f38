import type { UnitLevel } from '@pcmt/domain/contracts/common';
import type { Queryable } from '../../db/engine';
import { validAt } from '../../lib/sql';
import { GEOMETRY_COLUMN, type GeometryDetail, TILE_BUFFER, TILE_EXTENT } from './tile-layers';
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
 * One tile encoded by the database with ST_AsMVT (PostGIS 3.0 API): units of `level` valid on `version`
 * whose `column` variant touches the box, simplified for the zoom, clipped to the tile with its buffer.
 */
export async function postgisMvt(
  db: Queryable,
  job: { layer: string; level: UnitLevel; version: string; z: number; x: number; y: number },
  q: { column: (typeof GEOMETRY_COLUMN)[GeometryDetail]; toleranceM: number; box: LonLatBox },
): Promise<Uint8Array> {
  const column = q.column;
  const [west, south, east, north] = q.box;
  const rows = await db.query<{ mvt: Uint8Array | null }>(
    `select ST_AsMVT(t, $1, ${TILE_EXTENT}, 'geom') as mvt
     from (
       select u.code, u.full_name as name,
         ST_AsMVTGeom(ST_Simplify(ST_Transform(u.${column}, 3857), $7::float8, true),
           ST_TileEnvelope($4::int, $5::int, $6::int), ${TILE_EXTENT}, ${TILE_BUFFER}, true) as geom
       from admin_units u
       where u.level = $2 and ${validAt('u', '$3')}
         and u.${column} && ST_MakeEnvelope($8::float8, $9::float8, $10::float8, $11::float8, 4326)
       order by u.code
     ) t
     where t.geom is not null`,
    [job.layer, job.level, job.version, job.z, job.x, job.y, q.toleranceM, west, south, east, north],
  );
  return rows[0]?.mvt ?? new Uint8Array(0);
}
