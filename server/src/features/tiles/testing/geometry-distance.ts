type Pt = { x: number; y: number };

/**
 * How far apart two encodings of one feature are, in tile units: the larger of the two directed distances
 * from the vertices of one to the outline of the other (a Hausdorff distance on vertices). Two encoders that
 * simplify and snap differently still agree within a few units when they draw the same shape. Only what is
 * drawn counts: vertices inside the tile (the buffer beyond its edge is drawn by the neighbour) of rings of at
 * least `minArea` square units (encoders differ on keeping sub-pixel islets).
 */
export function outlineDistance(
  a: readonly Pt[][],
  b: readonly Pt[][],
  extent: number,
  minArea: number,
): number {
  const drawn = (rings: readonly Pt[][]) => rings.filter((r) => Math.abs(ringArea(r)) >= minArea);
  const [da, db] = [drawn(a), drawn(b)];
  return Math.max(directed(da, db, extent), directed(db, da, extent));
}

function directed(from: readonly Pt[][], to: readonly Pt[][], extent: number): number {
  let worst = 0;
  for (const ring of from) {
    for (const p of ring) {
      if (p.x < 0 || p.y < 0 || p.x > extent || p.y > extent) continue;
      let best = Number.POSITIVE_INFINITY;
      for (const other of to) {
        for (let i = 0; i < other.length; i++) {
          const s = other[i];
          const e = other[(i + 1) % other.length];
          if (s && e) best = Math.min(best, segmentDistance(p, s, e));
        }
      }
      worst = Math.max(worst, best);
    }
  }
  return worst;
}

function segmentDistance(p: Pt, a: Pt, b: Pt): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/** Signed area of a ring in tile units (y down): positive for the clockwise exterior rings MVT requires. */
export function ringArea(ring: readonly Pt[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i];
    const q = ring[(i + 1) % ring.length];
    if (p && q) sum += p.x * q.y - q.x * p.y;
  }
  return sum / 2;
}
