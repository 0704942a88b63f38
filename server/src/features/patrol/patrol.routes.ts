import { createRoute } from '@hono/zod-openapi';
import {
  ExportFormat,
  PatrolPlanId,
  PatrolPlanJson,
  PatrolPlanRequest,
  SavedPatrolPlan,
} from '@pcmt/domain/contracts/patrol';
import { recentActivity } from '@pcmt/domain/patrol-selection';
import type { Context } from 'hono';
import type { z } from 'zod';
import type { Queryable } from '../../db/engine';
import { actorOf } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import type { RouteDeps } from '../../lib/context';
import { badRequest, notFound } from '../../lib/errors';
import { msg } from '../../lib/messages';
import { createRouter, errorResponse } from '../../lib/openapi';
import { today } from '../../lib/sql';
import { hotspotPoints } from '../hotspots/hotspots.repo';
import { requireProvinceScope } from '../hotspots/jurisdiction-scope';
import { findPatrolPlan, insertPatrolPlan, sheetCommunes } from './patrol.repo';
import { buildPatrolPlan, type PatrolPlan, placeDescription } from './patrol-plan';
import { PATROL_SHEET_CSS, patrolSheetHtml, sheetExtent } from './patrol-sheet';
import { planToGeoJson, planToGpx, planToKml } from './plan-exports';

const body = { content: { 'application/json': { schema: PatrolPlanRequest } }, required: true };
const errors = { 400: errorResponse('Bad field'), 404: errorResponse('Unknown hotspot or plan') };

const previewRoute = createRoute({
  method: 'post',
  path: '/api/patrol/plan',
  summary: 'Build a patrol plan (zones, route, dosage) for chosen hotspots, without saving it',
  request: { body },
  responses: {
    200: { description: 'The plan', content: { 'application/json': { schema: PatrolPlanJson } } },
    ...errors,
  },
});

