import type { Queryable } from '../../db/engine';
import { hotspotStateSql } from '../hotspots/hotspots.repo';

/**
 * DBSCAN clusters of active hotspots (ST_ClusterDBSCAN) with a convex hull per cluster, as GeoJSON built
 * in SQL. DBSCAN needs planar distances in metres: points are projected to the WGS 84 UTM zone of their
 * mean longitude (48N west of 108°E, 49N east of it); scale error stays under 0.1 % within a zone and
 * under 0.4 % for the few national points outside it, well below any sensible eps.
 */
export async function hotspotClustersJson(
  db: Queryable,
  q: { at: string; province: string | null; epsM: number; minPoints: number },
): Promise<{ json: string; srid: number; points: number; noise: number }> {
  const rows = await db.query<{ json: string; srid: number; points: number; noise: number }>(
    `with h as (
       select h.code, h.geom from hotspots h
       left join admin_units u on u.level = 'commune' and u.code = h.commune_code and u.valid_to is null
       where h.detected_on <= $1::date and ${hotspotStateSql('h', '$1')} = 'active'
         and ($2::text is null or u.province_code = $2)
     ),
     zone as (select case when coalesce(avg(ST_X(geom)), 105) < 108 then 32648 else 32649 end as srid from h),
     c as (
       select h.code, h.geom,
         ST_ClusterDBSCAN(ST_Transform(h.geom, zone.srid), eps := $3::float8, minpoints := $4::int) over () as cid
       from h cross join zone
     ),
     clusters as (
       select cid, count(*)::int as n, array_agg(code order by code) as codes, ST_ConvexHull(ST_Collect(geom)) as hull
       from c where cid is not null group by cid
     )
     select coalesce((select json_agg(json_build_object(
         'type', 'Feature',
         'geometry', ST_AsGeoJSON(hull, 6)::json,
         'properties', json_build_object('cluster', cid, 'count', n, 'codes', codes)) order by n desc, cid)
       from clusters), '[]')::text as json,
       (select srid from zone) as srid,
       (select count(*)::int from c) as points,
       (select count(*)::int from c where cid is null) as noise`,
    [q.at, q.province, q.epsM, q.minPoints],
  );
  return rows[0] ?? { json: '[]', srid: 32648, points: 0, noise: 0 };
}
