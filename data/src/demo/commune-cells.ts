import { Delaunay } from 'd3-delaunay';
import { clipByConvex } from './geo/clip-convex';
import { pointOnSurface } from './geo/interior';
import { areaKm2, disc, distanceKm } from './geo/measure';
import { NO_TAG, type Point, pointInShape, pointKey, pointLess, type Ring, type Shape } from './geo/shape';
import { cellRing } from './geo/voronoi-cell';
import type { CommunePoint } from './inputs';

/**
 * Synthetic boundaries of the 3,321 current communes: the Voronoi diagram of their real
 * representative points, clipped to Vietnam's land outline. Communes whose point lies off the
 * outline (islands, coast the 1:10m outline smooths away) get their cell ∩ a disc instead, and no
 * coastal or border commune may exceed CAP_FACTOR × its real area (a disc cap), so cells that
 * meet no neighbour on one side stay plausible.
 */

/** Largest allowed synthetic area of a coastal or border commune, as a multiple of its real area. */
export const CAP_FACTOR = 3;

/** The synthetic territory of one current commune. */
export interface CommuneCell {
  code: string;
  shape: Shape;
  label: Point;
  /** The reference point lies off the land outline: cell ∩ disc. */
  offshore: boolean;
  /** The land cell was larger than CAP_FACTOR × real area and was cut by a disc. */
  capped: boolean;
}

/** All commune cells and the Voronoi edges their tags refer to. */
export interface CommuneLayout {
  cells: Map<string, CommuneCell>;
  /** Voronoi edges by tag, endpoints in canonical order. */
  voronoiEdges: Array<[Point, Point]>;
}

/** Longitude scale making Voronoi distances roughly isotropic in Vietnam's latitudes. */
const LON_SCALE = Math.cos((16 * Math.PI) / 180);

/** Vertices of a 48-gon lie on the circle; enlarging by this covers the circle itself. */
const POLYGON_COVER = 1 / Math.cos(Math.PI / 48) ** 2;

/** Lays out every commune; deterministic (no randomness involved). */
export function layoutCommunes(points: readonly CommunePoint[], land: Shape): CommuneLayout {
  const delaunay = Delaunay.from(
    points,
    (p) => p.point[0] * LON_SCALE,
    (p) => p.point[1],
  );
  const voronoi = delaunay.voronoi([95 * LON_SCALE, 3, 120 * LON_SCALE, 28]);
  const edgeIds = new Map<string, number>();
  const voronoiEdges: Array<[Point, Point]> = [];
  const cells = new Map<string, CommuneCell>();

  points.forEach((commune, index) => {
    const polygon = voronoi.cellPolygon(index);
    if (!polygon) throw new Error(`No Voronoi cell for commune ${commune.code}`);
    const cell = tagCell(polygon, edgeIds, voronoiEdges);
    const cellShape: Shape = [{ rings: [cell] }];
    const landPart = clipByConvex(cell, land);
    const offshore = !pointInShape(commune.point, land);
    let shape: Shape;
    let capped = false;
    if (offshore) {
      // Cover the cell's land part when that stays within the cap; otherwise the capped disc.
      let reach = 0;
      for (const poly of landPart) {
        for (const p of poly.rings[0]?.points ?? []) reach = Math.max(reach, distanceKm(commune.point, p));
      }
      const wanted = Math.PI * reach * reach * POLYGON_COVER;
      const discArea = Math.min(CAP_FACTOR * commune.areaKm2, Math.max(commune.areaKm2, wanted));
      capped = wanted > discArea;
      shape = clipByConvex(disc(commune.point, discArea), cellShape);
    } else {
      shape = landPart;
      // Only cells reaching the coast or the border can swell: inland cells are bounded by
      // neighbours, and cutting them would leave holes inside provinces.
      const reachesOutline = shape.some((poly) => poly.rings.some((ring) => ring.tags.includes(NO_TAG)));
      if (reachesOutline && areaKm2(shape) > CAP_FACTOR * commune.areaKm2) {
        shape = clipByConvex(disc(commune.point, CAP_FACTOR * commune.areaKm2), shape);
        capped = true;
      }
    }
    if (shape.length === 0) throw new Error(`Commune ${commune.code} has an empty cell`);
    const label = pointInShape(commune.point, shape) ? commune.point : pointOnSurface(shape);
    if (!label) throw new Error(`Commune ${commune.code} has no interior point`);
    cells.set(commune.code, { code: commune.code, shape, label, offshore, capped });
  });
  return { cells, voronoiEdges };
}

/** The cell as a counter-clockwise ring in lon/lat whose edges carry Voronoi edge ids. */
function tagCell(
  polygon: ArrayLike<ArrayLike<number>>,
  edgeIds: Map<string, number>,
  edges: Array<[Point, Point]>,
) {
  const points = cellRing(polygon, LON_SCALE);
  const ring: Ring = { points, tags: [] };
  ring.tags = ring.points.map((a, i) => {
    const b = ring.points[(i + 1) % ring.points.length];
    if (!b) return NO_TAG;
    const [lo, hi] = pointLess(a, b) ? [a, b] : [b, a];
    const key = `${pointKey(lo)}|${pointKey(hi)}`;
    let id = edgeIds.get(key);
    if (id === undefined) {
      id = edges.length;
      edgeIds.set(key, id);
      edges.push([lo, hi]);
    }
    return id;
  });
  return ring;
}
