import { assemble, cleanRing, NO_TAG, type Point, type Ring, type Shape } from './shape';

/**
 * Union of faces of one planar partition (communes → district, district → province). Because
 * neighbours share their vertices exactly (see segment.ts and junctions.ts), the union is a
 * topological operation: every directed edge whose reverse also appears is interior and
 * disappears; the rest chain into the boundary. Exact, linear time, no tolerance.
 */

interface Edge {
  from: Point;
  to: Point;
  fromId: number;
  toId: number;
  tag: number;
  used: boolean;
}

/**
 * Numbers the distinct vertices of one dissolve (nested maps on the exact coordinates: cheaper
 * than string keys, and exact).
 */
function vertexNumbering(): (p: Point) => number {
  const byX = new Map<number, Map<number, number>>();
  let next = 0;
  return (p) => {
    let byY = byX.get(p[0]);
    if (!byY) {
      byY = new Map();
      byX.set(p[0], byY);
    }
    let id = byY.get(p[1]);
    if (id === undefined) {
      id = next++;
      byY.set(p[1], id);
    }
    return id;
  };
}

/** Vertex ids stay below 2^26, so from · 2^26 + to is an exact number key. */
const SHIFT = 2 ** 26;

/** Union of shapes that tile without overlap and share vertices along common boundaries. */
export function dissolve(shapes: readonly Shape[]): Shape {
  const idOf = vertexNumbering();
  const edges: Edge[] = [];
  const byKey = new Map<number, number>();
  for (const shape of shapes) {
    for (const poly of shape) {
      for (const ring of poly.rings) {
        const n = ring.points.length;
        for (let i = 0; i < n; i++) {
          const from = ring.points[i];
          const to = ring.points[(i + 1) % n];
          if (!from || !to) continue;
          const a = idOf(from);
          const b = idOf(to);
          const twin = byKey.get(b * SHIFT + a);
          if (twin !== undefined) {
            // Shared edge: interior to the union.
            const other = edges[twin];
            if (other) other.used = true;
            byKey.delete(b * SHIFT + a);
            continue;
          }
          byKey.set(a * SHIFT + b, edges.length);
          edges.push({ from, to, fromId: a, toId: b, tag: ring.tags[i] ?? NO_TAG, used: false });
        }
      }
    }
  }

  const outgoing = new Map<number, Edge[]>();
  for (const edge of edges) {
    if (edge.used) continue;
    const list = outgoing.get(edge.fromId);
    if (list) list.push(edge);
    else outgoing.set(edge.fromId, [edge]);
  }

  const rings: Ring[] = [];
  for (const start of edges) {
    if (start.used) continue;
    const points: Point[] = [];
    const tags: number[] = [];
    let edge: Edge = start;
    for (let guard = 0; guard <= edges.length; guard++) {
      edge.used = true;
      points.push(edge.from);
      tags.push(edge.tag);
      const candidates = (outgoing.get(edge.toId) ?? []).filter((e) => !e.used);
      // Back at the start vertex: close here unless another edge is the proper continuation.
      if (edge.toId === start.fromId) candidates.push(start);
      const next = chooseNext(edge, candidates);
      if (!next || next === start) break;
      edge = next;
    }
    const ring = cleanRing({ points, tags });
    if (ring) rings.push(ring);
  }
  return assemble(rings);
}

/**
 * At a vertex where the boundary touches itself (two faces meeting at a point only), take the
 * outgoing edge closest clockwise to the way we came: that keeps each ring simple, so rings
 * meet at a point instead of crossing.
 */
function chooseNext(incoming: Edge, open: readonly Edge[]): Edge | null {
  if (open.length <= 1) return open[0] ?? null;
  const back = Math.atan2(incoming.from[1] - incoming.to[1], incoming.from[0] - incoming.to[0]);
  let best: Edge | null = null;
  let bestTurn = Number.POSITIVE_INFINITY;
  for (const e of open) {
    const out = Math.atan2(e.to[1] - e.from[1], e.to[0] - e.from[0]);
    let turn = back - out;
    while (turn <= 0) turn += 2 * Math.PI;
    while (turn > 2 * Math.PI) turn -= 2 * Math.PI;
    if (turn < bestTurn) {
      bestTurn = turn;
      best = e;
    }
  }
  return best;
}
