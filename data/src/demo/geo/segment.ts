import { type Point, pointLess } from './shape';

/**
 * Predicates and intersections computed in a canonical order, so that two cells sharing an
 * edge, which see it in opposite directions, get bit-identical answers. That is what lets the
 * pipeline dissolve neighbours by matching vertices exactly instead of with tolerances.
 */

function orient(a: Point, b: Point, p: Point): number {
  return (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);
}

/**
 * Which side of the directed line a → b the point lies on: true = left (inside a
 * counter-clockwise ring). A point exactly on the line counts as left only when a → b is the
 * canonical direction, so of two cells sharing the edge exactly one claims it.
 */
export function leftOf(a: Point, b: Point, p: Point): boolean {
  if (pointLess(a, b)) return orient(a, b, p) >= 0;
  return orient(b, a, p) < 0;
}

/** Sign of p relative to the segment in canonical direction, zero counted as positive. */
function canonicalSide(a: Point, b: Point, p: Point): boolean {
  return pointLess(a, b) ? orient(a, b, p) >= 0 : orient(b, a, p) >= 0;
}

/** True when a and b lie on different sides of the line through p, q (canonical). */
export function straddles(p: Point, q: Point, a: Point, b: Point): boolean {
  return canonicalSide(p, q, a) !== canonicalSide(p, q, b);
}

/**
 * Intersection point of segments p–q and a–b (assumed to cross), identical whatever the order
 * or direction in which the two segments are given.
 */
export function crossing(p: Point, q: Point, a: Point, b: Point): Point {
  let s1a = pointLess(p, q) ? p : q;
  let s1b = s1a === p ? q : p;
  let s2a = pointLess(a, b) ? a : b;
  let s2b = s2a === a ? b : a;
  if (pointLess(s2a, s1a) || (s2a[0] === s1a[0] && s2a[1] === s1a[1] && pointLess(s2b, s1b))) {
    [s1a, s1b, s2a, s2b] = [s2a, s2b, s1a, s1b];
  }
  const rx = s1b[0] - s1a[0];
  const ry = s1b[1] - s1a[1];
  const sx = s2b[0] - s2a[0];
  const sy = s2b[1] - s2a[1];
  const denominator = rx * sy - ry * sx;
  if (denominator === 0) return [(s1a[0] + s1b[0]) / 2, (s1a[1] + s1b[1]) / 2];
  let t = ((s2a[0] - s1a[0]) * sy - (s2a[1] - s1a[1]) * sx) / denominator;
  t = Math.min(1, Math.max(0, t));
  return [s1a[0] + t * rx, s1a[1] + t * ry];
}

/** Position of p along a → b as a fraction (projection), for ordering points on a segment. */
export function along(a: Point, b: Point, p: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length2 = dx * dx + dy * dy;
  return length2 === 0 ? 0 : ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2;
}
