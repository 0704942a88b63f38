import type { MultiPolygon } from 'geojson';
import type { Queryable } from '../../db/engine';
import { validAt } from '../../lib/sql';
import { type PatrolPlan, upgradeSavedPlan } from './patrol-plan';
import type { SheetBasemap } from './patrol-sheet';

export interface SavedPlanRow {
  id: number;
  createdAt: string;
  createdBy: string;
  plan: PatrolPlan;
  /** Provinces of the plan's hotspots (today's units), for the jurisdiction check. */
  provinces: string[];
}

export async function insertPatrolPlan(
  db: Queryable,
  p: { plan: PatrolPlan; request: unknown; actor: string },
): Promise<number> {
  const rows = await db.query<{ id: number }>(
    `insert into patrol_plans (name, shift_date, created_by, request, plan) values ($1, $2::date, $3, $4::jsonb, $5::jsonb)
     returning id`,
    [p.plan.name, p.plan.date, p.actor, JSON.stringify(p.request), JSON.stringify(p.plan)],
  );
  const id = rows[0]?.id;
  if (id === undefined) throw new Error('patrol plan insert returned no id');
  return id;
}

export async function findPatrolPlan(db: Queryable, id: number): Promise<SavedPlanRow | null> {
  const rows = await db.query<SavedPlanRow>(
    `select p.id, to_char(p.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "createdAt",
       p.created_by as "createdBy", p.plan,
       coalesce((select array_agg(distinct u.province_code) from jsonb_array_elements(p.plan->'stops') s
         join admin_units u on u.level = 'commune' and u.valid_to is null and u.code = s->>'communeCode'), '{}') as provinces
     from patrol_plans p where p.id = $1`,
    [id],
  );
  const row = rows[0];
  return row ? { ...row, plan: upgradeSavedPlan(row.plan) } : null;
}

/**
 * Communes in force on `at` that meet the sheet's map box, clipped to it (simplified boundaries, 5 decimals):
 * what the printed map draws under the route so it shows where the stops are.
 */
export async function sheetCommunes(
  db: Queryable,
  box: readonly [number, number, number, number],
  at: string,
): Promise<SheetBasemap['communes']> {
  const rows = await db.query<{ code: string; name: string; geometry: string; label: [number, number] }>(
    `with box as (select ST_MakeEnvelope($1, $2, $3, $4, 4326) as g)
     select u.code, u.name,
       ST_AsGeoJSON(ST_Multi(ST_CollectionExtract(ST_ClipByBox2D(u.geom_mid, box.g), 3)), 5) as geometry,
       json_build_array(ST_X(ST_PointOnSurface(u.geom_mid)), ST_Y(ST_PointOnSurface(u.geom_mid))) as label
     from admin_units u, box
     where u.level = 'commune' and ${validAt('u', '$5')} and u.geom_mid && box.g
     order by u.code
     limit 400`,
    [box[0], box[1], box[2], box[3], at],
  );
  return rows.flatMap((r) => {
    const geometry = JSON.parse(r.geometry) as MultiPolygon | null;
    return geometry?.type === 'MultiPolygon'
      ? [{ code: r.code, name: r.name, geometry, label: [Number(r.label[0]), Number(r.label[1])] as const }]
      : [];
  });
}
