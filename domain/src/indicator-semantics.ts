/**
 * What an indicator's numbers mean and how they combine (chỉ số: something measured).
 * - Kind: a stock is a level counted at a date (người nghiện đang quản lý); a flow arises over a period
 *   (số vụ phát hiện trong kỳ); a computed one is a formula over others (a rate).
 * - Over time, quarters combine into a longer period by the time rule: a stock's is its last quarter's
 *   level, a flow's the sum of its quarters, a peak the largest; a rate is its formula over the inputs'
 *   combined values, never combined itself.
 * - Over areas, communes combine into a district or a province by the area rule: a count sums, a peak takes
 *   the largest; a rate again is its formula over the summed inputs.
 * - Reporting level: the units that report the indicator (communes, or the province as a whole).
 * One definition for the server (catalogue, progress) and the web (catalogue, audit log); the SQL of
 * server/src/features/values/values.repo.ts mirrors `combineOverTime` and `combineOverAreas`.
 */

export const INDICATOR_KINDS = ['stock', 'flow', 'computed'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export const TIME_AGGREGATIONS = ['sum', 'last', 'max', 'rate'] as const;
export type TimeAggregation = (typeof TIME_AGGREGATIONS)[number];

export const AREA_AGGREGATIONS = ['sum', 'rate', 'max'] as const;
export type AreaAggregation = (typeof AREA_AGGREGATIONS)[number];

/** The area rules a stored (not computed) indicator may have. */
export const STORED_AREA_AGGREGATIONS = ['sum', 'max'] as const;

export const REPORTING_LEVELS = ['commune', 'province'] as const;
export type ReportingLevel = (typeof REPORTING_LEVELS)[number];

type Words = { vi: string; en: string };

/** Each kind in words (the catalogue's names). */
export const INDICATOR_KIND_WORDS: Record<IndicatorKind, Words> = {
  stock: { vi: 'Số tại thời điểm (tồn)', en: 'Level at a date' },
  flow: { vi: 'Số phát sinh trong kỳ', en: 'Arising in the period' },
  computed: { vi: 'Tính toán theo công thức', en: 'Computed by formula' },
};

/** Each combining rule (over time or over areas) in words, lower-case inside a sentence. */
export const AGGREGATION_WORDS: Record<TimeAggregation | AreaAggregation, Words> = {
  sum: { vi: 'tổng', en: 'sum' },
  last: { vi: 'số cuối kỳ', en: 'last' },
  max: { vi: 'lớn nhất', en: 'maximum' },
  rate: { vi: 'tỷ lệ', en: 'rate' },
};

/** Each reporting level in words, lower-case inside a sentence. */
export const REPORTING_LEVEL_WORDS: Record<ReportingLevel, Words> = {
  commune: { vi: 'cấp xã', en: 'commune' },
  province: { vi: 'cấp tỉnh', en: 'province' },
};

/** The time rule of a stored indicator's kind: a stock's year is its last quarter, a flow's the sum. */
export const timeAggregationOf = (kind: 'stock' | 'flow'): 'last' | 'sum' =>
  kind === 'stock' ? 'last' : 'sum';

/** The quarters (in order) whose values a time rule reads: a stock (`last`) needs only the last one. */
export const quartersNeeded = <Q>(rule: TimeAggregation, quarters: readonly Q[]): readonly Q[] =>
  rule === 'last' ? quarters.slice(-1) : quarters;

/**
 * Values of consecutive periods (in order) combined into one by the time rule: `sum` adds them, `max` takes
 * the largest, `last` (and a rate already computed per period) takes the last. Null when there is none.
 */
export function combineOverTime(rule: TimeAggregation, values: readonly number[]): number | null {
  if (values.length === 0) return null;
  if (rule === 'sum') return values.reduce((a, b) => a + b, 0);
  if (rule === 'max') return Math.max(...values);
  return values.at(-1) ?? null;
}

/**
 * Values of several areas for one period combined by the area rule: `sum` adds them, `max` takes the
 * largest. A rate is never combined from its areas' rates (null): combine its numerator and denominator,
 * then divide. Null when there is no value.
 */
export function combineOverAreas(rule: AreaAggregation, values: readonly number[]): number | null {
  if (values.length === 0 || rule === 'rate') return null;
  if (rule === 'max') return Math.max(...values);
  return values.reduce((a, b) => a + b, 0);
}
