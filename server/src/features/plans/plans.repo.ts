import type { Plan, PlanInput, Target, TargetDefinition, TargetInput } from '@pcmt/domain/contracts/plans';
import type { Queryable } from '../../db/engine';
import { bump } from '../../lib/data-generations';

/** Plans and their targets: one function per query. The scope is stored as a unit version's id. */

/** A plan as stored, with its scope unit id for the progress computation. */
export interface PlanRecord extends Plan {
  scopeUnitId: number | null;
}

const PLAN_COLUMNS = `p.id, p.code, p.title, p.issuing_body as "issuingBody", p.document_no as "documentNo",
  to_char(p.issued_on, 'YYYY-MM-DD') as "issuedOn", to_char(p.period_start, 'YYYY-MM-DD') as "periodStart",
  to_char(p.period_end, 'YYYY-MM-DD') as "periodEnd", p.notes, p.scope_unit_id as "scopeUnitId",
  to_char(p.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "updatedAt",
  case when u.id is null then null else json_build_object('code', u.code, 'name', u.full_name, 'level', u.level,
    'validFrom', to_char(u.valid_from, 'YYYY-MM-DD'), 'validTo', to_char(u.valid_to, 'YYYY-MM-DD')) end as scope`;

const TARGET_COLUMNS = `t.id, t.plan_id as "planId", t.code, t.title, t.kind, t.definition,
  to_char(t.deadline, 'YYYY-MM-DD') as deadline, t.is_public as "isPublic", t.sort_order as "sortOrder"`;

type PlanRow = Omit<PlanRecord, 'targets'>;
type TargetRow = Target & { planId: number; kind: string };

export async function listPlans(db: Queryable): Promise<Array<PlanRow & { targetCount: number }>> {
  return db.query(
    `select ${PLAN_COLUMNS}, (select count(*)::int from plan_targets t where t.plan_id = p.id) as "targetCount"
     from plans p left join admin_units u on u.id = p.scope_unit_id
     order by p.period_end desc, p.code`,
  );
}

export async function findPlan(db: Queryable, code: string): Promise<PlanRecord | undefined> {
  const plan = (
    await db.query<PlanRow>(
      `select ${PLAN_COLUMNS} from plans p left join admin_units u on u.id = p.scope_unit_id where p.code = $1`,
      [code],
    )
  )[0];
  if (!plan) return undefined;
  const targets = await db.query<TargetRow>(
    `select ${TARGET_COLUMNS} from plan_targets t where t.plan_id = $1 order by t.sort_order, t.id`,
    [plan.id],
  );
  return { ...plan, targets: targets.map(toTarget) };
}

function toTarget(row: TargetRow): Target {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    // Written only through the TargetDefinition contract, so the stored JSON has its shape.
    definition: row.definition as TargetDefinition,
    deadline: row.deadline,
    isPublic: row.isPublic,
    sortOrder: row.sortOrder,
  };
}

