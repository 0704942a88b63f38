import { FULL_SHARE_MIN } from '@pcmt/domain/crosswalk-share';
import type { Queryable } from '../../db/engine';
import type { BoundaryLevel } from './boundary-units';

/** Units of `level` that ended on `at` (the old side of a change) and those that started on it (the new side). */
const OLD_SIDE = `level = $1 and valid_to = $2::date`;
const NEW_SIDE = `level = $1 and valid_from <= $2::date and (valid_to is null or valid_to > $2::date)`;

export interface CrosswalkRow {
  oldId: number;
  newId: number;
  kind: 'full' | 'partial';
  weight: number;
}

/** The old and new units of a change on `at`, by code. */
export async function changeSides(
  db: Queryable,
  level: BoundaryLevel,
  at: string,
): Promise<{ old: Map<string, number>; next: Map<string, number> }> {
  const [old, next] = await Promise.all([
    db.query<{ id: number; code: string }>(`select id, code from admin_units where ${OLD_SIDE}`, [level, at]),
    db.query<{ id: number; code: string }>(`select id, code from admin_units where ${NEW_SIDE}`, [level, at]),
  ]);
  return { old: new Map(old.map((u) => [u.code, u.id])), next: new Map(next.map((u) => [u.code, u.id])) };
}

/** The crosswalk rows leaving some old units, as they are now (kept in an import's summary for rollback). */
export async function crosswalkOf(tx: Queryable, oldIds: readonly number[]): Promise<CrosswalkRow[]> {
  return tx.query<CrosswalkRow>(
    `select old_unit_id as "oldId", new_unit_id as "newId", kind, weight from unit_crosswalk where old_unit_id = any($1::int[])`,
    [oldIds],
  );
}

/** Replaces the crosswalk rows leaving the given old units with `rows`. */
export async function replaceCrosswalk(
  tx: Queryable,
  oldIds: readonly number[],
  rows: readonly CrosswalkRow[],
): Promise<void> {
  await tx.query(`delete from unit_crosswalk where old_unit_id = any($1::int[])`, [oldIds]);
  await tx.query(
    `insert into unit_crosswalk (old_unit_id, new_unit_id, kind, weight)
     select * from unnest($1::int[], $2::int[], $3::text[], $4::float8[])`,
    [rows.map((r) => r.oldId), rows.map((r) => r.newId), rows.map((r) => r.kind), rows.map((r) => r.weight)],
  );
}

/**
 * Area-weighted crosswalk of old units onto the units valid on `at`: each old unit's quantities split by
 * the share of its area each new unit covers (a uniform-density assumption, said in the UI). Slivers under
 * 1 % of the old unit are digitising noise, not a transfer of people, and are dropped; the rest is scaled to
 * add up to 1 so nothing is lost or counted twice.
 */
export async function areaWeightedCrosswalk(
  tx: Queryable,
  level: BoundaryLevel,
  at: string,
  oldIds: readonly number[],
): Promise<CrosswalkRow[]> {
  return tx.query<CrosswalkRow>(
    `with o as (select id, geom, ST_Area(geom::geography) as area from admin_units where id = any($3::int[])),
     n as (select id, geom from admin_units where ${NEW_SIDE}),
     pairs as materialized (
       select o.id as old_id, n.id as new_id, ST_Area(ST_Intersection(o.geom, n.geom)::geography) / nullif(o.area, 0) as share
       from o join n on ST_Intersects(o.geom, n.geom) and not ST_Touches(o.geom, n.geom)
     ),
     kept as (select * from pairs where share >= 0.01),
     norm as (select old_id, new_id, share / sum(share) over (partition by old_id) as w from kept)
     select old_id as "oldId", new_id as "newId", case when w >= ${FULL_SHARE_MIN} then 'full' else 'partial' end as kind,
       least(w, 1)::float8 as weight
     from norm`,
    [level, at, oldIds],
  );
}

/**
 * History reaches today's units in one hop of the crosswalk. When units that were themselves the new side
 * of an earlier change are replaced, the earlier units' rows are carried on: old → replaced (w1) and
 * replaced → new (w2) give old → new (w1 × w2).
 */
export async function carryEarlierCrosswalk(tx: Queryable, replacedIds: readonly number[]): Promise<number> {
  const rows = await tx.query(
    `insert into unit_crosswalk (old_unit_id, new_unit_id, kind, weight)
     select a.old_unit_id, b.new_unit_id,
       case when sum(a.weight * b.weight) >= ${FULL_SHARE_MIN} then 'full' else 'partial' end, least(sum(a.weight * b.weight), 1)
     from unit_crosswalk a join unit_crosswalk b on b.old_unit_id = a.new_unit_id
     where a.new_unit_id = any($1::int[])
     group by a.old_unit_id, b.new_unit_id
     on conflict (old_unit_id, new_unit_id) do update set weight = excluded.weight, kind = excluded.kind
     returning 1`,
    [replacedIds],
  );
  return rows.length;
}

/** Old units of a change with no crosswalk row (their history shows nowhere on the new units). */
export async function unmappedOld(tx: Queryable, level: BoundaryLevel, at: string): Promise<string[]> {
  const rows = await tx.query<{ code: string }>(
    `select u.code from admin_units u where u.level = $1 and u.valid_to = $2::date
       and not exists (select 1 from unit_crosswalk c where c.old_unit_id = u.id) order by 1`,
    [level, at],
  );
  return rows.map((r) => r.code);
}

/** New units of a change (starting on `at`) that no old unit maps to. */
export async function unreachedNew(tx: Queryable, level: BoundaryLevel, at: string): Promise<string[]> {
  const rows = await tx.query<{ code: string }>(
    `select u.code from admin_units u where u.level = $1 and u.valid_from = $2::date
       and not exists (select 1 from unit_crosswalk c where c.new_unit_id = u.id) order by 1`,
    [level, at],
  );
  return rows.map((r) => r.code);
}
