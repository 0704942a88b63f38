/**
 * A spatial weights matrix in compressed sparse rows: the neighbours of unit i are
 * `neighbours[offsets[i] … offsets[i + 1])` with weights `weights[…]` in the same places. Units are
 * positions 0 … n − 1; callers keep the mapping to unit ids or codes. Self-pairs are never stored:
 * Gi* adds the unit itself, local Moran's I excludes it by definition.
 */
export interface SpatialWeights {
  readonly n: number;
  readonly offsets: Int32Array;
  readonly neighbours: Int32Array;
  readonly weights: Float64Array;
}

/** Builds the matrix from pairs (i, j, w); both directions must be listed for a symmetric matrix. */
export function weightsFromPairs(
  n: number,
  pairs: Iterable<readonly [number, number, number]>,
): SpatialWeights {
  const rows: Array<Array<[number, number]>> = Array.from({ length: n }, () => []);
  for (const [i, j, w] of pairs) {
    if (i === j) continue;
    const row = rows[i];
    if (!row || j < 0 || j >= n) throw new RangeError(`pair (${i}, ${j}) outside 0…${n - 1}`);
    row.push([j, w]);
  }
  const offsets = new Int32Array(n + 1);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const row = rows[i] ?? [];
    row.sort((a, b) => a[0] - b[0]);
    total += row.length;
    offsets[i + 1] = total;
  }
  const neighbours = new Int32Array(total);
  const weights = new Float64Array(total);
  let k = 0;
  for (const row of rows) {
    for (const [j, w] of row) {
      neighbours[k] = j;
      weights[k] = w;
      k++;
    }
  }
  return { n, offsets, neighbours, weights };
}

/**
 * Binary symmetric weights from pairs listed once (i, j), i ≠ j, straight into the compressed rows: no
 * per-pair objects, so a national 30 km band (145,000 entries) is built in milliseconds.
 */
export function binaryWeightsFromPairs(
  n: number,
  pairs: readonly (readonly [number, number])[],
): SpatialWeights {
  const offsets = new Int32Array(n + 1);
  for (const [i, j] of pairs) {
    if (i < 0 || j < 0 || i >= n || j >= n || i === j)
      throw new RangeError(`pair (${i}, ${j}) outside 0…${n - 1}`);
    offsets[i + 1] = (offsets[i + 1] ?? 0) + 1;
    offsets[j + 1] = (offsets[j + 1] ?? 0) + 1;
  }
  for (let i = 0; i < n; i++) offsets[i + 1] = (offsets[i + 1] ?? 0) + (offsets[i] ?? 0);
  const neighbours = new Int32Array(offsets[n] ?? 0);
  const fill = offsets.slice(0, n);
  for (const [i, j] of pairs) {
    neighbours[fill[i] ?? 0] = j;
    fill[i] = (fill[i] ?? 0) + 1;
    neighbours[fill[j] ?? 0] = i;
    fill[j] = (fill[j] ?? 0) + 1;
  }
  for (let i = 0; i < n; i++) neighbours.subarray(offsets[i], offsets[i + 1]).sort();
  return { n, offsets, neighbours, weights: new Float64Array(neighbours.length).fill(1) };
}

/** Number of neighbours of unit i. */
export const cardinality = (w: SpatialWeights, i: number): number =>
  (w.offsets[i + 1] ?? 0) - (w.offsets[i] ?? 0);

/** Units with no neighbour: their local statistics are undefined and reported as islands. */
export function islandsOf(w: SpatialWeights): number[] {
  const out: number[] = [];
  for (let i = 0; i < w.n; i++) if (cardinality(w, i) === 0) out.push(i);
  return out;
}

/** True when w_ij = w_ji for every pair (contiguity and distance bands are symmetric by construction). */
export function isSymmetric(w: SpatialWeights, tolerance = 1e-12): boolean {
  const lookup = new Map<number, number>();
  for (let i = 0; i < w.n; i++) {
    for (let k = w.offsets[i] ?? 0; k < (w.offsets[i + 1] ?? 0); k++) {
      lookup.set(i * w.n + (w.neighbours[k] ?? 0), w.weights[k] ?? 0);
    }
  }
  for (const [key, value] of lookup) {
    const i = Math.floor(key / w.n);
    const j = key % w.n;
    const back = lookup.get(j * w.n + i);
    if (back === undefined || Math.abs(back - value) > tolerance) return false;
  }
  return true;
}

/**
 * The matrix restricted to some units (a province out of the nation's weights): neighbours outside the
 * subset are dropped, so the study area is the subset. `keep` lists positions in the full matrix; the
 * result uses positions in `keep`.
 */
export function subsetWeights(w: SpatialWeights, keep: readonly number[]): SpatialWeights {
  // The whole matrix in its own order (a national study area): nothing to cut.
  if (keep.length === w.n && keep.every((full, i) => full === i)) return w;
  const position = new Map<number, number>();
  keep.forEach((full, i) => {
    position.set(full, i);
  });
  const pairs: Array<[number, number, number]> = [];
  keep.forEach((full, i) => {
    for (let k = w.offsets[full] ?? 0; k < (w.offsets[full + 1] ?? 0); k++) {
      const j = position.get(w.neighbours[k] ?? -1);
      if (j !== undefined) pairs.push([i, j, w.weights[k] ?? 0]);
    }
  });
  return weightsFromPairs(keep.length, pairs);
}
