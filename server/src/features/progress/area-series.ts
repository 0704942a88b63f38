import type { CommuneStatus } from '@pcmt/domain/contracts/common';
import { combineOverTime, quartersNeeded } from '@pcmt/domain/indicator-semantics';
import { evaluateFormula, formulaTree } from '../indicators/formula';
import type { Observation } from './evaluate';
import type { AreaInputs, IndicatorRef, ProgressContext, QuarterRef, StatusObservation } from './inputs';
import { getOrInsert } from './inputs';

/**
 * Reading an area's inputs as time series: indicator values per quarter (rates from their numerator and
 * denominator, so an area's rate is never an average of its parts' rates) and weighted commune counts per
 * status snapshot.
 */

/** Quarters with an end on or before the evaluation date, optionally inside [from, to]. */
export function quartersIn(ctx: ProgressContext, from?: string, to?: string): QuarterRef[] {
  return ctx.quarters.filter(
    (q) =>
      q.endDate <= ctx.asOf &&
      (from === undefined || q.endDate >= from) &&
      (to === undefined || q.startDate <= to),
  );
}

/**
 * The value of an indicator over some quarters of an area, combined over time by the indicator's rule
 * (sum of flows, last of stocks, max), a computed indicator as its formula over those. Null when a
 * quarter is missing: a year with a missing quarter is not a year's value.
 */
export function valueOver(
  area: AreaInputs,
  indicator: IndicatorRef,
  quarters: readonly QuarterRef[],
  ctx: ProgressContext,
): number | null {
  if (quarters.length === 0) return null;
  if (indicator.formula) {
    // Each input over the quarters by its own rule, then the formula (a ratio of totals; 0 denominator: null).
    return evaluateFormula(formulaTree(indicator.formula), (code) => {
      const input = ctx.indicators.get(code);
      return input && input !== indicator ? valueOver(area, input, quarters, ctx) : null;
    });
  }
  const byQuarter = area.values.get(indicator.code);
  // A stock's value over several quarters is its last quarter's: only that one must be known.
  const needed = quartersNeeded(indicator.timeAggregation, quarters);
  const values: number[] = [];
  for (const q of needed) {
    const v = byQuarter?.get(q.id);
    if (v === undefined) return null;
    values.push(v);
  }
  return combineOverTime(indicator.timeAggregation, values);
}

const isEstimated = (area: AreaInputs, quarters: readonly QuarterRef[]) =>
  quarters.some((q) => area.estimatedQuarters.has(q.id));

/** One observation per quarter: the indicator's quarterly value (a stock's level, a rate, a flow's quarter). */
export function quarterlySeries(
  area: AreaInputs,
  indicator: IndicatorRef,
  ctx: ProgressContext,
  from?: string,
  to?: string,
): Observation[] {
  const points: Observation[] = [];
  for (const q of quartersIn(ctx, from, to)) {
    const value = valueOver(area, indicator, [q], ctx);
    if (value !== null) points.push({ date: q.endDate, value, estimated: isEstimated(area, [q]) });
  }
  return points;
}

/**
 * One observation per quarter of the indicator over the four quarters ending there (a flow's last twelve
 * months, a stock's level): comparable with a whole baseline year.
 */
export function trailingYearSeries(
  area: AreaInputs,
  indicator: IndicatorRef,
  ctx: ProgressContext,
): Observation[] {
  const quarters = quartersIn(ctx);
  const points: Observation[] = [];
  for (let i = 3; i < quarters.length; i++) {
    const window = quarters.slice(i - 3, i + 1);
    const value = valueOver(area, indicator, window, ctx);
    const last = window.at(-1);
    if (value !== null && last)
      points.push({ date: last.endDate, value, estimated: isEstimated(area, window) });
  }
  return points;
}

/** The quarters of a calendar year. */
export const quartersOfYear = (ctx: ProgressContext, year: number) =>
  ctx.quarters.filter((q) => q.startDate.startsWith(`${year}-`));

/** Status snapshots of an area grouped by date, ascending. */
export function snapshots(statuses: readonly StatusObservation[]): Map<string, StatusObservation[]> {
  const byDate = new Map<string, StatusObservation[]>();
  for (const s of [...statuses].sort((a, b) => a.date.localeCompare(b.date))) {
    const rows = getOrInsert(byDate, s.date, () => []);
    rows.push(s);
  }
  return byDate;
}

/** Severity of a commune's class: the weights of the "severity" measure (loại I the most serious). */
export const SEVERITY_WEIGHTS: Readonly<Record<CommuneStatus, number>> = {
  trong_diem_I: 3,
  trong_diem_II: 2,
  trong_diem_III: 1,
  co_ma_tuy: 0,
  khong_ma_tuy: 0,
};

/**
 * The level a status measure reads on one snapshot: the weighted number of communes in some statuses, or
 * the severity (sum of class weights); `decided` is the weight of communes with any decision (0: no data).
 */
export function statusLevel(
  rows: readonly StatusObservation[],
  measure: { type: 'status_count'; statuses: readonly CommuneStatus[] } | { type: 'severity' },
): { value: number; decided: number } {
  if (measure.type === 'status_count') {
    const { inStatus, decided } = countInStatus(rows, measure.statuses);
    return { value: inStatus, decided };
  }
  let value = 0;
  let decided = 0;
  for (const r of rows) {
    if (r.status === null) continue;
    decided += r.weight;
    value += r.weight * SEVERITY_WEIGHTS[r.status];
  }
  return { value, decided };
}

/** Weighted number of communes in one of `statuses`, and of communes with any decision. */
export function countInStatus(rows: readonly StatusObservation[], statuses: readonly CommuneStatus[]) {
  let inStatus = 0;
  let decided = 0;
  for (const r of rows) {
    if (r.status === null) continue;
    decided += r.weight;
    if (statuses.includes(r.status)) inStatus += r.weight;
  }
  return { inStatus, decided };
}
