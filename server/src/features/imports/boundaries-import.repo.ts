import { searchName } from '@pcmt/domain/contracts/search-name';
import type { Queryable } from '../../db/engine';
import { SIMPLIFY_LOW, SIMPLIFY_MID, validPolygons } from '../../db/load-dataset';
import type { BoundaryLevel, BoundaryUnit } from './boundary-units';

const BATCH = 300;

/** Units of `level` valid on the day before `date`: the version a new one starting on `date` replaces. */
const PREVIOUS = `level = $1 and valid_from < $2::date and (valid_to is null or valid_to >= $2::date)`;

/** First day of the latest version of a level, and whether any unit starts on or after `date`. */
export async function latestVersionStart(db: Queryable, level: BoundaryLevel): Promise<string | null> {
  const rows = await db.query<{ d: string | null }>(
    `select to_char(max(valid_from), 'YYYY-MM-DD') as d from admin_units where level = $1`,
    [level],
  );
  return rows[0]?.d ?? null;
}

/**
 * Inserts the units of a file as a new version starting on `validFrom`, with their area, label point and
 * low-zoom variants. The label point is taken on the repaired shape: GEOS cannot place one on an invalid
 * polygon. Returns the ids by code.
 */
export async function insertVersionUnits(
  tx: Queryable,
  level: BoundaryLevel,
  validFrom: string,
  units: readonly BoundaryUnit[],
): Promise<void> {
  for (let start = 0; start < units.length; start += BATCH) {
    const b = units.slice(start, start + BATCH);
    // MATERIALIZED: an inlined CTE would parse and validate each shape once per use of its columns.
    await tx.query(
      `with src as (
         select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
           as s(code, name, full_name, kind, province_code, search_name, geojson)
       ), g as materialized (
         select s.*, ST_Multi(ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON(s.geojson), 4326))) as geom from src s
       ), v as materialized (
         -- Most shapes are valid: repairing only the others keeps a national file's insert fast.
         select g.*, case when ST_IsValid(g.geom) then g.geom else ${validPolygons('g.geom')} end as valid from g
       )
       insert into admin_units (code, name, full_name, kind, level, parent_code, province_code, valid_from, valid_to,
         population, area_km2, search_name, label_point, geom, geom_low, geom_mid)
       select code, name, full_name, kind, $8, case when $8 = 'province' then null else province_code end,
         province_code, $9::date, null, null, ST_Area(valid::geography) / 1e6, search_name,
         ST_PointOnSurface(valid), geom,
         ST_Multi(ST_SimplifyPreserveTopology(valid, ${SIMPLIFY_LOW})),
         ST_Multi(ST_SimplifyPreserveTopology(valid, ${SIMPLIFY_MID}))
       from v`,
      [
        b.map((u) => u.code),
        b.map((u) => u.name),
        b.map((u) => u.fullName),
        b.map((u) => u.kind),
        b.map((u) => u.provinceCode),
        b.map((u) => searchName(u.name)),
        b.map((u) => JSON.stringify(u.geometry)),
        level,
        validFrom,
      ],
    );
  }
}

/** Codes of the new version's units whose shape, as the file gave it, is not valid for GEOS. */
export async function invalidInFile(
  tx: Queryable,
  level: BoundaryLevel,
  validFrom: string,
): Promise<string[]> {
  const rows = await tx.query<{ code: string }>(
    `select code from admin_units where level = $1 and valid_from = $2::date and not ST_IsValid(geom) order by code`,
    [level, validFrom],
  );
  return rows.map((r) => r.code);
}

/** Units of the new version left with no area after repair (a file's "polygon" that was a line). */
export async function emptyAfterRepair(
  tx: Queryable,
  level: BoundaryLevel,
  validFrom: string,
): Promise<string[]> {
  const rows = await tx.query<{ code: string }>(
    `select code from admin_units where level = $1 and valid_from = $2::date and (ST_IsEmpty(geom) or ST_Area(geom) = 0)
     order by code`,
    [level, validFrom],
  );
  return rows.map((r) => r.code);
}

export interface UnitComparison {
  code: string;
  oldId: number | null;
  newId: number | null;
  oldName: string | null;
  newName: string | null;
  oldProvince: string | null;
  newProvince: string | null;
  /** Area of the symmetric difference of the two shapes, km² (0 when identical). */
  diffKm2: number | null;
  oldAreaKm2: number | null;
}

/** Every code of the new version and of the one it replaces, side by side, with how much the shape moved. */
export async function compareWithPrevious(
  tx: Queryable,
  level: BoundaryLevel,
  validFrom: string,
): Promise<UnitComparison[]> {
  return tx.query<UnitComparison>(
    `with n as (select id, code, full_name, province_code, geom from admin_units where level = $1 and valid_from = $2::date),
     o as (select id, code, full_name, province_code, geom, area_km2 from admin_units where ${PREVIOUS})
     select coalesce(n.code, o.code) as code, o.id as "oldId", n.id as "newId", o.full_name as "oldName",
       n.full_name as "newName", o.province_code as "oldProvince", n.province_code as "newProvince",
       case when o.id is null or n.id is null then null
            when ST_OrderingEquals(o.geom, n.geom) then 0
            else ST_Area(ST_SymDifference(o.geom, n.geom)::geography) / 1e6 end as "diffKm2",
       o.area_km2 as "oldAreaKm2"
     from n full join o on o.code = n.code
     order by 1`,
    [level, validFrom],
  );
}

/**
 * Of the given units of the current version, those that the units starting on `validFrom` cover for at
 * least half of their area: merged into (or split among) the new units. New units do not overlap each other
 * (checked), so the covered area is the sum over them.
 */
