import type { Box, Point } from './shape';

/**
 * A bounding box per run of CHUNK edges, computed once per ring (the land outline is clipped and
 * point-tested thousands of times): clipping and point-in-ring tests skip runs far away.
 */

/** Edges per chunk. */
export const CHUNK = 32;

/** Bounding boxes of a ring and of its runs of CHUNK edges. */
export interface RingIndex {
  box: Box;
  /** Box of vertices [k·CHUNK, (k+1)·CHUNK], i.e. of the chunk's edges. */
  chunks: Box[];
}

const indexCache = new WeakMap<readonly Point[], RingIndex>();

function boxOf(points: readonly Point[], start: number, end: number): Box {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  const n = points.length;
  for (let i = start; i <= end; i++) {
    const p = points[i % n];
    if (!p) continue;
    if (p[0] < minX) minX = p[0];
    if (p[0] > maxX) maxX = p[0];
    if (p[1] < minY) minY = p[1];
    if (p[1] > maxY) maxY = p[1];
  }
  return { minX, minY, maxX, maxY };
}

/** The (cached) index of a ring's points; rings are never mutated in place after indexing. */
export function ringIndex(points: readonly Point[]): RingIndex {
  const cached = indexCache.get(points);
  if (cached) return cached;
  const chunks: Box[] = [];
  for (let start = 0; start < points.length; start += CHUNK) {
    chunks.push(boxOf(points, start, Math.min(points.length, start + CHUNK)));
  }
  const index = { box: boxOf(points, 0, points.length - 1), chunks };
  indexCache.set(points, index);
  return index;
}

/** Do two boxes overlap (touching counts)? */
export function overlaps(a: Box, b: Box): boolean {
  return a.maxX >= b.minX && a.minX <= b.maxX && a.maxY >= b.minY && a.minY <= b.maxY;
}
