import { createRoute, z } from '@hono/zod-openapi';
import {
  AsOfQuery,
  PlanCodeParam,
  PlanInput,
  PlanProgressResponse,
  PlanResponse,
  PlansResponse,
  TargetInput,
  TargetParams,
} from '../../contracts/plans';
import { actorOf } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { bodyHook } from '../../lib/body-hook';
import type { RouteDeps } from '../../lib/context';
import { ApiError, badRequest, notFound } from '../../lib/errors';
import { type Message, msg } from '../../lib/messages';
import { createRouter, errorResponse } from '../../lib/openapi';
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
 * Plans and targets: reads for staff (internal), writes for planning. Every write runs in one transaction
 * with its audit row; a body failing its contract answers 400 naming the field as the form does
 * (`targets[2].definition.threshold`).
 */

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

const list = createRoute({
  method: 'get',
  path: '/api/plans',
  summary: 'Plans with their scope and number of targets',
  responses: { 200: { description: 'Plans', ...json(PlansResponse) } },
});

const get = createRoute({
  method: 'get',
  path: '/api/plans/{code}',
  summary: 'A plan, its targets and the progress of each (status, projection, series)',
  request: { params: PlanCodeParam, query: AsOfQuery },
  responses: {
    200: { description: 'Plan with progress', ...json(PlanProgressResponse) },
    404: errorResponse('No such plan'),
  },
});

const create = createRoute({
  method: 'post',
  path: '/api/plans',
  summary: 'Create a plan with its targets',
  request: { body: { ...json(PlanInput), required: true } },
  responses: {
    201: { description: 'Created', ...json(PlanResponse) },
    400: errorResponse('Invalid field'),
    409: errorResponse('Code already used'),
  },
});

const replace = createRoute({
  method: 'put',
  path: '/api/plans/{code}',
  summary: 'Replace a plan and its targets (targets matched by code keep their ids)',
  request: { params: PlanCodeParam, body: { ...json(PlanInput), required: true } },
  responses: {
    200: { description: 'Updated', ...json(PlanResponse) },
    400: errorResponse('Invalid field'),
    404: errorResponse('No such plan'),
    409: errorResponse('Code already used'),
  },
});

const remove = createRoute({
  method: 'delete',
  path: '/api/plans/{code}',
  summary: 'Delete a plan and its targets',
  request: { params: PlanCodeParam },
  responses: {
    200: { description: 'Deleted', ...json(z.object({ deleted: z.string() })) },
    404: errorResponse('No such plan'),
  },
});

const addTarget = createRoute({
  method: 'post',
  path: '/api/plans/{code}/targets',
  summary: 'Add a target to a plan',
  request: { params: PlanCodeParam, body: { ...json(TargetInput), required: true } },
  responses: {
    201: { description: 'Created', ...json(PlanResponse) },
    400: errorResponse('Invalid field'),
    404: errorResponse('No such plan'),
    409: errorResponse('Code already used'),
  },
});

const putTarget = createRoute({
  method: 'put',
  path: '/api/plans/{code}/targets/{target}',
  summary: 'Replace one target',
  request: { params: TargetParams, body: { ...json(TargetInput), required: true } },
  responses: {
    200: { description: 'Updated', ...json(PlanResponse) },
    400: errorResponse('Invalid field'),
    404: errorResponse('No such plan or target'),
    409: errorResponse('Code already used'),
  },
});

const removeTarget = createRoute({
  method: 'delete',
  path: '/api/plans/{code}/targets/{target}',
  summary: 'Delete one target',
  request: { params: TargetParams },
  responses: {
    200: { description: 'Deleted', ...json(PlanResponse) },
    404: errorResponse('No such plan or target'),
  },
});

/** The public shape of a stored plan. */
const planBody = ({ scopeUnitId: _, ...plan }: PlanRecord) => plan;

const conflict = (field: string, message: Message) => new ApiError(409, 'conflict', message, field);

