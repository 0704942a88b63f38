import { seededInts } from '../../lib/seeded-random';
import type { SpatialWeights } from './spatial-weights';

/** LISA cluster quadrant of a significant unit (Anselin 1995). */
export type MoranQuadrant = 'HH' | 'LL' | 'HL' | 'LH';

export interface LocalMoranOptions {
  /** Conditional permutations per unit (default 999, the GeoDa and PySAL default). */
  permutations?: number;
  seed?: number;
  /** Significance level of the pseudo p-value for a cluster label (default 0.05). */
  alpha?: number;
}

export interface LocalMoranResult {
  /** Local Moran's Ii; 0 for islands. */
  i: Float64Array;
  /** Spatial lag of the deviations: Σj wij zj with row-standardised weights. */
  lag: Float64Array;
  /** Folded pseudo p-value (M + 1) / (R + 1), in [1 / (R + 1), 1]; 1 for islands. */
  p: Float64Array;
  /** Quadrant of each unit where p ≤ alpha, otherwise null. */
  cluster: Array<MoranQuadrant | null>;
  permutations: number;
  seed: number;
}

/**
 * Local Moran's I (Anselin 1995, "Local indicators of spatial association — LISA"):
 *
 *   Ii = (zi / m2) Σj wij zj,   zi = xi − x̄,   m2 = Σ zi² / n,
 *
 * with row-standardised weights, so the mean of the Ii equals the global Moran's I. Inference by
 * conditional randomisation: xi stays put and its |Ni| neighbour values are drawn without replacement from
 * the other n − 1 units. As in PySAL's esda (crand), one seeded table of R random index sets is drawn once
 * and reused for every unit, which makes 999 permutations of 10,000 units a fraction of a second.
 */
export function localMoran(
  values: ArrayLike<number>,
  w: SpatialWeights,
  options: LocalMoranOptions = {},
): LocalMoranResult {
  const n = w.n;
  if (values.length !== n) throw new RangeError(`values has ${values.length} entries, weights ${n}`);
  const permutations = options.permutations ?? 999;
  const seed = options.seed ?? 12345;
  const alpha = options.alpha ?? 0.05;
  if (!Number.isInteger(permutations) || permutations < 1)
    throw new RangeError('permutations must be a positive integer');

  const z = new Float64Array(n);
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i] ?? 0;
  mean /= n;
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    z[i] = (values[i] ?? 0) - mean;
    m2 += (z[i] ?? 0) ** 2;
  }
  m2 /= n;

  const { offsets, neighbours, weights } = w;
  const lag = new Float64Array(n);
  const localI = new Float64Array(n);
  const p = new Float64Array(n).fill(1);
  const cluster: Array<MoranQuadrant | null> = new Array(n).fill(null);
  if (m2 <= 0 || n < 2) return { i: localI, lag, p, cluster, permutations, seed };

  let maxCard = 0;
  for (let i = 0; i < n; i++) maxCard = Math.max(maxCard, (offsets[i + 1] ?? 0) - (offsets[i] ?? 0));
  maxCard = Math.min(maxCard, n - 1);
  // R rows of maxCard distinct indices into the n − 1 units other than the one being tested.
  const table = permutationTable(n - 1, maxCard, permutations, seed);

  for (let i = 0; i < n; i++) {
    const start = offsets[i] ?? 0;
    const card = Math.min((offsets[i + 1] ?? 0) - start, maxCard);
    if (card === 0) continue;
    let rowSum = 0;
    for (let k = start; k < start + card; k++) rowSum += weights[k] ?? 0;
    if (rowSum <= 0) continue;
    let lagI = 0;
    for (let k = start; k < start + card; k++)
      lagI += ((weights[k] ?? 0) / rowSum) * (z[neighbours[k] ?? 0] ?? 0);
    const zi = z[i] ?? 0;
    const observed = (zi / m2) * lagI;
    lag[i] = lagI;
    localI[i] = observed;

    let larger = 0;
    const scale = zi / m2;
    for (let r = 0; r < permutations; r++) {
      const row = r * maxCard;
      let simLag = 0;
      for (let k = 0; k < card; k++) {
        let j = table[row + k] ?? 0;
        // Indices count the n − 1 other units: skip unit i itself.
        if (j >= i) j++;
        simLag += ((weights[start + k] ?? 0) / rowSum) * (z[j] ?? 0);
      }
      if (scale * simLag >= observed) larger++;
    }
    // Folded: count the tail the observed value lies in (PySAL's convention).
    if (permutations - larger < larger) larger = permutations - larger;
    const pi = (larger + 1) / (permutations + 1);
    p[i] = pi;
    if (pi <= alpha && zi !== 0 && lagI !== 0) cluster[i] = quadrant(zi, lagI);
  }
  return { i: localI, lag, p, cluster, permutations, seed };
}

const quadrant = (zi: number, lagI: number): MoranQuadrant =>
  zi > 0 ? (lagI > 0 ? 'HH' : 'HL') : lagI > 0 ? 'LH' : 'LL';

/** Global Moran's I with row-standardised weights: Σi zi (Wz)i / Σi zi² (Moran 1950; S0 = n). */
export function globalMoran(values: ArrayLike<number>, w: SpatialWeights): number {
  const n = w.n;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i] ?? 0;
  mean /= n;
  let num = 0;
  let den = 0;
  let s0 = 0;
  for (let i = 0; i < n; i++) {
    const zi = (values[i] ?? 0) - mean;
    den += zi * zi;
    let rowSum = 0;
    for (let k = w.offsets[i] ?? 0; k < (w.offsets[i + 1] ?? 0); k++) rowSum += w.weights[k] ?? 0;
    if (rowSum <= 0) continue;
    s0 += 1;
    for (let k = w.offsets[i] ?? 0; k < (w.offsets[i + 1] ?? 0); k++) {
      num += ((w.weights[k] ?? 0) / rowSum) * zi * ((values[w.neighbours[k] ?? 0] ?? 0) - mean);
    }
  }
  return den > 0 && s0 > 0 ? (n / s0) * (num / den) : 0;
}

/** `rows` partial Fisher–Yates shuffles of 0 … size − 1, each keeping its first `width` entries. */
function permutationTable(size: number, width: number, rows: number, seed: number): Int32Array {
  const next = seededInts(seed);
  const table = new Int32Array(rows * width);
  const deck = new Int32Array(size);
  for (let k = 0; k < size; k++) deck[k] = k;
  for (let r = 0; r < rows; r++) {
    for (let k = 0; k < width; k++) {
      const pick = k + next(size - k);
      const tmp = deck[k] ?? 0;
      deck[k] = deck[pick] ?? 0;
      deck[pick] = tmp;
      table[r * width + k] = deck[k] ?? 0;
    }
  }
  return table;
}
