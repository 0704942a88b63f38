import { type PeriodDates, periodDates, periodEndDate, periodStartDate } from '@pcmt/domain/periods';
import type { DemoPeriod } from './types';

/**
 * Reporting periods of the demo: years 2019–2026, halves, and quarters up to 2026-Q3 (the last
 * reported quarter). Values are stored per quarter only; the server aggregates the others.
 */

/** First year with data. */
export const FIRST_YEAR = 2019;
/** Last year with data (up to LAST_QUARTER). */
export const LAST_YEAR = 2026;
/** Last quarter with data: 2026-Q3. */
export const LAST_QUARTER = 3;

/** One reporting quarter with its position on a decimal time axis. */
export interface Quarter {
  id: string;
  year: number;
  quarter: number;
  /** 0 for 2019-Q1, counting up. */
  index: number;
  /** Middle of the quarter in decimal years (2020-Q4 → 2020.875). */
  mid: number;
  startDate: string;
  endDate: string;
}

/** All reported quarters, 2019-Q1 … 2026-Q3, in order. */
export function quarters(): Quarter[] {
  const list: Quarter[] = [];
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    for (let quarter = 1; quarter <= 4; quarter++) {
      if (year === LAST_YEAR && quarter > LAST_QUARTER) break;
      const parts = { kind: 'quarter', year, index: quarter } as const;
      list.push({
        id: `${year}-Q${quarter}`,
        year,
        quarter,
        index: list.length,
        mid: year + (quarter - 0.5) / 4,
        startDate: periodStartDate(parts),
        endDate: periodEndDate(parts),
      });
    }
  }
  return list;
}

/** The dates of a period id: the one rule of @pcmt/domain/periods. */
function dated(id: string): PeriodDates {
  const p = periodDates(id);
  if (!p) throw new Error(`not a period id: ${id}`);
  return p;
}

/** Years, halves and quarters. */
export function buildPeriods(): DemoPeriod[] {
  const periods: DemoPeriod[] = [];
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) periods.push(dated(String(year)));
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++)
    periods.push(dated(`${year}-H1`), dated(`${year}-H2`));
  for (const q of quarters()) periods.push(dated(q.id));
  return periods;
}
