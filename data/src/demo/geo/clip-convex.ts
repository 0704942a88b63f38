import { CHUNK, overlaps, ringIndex } from './ring-index';
import { along, crossing, leftOf, straddles } from './segment';
import {
  assemble,
  cleanRing,
  NO_TAG,
  type Point,
  pointInShape,
  type Ring,
  ringBox,
  type Shape,
} from './shape';

/**
 * Intersection of any polygon set with a convex polygon (Weiler–Atherton specialised to a
 * convex clipper). Every cut of the pipeline has a convex side — Voronoi cells, discs — so this
 * one routine does all the clipping, fast and with canonical arithmetic: two cells that share an
 * edge produce bit-identical vertices along it. Output edges keep the tags of the input edge
 * they lie on (subject edges inside, clipper edges along the clipper's boundary).
 */

interface Crossing {
  point: Point;
  /** Position along the clipper boundary: edge index + fraction. */
  position: number;
  edge: number;
  entry: boolean;
  chain: number;
}

/** A run of the subject's boundary inside the clipper, from an entry to an exit crossing. */
interface Chain {
  points: Point[];
  tags: number[];
}

/** Thrown when floating-point noise makes the crossings inconsistent (should never happen). */
export class ClipError extends Error {}

/** subject ∩ clipper. The clipper must be convex and counter-clockwise. */
export function clipByConvex(clipper: Ring, subject: Shape): Shape {
  const c = clipper.points;
  const m = c.length;
  const box = ringBox(c);
  const inside = (p: Point): boolean => {
    if (p[0] < box.minX || p[0] > box.maxX || p[1] < box.minY || p[1] > box.maxY) return false;
    for (let k = 0; k < m; k++) {
      const a = c[k];
      const b = c[(k + 1) % m];
      if (a && b && !leftOf(a, b, p)) return false;
    }
    return true;
  };

  const chains: Chain[] = [];
  const crossings: Crossing[] = [];
  const whole: Ring[] = [];

  for (const poly of subject) {
    for (const ring of poly.rings) {
      const index = ringIndex(ring.points);
      if (!overlaps(index.box, box)) continue;
      const pts = ring.points;
      const n = pts.length;
      const flags = new Uint8Array(n);
      const active = new Uint8Array(index.chunks.length);
      index.chunks.forEach((chunkBox, chunk) => {
        if (!overlaps(chunkBox, box)) return;
        active[chunk] = 1;
        const end = Math.min(n, (chunk + 1) * CHUNK);
        for (let i = chunk * CHUNK; i < end; i++) {
          const p = pts[i];
          if (p && inside(p)) flags[i] = 1;
        }
      });
      // Only inside vertices and crossings matter for the chains; outside vertices are skipped.
      type Event = { vertex: number } | { crossing: Crossing; edge: number };
      const events: Event[] = [];
      let crossed = 0;
      for (let i = 0; i < n; i++) {
        // A chunk box covers its edges (including the edge to the next chunk's first vertex).
        if (!active[Math.floor(i / CHUNK)]) {
          i = Math.min(n, (Math.floor(i / CHUNK) + 1) * CHUNK) - 1;
          continue;
        }
        const next = (i + 1) % n;
        if (flags[i]) events.push({ vertex: i });
        if (flags[i] && flags[next]) continue;
        const p = pts[i];
        const q = pts[next];
        if (!p || !q) continue;
        if (
          Math.max(p[0], q[0]) < box.minX ||
          Math.min(p[0], q[0]) > box.maxX ||
          Math.max(p[1], q[1]) < box.minY ||
          Math.min(p[1], q[1]) > box.maxY
        ) {
          continue;
        }
        const found: Array<{ s: number; crossing: Crossing }> = [];
        for (let k = 0; k < m; k++) {
          const a = c[k];
          const b = c[(k + 1) % m];
          if (!a || !b) continue;
          if (leftOf(a, b, p) === leftOf(a, b, q) || !straddles(p, q, a, b)) continue;
          const point = crossing(p, q, a, b);
          const u = Math.min(Math.max(along(a, b, point), 0), 1 - 1e-12);
          found.push({
            s: along(p, q, point),
            crossing: { point, position: k + u, edge: k, entry: false, chain: -1 },
          });
        }
        if (found.length === 0 && flags[i] === flags[next]) continue;
        found.sort((x, y) => x.s - y.s);
        let state = flags[i] === 1;
        for (const f of found) {
          f.crossing.entry = !state;
          state = !state;
          events.push({ crossing: f.crossing, edge: i });
          crossed += 1;
        }
        if (state !== (flags[next] === 1)) throw new ClipError('Inconsistent crossing parity');
      }
      if (crossed === 0) {
        if (flags.some((f) => f !== flags[0]))
          throw new ClipError('Ring both inside and outside without crossing');
        if (flags[0]) whole.push(ring);
        continue;
      }
      const start = events.findIndex((e) => 'crossing' in e && e.crossing.entry);
      let current: Chain | null = null;
      for (let step = 0; step < events.length; step++) {
        const event = events[(start + step) % events.length];
        if (!event) continue;
        if ('crossing' in event) {
          const x = event.crossing;
          if (x.entry) {
            x.chain = chains.length;
            current = { points: [x.point], tags: [ring.tags[event.edge] ?? NO_TAG] };
            chains.push(current);
          } else {
            if (!current) throw new ClipError('Exit without entry');
            x.chain = chains.length - 1;
            current.points.push(x.point);
            current.tags.push(clipper.tags[x.edge] ?? NO_TAG);
            current = null;
          }
          crossings.push(x);
        } else if (current) {
          const p = pts[event.vertex];
          if (p) {
            current.points.push(p);
            current.tags.push(ring.tags[event.vertex] ?? NO_TAG);
          }
        }
      }
    }
  }

  const rings: Ring[] = [...whole];
  if (chains.length === 0) {
    // No boundary crossing: the clipper's boundary is wholly inside the subject or wholly
    // outside it, and one vertex tells which (its interior point would not: the subject may lie
    // wholly inside the clipper).
    const probe = c[0];
    if (probe && pointInShape(probe, subject)) rings.push({ points: c.slice(), tags: clipper.tags.slice() });
    return finish(rings);
  }

  crossings.sort((a, b) => a.position - b.position || Number(a.entry) - Number(b.entry));
  const nextEntry = new Map<number, { entryChain: number; via: Point[]; viaTags: number[] }>();
  crossings.forEach((x, index) => {
    if (x.entry) return;
    const next = crossings[(index + 1) % crossings.length];
    if (!next?.entry) throw new ClipError('Clipper boundary events do not alternate');
    let count = (next.edge - x.edge + m) % m;
    if (count === 0 && next.position < x.position) count = m;
    const via: Point[] = [];
    const viaTags: number[] = [];
    for (let j = 1; j <= count; j++) {
      const k = (x.edge + j) % m;
      const p = c[k];
      if (p) {
        via.push(p);
        viaTags.push(clipper.tags[k] ?? NO_TAG);
      }
    }
    nextEntry.set(x.chain, { entryChain: next.chain, via, viaTags });
  });

  const used = new Set<number>();
  for (let first = 0; first < chains.length; first++) {
    if (used.has(first)) continue;
    const points: Point[] = [];
    const tags: number[] = [];
    let index = first;
    let guard = 0;
    while (!used.has(index)) {
      used.add(index);
      const chain = chains[index];
      const link = nextEntry.get(index);
      if (!chain || !link) throw new ClipError('Open chain while linking');
      points.push(...chain.points);
      tags.push(...chain.tags);
      points.push(...link.via);
      tags.push(...link.viaTags);
      index = link.entryChain;
      if (++guard > chains.length) throw new ClipError('Chain linking loops');
    }
    if (index !== first) throw new ClipError('Chains do not close into a ring');
    rings.push({ points, tags });
  }
  return finish(rings);
}

function finish(rings: Ring[]): Shape {
  const cleaned: Ring[] = [];
  for (const ring of rings) {
    const r = cleanRing(ring);
    if (r) cleaned.push(r);
  }
  return assemble(cleaned);
}
