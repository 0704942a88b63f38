import type { Bounds } from './atlas-map';

/** Bounds around a unit's communes (their label points), padded so border communes are not cut off. */
export function boundsOfPoints(points: readonly (readonly [number, number])[]): Bounds | null {
  if (points.length === 0) return null;
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const [x, y] of points) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  // Label points sit inside communes: pad by a share of the extent, at least ~5 km.
  const padX = Math.max((maxX - minX) * 0.12, 0.05);
  const padY = Math.max((maxY - minY) * 0.12, 0.05);
  return [minX - padX, minY - padY, maxX + padX, maxY + padY];
}
