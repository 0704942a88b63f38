import { Delaunay } from 'd3-delaunay';
import type { CommuneCell } from './commune-cells';
import { ClipError, clipByConvex } from './geo/clip-convex';
import { pointOnSurface, randomInteriorPoint } from './geo/interior';
import { ccwRing, type Point, pointInShape, type Shape, shapeBox } from './geo/shape';
import { cellRing } from './geo/voronoi-cell';
import type { Rng } from './random';

/**
 * Splits a current commune into the pieces its old communes became: a Voronoi diagram of
 * seeded random points inside the commune, each cell clipped to the commune. An old commune is
 * the union of its pieces, so the old and new layers tile the same land and the crosswalk holds
 * by construction.
 */

/** What one piece will belong to on the old side. */
export interface PieceSpec {
  /** Old commune code; null for an island district that had no communes, or no predecessor. */
  oldCode: string | null;
  /** Null when the package names no predecessor at all. */
  districtKey: string | null;
  oldProvinceCode: string | null;
  /** Where the old district mostly lies: pieces of one district are pulled towards it. */
  anchor: Point;
}

/** One piece cut from a current commune. */
export interface PieceShape {
  spec: PieceSpec;
  shape: Shape;
  /** The Voronoi seed: inside the piece. */
  label: Point;
}

const ATTEMPTS = 6;

/** One piece per spec; specs must be in a deterministic order. */
export function splitCommune(cell: CommuneCell, specs: readonly PieceSpec[], rng: Rng): PieceShape[] {
  const first = specs[0];
  if (!first) return [];
  if (specs.length === 1) return [{ spec: first, shape: cell.shape, label: cell.label }];
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const seeds = chooseSeeds(cell.shape, specs, rng);
    if (!seeds) continue;
    try {
      return cutAt(cell.shape, specs, seeds);
    } catch (error) {
      // A near-degenerate configuration: draw other seeds; any seeds make a valid split.
      if (!(error instanceof ClipError)) throw error;
    }
  }
  throw new Error(`Could not split commune ${cell.code} into ${specs.length} pieces`);
}

/** Well-spread interior points (farthest-point sampling), each given to the spec nearest its anchor. */
function chooseSeeds(shape: Shape, specs: readonly PieceSpec[], rng: Rng): Point[] | null {
  const k = specs.length;
  const candidates: Point[] = [];
  for (let i = 0; i < 6 * k; i++) {
    const p = randomInteriorPoint(shape, rng);
    if (p) candidates.push(p);
  }
  if (candidates.length < k) return null;
  const scale = Math.cos(((candidates[0]?.[1] ?? 16) * Math.PI) / 180);
  const distance2 = (a: Point, b: Point) => ((a[0] - b[0]) * scale) ** 2 + (a[1] - b[1]) ** 2;
  const chosen: Point[] = [];
  const nearest = candidates.map(() => Number.POSITIVE_INFINITY);
  let next = 0;
  for (let j = 0; j < k; j++) {
    const picked = candidates[next];
    if (!picked) return null;
    chosen.push(picked);
    let best = -1;
    candidates.forEach((c, i) => {
      nearest[i] = Math.min(nearest[i] ?? 0, distance2(c, picked));
      if (best < 0 || (nearest[i] ?? 0) > (nearest[best] ?? 0)) best = i;
    });
    if ((nearest[best] ?? 0) === 0 && j < k - 1) return null;
    next = best;
  }
  const seeds: Point[] = new Array(k);
  const free = new Set(chosen.map((_, i) => i));
  specs.forEach((spec, index) => {
    let best = -1;
    for (const i of free) {
      const c = chosen[i];
      const b = best >= 0 ? chosen[best] : undefined;
      if (c && (!b || distance2(c, spec.anchor) < distance2(b, spec.anchor))) best = i;
    }
    const seed = chosen[best];
    if (seed) seeds[index] = seed;
    free.delete(best);
  });
  return seeds;
}

function cutAt(shape: Shape, specs: readonly PieceSpec[], seeds: readonly Point[]): PieceShape[] {
  const box = shapeBox(shape);
  const scale = Math.cos((((box.minY + box.maxY) / 2) * Math.PI) / 180);
  const margin = Math.max(box.maxX - box.minX, box.maxY - box.minY) + 0.01;
  const delaunay = Delaunay.from(
    seeds,
    (p) => p[0] * scale,
    (p) => p[1],
  );
  const voronoi = delaunay.voronoi([
    (box.minX - margin) * scale,
    box.minY - margin,
    (box.maxX + margin) * scale,
    box.maxY + margin,
  ]);
  return specs.map((spec, index) => {
    const polygon = voronoi.cellPolygon(index);
    const seed = seeds[index];
    if (!polygon || !seed) throw new ClipError('Missing sub-cell');
    const piece = clipByConvex(ccwRing(cellRing(polygon, scale)), shape);
    if (piece.length === 0) throw new ClipError('Empty piece');
    const label = pointInShape(seed, piece) ? seed : pointOnSurface(piece);
    if (!label) throw new ClipError('Piece without interior point');
    return { spec, shape: piece, label };
  });
}
