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
} from '@pcmt/domain/contracts/plans';
import { actorOf } from '../../lib/actor';
import { bodyHook } from '../../lib/body-hook';
import type { RouteDeps } from '../../lib/context';
import { createRouter, errorResponse } from '../../lib/openapi';
import { today } from '../../lib/sql';
import { createPlansService } from './plans.service';

/**
 * Plans and targets: reads for staff (internal), writes for planning. The routes read the request and
 * answer; plans.service.ts checks, authorizes, writes in one transaction with its audit row. A body failing
 * its contract answers 400 naming the field as the form does (`targets[2].definition.threshold`).
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

export const plansRoutes = ({ db, dataset, reference }: RouteDeps) => {
  const plans = createPlansService({ db, reference });
  return createRouter()
    .openapi(list, async (c) => c.json({ rows: await plans.list(c.get('identity').jurisdiction) }, 200))
    .openapi(get, async (c) => {
      const { code } = c.req.valid('param');
      const asOf = c.req.valid('query').asOf ?? today();
      const body = await plans.withProgress(code, asOf);
      return c.json({ meta: { synthetic: dataset.synthetic, source: dataset.source, asOf }, ...body }, 200);
    })
    .openapi(
      create,
      async (c) => {
        const plan = await plans.create(c.req.valid('json'), actorOf(c), c.get('identity').jurisdiction);
        return c.json({ plan }, 201);
      },
      bodyHook,
    )
    .openapi(
      replace,
      async (c) => {
        const { code } = c.req.valid('param');
        const input = c.req.valid('json');
        const plan = await plans.replace(code, input, actorOf(c), c.get('identity').jurisdiction);
        return c.json({ plan }, 200);
      },
      bodyHook,
    )
    .openapi(remove, async (c) => {
      const { code } = c.req.valid('param');
      await plans.remove(code, actorOf(c));
      return c.json({ deleted: code }, 200);
    })
    .openapi(
      addTarget,
      async (c) => {
        const { code } = c.req.valid('param');
        return c.json({ plan: await plans.addTarget(code, c.req.valid('json'), actorOf(c)) }, 201);
      },
      bodyHook,
    )
    .openapi(
      putTarget,
      async (c) => {
        const { code, target } = c.req.valid('param');
        const plan = await plans.replaceTarget(code, target, c.req.valid('json'), actorOf(c));
        return c.json({ plan }, 200);
      },
      bodyHook,
    )
    .openapi(removeTarget, async (c) => {
      const { code, target } = c.req.valid('param');
      return c.json({ plan: await plans.removeTarget(code, target, actorOf(c)) }, 200);
    });
};
