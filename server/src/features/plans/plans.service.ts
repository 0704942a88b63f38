import type { PlanInput, TargetInput } from '@pcmt/domain/contracts/plans';
import { recordAudit } from '../../lib/audit';
import type { RouteDeps } from '../../lib/context';
import { ApiError, badRequest, notFound } from '../../lib/errors';
import { type Message, msg } from '../../lib/messages';
import { today } from '../../lib/sql';
import { type Jurisdiction, mayReadUnit } from '../auth/jurisdiction';
import { planScopeReadable, requirePlan } from './plan-access';
import { planProblem, targetProblem } from './plan-checks';
import { loadUnit, progressContext, unitTargetProgress } from './plan-progress';
import {
  deletePlan,
  deleteTarget,
  findPlan,
  insertPlan,
  insertTarget,
  listPlans,
  nextSortOrder,
  type PlanRecord,
  replaceTargets,
  scopeUnitId,
  unknownCommunes,
  updatePlan,
  updateTarget,
} from './plans.repo';
import { unitById, unitsById } from './progress-inputs.repo';

/**
 * What plans and targets do, apart from HTTP: validation beyond the contract (cross-field and reference
 * checks naming the field), authorization (a plan's scope in the caller's jurisdiction), one transaction per
 * write with its audit row. The SQL lives in plans.repo.ts; the routes only read the request and answer.
 */

/** The public shape of a stored plan. */
export const planBody = ({ scopeUnitId: _, ...plan }: PlanRecord) => plan;

const conflict = (field: string, message: Message) => new ApiError(409, 'conflict', message, field);

const targetNotFound = (plan: string, code: string) =>
  notFound('target', msg('plan.target_not_found', { field: 'target', plan, code }));
const targetExists = (plan: string, code: string) =>
  conflict('code', msg('plan.target_exists', { field: 'code', plan, code }));

