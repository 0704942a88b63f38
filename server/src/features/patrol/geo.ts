/** Straight-line distances on the sphere, the measure the patrol route and dosage use. */

import type { LonLat } from '@pcmt/domain/patrol-selection';

export type { LonLat };

const EARTH_RADIUS_M = 6_371_008.8;
const DEG = Math.PI / 180;

/** Great-circle (haversine) distance in metres. */
export function distanceM(a: LonLat, b: LonLat): number {
  const dLat = (b[1] - a[1]) * DEG;
  const dLon = (b[0] - a[0]) * DEG;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * DEG) * Math.cos(b[1] * DEG) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Length of a path through the points in the given order (open: no return to the start). */
export function pathLengthM(points: readonly LonLat[], order: readonly number[]): number {
  let total = 0;
  for (let k = 1; k < order.length; k++) {
    const a = points[order[k - 1] ?? 0];
    const b = points[order[k] ?? 0];
    if (a && b) total += distanceM(a, b);
  }
  return total;
}
