import { type Point, ringSignedArea2 } from './shape';

/**
 * A d3-delaunay cell polygon (closed, x scaled by `lonScale`) as an open counter-clockwise
 * ring in lon/lat. Consecutive duplicates (cocircular seeds give zero-length edges) are dropped:
 * a zero-length edge has no side and would break the convex clipper.
 */
export function cellRing(polygon: ArrayLike<ArrayLike<number>>, lonScale: number): Point[] {
  const points: Point[] = [];
  for (let i = 0; i < polygon.length; i++) {
    const p = polygon[i];
    if (!p) continue;
    const point: Point = [(p[0] ?? 0) / lonScale, p[1] ?? 0];
    const last = points[points.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) points.push(point);
  }
  const first = points[0];
  const last = points[points.length - 1];
  if (first && last && points.length > 1 && first[0] === last[0] && first[1] === last[1]) points.pop();
  return ringSignedArea2(points) < 0 ? points.reverse() : points;
}