export function createPlansService({ db, reference }: Pick<RouteDeps, 'db' | 'reference'>) {
  /** The scope's unit id, or a 400 naming scope.code; null for the whole country. */
  async function resolveScope(input: PlanInput): Promise<number | null> {
    if (!input.scope) return null;
    const id = await scopeUnitId(db, input.scope.code, input.scope.validOn);
    if (id === undefined)
      throw badRequest(
        'scope.code',
        msg('unit.not_valid_on', { field: 'scope.code', code: input.scope.code, date: input.scope.validOn }),
      );
    return id;
  }

  /** Cross-field and reference checks of targets, before anything is written. */
  async function checkTargets(
    targets: ReadonlyArray<{ prefix: string; target: TargetInput }>,
    planStart: string,
  ) {
    const ctx = progressContext(await reference.get(), today());
    for (const { prefix, target } of targets) {
      const problem = targetProblem(target, planStart, ctx.indicators, prefix);
      if (problem) throw badRequest(problem.field, problem.message);
      const def = target.definition;
      const listed =
        def.kind === 'keep_status' && def.units.type === 'codes'
          ? { codes: def.units.codes, validOn: def.units.validOn, path: 'definition.units.codes' }
          : def.kind === 'named_units'
            ? { codes: def.codes, validOn: def.validOn, path: 'definition.codes' }
            : null;
      if (listed) {
        const unknown = await unknownCommunes(db, listed.codes, listed.validOn);
        const first = unknown[0];
        if (first !== undefined) {
          const i = listed.codes.indexOf(first);
          const field = `${prefix}.${listed.path}[${i}]`;
          throw badRequest(field, msg('unit.no_commune_on', { field, code: first, date: listed.validOn }));
        }
      }
    }
  }

  /** Every check of a whole plan; the scope's unit id when it passes. */
  async function checkPlan(input: PlanInput, jurisdiction: Jurisdiction): Promise<number | null> {
    const ctx = progressContext(await reference.get(), today());
    const problem = planProblem(input, ctx.indicators);
    if (problem) throw badRequest(problem.field, problem.message);
    await checkTargets(
      input.targets.map((target, i) => ({ prefix: `targets[${i}]`, target })),
      input.periodStart,
    );
    const scopeId = await resolveScope(input);
    if (!(await planScopeReadable(db, scopeId, jurisdiction)))
      throw new ApiError(
        403,
        'outside_jurisdiction',
        msg('plan.scope_outside', { field: 'scope.code' }),
        'scope.code',
      );
    return scopeId;
  }

  const reread = async (code: string) => planBody(await requirePlan(db, code));

  return {
    /** The plans whose scope the caller may read (a national plan: national grants only). */
    async list(jurisdiction: Jurisdiction) {
      const all = await listPlans(db);
      // One lookup of every scope unit, not one query per plan.
      const ids = all.flatMap((p) => (p.scopeUnitId === null ? [] : [p.scopeUnitId]));
      const scopes = new Map((await unitsById(db, ids)).map((u) => [u.id, u]));
      return all
        .filter((p) => {
          if (jurisdiction.national) return true;
          const scope = p.scopeUnitId === null ? undefined : scopes.get(p.scopeUnitId);
          return scope !== undefined && mayReadUnit(jurisdiction, scope);
        })
        .map(({ scopeUnitId: _, ...r }) => r);
    },

    /** A plan with the progress of each of its targets on its scope, as known on `asOf`. */
    async withProgress(code: string, asOf: string) {
      const plan = await requirePlan(db, code);
      const ref = await reference.get();
      const scope = plan.scopeUnitId === null ? null : ((await unitById(db, plan.scopeUnitId)) ?? null);
      const loaded = await loadUnit(db, ref, plan, plan.targets, scope, asOf);
      return {
        plan: planBody(plan),
        progress: plan.targets.map((t) => ({ target: t.code, progress: unitTargetProgress(loaded, t) })),
      };
    },

    async create(input: PlanInput, actor: string, jurisdiction: Jurisdiction) {
      const scopeId = await checkPlan(input, jurisdiction);
      await db.transaction(async (tx) => {
        if (await findPlan(tx, input.code))
          throw conflict('code', msg('plan.code_exists', { field: 'code', code: input.code }));
        const id = await insertPlan(tx, input, scopeId);
        await recordAudit(tx, { actor, action: 'create', entity: 'plan', entityId: id, after: input });
      });
      return reread(input.code);
    },

    async replace(code: string, input: PlanInput, actor: string, jurisdiction: Jurisdiction) {
      const scopeId = await checkPlan(input, jurisdiction);
      await db.transaction(async (tx) => {
        const before = await requirePlan(tx, code);
        if (input.code !== code && (await findPlan(tx, input.code)))
          throw conflict('code', msg('plan.code_exists', { field: 'code', code: input.code }));
        await updatePlan(tx, before.id, input, scopeId);
        await replaceTargets(tx, before.id, input.targets);
        await recordAudit(tx, {
          actor,
          action: 'update',
          entity: 'plan',
          entityId: before.id,
          before: planBody(before),
          after: input,
        });
      });
      return reread(input.code);
    },

    async remove(code: string, actor: string) {
      await db.transaction(async (tx) => {
        const before = await requirePlan(tx, code);
        await deletePlan(tx, before.id);
        await recordAudit(tx, {
          actor,
          action: 'delete',
          entity: 'plan',
          entityId: before.id,
          before: planBody(before),
        });
      });
    },

    async addTarget(code: string, input: TargetInput, actor: string) {
      const plan = await requirePlan(db, code);
      await checkTargets([{ prefix: 'target', target: input }], plan.periodStart);
      await db.transaction(async (tx) => {
        const current = await requirePlan(tx, code);
        if (current.targets.some((t) => t.code === input.code)) throw targetExists(code, input.code);
        await insertTarget(tx, current.id, input, await nextSortOrder(tx, current.id));
        await recordAudit(tx, {
          actor,
          action: 'create',
          entity: 'plan_target',
          entityId: `${code}/${input.code}`,
          after: input,
        });
      });
      return reread(code);
    },

    async replaceTarget(code: string, target: string, input: TargetInput, actor: string) {
      const plan = await requirePlan(db, code);
      await checkTargets([{ prefix: 'target', target: input }], plan.periodStart);
      await db.transaction(async (tx) => {
        const current = await requirePlan(tx, code);
        const before = current.targets.find((t) => t.code === target);
        if (!before) throw targetNotFound(code, target);
        if (input.code !== target && current.targets.some((t) => t.code === input.code))
          throw targetExists(code, input.code);
        await updateTarget(tx, current.id, target, input, null);
        await recordAudit(tx, {
          actor,
          action: 'update',
          entity: 'plan_target',
          entityId: `${code}/${target}`,
          before,
          after: input,
        });
      });
      return reread(code);
    },

    async removeTarget(code: string, target: string, actor: string) {
      await db.transaction(async (tx) => {
        const current = await requirePlan(tx, code);
        const before = current.targets.find((t) => t.code === target);
        if (!before || !(await deleteTarget(tx, current.id, target))) throw targetNotFound(code, target);
        await recordAudit(tx, {
          actor,
          action: 'delete',
          entity: 'plan_target',
          entityId: `${code}/${target}`,
          before,
        });
      });
      return reread(code);
    },
  };
}
