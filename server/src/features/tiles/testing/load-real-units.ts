import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Database, Queryable } from '../../../db/engine';
import { openFixtureDatabase } from './fixture-db';

/**
 * Real boundaries in `../shared/data` (next to the repository) for tile tests and benchmarks. They are never
 * copied into the repository; callers skip when {@link realDataFile} returns a path that does not exist.
 */
export const REAL_DATA_DIR = resolve(import.meta.dirname, '../../../../../../shared/data');

/** Path of one of the shared real-data files, e.g. `communes_2025.geojson`. */
export const realDataFile = (name: string) => resolve(REAL_DATA_DIR, name);

interface RealFeature {
  properties: {
    code: string;
    name: string;
    full_name?: string;
    type?: string;
    province_code: string;
    area_km2?: number;
  };
  geometry: unknown;
}

/** Tolerances of the stored variants, as the dataset loader uses (≈ 600 m and ≈ 75 m). */
const SIMPLIFY_LOW = 0.005;
const SIMPLIFY_MID = 0.0007;
const BATCH = 300;

/**
 * Inserts the units of a real GeoJSON file (provinces or communes of one version) into `admin_units`, computing
 * the simplified variants and label points in PostGIS. Invalid source polygons are repaired with ST_MakeValid
 * and only their polygonal parts kept, as an import of official data would do.
 * @returns how many units were inserted.
 */
export async function loadRealUnits(
  db: Queryable,
  options: {
    file: string;
    level: 'province' | 'district' | 'commune';
    validFrom: string;
    validTo?: string | null;
  },
): Promise<number> {
  const parsed = JSON.parse(await readFile(options.file, 'utf8')) as { features: RealFeature[] };
  const features = parsed.features;
  for (let start = 0; start < features.length; start += BATCH) {
    const b = features.slice(start, start + BATCH);
    await db.query(
      `with src as (
         select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::real[], $7::text[])
           as s(code, name, full_name, kind, province_code, area_km2, geojson)
       ), g as (
         select s.*, ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(s.geojson), 4326)), 3)) as geom
         from src s
       )
       insert into admin_units (code, name, full_name, kind, level, parent_code, province_code, valid_from, valid_to,
         area_km2, search_name, label_point, geom, geom_low, geom_mid)
       select code, name, full_name, kind, $8, case when $8 = 'province' then null else province_code end,
         province_code, $9::date, $10::date, area_km2, lower(name), ST_PointOnSurface(geom), geom,
         ST_Multi(ST_SimplifyPreserveTopology(geom, ${SIMPLIFY_LOW})),
         ST_Multi(ST_SimplifyPreserveTopology(geom, ${SIMPLIFY_MID}))
       from g`,
      [
        b.map((f) => f.properties.code),
        b.map((f) => f.properties.name),
        b.map((f) => f.properties.full_name ?? f.properties.name),
        b.map((f) => f.properties.type ?? options.level),
        b.map((f) => f.properties.province_code),
        b.map((f) => f.properties.area_km2 ?? null),
        b.map((f) => JSON.stringify(f.geometry)),
        options.level,
        options.validFrom,
        options.validTo ?? null,
      ],
    );
  }
  return features.length;
}

/** The real units of 2025 (provinces and communes, valid from 1/7/2025) files, as every real-boundary test uses. */
export const REAL_2025 = {
  communes: realDataFile('communes_2025.geojson'),
  provinces: realDataFile('provinces_2025.geojson'),
};

/** A fresh fixture database holding the real units of 2025, analysed for the planner. */
export async function openReal2025Database(): Promise<Database> {
  const db = await openFixtureDatabase();
  await loadRealUnits(db, { file: REAL_2025.communes, level: 'commune', validFrom: '2025-07-01' });
  await loadRealUnits(db, { file: REAL_2025.provinces, level: 'province', validFrom: '2025-07-01' });
  await db.exec('analyze admin_units');
  return db;
}
