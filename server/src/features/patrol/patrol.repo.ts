import type { Queryable } from '../../db/engine';
import type { PatrolPlan } from './patrol-plan';

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
  return rows[0] ?? null;
}