export async function coveredByNew(
  tx: Queryable,
  level: BoundaryLevel,
  validFrom: string,
  oldIds: number[],
): Promise<number[]> {
  if (oldIds.length === 0) return [];
  const rows = await tx.query<{ id: number }>(
    `select o.id from admin_units o
     join admin_units n on n.level = o.level and n.valid_from = $2::date and n.geom && o.geom
      and ST_Intersects(n.geom, o.geom)
     where o.id = any($3::int[]) and o.level = $1
     group by o.id, o.geom
     having sum(ST_Area(ST_Intersection(o.geom, n.geom)::geography)) >= 0.5 * ST_Area(o.geom::geography)`,
    [level, validFrom, oldIds],
  );
  return rows.map((r) => r.id);
}

/** Keeps the rows of units that did not change (their values stay attached) and ends the replaced ones. */
export async function applyVersion(
  tx: Queryable,
  validFrom: string,
  drop: { unchangedNewIds: number[]; closedOldIds: number[] },
): Promise<void> {
  await tx.query(`delete from admin_units where id = any($1::int[])`, [drop.unchangedNewIds]);
  await tx.query(`update admin_units set valid_to = $2::date where id = any($1::int[])`, [
    drop.closedOldIds,
    validFrom,
  ]);
}

/**
 * Neighbours in the version valid on `date` whose shapes overlap by more than `minKm2`, one of them new.
 * Written against the table on both sides (no shared CTE) so each side's candidates come from the GiST
 * index: a materialised CTE would compare every pair of units.
 */
export async function overlaps(
  tx: Queryable,
  level: BoundaryLevel,
  date: string,
  minKm2: number,
): Promise<{ a: string; b: string; areaKm2: number }[]> {
  return tx.query(
    `select a, b, "areaKm2" from (
       select a.code as a, b.code as b, ST_Area(ST_Intersection(a.geom, b.geom)::geography) / 1e6 as "areaKm2"
       from admin_units a
       join admin_units b on ST_Intersects(a.geom, b.geom) and b.level = a.level and b.code <> a.code
         and b.valid_from <= $2::date and (b.valid_to is null or b.valid_to > $2::date)
       where a.level = $1 and a.valid_from = $2::date
         -- a pair of two new units is seen from both sides: keep one
         and (b.valid_from <> $2::date or a.code < b.code)
     ) pairs
     where "areaKm2" > $3 order by "areaKm2" desc`,
    [level, date, minKm2],
  );
}

/**
 * Holes inside a province's union of units larger than `minKm2`: land no unit covers. Only provinces that
 * received new units are checked.
 */
export async function gaps(
  tx: Queryable,
  level: BoundaryLevel,
  date: string,
  minKm2: number,
): Promise<{ provinceCode: string; areaKm2: number; point: [number, number] }[]> {
  if (level !== 'commune') return [];
  const rows = await tx.query<{ provinceCode: string; areaKm2: number; x: number; y: number }>(
    `with u as (select province_code, valid_from, geom from admin_units
                where level = $1 and valid_from <= $2::date and (valid_to is null or valid_to > $2::date)),
     p as (select province_code, ST_Union(geom) as g from u
           where province_code in (select province_code from u where valid_from = $2::date) group by province_code),
     parts as (select province_code, (ST_Dump(g)).geom as part from p),
     holes as (select province_code, (ST_DumpRings(part)).path[1] as ring, (ST_DumpRings(part)).geom as hole from parts)
     select province_code as "provinceCode", ST_Area(hole::geography) / 1e6 as "areaKm2",
       ST_X(ST_PointOnSurface(hole)) as x, ST_Y(ST_PointOnSurface(hole)) as y
     from holes where ring > 0 and ST_Area(hole::geography) / 1e6 > $3
     order by 2 desc`,
    [level, date, minKm2],
  );
  return rows.map((r) => ({ provinceCode: r.provinceCode, areaKm2: r.areaKm2, point: [r.x, r.y] }));
}

/**
 * Contiguity weights of versions valid from `date` on were built from the units that just changed: drop them
 * so the statistics rebuild them on demand from the new shapes.
 */
export async function dropStaleWeights(tx: Queryable, level: BoundaryLevel, date: string): Promise<number> {
  const rows = await tx.query(
    `delete from spatial_weight_sets where level = $1 and valid_on >= $2::date returning key`,
    [level, date],
  );
  return rows.length;
}

/** Ids of the units of a level whose version starts on `validFrom`. */
export async function versionUnitIds(tx: Queryable, level: string, validFrom: string): Promise<number[]> {
  const rows = await tx.query<{ id: number }>(
    `select id from admin_units where level = $1 and valid_from = $2::date`,
    [level, validFrom],
  );
  return rows.map((r) => r.id);
}

/** How many values and status decisions are recorded on these units. */
export async function countUsesOfUnits(tx: Queryable, unitIds: readonly number[]): Promise<number> {
  const [used] = await tx.query<{ n: number }>(
    `select (select count(*) from indicator_values where unit_id = any($1::int[]))::int
          + (select count(*) from commune_status_decisions where unit_id = any($1::int[]))::int as n`,
    [unitIds],
  );
  return used?.n ?? 0;
}

/** Undoes a version: deletes its units and opens again the units it had closed. */
export async function undoVersionUnits(
  tx: Queryable,
  newIds: readonly number[],
  closedIds: readonly number[],
): Promise<void> {
  await tx.query(`delete from admin_units where id = any($1::int[])`, [newIds]);
  await tx.query(`update admin_units set valid_to = null where id = any($1::int[])`, [closedIds]);
}
