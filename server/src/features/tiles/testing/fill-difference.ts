type Pt = { x: number; y: number };

/**
 * How differently two encodings of one polygon feature fill a tile, as a mean boundary displacement in tile
 * units: the area filled by one and not the other (non-zero winding, as MapLibre fills overlapping parts),
 * divided by the mean length of their outlines. Two encoders that simplify, snap and repair differently
 * differ by a unit or two this way; a slid or missing part shows as much more. Zero-width spikes and
 * slivers, which validity repair may cut off, fill nothing and so do not count. Only the tile itself is
 * compared, not its buffer.
 */
export function meanDisplacement(a: readonly Pt[][], b: readonly Pt[][], extent: number): number {
  const box = clampBox(union(bbox(a), bbox(b)), extent);
  if (!box) return 0;
  const cell = cellFor(box);
  const [fa, fb] = [rasterize(a, box, cell), rasterize(b, box, cell)];
  let xor = 0;
  for (let i = 0; i < fa.length; i++) if (fa[i] !== fb[i]) xor++;
  const perimeter = (outlineLength(a, extent) + outlineLength(b, extent)) / 2;
  return perimeter === 0 ? 0 : (xor * cell * cell) / perimeter;
}

/** Area a feature fills inside the tile, in square tile units (to within a cell along its outline). */
export function filledArea(rings: readonly Pt[][], extent: number): number {
  const box = clampBox(bbox(rings), extent);
  if (!box) return 0;
  const cell = cellFor(box);
  let cells = 0;
  for (const v of rasterize(rings, box, cell)) cells += v;
  return cells * cell * cell;
}

type Box = [number, number, number, number];

/**
 * Raster cell size: at most 128 × 128 cells a feature. Both encodings share the grid, so cells flip only
 * where outlines differ and the XOR area stays an unbiased estimate of the area between them.
 */
const cellFor = ([x0, y0, x1, y1]: Box) => Math.max(1, Math.ceil(Math.max(x1 - x0, y1 - y0) / 128));

function bbox(rings: readonly Pt[][]): Box {
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of rings.flat()) {
    box[0] = Math.min(box[0], p.x);
    box[1] = Math.min(box[1], p.y);
    box[2] = Math.max(box[2], p.x);
    box[3] = Math.max(box[3], p.y);
  }
  return box;
}

const union = (a: Box, b: Box): Box => [
  Math.min(a[0], b[0]),
  Math.min(a[1], b[1]),
  Math.max(a[2], b[2]),
  Math.max(a[3], b[3]),
];

function clampBox([x0, y0, x1, y1]: Box, extent: number): Box | null {
  const box: Box = [Math.max(0, x0), Math.max(0, y0), Math.min(extent, x1), Math.min(extent, y1)];
  return box[0] < box[2] && box[1] < box[3] ? box : null;
}

/** Cells of `box` whose centres the rings fill under the non-zero winding rule, row by row. */
function rasterize(rings: readonly Pt[][], [x0, y0, x1, y1]: Box, cell: number): Uint8Array {
  const cols = Math.ceil((x1 - x0) / cell);
  const rows = Math.ceil((y1 - y0) / cell);
  const filled = new Uint8Array(cols * rows);
  for (let r = 0; r < rows; r++) {
    const y = y0 + (r + 0.5) * cell;
    const crossings: { x: number; dir: number }[] = [];
    for (const ring of rings) {
      for (let i = 0; i < ring.length; i++) {
        const p = ring[i];
        const q = ring[(i + 1) % ring.length];
        if (!p || !q || p.y === q.y) continue;
        if ((y >= p.y && y < q.y) || (y >= q.y && y < p.y)) {
          crossings.push({ x: p.x + ((y - p.y) / (q.y - p.y)) * (q.x - p.x), dir: q.y > p.y ? 1 : -1 });
        }
      }
    }
    crossings.sort((m, n) => m.x - n.x);
    let winding = 0;
    for (let k = 0; k < crossings.length - 1; k++) {
      const c = crossings[k];
      const next = crossings[k + 1];
      if (!c || !next) continue;
      winding += c.dir;
      if (winding === 0) continue;
      const from = Math.max(0, Math.ceil((c.x - x0) / cell - 0.5));
      const to = Math.min(cols - 1, Math.floor((next.x - x0) / cell - 0.5));
      for (let col = from; col <= to; col++) filled[r * cols + col] = 1;
    }
  }
  return filled;
}

/** Length of the outline inside the tile (edges along or beyond the tile edge are clipping, not boundary). */
function outlineLength(rings: readonly Pt[][], extent: number): number {
  let length = 0;
  const inside = (p: Pt) => p.x > 0 && p.x < extent && p.y > 0 && p.y < extent;
  for (const ring of rings) {
    for (let i = 0; i < ring.length; i++) {
      const p = ring[i];
      const q = ring[(i + 1) % ring.length];
      if (p && q && (inside(p) || inside(q))) length += Math.hypot(q.x - p.x, q.y - p.y);
    }
  }
  return length;
}