const saveRoute = createRoute({
  method: 'post',
  path: '/api/patrol/plans',
  summary: 'Build and save a patrol plan',
  request: { body },
  responses: {
    201: { description: 'Saved', content: { 'application/json': { schema: SavedPatrolPlan } } },
    ...errors,
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/patrol/plans/{id}',
  summary: 'A saved patrol plan',
  request: { params: PatrolPlanId },
  responses: {
    200: { description: 'The plan', content: { 'application/json': { schema: SavedPatrolPlan } } },
    ...errors,
  },
});

const exportRoute = createRoute({
  method: 'get',
  path: '/api/patrol/plans/{id}/export',
  summary: 'Download a saved plan as GPX, KML or GeoJSON',
  request: { params: PatrolPlanId, query: ExportFormat },
  responses: { 200: { description: 'The file' }, ...errors },
});

const sheetRoute = createRoute({
  method: 'get',
  path: '/api/patrol/plans/{id}/sheet',
  summary: 'Printable A4 patrol sheet (Vietnamese, marked MẬT)',
  request: { params: PatrolPlanId },
  responses: {
    200: { description: 'HTML page', content: { 'text/html': { schema: { type: 'string' } } } },
    ...errors,
  },
});

const sheetCssRoute = createRoute({
  method: 'get',
  path: '/api/patrol/sheet.css',
  summary: 'Stylesheet of the printable patrol sheet (A4)',
  responses: { 200: { description: 'CSS', content: { 'text/css': { schema: { type: 'string' } } } } },
});

type Request = z.infer<typeof PatrolPlanRequest>;

/** Loads the chosen hotspots (all must exist, be active on the day and lie in the caller's area) and plans. */
async function plan(db: Queryable, c: Context, r: Request): Promise<PatrolPlan> {
  const rows = await hotspotPoints(db, { at: r.date, codes: r.hotspotCodes, activeOnly: false });
  const byCode = new Map(rows.map((h) => [h.code, h]));
  const unknown = r.hotspotCodes.filter((code) => !byCode.has(code));
  if (unknown.length > 0)
    throw notFound(
      'hotspotCodes',
      msg('patrol.unknown_hotspots', { field: 'hotspotCodes', date: r.date, codes: unknown.join(', ') }),
    );
  const inactive = rows.filter((h) => h.status !== 'active').map((h) => h.code);
  if (inactive.length > 0)
    throw badRequest(
      'hotspotCodes',
      msg('patrol.eliminated_hotspots', { field: 'hotspotCodes', date: r.date, codes: inactive.join(', ') }),
    );
  for (const h of rows) requireProvinceScope(c, h.provinceCode, 'hotspotCodes');
  return buildPatrolPlan({
    name: r.name,
    date: r.date,
    shiftStart: r.shiftStart,
    shiftEnd: r.shiftEnd,
    radiusM: r.radiusM,
    topCount: r.topCount,
    seed: r.seed,
    places: r.hotspotCodes.flatMap((code) => {
      const h = byCode.get(code);
      if (!h) return [];
      const point = { ...h, position: [h.lon, h.lat] as const };
      return [
        {
          code: h.code,
          kind: h.kind,
          communeCode: h.communeCode,
          communeName: h.communeName ?? h.communeCode,
          description: placeDescription(h.notes),
          position: [h.lon, h.lat] as [number, number],
          activity: Math.round(recentActivity(point, r.date) * 1000) / 1000,
        },
      ];
    }),
  });
}

const FILES = {
  gpx: { type: 'application/gpx+xml', ext: 'gpx', render: planToGpx },
  kml: { type: 'application/vnd.google-earth.kml+xml', ext: 'kml', render: planToKml },
  geojson: {
    type: 'application/geo+json',
    ext: 'geojson',
    render: (p: PatrolPlan) => JSON.stringify(planToGeoJson(p)),
  },
} as const;

export const patrolRoutes = ({ db }: RouteDeps) => {
  const saved = async (c: Context, id: number) => {
    const row = await findPatrolPlan(db, id);
    if (!row) throw notFound('id', msg('patrol.unknown_plan', { field: 'id', id }));
    for (const province of row.provinces) requireProvinceScope(c, province, 'id');
    return row;
  };
  return (
    createRouter()
      // Parsed through the contract: the plan's GeoJSON and tuple types are wider than the JSON it becomes.
      .openapi(previewRoute, async (c) =>
        c.json(PatrolPlanJson.parse(await plan(db, c, c.req.valid('json'))), 200),
      )
      .openapi(saveRoute, async (c) => {
        const r = c.req.valid('json');
        const actor = actorOf(c);
        const result = await db.transaction(async (tx) => {
          const p = await plan(tx, c, r);
          const id = await insertPatrolPlan(tx, { plan: p, request: r, actor });
          await recordAudit(tx, {
            actor,
            action: 'patrol_plan.create',
            entity: 'patrol_plan',
            entityId: id,
            after: { name: p.name, date: p.date, hotspotCodes: r.hotspotCodes },
          });
          const row = await findPatrolPlan(tx, id);
          if (!row) throw new Error(`patrol plan ${id} was saved but cannot be read`);
          return row;
        });
        const { provinces: _p, ...out } = result;
        return c.json(SavedPatrolPlan.parse(out), 201);
      })
      .openapi(getRoute, async (c) => {
        const { provinces: _p, ...out } = await saved(c, c.req.valid('param').id);
        return c.json(SavedPatrolPlan.parse(out), 200);
      })
      .openapi(exportRoute, async (c) => {
        const row = await saved(c, c.req.valid('param').id);
        const file = FILES[c.req.valid('query').format];
        const name = `tuan-tra-${row.plan.date}-${row.id}.${file.ext}`;
        return c.body(file.render(row.plan), 200, {
          'content-type': `${file.type}; charset=utf-8`,
          'content-disposition': `attachment; filename="${name}"`,
          'cache-control': 'no-store',
        });
      })
      .openapi(sheetRoute, async (c) => {
        const row = await saved(c, c.req.valid('param').id);
        // The communes round the stops, on the units in force the day of the patrol.
        const communes = await sheetCommunes(db, sheetExtent(row.plan), row.plan.date);
        return c.html(patrolSheetHtml(row.plan, today(), { communes }), 200, { 'cache-control': 'no-store' });
      })
      // The sheet links this stylesheet (its CSP allows no inline style); without it the A4 layout is lost.
      .openapi(sheetCssRoute, (c) =>
        c.body(PATROL_SHEET_CSS, 200, {
          'content-type': 'text/css; charset=utf-8',
          'cache-control': 'no-cache',
        }),
      )
  );
};
