import type { Queryable } from '../../../db/engine';
import { validAt } from '../../../lib/sql';

/** How outlines are drawn: which stored geometry, simplified by `tolerance` degrees, with `digits` decimals. */
export interface OutlineOptions {
  column: 'geom_low' | 'geom_mid';
  digits: number;
  tolerance: number;
}

const outline = (o: OutlineOptions, tolerance: string) =>
  `ST_AsGeoJSON(ST_ForcePolygonCCW(ST_SimplifyPreserveTopology(u.${o.column}, ${tolerance}::float8)), ${o.digits})::json`;

/** What a map name needs: the short name, the label anchor and its room (migration 0020), the area. */
const LABEL_FIELDS = `'label', u.name, 'area', u.area_km2,
  'anchor', json_build_array(ST_X(coalesce(u.label_anchor, u.label_point)), ST_Y(coalesce(u.label_anchor, u.label_point))),
  'room', to_json(u.label_room)`;

/** The extent of these communes valid at `at` (w = null when none is). */
export async function communesExtent(db: Queryable, at: string, codes: readonly string[]) {
  const [extent] = await db.query<{ w: number | null; s: number; e: number; n: number }>(
    `select ST_XMin(x.b) as w, ST_YMin(x.b) as s, ST_XMax(x.b) as e, ST_YMax(x.b) as n
     from (select ST_Extent(u.geom_low) as b from admin_units u
           where u.level = 'commune' and ${validAt('u', '$1')} and u.code = any($2::text[])) x`,
    [at, codes],
  );
  return extent;
}

/** These communes valid at `at` as a JSON array of { code, name, g: GeoJSON }, by code. */
export async function communeOutlinesJson(
  db: Queryable,
  at: string,
  codes: readonly string[],
  o: OutlineOptions,
): Promise<string> {
  const [communes] = await db.query<{ json: string }>(
    `select coalesce(json_agg(json_build_object('code', u.code, 'name', u.full_name, ${LABEL_FIELDS}, 'g', ${outline(o, '$3')})
       order by u.code), '[]')::text as json
     from admin_units u
     where u.level = 'commune' and ${validAt('u', '$1')} and u.code = any($2::text[])`,
    [at, codes, o.tolerance],
  );
  return communes?.json ?? '[]';
}

/** The provinces valid at `at` touching a [west, south, east, north] box, as {@link communeOutlinesJson}. */
export async function provinceOutlinesJson(
  db: Queryable,
  at: string,
  [west, south, east, north]: readonly [number, number, number, number],
  o: OutlineOptions,
): Promise<string> {
  const [provinces] = await db.query<{ json: string }>(
    `select coalesce(json_agg(json_build_object('code', u.code, 'name', u.full_name, ${LABEL_FIELDS}, 'g', ${outline(o, '$2')})
       order by u.code), '[]')::text as json
     from admin_units u
     where u.level = 'province' and ${validAt('u', '$1')}
       and u.geom_low && ST_MakeEnvelope($3, $4, $5, $6, 4326)`,
    [at, o.tolerance, west, south, east, north],
  );
  return provinces?.json ?? '[]';
}
