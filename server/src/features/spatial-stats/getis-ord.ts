import { confidenceBins } from './confidence';
import { twoSidedP } from './normal';
import type { SpatialWeights } from './spatial-weights';

export interface GiStarResult {
  /** Gi* z-score of each unit (Gi* is itself a z-score); 0 where undefined (constant variable). */
  z: Float64Array;
  /** Two-sided p-value under the normal approximation. */
  p: Float64Array;
  /** Signed confidence bin: ±3 (99 %), ±2 (95 %), ±1 (90 %), 0 not significant. */
  bin: Int8Array;
}

/**
 * Getis-Ord Gi* (Getis & Ord 1992; Ord & Getis 1995), the form ArcGIS "Hot Spot Analysis" uses:
 *
 *   Gi* = (Σj wij xj − X̄ Σj wij) / (S √[(n Σj wij² − (Σj wij)²) / (n − 1)])
 *
 * with the unit itself included (wii = 1), X̄ the mean and S = √(Σ x² / n − X̄²). The weights are used
 * as given (binary contiguity or distance band, not row-standardised, as ArcGIS recommends for Gi*).
 * Islands (no neighbour) get z = 0, p = 1: the caller reports them.
 * With `fdr`, confidence bins use Benjamini–Hochberg critical p-values instead of 0.10 / 0.05 / 0.01.
 */
export function giStar(
  values: ArrayLike<number>,
  w: SpatialWeights,
  options: { fdr?: boolean } = {},
): GiStarResult {
  const n = w.n;
  if (values.length !== n) throw new RangeError(`values has ${values.length} entries, weights ${n}`);
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i] ?? 0;
    sum += x;
    sumSq += x * x;
  }
  const mean = sum / n;
  const variance = sumSq / n - mean * mean;
  // A constant variable (or rounding noise around one) has no hot or cold spots.
  const s = variance > 1e-12 * Math.max(1, mean * mean) ? Math.sqrt(variance) : 0;
  const z = new Float64Array(n);
  const p = new Float64Array(n).fill(1);
  if (s > 0 && n > 1) {
    const { offsets, neighbours, weights } = w;
    for (let i = 0; i < n; i++) {
      let wx = values[i] ?? 0;
      let wSum = 1;
      let wSq = 1;
      const end = offsets[i + 1] ?? 0;
      // An island's Gi* would be its own standardised value, not a neighbourhood: leave it out (reported).
      if (end === (offsets[i] ?? 0)) continue;
      for (let k = offsets[i] ?? 0; k < end; k++) {
        const wij = weights[k] ?? 0;
        wx += wij * (values[neighbours[k] ?? 0] ?? 0);
        wSum += wij;
        wSq += wij * wij;
      }
      const spread = (n * wSq - wSum * wSum) / (n - 1);
      // Every unit is its own neighbour's neighbour: spread is 0 only when a unit neighbours all others.
      if (spread <= 0) continue;
      const zi = (wx - mean * wSum) / (s * Math.sqrt(spread));
      z[i] = zi;
      p[i] = twoSidedP(zi);
    }
  }
  return { z, p, bin: confidenceBins(z, p, options.fdr ?? false) };
}
