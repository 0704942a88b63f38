/**
 * The in-memory polygon model of the geometry pipeline: rings without the repeated closing
 * point, each edge carrying a tag. Tag ≥ 0 names the Voronoi edge of the commune diagram the
 * edge lies on (needed to make neighbours share vertices exactly); NO_TAG marks coastline,
 * disc and internal edges.
 */

import { CHUNK, ringIndex } from './ring-index';

/** lon, lat in degrees. */
export type Point = [number, number];

/** Tag of edges that lie on no Voronoi edge of the commune diagram. */
export const NO_TAG = -1;

/** A closed ring: points[i] → points[i + 1] (wrapping) is edge i, tagged tags[i]. */
export interface Ring {
  points: Point[];
  tags: number[];
}

/** First ring is the exterior (counter-clockwise), the others are holes (clockwise). */
export interface Poly {
  rings: Ring[];
}

/** A set of non-overlapping polygons (a MultiPolygon). */
export type Shape = Poly[];

/** An axis-aligned bounding box in degrees. */
export interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** Twice the signed planar area (positive when counter-clockwise). */
export function ringSignedArea2(points: readonly Point[]): number {
  let sum = 0;
  const n = points.length;
  for (let i = 0; i < n; i++) {
    const a = points[i];
    const b = points[(i + 1) % n];
    if (!a || !b) continue;
    sum += a[0] * b[1] - b[0] * a[1];
  }
  return sum;
}

/** Even–odd point in ring test (boundary points may go either way). */
export function pointInRing(point: Point, points: readonly Point[]): boolean {
  const [x, y] = point;
  const n = points.length;
  if (n > 4 * CHUNK) {
    // Long rings: only chunks reaching the ray (y inside their span, right of x) can cross it.
    const index = ringIndex(points);
    if (y < index.box.minY || y > index.box.maxY || x > index.box.maxX) return false;
    let inside = false;
    index.chunks.forEach((box, chunk) => {
      if (y < box.minY || y > box.maxY || x > box.maxX) return;
      const end = Math.min(n, (chunk + 1) * CHUNK);
      for (let i = chunk * CHUNK; i < end; i++) {
        if (crossesRay(points[i], points[(i + 1) % n], x, y)) inside = !inside;
      }
    });
    return inside;
  }
  let inside = false;
  for (let i = 0; i < n; i++) {
    if (crossesRay(points[i], points[(i + 1) % n], x, y)) inside = !inside;
  }
  return inside;
}

/** Does edge a–b cross the ray from (x, y) towards +x (half-open in y, so vertices count once)? */
function crossesRay(a: Point | undefined, b: Point | undefined, x: number, y: number): boolean {
  if (!a || !b || a[1] > y === b[1] > y) return false;
  return x < ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]) + a[0];
}

/** Point in a polygon with holes. */
export function pointInPoly(point: Point, poly: Poly): boolean {
  let inside = false;
  for (const ring of poly.rings) if (pointInRing(point, ring.points)) inside = !inside;
  return inside;
}

/** Point in any polygon of the shape. */
export function pointInShape(point: Point, shape: Shape): boolean {
  return shape.some((poly) => pointInPoly(point, poly));
}

/** Bounding box of a ring. */
export function ringBox(points: readonly Point[]): Box {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const [x, y] of points) {
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return { minX, minY, maxX, maxY };
}

/** Bounding box of a shape (its exterior rings). */
export function shapeBox(shape: Shape): Box {
  const boxes = shape.map((poly) => ringBox(poly.rings[0]?.points ?? []));
  return {
    minX: Math.min(...boxes.map((b) => b.minX)),
    minY: Math.min(...boxes.map((b) => b.minY)),
    maxX: Math.max(...boxes.map((b) => b.maxX)),
    maxY: Math.max(...boxes.map((b) => b.maxY)),
  };
}

/** Lexicographic order of points; gives every segment one canonical direction. */
export function pointLess(a: Point, b: Point): boolean {
  return a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
}

/** Exact-value key of a point: neighbours that share a vertex share this string. */
export function pointKey(p: Point): string {
  return `${p[0]},${p[1]}`;
}

/** A ring with its tags, reversed (edge i of the result is edge n-2-i of the input, reversed). */
export function reverseRing(ring: Ring): Ring {
  const n = ring.points.length;
  const points: Point[] = [];
  const tags: number[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const p = ring.points[i];
    if (p) points.push(p);
    // Edge from p[i] to p[i-1] is the reverse of edge i-1.
    tags.push(ring.tags[(i - 1 + n) % n] ?? NO_TAG);
  }
  return { points, tags };
}

/** Untagged ring from points, made counter-clockwise. */
export function ccwRing(points: Point[], tag = NO_TAG): Ring {
  const ring = { points, tags: points.map(() => tag) };
  return ringSignedArea2(points) < 0 ? reverseRing(ring) : ring;
}

/**
 * Drops zero-length edges and immediate back-tracks (a → b → a), which clipping can leave at
 * ulp scale and which would make a ring invalid. The surviving vertex keeps the tag of the
 * edge that actually leaves it.
 */
export function cleanRing(ring: Ring): Ring | null {
  let points = ring.points.slice();
  let tags = ring.tags.slice();
  let changed = true;
  while (changed && points.length >= 3) {
    changed = false;
    const n = points.length;
    for (let i = 0; i < n; i++) {
      const a = points[i];
      const b = points[(i + 1) % n];
      const c = points[(i + 2) % n];
      if (!a || !b || !c) continue;
      if (a[0] === b[0] && a[1] === b[1]) {
        // Edge i is empty: remove vertex i+1, vertex i takes over the tag of edge i+1.
        const j = (i + 1) % n;
        tags[i] = tags[j] ?? NO_TAG;
        points = points.filter((_, k) => k !== j);
        tags = tags.filter((_, k) => k !== j);
        changed = true;
        break;
      }
      if (a[0] === c[0] && a[1] === c[1]) {
        // a → b → a: a spike; drop b and the duplicate a.
        const j = (i + 1) % n;
        const k2 = (i + 2) % n;
        tags[i] = tags[k2] ?? NO_TAG;
        points = points.filter((_, k) => k !== j && k !== k2);
        tags = tags.filter((_, k) => k !== j && k !== k2);
        changed = true;
        break;
      }
    }
  }
  if (points.length < 3 || ringSignedArea2(points) === 0) return null;
  return { points, tags };
}

/**
 * Groups exterior (counter-clockwise) and hole (clockwise) rings into polygons: each hole goes to
 * the smallest exterior containing the midpoint of its first edge (never on the exterior's
 * boundary, as shared edges are gone by then).
 */
export function assemble(rings: readonly Ring[]): Shape {
  const exteriors: Array<{ ring: Ring; area: number; holes: Ring[] }> = [];
  const holes: Ring[] = [];
  for (const ring of rings) {
    const area = ringSignedArea2(ring.points);
    if (area > 0) exteriors.push({ ring, area, holes: [] });
    else if (area < 0) holes.push(ring);
  }
  for (const hole of holes) {
    const a = hole.points[0];
    const b = hole.points[1];
    if (!a || !b) continue;
    const probe: Point = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
    let best: (typeof exteriors)[number] | null = null;
    for (const ext of exteriors) {
      if ((best === null || ext.area < best.area) && pointInRing(probe, ext.ring.points)) best = ext;
    }
    // A hole outside every exterior cannot come from a valid partition; drop it.
    best?.holes.push(hole);
  }
  return exteriors.map((ext) => ({ rings: [ext.ring, ...ext.holes] }));
}
