import { fdrCriticalP } from './fdr';

/** Confidence levels of hot and cold spots, as in ArcGIS's Gi_Bin: ±3 = 99 %, ±2 = 95 %, ±1 = 90 %. */
export const CONFIDENCE_LEVELS = [
  { bin: 3, alpha: 0.01 },
  { bin: 2, alpha: 0.05 },
  { bin: 1, alpha: 0.1 },
] as const;

/**
 * Signed confidence bin of each test from its z-score and two-sided p-value: sign of z times the highest
 * level whose (possibly FDR-lowered) critical p it meets; 0 = not significant. A z of 0 is never a spot.
 */
export function confidenceBins(z: ArrayLike<number>, p: ArrayLike<number>, fdr: boolean): Int8Array {
  const critical = CONFIDENCE_LEVELS.map((l) => ({
    bin: l.bin,
    p: fdr ? fdrCriticalP(p, l.alpha) : l.alpha,
  }));
  const bins = new Int8Array(z.length);
  for (let i = 0; i < z.length; i++) {
    const zi = z[i] ?? 0;
    const pi = p[i] ?? 1;
    if (zi === 0 || !Number.isFinite(zi)) continue;
    const level = critical.find((c) => pi <= c.p && c.p > 0);
    if (level) bins[i] = Math.sign(zi) * level.bin;
  }
  return bins;
}
