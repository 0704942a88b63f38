/** How values are cut into classes (the dashboard's `method`). */
export type ClassMethod = 'quantile' | 'equal' | 'jenks';

/**
 * Classes of a choropleth as ascending thresholds: a value belongs to the first class whose threshold it does
 * not exceed; values above the last threshold belong to the last class. `k` classes have `k - 1` thresholds;
 * ties in skewed data (many zeros) can merge classes, so fewer may come back.
 */
export interface ClassBreaks {
  min: number;
  max: number;
  thresholds: number[];
}

function sortedFinite(values: readonly number[]): number[] {
  return values.filter(Number.isFinite).sort((a, b) => a - b);
}

function unique(sortedThresholds: number[], max: number): number[] {
  const out: number[] = [];
  for (const t of sortedThresholds) {
    if (t >= max) continue;
    if (out.length === 0 || t > (out[out.length - 1] ?? Number.NEGATIVE_INFINITY)) out.push(t);
  }
  return out;
}

/** Each class holds about the same number of units. */
export function quantileBreaks(values: readonly number[], k: number): ClassBreaks | null {
  const s = sortedFinite(values);
  const min = s[0];
  const max = s[s.length - 1];
  if (min === undefined || max === undefined) return null;
  const t: number[] = [];
  for (let i = 1; i < k; i++) {
    const v = s[Math.min(s.length - 1, Math.floor((s.length * i) / k) - 1)];
    if (v !== undefined) t.push(v);
  }
  return { min, max, thresholds: unique(t, max) };
}

/** Classes of equal width between the smallest and largest value. */
export function equalIntervalBreaks(values: readonly number[], k: number): ClassBreaks | null {
  const s = sortedFinite(values);
  const min = s[0];
  const max = s[s.length - 1];
  if (min === undefined || max === undefined) return null;
  const t: number[] = [];
  for (let i = 1; i < k; i++) t.push(min + ((max - min) * i) / k);
  return { min, max, thresholds: unique(t, max) };
}

/** Largest sample Fisher–Jenks runs on: its cost grows with n², and 10,000 communes would take seconds. */
const JENKS_SAMPLE = 1000;

/**
 * Natural breaks (Fisher–Jenks): classes that minimise the squared deviation inside each class. Above
 * {@link JENKS_SAMPLE} values it runs on evenly spaced order statistics, which keeps the shape of the
 * distribution and the result within a fraction of a class of the full computation.
 */
export function jenksBreaks(values: readonly number[], k: number): ClassBreaks | null {
  const all = sortedFinite(values);
  const min = all[0];
  const max = all[all.length - 1];
  if (min === undefined || max === undefined) return null;
  let s = all;
  if (all.length > JENKS_SAMPLE) {
    s = [];
    for (let i = 0; i < JENKS_SAMPLE; i++) {
      s.push(all[Math.round((i * (all.length - 1)) / (JENKS_SAMPLE - 1))] ?? max);
    }
  }
  const n = s.length;
  const classes = Math.min(k, n);
  if (classes < 2) return { min, max, thresholds: [] };
  // lower[i][j]: index (1-based) where class j starts in the best split of the first i values.
  const lower: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(classes + 1).fill(0));
  const variance: number[][] = Array.from({ length: n + 1 }, () =>
    new Array<number>(classes + 1).fill(Number.POSITIVE_INFINITY),
  );
  for (let j = 1; j <= classes; j++) {
    const l1 = lower[1];
    const v1 = variance[1];
    if (l1) l1[j] = 1;
    if (v1) v1[j] = 0;
  }
  for (let l = 2; l <= n; l++) {
    let sum = 0;
    let sumSq = 0;
    let w = 0;
    let ssd = 0;
    const lowerL = lower[l] ?? [];
    const varL = variance[l] ?? [];
    for (let m = 1; m <= l; m++) {
      const i3 = l - m + 1;
      const val = s[i3 - 1] ?? 0;
      w++;
      sum += val;
      sumSq += val * val;
      ssd = sumSq - (sum * sum) / w;
      const i4 = i3 - 1;
      if (i4 !== 0) {
        const varI4 = variance[i4] ?? [];
        for (let j = 2; j <= classes; j++) {
          const candidate = ssd + (varI4[j - 1] ?? Number.POSITIVE_INFINITY);
          if ((varL[j] ?? Number.POSITIVE_INFINITY) >= candidate) {
            lowerL[j] = i3;
            varL[j] = candidate;
          }
        }
      }
    }
    lowerL[1] = 1;
    varL[1] = ssd;
  }
  const t: number[] = [];
  let kIdx = n;
  for (let j = classes; j >= 2; j--) {
    const start = (lower[kIdx]?.[j] ?? 1) - 1;
    // Threshold: the last value of the class below.
    const v = s[start - 1];
    if (v !== undefined) t.unshift(v);
    kIdx = start;
  }
  return { min, max, thresholds: unique(t, max) };
}

export function classBreaks(values: readonly number[], method: ClassMethod, k: number): ClassBreaks | null {
  if (method === 'equal') return equalIntervalBreaks(values, k);
  if (method === 'jenks') return jenksBreaks(values, k);
  return quantileBreaks(values, k);
}

/** Class index (0-based) of a value. */
export function classOf(value: number, breaks: ClassBreaks): number {
  let i = 0;
  while (i < breaks.thresholds.length && value > (breaks.thresholds[i] ?? Number.POSITIVE_INFINITY)) i++;
  return i;
}

/** Lower and upper bound of each class, for the legend. */
export function classRanges(breaks: ClassBreaks): [number, number][] {
  const bounds = [breaks.min, ...breaks.thresholds, breaks.max];
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < bounds.length; i++) out.push([bounds[i] ?? 0, bounds[i + 1] ?? 0]);
  return out;
}
