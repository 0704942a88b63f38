import { createRoute } from '@hono/zod-openapi';
import {
  CreateHotspotBody,
  EliminateBody,
  EliminationsQuery,
  EliminationsResponse,
  HotspotCodeParam,
  HotspotDetail,
  ReopenBody,
  UpdateHotspotBody,
} from '@pcmt/domain/contracts/hotspot-register';
import { formatDate } from '@pcmt/domain/format';
import type { Context } from 'hono';
import type { z } from 'zod';
import type { Queryable, Transaction } from '../../db/engine';
import { actorOf } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import type { RouteDeps } from '../../lib/context';
import { badRequest, notFound } from '../../lib/errors';
import { msg } from '../../lib/messages';
import { createRouter, errorResponse } from '../../lib/openapi';
import { today } from '../../lib/sql';
import {
  communeAt,
  drugFreeDecision,
  eliminationSummary,
  findHotspot,
  type HotspotEventRow,
  type HotspotRecord,
  hotspotEvents,
  insertHotspot,
  insertHotspotEvent,
  nextHotspotCode,
  provinceOfCommune,
  saveHotspot,
  snapshot,
} from './hotspot-register.repo';
import { requireProvinceScope } from './jurisdiction-scope';
import { edit, eliminate, reopen } from './register-transitions';

const json = <T extends z.ZodType>(schema: T) => ({
  content: { 'application/json': { schema } },
  required: true,
});
const detailResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: HotspotDetail } },
});
const writeErrors = {
  400: errorResponse('Bad field'),
  404: errorResponse('No such hotspot'),
  409: errorResponse('The hotspot is not in a state that allows this change'),
};

const getRoute = createRoute({
  method: 'get',
  path: '/api/hotspots/{code}',
  summary: 'One hotspot of the register with its history',
  request: { params: HotspotCodeParam },
  responses: {
    200: detailResponse('The hotspot'),
    400: errorResponse('Bad code'),
    404: errorResponse('No such hotspot'),
  },
});

const createRouteDef = createRoute({
  method: 'post',
  path: '/api/hotspots',
  summary: 'Register a new hotspot (điểm / tụ điểm)',
  request: { body: json(CreateHotspotBody) },
  responses: { 201: detailResponse('Created'), ...writeErrors },
});

const updateRoute = createRoute({
  method: 'patch',
  path: '/api/hotspots/{code}',
  summary: 'Edit a hotspot (kind, location, detection date, notes)',
  request: { params: HotspotCodeParam, body: json(UpdateHotspotBody) },
  responses: { 200: detailResponse('Updated'), ...writeErrors },
});

const eliminateRoute = createRoute({
  method: 'post',
  path: '/api/hotspots/{code}/eliminate',
  summary: 'Record a triệt xóa (elimination) with its date and action',
  request: { params: HotspotCodeParam, body: json(EliminateBody) },
  responses: { 200: detailResponse('Eliminated'), ...writeErrors },
});

const reopenRoute = createRoute({
  method: 'post',
  path: '/api/hotspots/{code}/reopen',
  summary: 'Re-open an eliminated hotspot found active again',
  request: { params: HotspotCodeParam, body: json(ReopenBody) },
  responses: { 200: detailResponse('Re-opened'), ...writeErrors },
});

const eliminationsRoute = createRoute({
  method: 'get',
  path: '/api/hotspot-eliminations',
  summary: 'Hotspots eliminated in a year against those active on 1 January (from the register history)',
  request: { query: EliminationsQuery },
  responses: {
    200: { description: 'Counts', content: { 'application/json': { schema: EliminationsResponse } } },
    400: errorResponse('Bad parameter'),
  },
});

type Detail = z.infer<typeof HotspotDetail>;

/**
 * An active place in a commune recognised "không ma túy" is saved — data entry is not blocked by a status
 * that may be stale — with a warning naming the decision: it contradicts the recognition criteria
 * (QĐ 28/2025/QĐ-TTg: no drug place in the commune), so the commune's status should be reviewed.
 */
async function drugFreeWarnings(db: Queryable, h: Detail, date: string): Promise<Pick<Detail, 'warnings'>> {
  if (h.status !== 'active') return {};
  const decision = await drugFreeDecision(db, h.communeCode, date);
  if (!decision) return {};
  return {
    warnings: [
      {
        field: 'communeCode',
        message:
          `${decision.communeName} đang được công nhận "không ma túy" (${decision.documentNo}, ` +
          `hiệu lực từ ${formatDate(decision.effectiveDate)}) nhưng có điểm/tụ điểm đang hoạt động: ` +
          'trái với tiêu chí xã không ma túy (QĐ 28/2025/QĐ-TTg), cần rà soát lại tình trạng của xã',
      },
    ],
  };
}
const detail = (h: HotspotRecord, events: HotspotEventRow[]): Detail => {
  const { id: _id, provinceCode: _province, ...rest } = h;
  return { ...rest, events };
};

