import type { Queryable } from '../../db/engine';
import { notFound } from '../../lib/errors';
import { msg } from '../../lib/messages';
import { type Jurisdiction, mayReadUnit } from '../auth/jurisdiction';
import { findPlan, type PlanRecord } from './plans.repo';
import { unitById } from './progress-inputs.repo';

/**
 * The plan a route names. Whether the caller may read it was decided before the route ran: the data guard
 * (lib/data-guard.ts) checks every `code` parameter with `planScopeReadable`.
 */
export async function requirePlan(db: Queryable, code: string): Promise<PlanRecord> {
  const plan = await findPlan(db, code);
  if (!plan) throw notFound('code', msg('plan.not_found', { field: 'code', code }));
  return plan;
}

/**
 * Whether a plan scope (a unit id, null = the whole country) lies in a jurisdiction: a national plan needs a
 * national grant, since its figures cover every province.
 */
export async function planScopeReadable(
  db: Queryable,
  scopeUnitId: number | null,
  j: Jurisdiction,
): Promise<boolean> {
  if (j.national) return true;
  if (scopeUnitId === null) return false;
  const unit = await unitById(db, scopeUnitId);
  return unit !== undefined && mayReadUnit(j, unit);
}