export const plansRoutes = ({ db, dataset, reference }: RouteDeps) => {
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

  async function checkPlan(input: PlanInput, jurisdiction: Jurisdiction): Promise<number | null> {
    const ctx = progressContext(await reference.get(), today());
    const problem = planProblem(input, ctx.indicators);
    if (problem) throw badRequest(problem.field, problem.message);
    await checkTargets(
      input.targets.map((target, i) => ({ prefix: `targets[${i}]`, target })),
      input.periodStart,
    );
    const scopeId = await resolveScope(input);
    if (!(await planScopeReadable(db, scopeId, jurisdiction))) {
      throw new ApiError(
        403,
        'outside_jurisdiction',
        msg('plan.scope_outside', { field: 'scope.code' }),
        'scope.code',
      );
    }
    return scopeId;
  }

  const reread = async (code: string) => planBody(await requirePlan(db, code));

  return createRouter()
    .openapi(list, async (c) => {
      const { jurisdiction } = c.get('identity');
      const all = await listPlans(db);
      // One lookup of every scope unit, not one query per plan.
      const ids = all.flatMap((p) => (p.scopeUnitId === null ? [] : [p.scopeUnitId]));
      const scopes = new Map((await unitsById(db, ids)).map((u) => [u.id, u]));
      const rows = all.filter((p) => {
        if (jurisdiction.national) return true;
        const scope = p.scopeUnitId === null ? undefined : scopes.get(p.scopeUnitId);
        return scope !== undefined && mayReadUnit(jurisdiction, scope);
      });
      return c.json({ rows: rows.map(({ scopeUnitId: _, ...r }) => r) }, 200);
    })
    .openapi(get, async (c) => {
      const { code } = c.req.valid('param');
      const asOf = c.req.valid('query').asOf ?? today();
      const plan = await requirePlan(db, code);
      const ref = await reference.get();
      const scope = plan.scopeUnitId === null ? null : ((await unitById(db, plan.scopeUnitId)) ?? null);
      const loaded = await loadUnit(db, ref, plan, plan.targets, scope, asOf);
      return c.json(
        {
          meta: { synthetic: dataset.synthetic, source: dataset.source, asOf },
          plan: planBody(plan),
          progress: plan.targets.map((t) => ({ target: t.code, progress: unitTargetProgress(loaded, t) })),
        },
        200,
      );
    })
    .openapi(
      create,
      async (c) => {
        const input = c.req.valid('json');
        const scopeId = await checkPlan(input, c.get('identity').jurisdiction);
        await db.transaction(async (tx) => {
          if (await findPlan(tx, input.code))
            throw conflict('code', msg('plan.code_exists', { field: 'code', code: input.code }));
          const id = await insertPlan(tx, input, scopeId);
          await recordAudit(tx, {
            actor: actorOf(c),
            action: 'create',
            entity: 'plan',
            entityId: id,
            after: input,
          });
        });
        return c.json({ plan: await reread(input.code) }, 201);
      },
      bodyHook,
    )
    .openapi(
      replace,
      async (c) => {
        const { code } = c.req.valid('param');
        const input = c.req.valid('json');
        const scopeId = await checkPlan(input, c.get('identity').jurisdiction);
        await db.transaction(async (tx) => {
          const before = await requirePlan(tx, code);
          if (input.code !== code && (await findPlan(tx, input.code)))
            throw conflict('code', msg('plan.code_exists', { field: 'code', code: input.code }));
          await updatePlan(tx, before.id, input, scopeId);
          await replaceTargets(tx, before.id, input.targets);
          await recordAudit(tx, {
            actor: actorOf(c),
            action: 'update',
            entity: 'plan',
            entityId: before.id,
            before: planBody(before),
            after: input,
          });
        });
        return c.json({ plan: await reread(input.code) }, 200);
      },
      bodyHook,
    )
    .openapi(remove, async (c) => {
      const { code } = c.req.valid('param');
      await db.transaction(async (tx) => {
        const before = await requirePlan(tx, code);
        await deletePlan(tx, before.id);
        await recordAudit(tx, {
          actor: actorOf(c),
          action: 'delete',
          entity: 'plan',
          entityId: before.id,
          before: planBody(before),
        });
      });
      return c.json({ deleted: code }, 200);
    })
    .openapi(
      addTarget,
      async (c) => {
        const { code } = c.req.valid('param');
        const input = c.req.valid('json');
        const plan = await requirePlan(db, code);
        await checkTargets([{ prefix: 'target', target: input }], plan.periodStart);
        await db.transaction(async (tx) => {
          const current = await requirePlan(tx, code);
          if (current.targets.some((t) => t.code === input.code))
            throw conflict(
              'code',
              msg('plan.target_exists', { field: 'code', plan: code, code: input.code }),
            );
          await insertTarget(tx, current.id, input, await nextSortOrder(tx, current.id));
          await recordAudit(tx, {
            actor: actorOf(c),
            action: 'create',
            entity: 'plan_target',
            entityId: `${code}/${input.code}`,
            after: input,
          });
        });
        return c.json({ plan: await reread(code) }, 201);
      },
      bodyHook,
    )
    .openapi(
      putTarget,
      async (c) => {
        const { code, target } = c.req.valid('param');
        const input = c.req.valid('json');
        const plan = await requirePlan(db, code);
        await checkTargets([{ prefix: 'target', target: input }], plan.periodStart);
        await db.transaction(async (tx) => {
          const current = await requirePlan(tx, code);
          const before = current.targets.find((t) => t.code === target);
          if (!before)
            throw notFound(
              'target',
              msg('plan.target_not_found', { field: 'target', plan: code, code: target }),
            );
          if (input.code !== target && current.targets.some((t) => t.code === input.code))
            throw conflict(
              'code',
              msg('plan.target_exists', { field: 'code', plan: code, code: input.code }),
            );
          await updateTarget(tx, current.id, target, input, null);
          await recordAudit(tx, {
            actor: actorOf(c),
            action: 'update',
            entity: 'plan_target',
            entityId: `${code}/${target}`,
            before,
            after: input,
          });
        });
        return c.json({ plan: await reread(code) }, 200);
      },
      bodyHook,
    )
    .openapi(removeTarget, async (c) => {
      const { code, target } = c.req.valid('param');
      await db.transaction(async (tx) => {
        const current = await requirePlan(tx, code);
        const before = current.targets.find((t) => t.code === target);
        if (!before || !(await deleteTarget(tx, current.id, target)))
          throw notFound(
            'target',
            msg('plan.target_not_found', { field: 'target', plan: code, code: target }),
          );
        await recordAudit(tx, {
          actor: actorOf(c),
          action: 'delete',
          entity: 'plan_target',
          entityId: `${code}/${target}`,
          before,
        });
      });
      return c.json({ plan: await reread(code) }, 200);
    });
};
