import { along } from './segment';
import { NO_TAG, type Point, pointKey, type Shape } from './shape';

/**
 * Removes T-junctions along the edges of the commune Voronoi diagram. A vertex that one side
 * creates on a shared Voronoi edge (a piece boundary meeting it, a disc cap cutting it) is not a
 * vertex of the neighbour on the other side; dissolving needs both sides to list the same
 * vertices. Every vertex on a tagged edge is collected per Voronoi edge, and every edge with that
 * tag gets the ones lying between its ends, in order.
 */
export function insertJunctions(
  shapes: readonly Shape[],
  voronoiEdges: ReadonlyArray<readonly [Point, Point]>,
) {
  const onEdge = new Map<number, Map<string, Point>>();
  const note = (tag: number, p: Point) => {
    let points = onEdge.get(tag);
    if (!points) {
      points = new Map();
      onEdge.set(tag, points);
    }
    points.set(pointKey(p), p);
  };
  for (const shape of shapes) {
    for (const poly of shape) {
      for (const ring of poly.rings) {
        const n = ring.points.length;
        for (let i = 0; i < n; i++) {
          const tag = ring.tags[i] ?? NO_TAG;
          const from = ring.points[i];
          const to = ring.points[(i + 1) % n];
          if (tag < 0 || !from || !to) continue;
          note(tag, from);
          note(tag, to);
        }
      }
    }
  }

  const sorted = new Map<number, Array<{ t: number; key: string; p: Point }>>();
  for (const [tag, points] of onEdge) {
    const segment = voronoiEdges[tag];
    if (!segment) continue;
    const list = [...points].map(([key, p]) => ({ t: along(segment[0], segment[1], p), key, p }));
    list.sort((x, y) => x.t - y.t || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
    sorted.set(tag, list);
  }

  for (const shape of shapes) {
    for (const poly of shape) {
      for (const ring of poly.rings) {
        const n = ring.points.length;
        const points: Point[] = [];
        const tags: number[] = [];
        for (let i = 0; i < n; i++) {
          const from = ring.points[i];
          const to = ring.points[(i + 1) % n];
          const tag = ring.tags[i] ?? NO_TAG;
          if (!from || !to) continue;
          points.push(from);
          tags.push(tag);
          const list = tag >= 0 ? sorted.get(tag) : undefined;
          const segment = voronoiEdges[tag];
          if (!list || !segment) continue;
          const tFrom = along(segment[0], segment[1], from);
          const tTo = along(segment[0], segment[1], to);
          const low = Math.min(tFrom, tTo);
          const high = Math.max(tFrom, tTo);
          const fromKey = pointKey(from);
          const toKey = pointKey(to);
          const between = list.filter(
            (x) => x.t >= low && x.t <= high && x.key !== fromKey && x.key !== toKey,
          );
          if (tFrom > tTo) between.reverse();
          for (const x of between) {
            points.push(x.p);
            tags.push(tag);
          }
        }
        ring.points = points;
        ring.tags = tags;
      }
    }
  }
}
