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

const pad = (n: number) => String(n).padStart(2, '0');

function lastDay(year: number, month: number): string {
  // Day 0 of the next month is the last day of this one.
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** All reported quarters, 2019-Q1 … 2026-Q3, in order. */
export function quarters(): Quarter[] {
  const list: Quarter[] = [];
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    for (let quarter = 1; quarter <= 4; quarter++) {
      if (year === LAST_YEAR && quarter > LAST_QUARTER) break;
      const firstMonth = quarter * 3 - 2;
      list.push({
        id: `${year}-Q${quarter}`,
        year,
        quarter,
        index: list.length,
        mid: year + (quarter - 0.5) / 4,
        startDate: `${year}-${pad(firstMonth)}-01`,
        endDate: lastDay(year, firstMonth + 2),
      });
    }
  }
  return list;
}

/** Years, halves and quarters. */
export function buildPeriods(): DemoPeriod[] {
  const periods: DemoPeriod[] = [];
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    periods.push({ id: String(year), kind: 'year', startDate: `${year}-01-01`, endDate: `${year}-12-31` });
  }
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    periods.push({ id: `${year}-H1`, kind: 'half', startDate: `${year}-01-01`, endDate: `${year}-06-30` });
    periods.push({ id: `${year}-H2`, kind: 'half', startDate: `${year}-07-01`, endDate: `${year}-12-31` });
  }
  for (const q of quarters()) {
    periods.push({ id: q.id, kind: 'quarter', startDate: q.startDate, endDate: q.endDate });
  }
  return periods;
}
