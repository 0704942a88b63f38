import { createRoute } from '@hono/zod-openapi';
import {
  ClustersQuery,
  ClustersResponse,
  DensityQuery,
  DensityResponse,
  EmergingQuery,
  EmergingResponse,
  GiStarQuery,
  GiStarResponse,
  LocalMoranQuery,
  LocalMoranResponse,
} from '@pcmt/domain/contracts/analysis';
import type { Context } from 'hono';
import type { z } from 'zod';
import type { RouteDeps } from '../../lib/context';
import { badRequest } from '../../lib/errors';
import { msg } from '../../lib/messages';
import { createRouter, errorResponse, jsonText } from '../../lib/openapi';
import { today } from '../../lib/sql';
import { hotspotPoints } from '../hotspots/hotspots.repo';
import { requireProvinceScope } from '../hotspots/jurisdiction-scope';
import type { PeriodRow } from '../periods/periods.repo';
import type { ReferenceData } from '../reference/reference-cache';
import { resolvePeriod } from '../values/resolve-values-query';
import { hotspotClustersJson } from './hotspot-clusters.repo';
import { kernelDensity } from './kernel-density';
import type { WeightsMethod } from './spatial-weights.repo';
import { statistics } from './statistics-pool';
import { loadStudyArea, type StudyArea } from './study-area';

export const GI_STAR_DEFINITION =
  'Getis-Ord Gi* (Ord & Getis 1995, as in ArcGIS Hot Spot Analysis): z-score of the local sum of a commune and its neighbours against the study area; binary weights, the commune itself included. Hot/cold at 90 % (|z| ≥ 1.645), 95 % (1.96), 99 % (2.576); with FDR the critical p-values are Benjamini–Hochberg’s.';
export const LOCAL_MORAN_DEFINITION =
  "Local Moran's I (Anselin 1995): Ii = (zi / m2) · Σj wij zj with row-standardised weights; pseudo p-value from conditional permutations (folded, (M + 1)/(R + 1)); HH/LL clusters, HL/LH outliers at p ≤ alpha.";
export const EMERGING_DEFINITION =
  'Emerging hot spots as ArcGIS Pro defines them: Gi* per period (bins at ≥ 90 % confidence, FDR optional), Mann–Kendall trend of each commune’s z-scores (significant at p < 0.05); categories new, consecutive, intensifying, persistent, diminishing, sporadic, oscillating, historical hot (or cold) spot. Time neighbours of ArcGIS’s space-time cube are not used.';

const analysisErrors = {
  400: errorResponse('Bad parameter'),
  404: errorResponse('Unknown indicator, period or province'),
};

const giRoute = createRoute({
  method: 'get',
  path: '/api/analysis/gi-star',
  summary: 'Getis-Ord Gi* hot and cold spots of a commune indicator for a period',
  request: { query: GiStarQuery },
  responses: {
    200: { description: 'Gi* per commune', content: { 'application/json': { schema: GiStarResponse } } },
    ...analysisErrors,
  },
});

const moranRoute = createRoute({
  method: 'get',
  path: '/api/analysis/local-moran',
  summary: "Local Moran's I clusters and outliers with permutation inference",
  request: { query: LocalMoranQuery },
  responses: {
    200: { description: 'LISA per commune', content: { 'application/json': { schema: LocalMoranResponse } } },
    ...analysisErrors,
  },
});

const emergingRoute = createRoute({
  method: 'get',
  path: '/api/analysis/emerging-hotspots',
  summary: 'Emerging hot spot categories over a run of quarters',
  request: { query: EmergingQuery },
  responses: {
    200: {
      description: 'Category per commune',
      content: { 'application/json': { schema: EmergingResponse } },
    },
    ...analysisErrors,
  },
});

const densityRoute = createRoute({
  method: 'get',
  path: '/api/analysis/hotspot-density',
  summary: 'Kernel density of active hotspots (points per km²)',
  request: { query: DensityQuery },
  responses: {
    200: { description: 'Density grid', content: { 'application/json': { schema: DensityResponse } } },
    400: errorResponse('Bad parameter'),
  },
});

