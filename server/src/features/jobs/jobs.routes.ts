import { createRoute } from '@hono/zod-openapi';
import { BriefingCreate } from '@pcmt/domain/contracts/briefings';
import { BriefingPdfJobBody, Job, JobIdParam, WeightsJobBody } from '@pcmt/domain/contracts/jobs';
import { actorOf } from '../../lib/actor';
import { bodyHook } from '../../lib/body-hook';
import type { RouteDeps } from '../../lib/context';
import { ApiError, badRequest, notFound } from '../../lib/errors';
import { cancelJob, startJob } from '../../lib/job-runner';
import { findJob, findJobFile, type JobRow, weightsBuilt } from '../../lib/jobs.repo';
import { msg } from '../../lib/messages';
import { createRouter, errorResponse } from '../../lib/openapi';
import { today } from '../../lib/sql';
import { versionAt } from '../../lib/version-at';
import { findBriefing } from '../briefings/briefings.repo';
import { buildWeights, weightsKey } from '../spatial-stats/spatial-weights.repo';
import { freezeBriefing, renderBriefingPack, resolveBriefingViews } from './briefing-jobs';

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

const startBriefing = createRoute({
  method: 'post',
  path: '/api/jobs/briefing',
  summary:
    'Save a briefing as a job: its views are checked at once (400/403/404), their figures frozen view by view while other requests are served',
  request: { body: { ...json(BriefingCreate), required: true } },
  responses: {
    202: { description: 'Started; the saved briefing is `result.briefingId`', ...json(Job) },
    400: errorResponse('Invalid field'),
    403: errorResponse('A view outside your jurisdiction'),
    404: errorResponse('Unknown period, indicator or province'),
    409: errorResponse('A briefing is being saved already'),
  },
});

const startBriefingPdf = createRoute({
  method: 'post',
  path: '/api/jobs/briefing-pdf',
  summary: "Render a briefing's PDF pack as a job; the file is fetched from /api/jobs/{id}/file once done",
  request: { body: { ...json(BriefingPdfJobBody), required: true } },
  responses: {
    202: { description: 'Started', ...json(Job) },
    400: errorResponse('Invalid field'),
    403: errorResponse('Outside your jurisdiction'),
    404: errorResponse('No such briefing'),
    409: errorResponse('A PDF pack is being rendered already'),
  },
});

const file = createRoute({
  method: 'get',
  path: '/api/jobs/{id}/file',
  summary: 'The file a finished job made (a PDF pack)',
  request: { params: JobIdParam },
  responses: {
    200: { description: 'The file' },
    404: errorResponse('No such job of yours, or no file (yet)'),
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

export const jobsRoutes = ({ db, dataset, reference }: RouteDeps) => {
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
        if (await weightsBuilt(db, key)) {
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
    .openapi(
      startBriefing,
      async (c) => {
        const input = c.req.valid('json');
        const { user, jurisdiction } = c.get('identity');
        const ref = await reference.get();
        const resolved = await resolveBriefingViews(db, ref, input, jurisdiction, today());
        const actor = actorOf(c);
        const job = await startJob(db, {
          kind: 'briefing-freeze',
          owner: { id: user?.id ?? null, name: user?.username ?? 'anonymous' },
          params: { title: input.title, views: input.views.length },
          stage: `Đang chốt số liệu trang 1/${input.views.length}`,
          run: (ctx) => freezeBriefing(db, ctx, { input, resolved, ref, dataset, actor }),
        });
        return c.json(body(job), 202);
      },
      bodyHook,
    )
    .openapi(
      startBriefingPdf,
      async (c) => {
        const { briefingId, mat } = c.req.valid('json');
        const { user } = c.get('identity');
        const briefing = await findBriefing(db, briefingId);
        if (!briefing)
          throw notFound('briefingId', msg('briefing.unknown', { field: 'briefingId', id: briefingId }));
        const job = await startJob(db, {
          kind: 'briefing-pdf',
          owner: { id: user?.id ?? null, name: user?.username ?? 'anonymous' },
          params: { briefingId, mat },
          stage: 'Đang chuẩn bị tệp PDF',
          run: (ctx) => renderBriefingPack(db, ctx, briefing, mat),
        });
        return c.json(body(job), 202);
      },
      bodyHook,
    )
    .openapi(file, async (c) => {
      const { id } = c.req.valid('param');
      await requireJob(id);
      const made = await findJobFile(db, id);
      if (!made) throw notFound('id', `id: công việc ${id} chưa có tệp (chưa xong, hoặc không tạo tệp)`);
      return c.body(new Uint8Array(made.bytes) as Uint8Array<ArrayBuffer>, 200, {
        'content-type': made.contentType,
        'content-disposition': `attachment; filename="${made.fileName}"`,
      });
    })
    .openapi(get, async (c) => c.json(body(await requireJob(c.req.valid('param').id)), 200))
    .openapi(cancel, async (c) => {
      const { id } = c.req.valid('param');
      await requireJob(id);
      const job = await cancelJob(db, id);
      if (!job) throw notFound('id', `id: không có công việc ${id}`);
      return c.json(body(job), 200);
    });
};
