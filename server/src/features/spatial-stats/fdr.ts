/**
 * Benjamini–Hochberg false-discovery-rate control (Benjamini & Hochberg 1995), as ArcGIS applies it to
 * hot spot analysis: sort the p-values, find the largest rank k with p(k) ≤ k·α / m, and call every test
 * with p ≤ p(k) significant. Returns that critical p-value, or 0 when nothing is significant.
 */
export function fdrCriticalP(pValues: ArrayLike<number>, alpha: number): number {
  const sorted = Float64Array.from(pValues).sort();
  const m = sorted.length;
  let critical = 0;
  for (let k = 1; k <= m; k++) {
    const p = sorted[k - 1] ?? 1;
    if (p <= (k * alpha) / m) critical = p;
  }
  return critical;
}