const clustersRoute = createRoute({
  method: 'get',
  path: '/api/analysis/hotspot-clusters',
  summary: 'DBSCAN clusters of active hotspots with their convex hulls (GeoJSON)',
  request: { query: ClustersQuery },
  responses: {
    200: { description: 'Clusters', content: { 'application/json': { schema: ClustersResponse } } },
    400: errorResponse('Bad parameter'),
  },
});

const methodOf = (q: {
  weights: 'contiguity' | 'distance';
  snap: number;
  distance: number;
}): WeightsMethod =>
  q.weights === 'contiguity'
    ? { kind: 'contiguity', snapM: q.snap }
    : { kind: 'distance', bandM: q.distance };

/** Quarters from `from` to `to` inclusive, in order. */
function quarterRun(periods: ReadonlyMap<string, PeriodRow>, from: PeriodRow, to: PeriodRow): PeriodRow[] {
  if (from.kind !== 'quarter')
    throw badRequest('from', msg('period.not_quarter', { field: 'from', period: from.id }));
  if (to.kind !== 'quarter')
    throw badRequest('to', msg('period.not_quarter', { field: 'to', period: to.id }));
  if (to.startDate < from.startDate)
    throw badRequest('to', msg('period.before_from', { field: 'to', to: to.id, from: from.id }));
  const run = [...periods.values()]
    .filter((p) => p.kind === 'quarter' && p.startDate >= from.startDate && p.startDate <= to.startDate)
    .sort((a, b) => a.startDate.localeCompare(b.startDate));
  if (run.length < 6)
    throw badRequest('from', msg('analysis.short_run', { field: 'from', count: run.length }));
  return run;
}

