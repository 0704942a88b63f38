import type { EmergingKind } from '@pcmt/domain/emerging-hotspots';
import { giStar } from './getis-ord';
import { mannKendall } from './mann-kendall';
import type { SpatialWeights } from './spatial-weights';

/** A commune's category: the domain's list (@pcmt/domain/emerging-hotspots, which the web's legend reads too)
 * for a hot spot or its mirror for a cold spot, or no pattern. */
export type EmergingCategory = { spot: 'hot' | 'cold'; kind: EmergingKind } | null;

export interface EmergingOptions {
  /** A bin counts as a hot (cold) spot when its Gi* confidence bin is at least this (default 1 = 90 %). */
  minBin?: number;
  /** Significance of the Mann–Kendall trend for intensifying / diminishing (default 0.05). */
  trendAlpha?: number;
}

export interface EmergingResult {
  category: EmergingCategory;
  trend: { z: number; p: number; tau: number };
}

/** Share of bins that must be hot for intensifying, persistent, diminishing and historical (ArcGIS: 90 %). */
const MOSTLY = 0.9;

/**
 * Classifies one location from its time series of Gi* z-scores and confidence bins (oldest first):
 * - new: hot in the final step and never significant (hot or cold) before;
 * - consecutive: one uninterrupted run of ≥ 2 hot bins ending in the final step, never hot before the run,
 *   fewer than 90 % of bins hot;
 * - intensifying / diminishing: hot in ≥ 90 % of bins including the final one, with a significant
 *   increasing / decreasing Mann–Kendall trend of the z-scores;
 * - persistent: hot in ≥ 90 % of bins (including the final one) with no significant trend;
 * - sporadic: hot in the final step, on-and-off before, < 90 % hot, never a cold spot;
 * - oscillating: hot in the final step, a cold spot at some earlier step, < 90 % hot;
 * - historical: not hot in the final step but hot in ≥ 90 % of bins.
 * Cold categories mirror these with signs reversed.
 */
export function classifyEmerging(
  z: readonly number[],
  bins: readonly number[],
  options: EmergingOptions = {},
): EmergingResult {
  const minBin = options.minBin ?? 1;
  const trendAlpha = options.trendAlpha ?? 0.05;
  const mk = mannKendall(z);
  const trend = { z: mk.z, p: mk.p, tau: mk.tau };
  const hot = classifyOneSide(
    bins.map((b) => b >= minBin),
    bins.map((b) => b <= -minBin),
    mk.z,
    mk.p,
    trendAlpha,
    1,
  );
  if (hot) return { category: { spot: 'hot', kind: hot }, trend };
  const cold = classifyOneSide(
    bins.map((b) => b <= -minBin),
    bins.map((b) => b >= minBin),
    mk.z,
    mk.p,
    trendAlpha,
    -1,
  );
  return { category: cold ? { spot: 'cold', kind: cold } : null, trend };
}

function classifyOneSide(
  spot: readonly boolean[],
  opposite: readonly boolean[],
  trendZ: number,
  trendP: number,
  trendAlpha: number,
  sign: 1 | -1,
): EmergingKind | null {
  const n = spot.length;
  if (n === 0) return null;
  const last = spot[n - 1] === true;
  const count = spot.filter(Boolean).length;
  const mostly = count / n >= MOSTLY;
  if (!last) return mostly ? 'historical' : null;
  if (mostly) {
    if (trendP < trendAlpha && Math.sign(trendZ) === sign) return 'intensifying';
    if (trendP < trendAlpha && Math.sign(trendZ) === -sign) return 'diminishing';
    return 'persistent';
  }
  // A past spot of the opposite kind makes any history "oscillating" (sfdep reads ArcGIS the same way).
  if (opposite.slice(0, n - 1).some(Boolean)) return 'oscillating';
  if (count === 1) return 'new';
  let runStart = n - 1;
  while (runStart > 0 && spot[runStart - 1]) runStart--;
  const spotBeforeRun = spot.slice(0, runStart).some(Boolean);
  if (!spotBeforeRun && n - runStart >= 2) return 'consecutive';
  return 'sporadic';
}

/**
 * Emerging hot spot analysis over a run of periods: Gi* of each period on the same units and weights
 * (a spatial Gi* per time slice; ArcGIS's space-time cube also counts time neighbours, which needs bins of
 * equal length and is not used here), then each unit's z-scores classified with `classifyEmerging`.
 */
export function emergingHotspots(
  steps: ReadonlyArray<ArrayLike<number>>,
  w: SpatialWeights,
  options: EmergingOptions & { fdr?: boolean } = {},
): EmergingResult[] {
  const perStep = steps.map((values) => giStar(values, w, { fdr: options.fdr ?? true }));
  const out: EmergingResult[] = [];
  for (let i = 0; i < w.n; i++) {
    out.push(
      classifyEmerging(
        perStep.map((g) => g.z[i] ?? 0),
        perStep.map((g) => g.bin[i] ?? 0),
        options,
      ),
    );
  }
  return out;
}
