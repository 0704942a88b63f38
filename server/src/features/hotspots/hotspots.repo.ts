import type { Queryable } from '../../db/engine';

export type HotspotLifecycle = 'active' | 'eliminated' | 'all';

/**
 * Hotspots detected by `at`, with their state on that date, as GeoJSON features built in SQL.
 * Active: not eliminated yet, or re-emerged after elimination. Eliminated: eliminated and not re-emerged.
 */
export async function hotspotFeaturesJson(
  db: Queryable,
  q: { bbox: readonly [number, number, number, number] | null; status: HotspotLifecycle; at: string },
): Promise<{ json: string; count: number }> {
  const rows = await db.query<{ json: string; count: number }>(
    `with h as (
       select h.*,
         case when h.eliminated_on is null or h.eliminated_on > $1::date
                or (h.reemerged_on is not null and h.reemerged_on <= $1::date)
              then 'active' else 'eliminated' end as state
       from hotspots h
       where h.detected_on <= $1::date
         and ($2::float8 is null or h.geom && ST_MakeEnvelope($2, $3, $4, $5, 4326))
     )
     select coalesce(json_agg(json_build_object(
         'type', 'Feature',
         'geometry', ST_AsGeoJSON(h.geom, 6)::json,
         'properties', json_build_object(
           'code', h.code, 'kind', h.kind, 'communeCode', h.commune_code,
           'detectedOn', to_char(h.detected_on, 'YYYY-MM-DD'),
           'eliminatedOn', to_char(h.eliminated_on, 'YYYY-MM-DD'),
           'reemergedOn', to_char(h.reemerged_on, 'YYYY-MM-DD'),
           'status', h.state)) order by h.code), '[]')::text as json,
       count(*)::int as count
     from h where $6::text = 'all' or h.state = $6`,
    [q.at, q.bbox?.[0] ?? null, q.bbox?.[1] ?? null, q.bbox?.[2] ?? null, q.bbox?.[3] ?? null, q.status],
  );
  return rows[0] ?? { json: '[]', count: 0 };
}