export const spatialStatsRoutes = ({ db, dataset, reference }: RouteDeps) => {
  /** The communes a statistic runs on, after checking the province is the caller's: one step for every route. */
  const studyArea = (
    c: Context,
    ref: ReferenceData,
    q: Parameters<typeof methodOf>[0] & { indicator: string; province?: string | undefined },
    periods: PeriodRow[],
    at: string,
  ) => {
    requireProvinceScope(c, q.province ?? null);
    return loadStudyArea(db, ref, {
      indicator: q.indicator,
      periods,
      at,
      province: q.province ?? null,
      method: methodOf(q),
    });
  };
  const baseMeta = (
    area: StudyArea,
    indicator: string,
    province: string | undefined,
    definition: string,
    computeMs: number,
  ) => ({
    synthetic: dataset.synthetic,
    source: dataset.source,
    indicator,
    unitVersion: area.unitVersion,
    province: province ?? null,
    n: area.codes.length,
    missing: area.missing,
    weights: {
      key: area.stored.key,
      method: area.stored.method,
      islands: area.islands,
      builtAt: area.stored.builtAt,
      buildMs: Math.round(area.stored.buildMs),
    },
    definition,
    computeMs: Math.round(computeMs * 100) / 100,
  });

  return createRouter()
    .openapi(giRoute, async (c) => {
      const q = c.req.valid('query');
      const ref = await reference.get();
      const period = resolvePeriod(ref, q.period);
      const area = await studyArea(c, ref, q, [period], q.at ?? period.endDate);
      const values = area.values[0] ?? new Float64Array();
      const started = performance.now();
      const g = await statistics.run('giStar', values, area.weights, { fdr: q.fdr });
      const ms = performance.now() - started;
      const units = area.codes.map((code, i) => ({
        code,
        value: values[i] ?? 0,
        z: round(g.z[i] ?? 0, 4),
        p: round(g.p[i] ?? 1, 6),
        bin: g.bin[i] ?? 0,
      }));
      return c.json(
        {
          meta: {
            ...baseMeta(area, q.indicator, q.province, GI_STAR_DEFINITION, ms),
            period: period.id,
            fdr: q.fdr,
          },
          units,
        },
        200,
      );
    })
    .openapi(moranRoute, async (c) => {
      const q = c.req.valid('query');
      const ref = await reference.get();
      const period = resolvePeriod(ref, q.period);
      const area = await studyArea(c, ref, q, [period], q.at ?? period.endDate);
      const values = area.values[0] ?? new Float64Array();
      const started = performance.now();
      const m = await statistics.run('localMoran', values, area.weights, {
        permutations: q.permutations,
        seed: q.seed,
        alpha: q.alpha,
      });
      const ms = performance.now() - started;
      const units = area.codes.map((code, i) => ({
        code,
        value: values[i] ?? 0,
        i: round(m.i[i] ?? 0, 6),
        p: round(m.p[i] ?? 1, 6),
        cluster: m.cluster[i] ?? null,
      }));
      return c.json(
        {
          meta: {
            ...baseMeta(area, q.indicator, q.province, LOCAL_MORAN_DEFINITION, ms),
            period: period.id,
            permutations: q.permutations,
            seed: q.seed,
            alpha: q.alpha,
            globalI: round(m.globalI, 6),
          },
          units,
        },
        200,
      );
    })
    .openapi(emergingRoute, async (c) => {
      const q = c.req.valid('query');
      const ref = await reference.get();
      const run = quarterRun(ref.periods, resolvePeriod(ref, q.from, 'from'), resolvePeriod(ref, q.to, 'to'));
      const area = await studyArea(c, ref, q, run, q.at ?? run[run.length - 1]?.endDate ?? today());
      const started = performance.now();
      const result = await statistics.run('emergingHotspots', area.values, area.weights, { fdr: q.fdr });
      const ms = performance.now() - started;
      const units = area.codes.map((code, i) => {
        const r = result[i];
        return {
          code,
          spot: r?.category?.spot ?? null,
          kind: r?.category?.kind ?? null,
          trendZ: round(r?.trend.z ?? 0, 4),
          trendP: round(r?.trend.p ?? 1, 6),
        };
      });
      return c.json(
        {
          meta: {
            ...baseMeta(area, q.indicator, q.province, EMERGING_DEFINITION, ms),
            periods: run.map((p) => p.id),
            fdr: q.fdr,
          },
          units,
        },
        200,
      );
    })
    .openapi(densityRoute, async (c) => {
      const q = c.req.valid('query');
      requireProvinceScope(c, q.province ?? null);
      const at = q.at ?? today();
      const points = await hotspotPoints(db, { at, province: q.province ?? null, activeOnly: true });
      if (points.length < 2)
        throw badRequest('province', msg('analysis.too_few_hotspots', { field: 'province' }));
      const grid = kernelDensity(
        points.map((p) => [p.lon, p.lat] as const),
        { ...(q.bandwidth ? { bandwidthM: q.bandwidth } : {}), ...(q.cell ? { cellSizeM: q.cell } : {}) },
      );
      const floor = grid.max * 0.01;
      const cells: Array<[number, number, number]> = [];
      grid.density.forEach((v, k) => {
        if (v > floor) cells.push([k % grid.cols, Math.floor(k / grid.cols), round(v, 3)]);
      });
      const { density: _density, ...rest } = grid;
      return c.json(
        {
          meta: {
            synthetic: dataset.synthetic,
            at,
            points: points.length,
            ...rest,
            kernel: 'quartic (biweight), Silverman 1986 eq. 4.5',
          },
          cells,
        },
        200,
      );
    })
    .openapi(clustersRoute, async (c) => {
      const q = c.req.valid('query');
      requireProvinceScope(c, q.province ?? null);
      const at = q.at ?? today();
      const r = await hotspotClustersJson(db, {
        at,
        province: q.province ?? null,
        epsM: q.eps,
        minPoints: q.minPoints,
      });
      const meta = {
        synthetic: dataset.synthetic,
        at,
        eps: q.eps,
        minPoints: q.minPoints,
        srid: r.srid,
        points: r.points,
        noise: r.noise,
      };
      return jsonText<z.infer<typeof ClustersResponse>>(
        c,
        `{"type":"FeatureCollection","meta":${JSON.stringify(meta)},"features":${r.json}}`,
        'application/geo+json; charset=utf-8',
      );
    });
};

const round = (v: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
};