export const hotspotRegisterRoutes = ({ db, dataset }: RouteDeps) => {
  /** Locks the hotspot, applies a change, and writes the row, its history event and the audit entry together. */
  const change = async (
    c: Context,
    code: string,
    actor: string,
    action: 'update' | 'eliminate' | 'reopen',
    apply: (
      h: HotspotRecord,
      tx: Transaction,
    ) => Promise<{ next: HotspotRecord; occurredOn: string; note: string; extra?: object }>,
  ): Promise<Detail> =>
    db.transaction(async (tx) => {
      const current = await findHotspot(tx, code, today(), true);
      if (!current) throw notFound('code', msg('hotspot.unknown', { field: 'code', code }));
      requireProvinceScope(c, current.provinceCode, 'code');
      const { next, occurredOn, note, extra } = await apply(current, tx);
      await saveHotspot(tx, next);
      const after = await findHotspot(tx, code, today());
      if (!after) throw new Error(`hotspot ${code} vanished inside its transaction`);
      // A move must not take the place out of the caller's area either.
      requireProvinceScope(c, after.provinceCode, 'lon');
      const before = snapshot(current);
      const afterSnap = { ...snapshot(after), ...extra };
      await insertHotspotEvent(tx, {
        hotspotId: current.id,
        action,
        occurredOn,
        actor,
        note,
        before,
        after: afterSnap,
      });
      await recordAudit(tx, {
        actor,
        action: `hotspot.${action}`,
        entity: 'hotspot',
        entityId: code,
        before,
        after: afterSnap,
      });
      const saved = detail(after, await hotspotEvents(tx, current.id));
      return { ...saved, ...(await drugFreeWarnings(tx, saved, today())) };
    });

  return createRouter()
    .openapi(getRoute, async (c) => {
      const { code } = c.req.valid('param');
      const h = await findHotspot(db, code, today());
      if (!h) throw notFound('code', msg('hotspot.unknown', { field: 'code', code }));
      requireProvinceScope(c, h.provinceCode, 'code');
      const found = detail(h, await hotspotEvents(db, h.id));
      return c.json({ ...found, ...(await drugFreeWarnings(db, found, today())) }, 200);
    })
    .openapi(createRouteDef, async (c) => {
      const body = c.req.valid('json');
      const actor = actorOf(c);
      const now = today();
      if (body.detectedOn > now)
        throw badRequest(
          'detectedOn',
          msg('hotspot.in_future', { field: 'detectedOn', date: body.detectedOn, today: now }),
        );
      const created = await db.transaction(async (tx) => {
        const communeCode = await communeAt(tx, body.lon, body.lat, now);
        if (!communeCode)
          throw badRequest(
            'lon',
            msg('hotspot.outside_vietnam', { field: 'lon, lat', lon: body.lon, lat: body.lat }),
          );
        // Checked before anything is numbered or written: the place must lie in the caller's area.
        requireProvinceScope(c, await provinceOfCommune(tx, communeCode, now), 'lon');
        const code = await nextHotspotCode(tx, communeCode);
        await insertHotspot(tx, { ...body, code, communeCode });
        const h = await findHotspot(tx, code, now);
        if (!h) throw new Error(`hotspot ${code} was inserted but cannot be read`);
        await insertHotspotEvent(tx, {
          hotspotId: h.id,
          action: 'create',
          occurredOn: h.detectedOn,
          actor,
          note: body.notes,
          before: null,
          after: snapshot(h),
        });
        await recordAudit(tx, {
          actor,
          action: 'hotspot.create',
          entity: 'hotspot',
          entityId: code,
          after: snapshot(h),
        });
        const saved = detail(h, await hotspotEvents(tx, h.id));
        return { ...saved, ...(await drugFreeWarnings(tx, saved, now)) };
      });
      return c.json(created, 201);
    })
    .openapi(updateRoute, async (c) => {
      const { code } = c.req.valid('param');
      const body = c.req.valid('json');
      const result = await change(c, code, actorOf(c), 'update', async (h, tx) => {
        const next = edit(h, body, today());
        if (body.lon !== undefined && body.lat !== undefined) {
          const commune = await communeAt(tx, body.lon, body.lat, today());
          if (!commune)
            throw badRequest(
              'lon',
              msg('hotspot.outside_vietnam', { field: 'lon, lat', lon: body.lon, lat: body.lat }),
            );
          next.communeCode = commune;
        }
        return { next, occurredOn: today(), note: body.notes !== undefined ? 'sửa ghi chú' : '' };
      });
      return c.json(result, 200);
    })
    .openapi(eliminateRoute, async (c) => {
      const { code } = c.req.valid('param');
      const body = c.req.valid('json');
      const result = await change(c, code, actorOf(c), 'eliminate', async (h) => ({
        next: eliminate(h, body.on, today()),
        occurredOn: body.on,
        note: body.note ? `${body.action} — ${body.note}` : body.action,
        extra: { action: body.action },
      }));
      return c.json(result, 200);
    })
    .openapi(reopenRoute, async (c) => {
      const { code } = c.req.valid('param');
      const body = c.req.valid('json');
      const result = await change(c, code, actorOf(c), 'reopen', async (h) => ({
        next: reopen(h, body.on, today()),
        occurredOn: body.on,
        note: body.note,
      }));
      return c.json(result, 200);
    })
    .openapi(eliminationsRoute, async (c) => {
      const q = c.req.valid('query');
      requireProvinceScope(c, q.province ?? null);
      const s = await eliminationSummary(db, q.year, q.province ?? null);
      return c.json(
        {
          meta: { synthetic: dataset.synthetic, year: q.year, province: q.province ?? null },
          ...s,
          eliminatedShare: s.activeAtStart > 0 ? s.eliminated / s.activeAtStart : null,
        },
        200,
      );
    });
};
