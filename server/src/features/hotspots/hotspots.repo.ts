import { type HotspotLifecycle, hotspotStateSql } from '@pcmt/domain/hotspot-states';
import type { Queryable } from '../../db/engine';
import { unitInJurisdictionSql } from '../auth/jurisdiction';

// The lifecycle and its SQL are the domain's (one rule for SQL, progress measures and the web's words).
export { type HotspotLifecycle, hotspotStateSql } from '@pcmt/domain/hotspot-states';

/**
 * Hotspots detected by `at`, with their state on that date, as GeoJSON features built in SQL.
 * Active: not eliminated yet, or re-emerged after elimination. Eliminated: eliminated and not re-emerged.
 */
export async function hotspotFeaturesJson(
  db: Queryable,
  q: {
    bbox: readonly [number, number, number, number] | null;
    status: HotspotLifecycle;
    at: string;
    /** Units the caller may see (features/auth/jurisdiction.ts); null = all. */
    jurisdiction: { provinceCodes: string[]; communeIds: number[] } | null;
  },
): Promise<{ json: string; count: number }> {
  const rows = await db.query<{ json: string; count: number }>(
    `with h as (
       select h.*, ${hotspotStateSql('h', '$1')} as state
       from hotspots h
       where h.detected_on <= $1::date
         and ($2::float8 is null or h.geom && ST_MakeEnvelope($2, $3, $4, $5, 4326))
         and ($7::text[] is null or exists (
           select 1 from admin_units u
            where u.level = 'commune' and u.code = h.commune_code and u.valid_to is null
              and ${unitInJurisdictionSql('u', 7)}))
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
    [
      q.at,
      q.bbox?.[0] ?? null,
      q.bbox?.[1] ?? null,
      q.bbox?.[2] ?? null,
      q.bbox?.[3] ?? null,
      q.status,
      q.jurisdiction?.provinceCodes ?? null,
      q.jurisdiction?.communeIds ?? null,
    ],
  );
  return rows[0] ?? { json: '[]', count: 0 };
}

/** A hotspot as analysis and patrol planning use it. */
export interface HotspotPointRow {
  code: string;
  kind: 'diem' | 'tu_diem';
  communeCode: string;
  communeName: string | null;
  provinceCode: string | null;
  lon: number;
  lat: number;
  status: 'active' | 'eliminated';
  detectedOn: string;
  reemergedOn: string | null;
  /** The register's notes (what and where the place is). */
  notes: string;
}

/**
 * Hotspots detected by `at`, with their state then: either those active in a province (or everywhere), or
 * exactly the listed codes whatever their state. The province is that of the hotspot's commune today.
 */
export function hotspotPoints(
  db: Queryable,
  q: { at: string; province?: string | null; codes?: readonly string[] | null; activeOnly: boolean },
): Promise<HotspotPointRow[]> {
  return db.query<HotspotPointRow>(
    `select h.code, h.kind, h.commune_code as "communeCode", u.name as "communeName",
       u.province_code as "provinceCode", ST_X(h.geom) as lon, ST_Y(h.geom) as lat, ${hotspotStateSql('h', '$1')} as status,
       to_char(h.detected_on, 'YYYY-MM-DD') as "detectedOn", to_char(h.reemerged_on, 'YYYY-MM-DD') as "reemergedOn", h.notes
     from hotspots h
     left join admin_units u on u.level = 'commune' and u.code = h.commune_code and u.valid_to is null
     where h.detected_on <= $1::date
       and ($2::text is null or u.province_code = $2)
       and ($3::text[] is null or h.code = any($3::text[]))
       and (not $4::boolean or ${hotspotStateSql('h', '$1')} = 'active')
     order by h.code`,
    [q.at, q.province ?? null, q.codes ?? null, q.activeOnly],
  );
}

/**
 * Active and eliminated hotspots at `at` per commune in force (of one province, or all), within a
 * jurisdiction (`scope` null: everywhere). Counts only, no positions.
 */
export async function countHotspotsByCommune(
  db: Queryable,
  at: string,
  provinceCode: string | null,
  scope: { provinceCodes: string[]; communeIds: number[] } | null,
): Promise<{ code: string; active: number; eliminated: number }[]> {
  return db.query<{ code: string; active: number; eliminated: number }>(
    `select u.code,
            count(*) filter (where ${hotspotStateSql('h', '$1')} = 'active')::int as active,
            count(*) filter (where ${hotspotStateSql('h', '$1')} = 'eliminated')::int as eliminated
       from hotspots h
       join admin_units u on u.level = 'commune' and u.code = h.commune_code and u.valid_to is null
      where h.detected_on <= $1::date
        and ($2::text is null or u.province_code = $2)
        and ($3::text[] is null or ${unitInJurisdictionSql('u', 3)})
      group by u.code order by u.code`,
    [at, provinceCode, scope?.provinceCodes ?? null, scope?.communeIds ?? null],
  );
}
