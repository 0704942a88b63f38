import type { UnitLevel } from '@pcmt/domain/contracts/common';
import type { Queryable } from '../../../db/engine';

/** One administrative unit to insert; polygons as rings of [lon, lat]. */
export interface SampleUnit {
  code: string;
  fullName: string;
  level: UnitLevel;
  parentCode: string | null;
  provinceCode: string;
  validFrom: string;
  validTo: string | null;
  /** Polygons, each a list of rings (exterior first, then holes). */
  polygons: [number, number][][][];
}

/**
 * A closed ring that wobbles around a centre like a real boundary (≈ 64 vertices, deterministic), so that
 * simplification and clipping have something to do. Radius in degrees.
 */
export function wobblyRing(lon: number, lat: number, radius: number, seed = 1): [number, number][] {
  const ring: [number, number][] = [];
  const n = 64;
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    const r = radius * (1 + 0.18 * Math.sin(3 * a + seed) + 0.07 * Math.sin(11 * a + 2 * seed));
    ring.push([round(lon + r * Math.cos(a)), round(lat + r * Math.sin(a))]);
  }
  ring.push(ring[0] ?? [lon, lat]);
  return ring;
}

const round = (v: number) => Math.round(v * 1e6) / 1e6;

const OLD = { validFrom: '2020-01-01', validTo: '2025-07-01' } as const;
const NEW = { validFrom: '2025-07-01', validTo: null } as const;

const hanoi = [[wobblyRing(105.75, 21.0, 0.35, 1)]];
const sonLa = [[wobblyRing(104.0, 21.3, 0.6, 2)]];

/**
 * Two versions of a corner of Hà Nội and Sơn La: before 1/7/2025 provinces, districts and communes (one
 * commune code, 00004, named differently then), after it provinces and communes only. Ba Đình has an enclave
 * (a hole filled by Ngọc Hà) and Hoàn Kiếm an island part, to exercise holes and multipolygons.
 */
export const SAMPLE_UNITS: readonly SampleUnit[] = [
  {
    code: '01',
    fullName: 'Thành phố Hà Nội',
    level: 'province',
    parentCode: null,
    provinceCode: '01',
    ...OLD,
    polygons: hanoi,
  },
  {
    code: '14',
    fullName: 'Tỉnh Sơn La',
    level: 'province',
    parentCode: null,
    provinceCode: '14',
    ...OLD,
    polygons: sonLa,
  },
  {
    code: '001',
    fullName: 'Quận Ba Đình',
    level: 'district',
    parentCode: '01',
    provinceCode: '01',
    ...OLD,
    polygons: [[wobblyRing(105.82, 21.035, 0.03, 3)]],
  },
  {
    code: '002',
    fullName: 'Quận Hoàn Kiếm',
    level: 'district',
    parentCode: '01',
    provinceCode: '01',
    ...OLD,
    polygons: [[wobblyRing(105.855, 21.025, 0.02, 4)]],
  },
  {
    code: '118',
    fullName: 'Huyện Mường La',
    level: 'district',
    parentCode: '14',
    provinceCode: '14',
    ...OLD,
    polygons: [[wobblyRing(104.05, 21.5, 0.3, 5)]],
  },
  {
    code: '00001',
    fullName: 'Phường Phúc Xá',
    level: 'commune',
    parentCode: '001',
    provinceCode: '01',
    ...OLD,
    polygons: [[wobblyRing(105.845, 21.047, 0.008, 6)]],
  },
  {
    code: '00004',
    fullName: 'Phường Trúc Bạch',
    level: 'commune',
    parentCode: '001',
    provinceCode: '01',
    ...OLD,
    polygons: [[wobblyRing(105.836, 21.044, 0.006, 7)]],
  },
  {
    code: '01',
    fullName: 'Thành phố Hà Nội',
    level: 'province',
    parentCode: null,
    provinceCode: '01',
    ...NEW,
    polygons: hanoi,
  },
  {
    code: '14',
    fullName: 'Tỉnh Sơn La',
    level: 'province',
    parentCode: null,
    provinceCode: '14',
    ...NEW,
    polygons: sonLa,
  },
  {
    code: '00004',
    fullName: 'Phường Ba Đình',
    level: 'commune',
    parentCode: '01',
    provinceCode: '01',
    ...NEW,
    polygons: [[wobblyRing(105.83, 21.035, 0.018, 8), wobblyRing(105.83, 21.035, 0.004, 9).reverse()]],
  },
  {
    code: '00008',
    fullName: 'Phường Ngọc Hà',
    level: 'commune',
    parentCode: '01',
    provinceCode: '01',
    ...NEW,
    polygons: [[wobblyRing(105.83, 21.035, 0.0022, 9)]],
  },
  {
    code: '00070',
    fullName: 'Phường Hoàn Kiếm',
    level: 'commune',
    parentCode: '01',
    provinceCode: '01',
    ...NEW,
    polygons: [[wobblyRing(105.862, 21.025, 0.012, 10)], [wobblyRing(105.884, 21.03, 0.003, 11)]],
  },
  {
    code: '03979',
    fullName: 'Xã Mường La',
    level: 'commune',
    parentCode: '14',
    provinceCode: '14',
    ...NEW,
    polygons: [[wobblyRing(104.05, 21.5, 0.12, 12)]],
  },
];

/** Inserts units with their simplified variants and label points computed by PostGIS, as the loaders do. */
export async function insertSampleUnits(
  db: Queryable,
  units: readonly SampleUnit[] = SAMPLE_UNITS,
): Promise<void> {
  await db.query(
    `with src as (
       select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::date[], $7::date[], $8::text[])
         as s(code, full_name, level, parent_code, province_code, valid_from, valid_to, geojson)
     ), g as (
       select s.*, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(s.geojson), 4326)) as geom from src s
     )
     insert into admin_units (code, name, full_name, kind, level, parent_code, province_code, valid_from, valid_to,
       search_name, label_point, geom, geom_low, geom_mid)
     select code, full_name, full_name, level, level, parent_code, province_code, valid_from, valid_to,
       lower(full_name), ST_PointOnSurface(geom), geom,
       ST_Multi(ST_SimplifyPreserveTopology(geom, 0.005)), ST_Multi(ST_SimplifyPreserveTopology(geom, 0.0007))
     from g`,
    [
      units.map((u) => u.code),
      units.map((u) => u.fullName),
      units.map((u) => u.level),
      units.map((u) => u.parentCode),
      units.map((u) => u.provinceCode),
      units.map((u) => u.validFrom),
      units.map((u) => u.validTo),
      units.map((u) => JSON.stringify({ type: 'MultiPolygon', coordinates: u.polygons })),
    ],
  );
}
