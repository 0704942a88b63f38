import { z } from 'zod';
import { DataMeta, IndicatorCode, IsoDate, PeriodId, UnitCode } from './common';

/**
 * Spatial statistics on commune indicators (Gi*, local Moran's I, emerging hot spots) and on hotspot
 * points (kernel density, DBSCAN clusters). Every response names the definition it used.
 */

const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .describe('true or false');

/**
 * The fixed menu of neighbour definitions. Weights are computed for the study area on each request (never
 * stored by a request), so each definition must stay cheap: a free-form distance (100 km took 107 s and
 * 470 MB nationally) is refused.
 *
 * Distance bands, measured between the label points of the 3,321 communes of 2025 (after the July 2025
 * merger a commune is ~100 km², ~10 km across): within 2 km 97 % of communes have no neighbour and within
 * 5 km 67 %, so neither is offered; within 10 km 17 % (urban wards and dense deltas, median 3 neighbours);
 * 15 km 2.5 % (median 7, close to shared boundaries); 20 km 0.6 % (median 13); 30 km a regional scale for
 * the large upland communes. 50 km already gives a median of 73 neighbours: no longer local.
 */
export const DISTANCE_BANDS_M = [10_000, 15_000, 20_000, 30_000] as const;
/** Contiguity snapping distance (metres): boundaries this close count as shared (slivers and gaps). */
export const SNAP_DISTANCES_M = [50] as const;

/** A number given as query text, accepted only when it is one of `allowed` (anything else names the menu). */
const menuValue = (name: string, allowed: readonly number[], unit: string) =>
  z
    .string()
    .refine((v) => /^\d+$/.test(v) && allowed.includes(Number(v)), {
      message: `phải là một trong các giá trị ${allowed.join(', ')} (${unit})`,
    })
    .transform(Number)
    .describe(`${name}: one of ${allowed.join(', ')} ${unit}`);

/** Which neighbours a commune has: shared boundary (with a snapping distance) or a distance band. */
export const WeightsParams = z.object({
  weights: z.enum(['contiguity', 'distance']).default('contiguity'),
  snap: menuValue(
    'contiguity: boundaries closer than this many metres count as shared (slivers and gaps)',
    SNAP_DISTANCES_M,
    'metres',
  ).default(50),
  distance: menuValue(
    'distance band: label points within this many metres are neighbours',
    DISTANCE_BANDS_M,
    'metres',
  ).default(15_000),
});

const Scope = z.object({
  province: UnitCode.optional().describe('study area: communes of this province; default the whole country'),
  at: IsoDate.optional().describe('units valid on this date; default the end of the period'),
});

export const GiStarQuery = Scope.extend(WeightsParams.shape).extend({
  indicator: IndicatorCode,
  period: PeriodId,
  fdr: flag.default(false).describe('Benjamini–Hochberg false-discovery-rate correction of the bins'),
});

export const LocalMoranQuery = Scope.extend(WeightsParams.shape).extend({
  indicator: IndicatorCode,
  period: PeriodId,
  permutations: z.coerce.number().int().min(99).max(9999).default(999),
  seed: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(20250701),
  alpha: z.coerce.number().gt(0).max(0.2).default(0.05),
});

export const EmergingQuery = Scope.extend(WeightsParams.shape).extend({
  indicator: IndicatorCode,
  from: PeriodId.describe('first quarter of the run, e.g. 2023-Q1'),
  to: PeriodId.describe('last quarter of the run'),
  fdr: flag.default(true),
});

const WeightsMeta = z.object({
  key: z.string(),
  method: z.string(),
  islands: z.array(z.string()).describe('codes of study-area communes with no neighbour: left out'),
  builtAt: z.string(),
  buildMs: z.number(),
});

const AnalysisMeta = DataMeta.extend({
  indicator: z.string(),
  unitVersion: z.string(),
  province: z.string().nullable(),
  n: z.number().describe('communes analysed'),
  missing: z.array(z.string()).describe('communes of the study area with no value: left out'),
  weights: WeightsMeta,
  definition: z.string(),
  computeMs: z.number(),
});

export const GiStarResponse = z.object({
  meta: AnalysisMeta.extend({ period: z.string(), fdr: z.boolean() }),
  units: z.array(
    z.object({ code: z.string(), value: z.number(), z: z.number(), p: z.number(), bin: z.number().int() }),
  ),
});

export const LocalMoranResponse = z.object({
  meta: AnalysisMeta.extend({
    period: z.string(),
    permutations: z.number(),
    seed: z.number(),
    alpha: z.number(),
    globalI: z.number(),
  }),
  units: z.array(
    z.object({
      code: z.string(),
      value: z.number(),
      i: z.number(),
      p: z.number(),
      cluster: z.enum(['HH', 'LL', 'HL', 'LH']).nullable(),
    }),
  ),
});

export const EmergingResponse = z.object({
  meta: AnalysisMeta.extend({ periods: z.array(z.string()), fdr: z.boolean() }),
  units: z.array(
    z.object({
      code: z.string(),
      spot: z.enum(['hot', 'cold']).nullable(),
      kind: z.string().nullable(),
      trendZ: z.number(),
      trendP: z.number(),
    }),
  ),
});

export const HotspotPointsQuery = z.object({
  province: UnitCode.optional().describe('hotspots in communes of this province; default all'),
  at: IsoDate.optional().describe('hotspots active on this date; default today'),
});

export const DensityQuery = HotspotPointsQuery.extend({
  bandwidth: z.coerce
    .number()
    .min(50)
    .max(50_000)
    .optional()
    .describe('kernel radius in metres; default the rule'),
  cell: z.coerce.number().min(10).max(10_000).optional().describe('cell size in metres'),
});

export const DensityResponse = z.object({
  meta: z.object({
    synthetic: z.boolean(),
    at: z.string(),
    points: z.number(),
    bandwidthM: z.number(),
    bandwidthRule: z.string().nullable(),
    kernel: z.string(),
    cellSizeM: z.number(),
    west: z.number(),
    south: z.number(),
    cellLon: z.number(),
    cellLat: z.number(),
    cols: z.number(),
    rows: z.number(),
    max: z.number(),
  }),
  /** [column, row, points per km²] of every cell above 1 % of the maximum. */
  cells: z.array(z.tuple([z.number(), z.number(), z.number()])),
});

export const ClustersQuery = HotspotPointsQuery.extend({
  eps: z.coerce.number().min(10).max(20_000).default(500).describe('DBSCAN neighbourhood radius, metres'),
  minPoints: z.coerce.number().int().min(2).max(100).default(3),
});

export const ClustersResponse = z.object({
  type: z.literal('FeatureCollection'),
  meta: z.object({
    synthetic: z.boolean(),
    at: z.string(),
    eps: z.number(),
    minPoints: z.number(),
    srid: z.number(),
    points: z.number(),
    noise: z.number(),
  }),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      // Two points give a line, one position repeated a point: the hull has the dimension of its members.
      geometry: z.union([
        z.object({
          type: z.literal('Polygon'),
          coordinates: z.array(z.array(z.tuple([z.number(), z.number()]))),
        }),
        z.object({ type: z.literal('LineString'), coordinates: z.array(z.tuple([z.number(), z.number()])) }),
        z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }),
      ]),
      properties: z.object({ cluster: z.number(), count: z.number(), codes: z.array(z.string()) }),
    }),
  ),
});