export async function insertPlan(
  tx: Queryable,
  input: PlanInput,
  scopeUnitId: number | null,
): Promise<number> {
  const rows = await tx.query<{ id: number }>(
    `insert into plans (code, title, issuing_body, document_no, issued_on, scope_unit_id, period_start, period_end, notes)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
    [
      input.code,
      input.title,
      input.issuingBody,
      input.documentNo,
      input.issuedOn,
      scopeUnitId,
      input.periodStart,
      input.periodEnd,
      input.notes,
    ],
  );
  const id = rows[0]?.id;
  if (id === undefined) throw new Error('insert into plans returned no id');
  for (const [i, t] of input.targets.entries()) await insertTarget(tx, id, t, i);
  await bump(tx, 'plans');
  return id;
}

export async function updatePlan(tx: Queryable, id: number, input: PlanInput, scopeUnitId: number | null) {
  await tx.query(
    `update plans set code = $2, title = $3, issuing_body = $4, document_no = $5, issued_on = $6, scope_unit_id = $7,
       period_start = $8, period_end = $9, notes = $10, updated_at = now()
     where id = $1`,
    [
      id,
      input.code,
      input.title,
      input.issuingBody,
      input.documentNo,
      input.issuedOn,
      scopeUnitId,
      input.periodStart,
      input.periodEnd,
      input.notes,
    ],
  );
  await bump(tx, 'plans');
}

/**
 * Makes the plan's targets exactly `targets`: same code → updated in place (ids stay stable for links),
 * new codes inserted, codes no longer listed removed.
 */
export async function replaceTargets(tx: Queryable, planId: number, targets: readonly TargetInput[]) {
  await tx.query(`delete from plan_targets where plan_id = $1 and not (code = any($2::text[]))`, [
    planId,
    targets.map((t) => t.code),
  ]);
  for (const [i, t] of targets.entries()) {
    const updated = await updateTarget(tx, planId, t.code, t, i);
    if (!updated) await insertTarget(tx, planId, t, i);
  }
  await bump(tx, 'plans');
}

export async function insertTarget(tx: Queryable, planId: number, t: TargetInput, sortOrder: number) {
  await tx.query(
    `insert into plan_targets (plan_id, code, title, kind, definition, deadline, is_public, sort_order)
     values ($1, $2, $3, $4, $5::jsonb, $6, $7, $8)`,
    [
      planId,
      t.code,
      t.title,
      t.definition.kind,
      JSON.stringify(t.definition),
      t.deadline,
      t.isPublic,
      sortOrder,
    ],
  );
  await bump(tx, 'plans');
}

/** Replaces the target with code `code`; false when the plan has no such target. */
export async function updateTarget(
  tx: Queryable,
  planId: number,
  code: string,
  t: TargetInput,
  sortOrder: number | null,
): Promise<boolean> {
  const rows = await tx.query<{ id: number }>(
    `update plan_targets set code = $3, title = $4, kind = $5, definition = $6::jsonb, deadline = $7, is_public = $8,
       sort_order = coalesce($9, sort_order), updated_at = now()
     where plan_id = $1 and code = $2 returning id`,
    [
      planId,
      code,
      t.code,
      t.title,
      t.definition.kind,
      JSON.stringify(t.definition),
      t.deadline,
      t.isPublic,
      sortOrder,
    ],
  );
  await bump(tx, 'plans');
  return rows.length > 0;
}

export async function deleteTarget(tx: Queryable, planId: number, code: string): Promise<boolean> {
  const rows = await tx.query(`delete from plan_targets where plan_id = $1 and code = $2 returning id`, [
    planId,
    code,
  ]);
  await bump(tx, 'plans');
  return rows.length > 0;
}

export async function nextSortOrder(tx: Queryable, planId: number): Promise<number> {
  const rows = await tx.query<{ n: number }>(
    `select coalesce(max(sort_order) + 1, 0)::int as n from plan_targets where plan_id = $1`,
    [planId],
  );
  return rows[0]?.n ?? 0;
}

export async function deletePlan(tx: Queryable, id: number) {
  await tx.query(`delete from plans where id = $1`, [id]);
  await bump(tx, 'plans');
}

/** The unit with this code valid on a date: a plan's scope. */
export async function scopeUnitId(db: Queryable, code: string, validOn: string): Promise<number | undefined> {
  const rows = await db.query<{ id: number }>(
    `select id from admin_units where code = $1 and valid_from <= $2::date and (valid_to is null or valid_to > $2::date)
     order by case level when 'province' then 0 when 'district' then 1 else 2 end limit 1`,
    [code, validOn],
  );
  return rows[0]?.id;
}

/** Codes among `codes` that name no commune valid on `validOn`. */
export async function unknownCommunes(
  db: Queryable,
  codes: readonly string[],
  validOn: string,
): Promise<string[]> {
  const rows = await db.query<{ code: string }>(
    `select c.code from unnest($1::text[]) as c(code)
     where not exists (select 1 from admin_units u where u.level = 'commune' and u.code = c.code
       and u.valid_from <= $2::date and (u.valid_to is null or u.valid_to > $2::date))`,
    [codes, validOn],
  );
  return rows.map((r) => r.code);
}
