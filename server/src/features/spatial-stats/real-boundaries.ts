import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Database } from '../../db/engine';

/** The real 2025 commune boundaries (shared/data, never copied into the repository), when present. */
export const REAL_COMMUNES_PATH = resolve(
  import.meta.dirname,
  '../../../../../shared/data/communes_2025.geojson',
);
export const realCommunesPresent = () => existsSync(REAL_COMMUNES_PATH);

interface CommuneFeature {
  properties: { code: string; name: string; full_name: string; province_code: string };
  geometry: unknown;
}

/**
 * Loads the real communes as an extra commune version starting on `validFrom` (a date no dataset uses),
 * so weights can be built on real boundaries beside the demo data, simplified as the dataset loader does.
 * Units are read by the date they are valid on, so the demo's current communes end where this version
 * starts (as an imported version ends its predecessor); `removeRealVersion` takes it away and reopens them.
 * Returns how many communes the file holds.
 */
export async function loadRealCommunesAsVersion(db: Database, validFrom: string): Promise<number> {
  const fc = JSON.parse(readFileSync(REAL_COMMUNES_PATH, 'utf8')) as { features: CommuneFeature[] };
  await db.transaction(async (tx) => {
    await tx.query(
      `update admin_units set valid_to = $1::date where level = 'commune' and valid_to is null and valid_from < $1::date`,
      [validFrom],
    );
    for (let k = 0; k < fc.features.length; k += 300) {
      const batch = fc.features.slice(k, k + 300);
      await tx.query(
        `with src as (
           select s.code, s.name, s.full_name, s.province_code,
             ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(s.geojson), 4326)), 3)) as geom
           from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) as s(code, name, full_name, province_code, geojson)
         )
         insert into admin_units (code, name, full_name, kind, level, parent_code, province_code, valid_from, search_name,
           label_point, geom, geom_low, geom_mid)
         select code, name, full_name, 'xa', 'commune', province_code, province_code, $6::date, lower(name),
           ST_PointOnSurface(geom), geom, ST_Multi(ST_SimplifyPreserveTopology(geom, 0.005)),
           ST_Multi(ST_SimplifyPreserveTopology(geom, 0.0007))
         from src`,
        [
          batch.map((f) => f.properties.code),
          batch.map((f) => f.properties.name),
          batch.map((f) => f.properties.full_name),
          batch.map((f) => f.properties.province_code),
          batch.map((f) => JSON.stringify(f.geometry)),
          validFrom,
        ],
      );
    }
  });
  return fc.features.length;
}

export async function removeRealVersion(db: Database, validFrom: string): Promise<void> {
  await db.query(`delete from spatial_weight_sets where level = 'commune' and valid_on = $1::date`, [
    validFrom,
  ]);
  await db.query(`delete from admin_units where level = 'commune' and valid_from = $1::date`, [validFrom]);
  await db.query(`update admin_units set valid_to = null where level = 'commune' and valid_to = $1::date`, [
    validFrom,
  ]);
}
