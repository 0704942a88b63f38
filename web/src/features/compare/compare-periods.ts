import {
  FIRST_YEAR,
  lastReportedQuarter,
  latestPeriod,
  type Period,
  parsePeriod,
  sameLastYear,
} from '../../lib/periods';
import type { CompareState, ViewState } from '../../lib/url-state';

/** Two periods to put side by side. */
export interface PeriodPair {
  left: string;
  right: string;
}

/**
 * The period to put beside `left`: the latest of its kind, so "how has it changed since then" is one click;
 * when `left` is already the latest, the same period (a preset or a picker then chooses the other side).
 */
export function rightFor(left: Period, today: string): Period {
  return latestPeriod(left.kind, today);
}

/**
 * Both sides' periods, filling what a link leaves out: the latest quarter on the right and the same quarter a
 * year earlier on the left (the comparison committees ask for first).
 */
export function resolveComparePeriods(
  left: string | null,
  right: string | null,
  today: string,
): { left: Period; right: Period } {
  const l = left ? parsePeriod(left) : null;
  const r = (right ? parsePeriod(right) : null) ?? (l ? rightFor(l, today) : lastReportedQuarter(today));
  return { left: l ?? sameLastYear(r), right: r };
}

/** "Same period last year": the left side a year before the right one (null before the first reports). */
export function lastYearPair(right: Period): PeriodPair | null {
  const left = sameLastYear(right);
  if (left.year < FIRST_YEAR) return null;
  return { left: left.id, right: right.id };
}

/** Opens the compare page with the dashboard's view on the left. */
export function compareStateFromView(view: ViewState, period: Period, today: string): CompareState {
  return {
    left: { period: period.id, indicator: view.indicator },
    right: { period: rightFor(period, today).id, indicator: view.indicator },
    province: view.province,
    method: view.method,
    classes: view.classes,
    todayUnits: view.todayUnits,
    map: view.map,
    lang: view.lang,
  };
}
