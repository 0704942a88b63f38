import { createRoute, z } from '@hono/zod-openapi';
import {
  Briefing,
  BriefingCreate,
  BriefingListResponse,
  BriefingPdfQuery,
} from '@pcmt/domain/contracts/briefings';
import type { Queryable } from '../../db/engine';
import { actorOf } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { bodyHook } from '../../lib/body-hook';
import type { RouteDeps } from '../../lib/context';
import { ApiError, notFound } from '../../lib/errors';
import { msg } from '../../lib/messages';
import { createRouter, errorResponse } from '../../lib/openapi';
import { today } from '../../lib/sql';
import { attachment, XLSX_CONTENT_TYPE } from '../exports/table-xlsx';
import { listUnits } from '../units/units.repo';
import { mayReadBriefing } from './briefing-access';
import { briefingXlsx } from './briefing-xlsx';
import {
  BRIEFING_ID_PATTERN,
  creatorName,
  deleteBriefing,
  findBriefing,
  findBriefingSummary,
  listBriefings,
  readOneSnapshot,
} from './briefings.repo';
import { buildSnapshot, snapshotReads } from './build-snapshot';
import { resolveView } from './resolve-view';
import { saveBriefing } from './save-briefing';

/**
 * Briefings: staff save an ordered list of map views with their figures frozen, share it by link, present
 * it, and take it away as a PDF pack or a workbook. A briefing is read by whoever may read every area it
 * shows; it is deleted by its creator or an admin.
 */

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

const BriefingIdParam = z.object({
  id: z
    .string()
    .regex(BRIEFING_ID_PATTERN, 'phải là mã bản trình chiếu gồm 10 chữ và số')
    .openapi({ param: { name: 'id', in: 'path' }, example: 'k3m9xq2hpa' }),
});

const list = createRoute({
  method: 'get',
  path: '/api/briefings',
  summary: 'Briefings whose every area the caller may read, newest first',
  responses: { 200: { description: 'Briefings', ...json(BriefingListResponse) } },
});

const create = createRoute({
  method: 'post',
  path: '/api/briefings',
  summary: 'Save a briefing: each view with a snapshot of its figures as of now',
  request: { body: { ...json(BriefingCreate), required: true } },
  responses: {
    201: { description: 'Created', ...json(Briefing) },
    400: errorResponse('Invalid field'),
    403: errorResponse('A view outside your jurisdiction'),
    404: errorResponse('Unknown period, indicator or province'),
  },
});

const get = createRoute({
  method: 'get',
  path: '/api/briefings/{id}',
  summary: 'A briefing with its views and their frozen figures',
  request: { params: BriefingIdParam },
  responses: {
    200: { description: 'Briefing', ...json(Briefing) },
    403: errorResponse('Outside your jurisdiction'),
    404: errorResponse('No such briefing'),
  },
});

const remove = createRoute({
  method: 'delete',
  path: '/api/briefings/{id}',
  summary: 'Delete a briefing (its creator or an admin)',
  request: { params: BriefingIdParam },
  responses: {
    204: { description: 'Deleted' },
    403: errorResponse('Not yours'),
    404: errorResponse('No such briefing'),
  },
});

const xlsx = createRoute({
  method: 'get',
  path: '/api/briefings/{id}/xlsx',
  summary: 'A briefing as a workbook: a summary sheet and one sheet of figures per view',
  request: { params: BriefingIdParam },
  responses: {
    200: { description: 'The .xlsx file' },
    403: errorResponse('Outside your jurisdiction'),
    404: errorResponse('No such briefing'),
  },
});

const pdf = createRoute({
  method: 'get',
  path: '/api/briefings/{id}/pdf',
  summary: 'The briefing pack as a PDF in Vietnamese (cover, one page per view, tables of figures)',
  request: { params: BriefingIdParam, query: BriefingPdfQuery },
  responses: {
    200: { description: 'The PDF file' },
    403: errorResponse('Outside your jurisdiction'),
    404: errorResponse('No such briefing'),
  },
});

