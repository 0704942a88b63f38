import { twoSidedP } from './normal';

export interface MannKendallResult {
  /** S = Σ_{i<j} sign(xj − xi). */
  s: number;
  /** Var(S) with the correction for tied groups. */
  variance: number;
  /** Normal approximation with continuity correction: (S − sign S) / √Var(S). */
  z: number;
  p: number;
  /** Kendall's tau-a: S / (n(n − 1)/2). */
  tau: number;
}

/**
 * Mann–Kendall test for a monotonic trend (Mann 1945; Kendall 1975), the test ArcGIS's emerging hot spot
 * analysis applies to each location's series of Gi* z-scores:
 *   Var(S) = [n(n − 1)(2n + 5) − Σ t(t − 1)(2t + 5)] / 18 over groups of t tied values.
 */
export function mannKendall(series: readonly number[]): MannKendallResult {
  const n = series.length;
  let s = 0;
  for (let i = 0; i < n - 1; i++) {
    const xi = series[i] ?? 0;
    for (let j = i + 1; j < n; j++) s += Math.sign((series[j] ?? 0) - xi);
  }
  const ties = new Map<number, number>();
  for (const x of series) ties.set(x, (ties.get(x) ?? 0) + 1);
  let tieTerm = 0;
  for (const t of ties.values()) tieTerm += t * (t - 1) * (2 * t + 5);
  const variance = (n * (n - 1) * (2 * n + 5) - tieTerm) / 18;
  const z = variance > 0 && s !== 0 ? (s - Math.sign(s)) / Math.sqrt(variance) : 0;
  const pairs = (n * (n - 1)) / 2;
  return { s, variance, z, p: twoSidedP(z), tau: pairs > 0 ? s / pairs : 0 };
}
