import { createRoute } from '@hono/zod-openapi';
import { Job, JobIdParam, WeightsJobBody } from '../../contracts/jobs';
import { bodyHook } from '../../lib/body-hook';
import type { RouteDeps } from '../../lib/context';
import { ApiError, badRequest, notFound } from '../../lib/errors';
import { createRouter, errorResponse } from '../../lib/openapi';
import { today } from '../../lib/sql';
import { versionAt } from '../../lib/version-at';
import { buildWeights, weightsKey } from '../spatial-stats/spatial-weights.repo';
import { cancelJob, startJob } from './job-runner';
import { findJob, type JobRow } from './jobs.repo';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

const startWeights = createRoute({
  method: 'post',
  path: '/api/jobs/weights',
  summary: "Build the country's commune contiguity weights as a job: answered at once with the job to follow",
  request: { body: { ...json(WeightsJobBody), required: false } },
  responses: {
    202: { description: 'Started', ...json(Job) },
    400: errorResponse('Invalid field'),
    409: errorResponse('Already running, or already built'),
  },
});

const get = createRoute({
  method: 'get',
  path: '/api/jobs/{id}',
  summary: 'A job: state, progress 0–100 and what it is doing',
  request: { params: JobIdParam },
  responses: {
    200: { description: 'The job', ...json(Job) },
    404: errorResponse('No such job of yours'),
  },
});

const cancel = createRoute({
  method: 'delete',
  path: '/api/jobs/{id}',
  summary: 'Cancel a running job (its owner or a national grant); an ended job is returned as it is',
  request: { params: JobIdParam },
  responses: {
    200: { description: 'The job, cancelled', ...json(Job) },
    404: errorResponse('No such job of yours'),
  },
});

const body = ({ ownerUserId: _owner, ...job }: JobRow) => job;

export const jobsRoutes = ({ db, reference }: RouteDeps) => {
  async function requireJob(id: string): Promise<JobRow> {
    const job = await findJob(db, id);
    if (!job) throw notFound('id', `id: không có công việc ${id}`);
    return job;
  }

  return createRouter()
    .openapi(
      startWeights,
      async (c) => {
        const q = c.req.valid('json') ?? {};
        const ref = await reference.get();
        const on = q.validFrom ?? today();
        const validFrom = versionAt(ref.communeVersions, on);
        if (!validFrom || (q.validFrom && validFrom !== q.validFrom)) {
          throw badRequest(
            'validFrom',
            `validFrom: ${on} không phải ngày bắt đầu của một phiên bản đơn vị hành chính (${ref.communeVersions.join(', ')})`,
          );
        }
        const method = { kind: 'contiguity', snapM: 50 } as const;
        const key = weightsKey('commune', validFrom, method);
        const built = await db.query(`select 1 from spatial_weight_sets where key = $1`, [key]);
        if (built.length > 0) {
          throw new ApiError(409, 'already_built', `Ma trận trọng số ${key} đã được xây dựng`, 'validFrom');
        }
        const { user } = c.get('identity');
        const job = await startJob(db, {
          kind: 'weights',
          owner: { id: user?.id ?? null, name: user?.username ?? 'anonymous' },
          params: { key },
          stage: 'Đang đọc các đơn vị hành chính',
          run: async (ctx) => {
            await buildWeights(db, 'commune', validFrom, method, user?.username ?? 'anonymous', ctx);
            return { key };
          },
        });
        return c.json(body(job), 202);
      },
      bodyHook,
    )
    .openapi(get, async (c) => c.json(body(await requireJob(c.req.valid('param').id)), 200))
    .openapi(cancel, async (c) => {
      const { id } = c.req.valid('param');
      await requireJob(id);
      const job = await cancelJob(db, id);
      if (!job) throw notFound('id', `id: không có công việc ${id}`);
      return c.json(body(job), 200);
    });
};