export const briefingsRoutes = ({ db, dataset, reference }: RouteDeps) => {
  /** The briefing a route names; the data guard has checked its areas against the caller's jurisdiction. */
  async function requireBriefing(id: string): Promise<Briefing> {
    const found = await findBriefing(db, id);
    if (!found) throw notFound('id', msg('briefing.unknown', { field: 'id', id }));
    return found;
  }

  /** Province names on each date the views' units are valid on, read once per date. */
  async function provinceNamesByDate(q: Queryable, dates: readonly string[]) {
    const byDate = new Map<string, Map<string, string>>();
    for (const at of new Set(dates)) {
      const units = await listUnits(q, { level: 'province', parent: null, at });
      byDate.set(at, new Map(units.map((u) => [u.code, u.fullName])));
    }
    return (at: string) => byDate.get(at) ?? new Map<string, string>();
  }

  return createRouter()
    .openapi(list, async (c) => {
      const { jurisdiction } = c.get('identity');
      const rows = (await listBriefings(db)).filter((b) => mayReadBriefing(jurisdiction, b));
      return c.json({ rows }, 200);
    })
    .openapi(
      create,
      async (c) => {
        const input = c.req.valid('json');
        const { jurisdiction } = c.get('identity');
        const actor = actorOf(c);
        // Loaded before the transaction: on the embedded engine a query outside it would wait for it to end.
        const ref = await reference.get();
        const day = today();
        const briefing = await db.transaction(async (tx) => {
          // Every view read from the same state of the data, even when a report is imported meanwhile.
          await readOneSnapshot(tx);
          // Every view checked before any figure is read: a bad last view costs nothing.
          const resolved = [];
          for (const [i, spec] of input.views.entries()) {
            resolved.push(await resolveView(tx, ref, spec, i, jurisdiction, day));
          }
          const reads = snapshotReads(tx);
          const views = [];
          for (const view of resolved) {
            views.push({ spec: view.spec, snapshot: await buildSnapshot(reads, ref, view, dataset) });
          }
          return saveBriefing(tx, input, actor, views);
        });
        return c.json(briefing, 201);
      },
      bodyHook,
    )
    .openapi(get, async (c) => {
      const { id } = c.req.valid('param');
      const briefing = await requireBriefing(id);
      return c.json(briefing, 200);
    })
    .openapi(remove, async (c) => {
      const { id } = c.req.valid('param');
      const { user } = c.get('identity');
      await db.transaction(async (tx) => {
        const found = await findBriefingSummary(tx, id);
        if (!found) throw notFound('id', msg('briefing.unknown', { field: 'id', id }));
        if (found.createdBy !== user?.username && user?.role !== 'admin') {
          throw new ApiError(
            403,
            'forbidden',
            msg('briefing.delete_refused', { field: 'id', owner: found.createdBy, id }),
            'id',
          );
        }
        await deleteBriefing(tx, id);
        await recordAudit(tx, {
          actor: actorOf(c),
          action: 'delete',
          entity: 'briefing',
          entityId: id,
          before: found,
        });
      });
      return c.body(null, 204);
    })
    .openapi(xlsx, async (c) => {
      const { id } = c.req.valid('param');
      const briefing = await requireBriefing(id);
      const bytes = await briefingXlsx({
        briefing,
        creator: await creatorName(db, briefing.createdBy),
        provinceNames: await provinceNamesByDate(
          db,
          briefing.views.map((v) => v.snapshot.at),
        ),
      });
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
        'content-type': XLSX_CONTENT_TYPE,
        'content-disposition': attachment(`${briefing.title}-${briefing.id}`, 'xlsx'),
      });
    })
    .openapi(pdf, async (c) => {
      const { id } = c.req.valid('param');
      const { mat } = c.req.valid('query');
      const briefing = await requireBriefing(id);
      // Loaded on first use: the PDF library and its fonts are not needed to serve the map.
      // Drawn in a worker thread: other requests are answered while the pages are drawn.
      const [{ renderBriefingPdfOffThread }, { loadBriefingGeometry }] = await Promise.all([
        import('./pdf/render-off-thread'),
        import('./pdf/briefing-geometry'),
      ]);
      const bytes = await renderBriefingPdfOffThread(briefing, await loadBriefingGeometry(db, briefing), {
        // `mat=1` marks this copy; a briefing saved as MẬT is always marked (no copy can drop the marking).
        confidential: briefing.confidential || mat === '1',
        generatedAt: new Date(),
      });
      return c.body(new Uint8Array(bytes) as Uint8Array<ArrayBuffer>, 200, {
        'content-type': 'application/pdf',
        'content-disposition': attachment(`${briefing.title}-${briefing.id}`, 'pdf'),
      });
    });
};
