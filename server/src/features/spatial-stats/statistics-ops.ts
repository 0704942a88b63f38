import type { LonLat } from '../patrol/geo';
import { distanceBandPairs } from './distance-band';
import { emergingHotspots } from './emerging-hotspots';
import { giStar } from './getis-ord';
import { globalMoran, localMoran } from './local-moran';
import { binaryWeightsFromPairs, type SpatialWeights, subsetWeights } from './spatial-weights';

/**
 * The CPU-heavy steps of the analysis routes, as pure functions of cloneable arguments, so they can run in
 * the statistics worker (statistics-worker.ts) instead of the event loop.
 */
export const statisticsOps = {
  giStar,
  localMoran: (...args: Parameters<typeof localMoran>) => ({
    ...localMoran(...args),
    globalI: globalMoran(args[0], args[1]),
  }),
  emergingHotspots,
  subsetWeights,
  /** Binary weights of the points within `bandM` metres of each other. */
  distanceBandWeights: (points: readonly LonLat[], bandM: number): SpatialWeights =>
    binaryWeightsFromPairs(points.length, distanceBandPairs(points, bandM)),
};
