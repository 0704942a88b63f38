import { createRoute, z } from '@hono/zod-openapi';
import { PublicPreviewQuery, PublicSummaryQuery, PublicSummaryResponse } from '@pcmt/domain/contracts/public';
import type { Queryable } from '../../db/engine';
import type { RouteDeps } from '../../lib/context';
import { type GenerationWatch, generationsOf } from '../../lib/data-generations';
import { ApiError, badRequest } from '../../lib/errors';
import { LEVEL_NAMES, msg } from '../../lib/messages';
import { createRouter, errorResponse } from '../../lib/openapi';
import { today } from '../../lib/sql';
import { boundaryFeaturesJson } from '../boundaries/boundaries.repo';
import type { PeriodRow } from '../periods/periods.repo';
import type { ReferenceData } from '../reference/reference-cache';
import { communeStatuses } from '../status/status.repo';
import { resolveParent } from '../units/resolve-unit';
import { DEFAULT_PUBLIC_PAGES, lastClosedQuarter } from './closed-period';
import { drawPreview, type PreviewCommune } from './preview-image';
import { unitBounds } from './public.repo';
import { publicSummary } from './public-summary';
import { publicTargets } from './public-targets';

/**
 * The public pages' API: anonymous, as of the last closed period, public fields only. Answers are the same
 * for every caller, so they are kept for a few minutes and may be cached by browsers and proxies.
 */

const summary = createRoute({
  method: 'get',
  path: '/api/public/summary',
  summary: 'Public summary of a province or the country as of the last closed period',
  request: { query: PublicSummaryQuery },
  responses: {
    200: { description: 'Summary', content: { 'application/json': { schema: PublicSummaryResponse } } },
    400: errorResponse('Bad parameter'),
    404: errorResponse('No such province, or no closed period yet'),
  },
});

const preview = createRoute({
  method: 'get',
  path: '/api/public/preview.png',
  summary: 'Link-preview picture (og:image): communes coloured by status and the status shares',
  request: { query: PublicPreviewQuery },
  responses: {
    200: { description: 'PNG, 1200 × 630', content: { 'image/png': { schema: z.string() } } },
    400: errorResponse('Bad parameter'),
    404: errorResponse('No such province, or no closed period yet'),
  },
});

/** Same for everyone and changes at most once a quarter (and on imports): a few minutes is safe. */
const MAX_AGE_S = 300;
const CACHE_CONTROL = `public, max-age=${MAX_AGE_S}`;

/**
 * How long the server keeps an answer. A cold national summary reads statuses at every year end through the
 * crosswalk (seconds on the embedded engine); the figures are a closed quarter's, settled for weeks, and
 * change only by a write, which drops the answer (below).
 */
const KEEP_MS = 60 * 60 * 1000;

/** What a public answer is made of: a write of any of these, here or in another process, drops it. */
const KINDS = ['units', 'crosswalk', 'values', 'statuses', 'plans', 'catalogue'] as const;

/** Answers kept per (area, closed period); bounded by the number of provinces plus the country. */
function answerCache<T>(watch: GenerationWatch) {
  const entries = new Map<string, { at: number; stamp: string; value: Promise<T> }>();
  return (key: string, make: () => Promise<T>): Promise<T> => {
    const stamp = watch.stamp(KINDS);
    const hit = entries.get(key);
    if (hit && hit.stamp === stamp && Date.now() - hit.at < KEEP_MS) return hit.value;
    const value = make();
    const entry = { at: Date.now(), stamp, value };
    value.catch(() => {
      if (entries.get(key) === entry) entries.delete(key);
    });
    entries.set(key, entry);
    return value;
  };
}

export const publicRoutes = ({ db, dataset, reference, publicPages = DEFAULT_PUBLIC_PAGES }: RouteDeps) => {
  const summaries = answerCache<PublicSummaryResponse>(generationsOf(db));
  const previews = answerCache<Buffer>(generationsOf(db));

  /** The closed period and the area a request names, or the 4xx that says why not. */
  async function resolveArea(ref: ReferenceData, province: string | undefined) {
    const closed = lastClosedQuarter(ref.periods.values(), today(), publicPages.delayDays);
    if (!closed) throw new ApiError(404, 'no_closed_period', msg('period.none_closed', {}), null);
    if (province === undefined) return { closed, unit: null };
    const unit = await resolveParent(db, province, closed.endDate, 'province');
    if (unit.level !== 'province')
      throw badRequest(
        'province',
        msg('unit.not_a_province', {
          field: 'province',
          code: province,
          level: LEVEL_NAMES[unit.level] ?? unit.level,
        }),
      );
    return { closed, unit };
  }

  return createRouter()
    .openapi(summary, async (c) => {
      const { province } = c.req.valid('query');
      const ref = await reference.get();
      const { closed, unit } = await resolveArea(ref, province);
      const body = await summaries(`${unit?.code ?? 'VN'}|${closed.id}`, async () => ({
        meta: {
          synthetic: dataset.synthetic,
          source: dataset.source,
          period: closed.id,
          periodEnd: closed.endDate,
          delayDays: publicPages.delayDays,
          minCount: publicPages.minCount,
        },
        area: unit
          ? {
              code: unit.code,
              name: unit.fullName,
              level: 'province' as const,
              bounds: await unitBounds(db, { code: unit.code, at: closed.endDate }),
            }
          : { code: null, name: 'Toàn quốc', level: 'country' as const, bounds: null },
        ...(await publicSummary(db, ref, { province: unit?.code ?? null }, closed, publicPages.minCount)),
        targets: await publicTargets(db, ref, unit, closed, publicPages.minCount),
      }));
      c.header('Cache-Control', CACHE_CONTROL);
      return c.json(body, 200);
    })
    .openapi(preview, async (c) => {
      const { province } = c.req.valid('query');
      const ref = await reference.get();
      const { closed, unit } = await resolveArea(ref, province);
      const png = await previews(`${unit?.code ?? 'VN'}|${closed.id}`, () =>
        previewPng(db, unit?.code ?? null, closed),
      );
      return c.body(new Uint8Array(png), 200, {
        'content-type': 'image/png',
        'cache-control': CACHE_CONTROL,
      });
    });
};

async function previewPng(db: Queryable, province: string | null, closed: PeriodRow): Promise<Buffer> {
  const at = closed.endDate;
  const [{ json }, statuses] = await Promise.all([
    boundaryFeaturesJson(db, { level: 'commune', parent: province, at, detail: 'low' }),
    communeStatuses(db, { asOf: at, at, parent: province }),
  ]);
  const features = JSON.parse(json) as Array<{
    geometry: { type: string; coordinates: unknown } | null;
    properties: { code: string };
  }>;
  const communes: PreviewCommune[] = features.flatMap((f) => {
    if (!f.geometry) return [];
    const polygons =
      f.geometry.type === 'MultiPolygon'
        ? (f.geometry.coordinates as number[][][][])
        : f.geometry.type === 'Polygon'
          ? [f.geometry.coordinates as number[][][]]
          : [];
    return [{ code: f.properties.code, polygons }];
  });
  return drawPreview(communes, new Map(statuses.map((s) => [s.code, s.status])));
}
