import { todayInVietnam } from '@pcmt/domain/format';
import {
  PERIODS_PER_YEAR,
  parsePeriodId,
  periodEndDate,
  periodIdOf,
  periodStartDate,
  shiftPeriodParts,
} from '@pcmt/domain/periods';

/** Kinds of reporting period the map offers (months exist in the API but are too fine for a map). */
export type PeriodKind = 'year' | 'half' | 'quarter';

export interface Period {
  id: string;
  kind: PeriodKind;
  year: number;
  /** 1 for a year, 1–2 for a half, 1–4 for a quarter. */
  index: number;
}

/** First year with reports in the atlas. */
export const FIRST_YEAR = 2019;

/** A period of the map's kinds (a month id is not one). */
export function parsePeriod(id: string): Period | null {
  const p = parsePeriodId(id);
  return p && p.kind !== 'month' ? { id, kind: p.kind, year: p.year, index: p.index } : null;
}

function periodId(kind: PeriodKind, year: number, index: number): string {
  return periodIdOf({ kind, year, index });
}

/** First day of a period, YYYY-MM-DD (the rule: @pcmt/domain/periods). */
export function periodStart(p: Period): string {
  return periodStartDate(p);
}

/** Last day of a period, YYYY-MM-DD (the rule: @pcmt/domain/periods). */
export function periodEnd(p: Period): string {
  return periodEndDate(p);
}

/** The period `steps` periods of the same kind later (negative: earlier; the rule: @pcmt/domain/periods). */
export function shiftPeriod(p: Period, steps: number): Period {
  const { year, index } = shiftPeriodParts(p, steps);
  return { id: periodId(p.kind, year, index), kind: p.kind, year, index };
}

/** The same period one year earlier (2025-Q3 → 2024-Q3). */
export function sameLastYear(p: Period): Period {
  return shiftPeriod(p, -PERIODS_PER_YEAR[p.kind]);
}

/** The last quarter that ended before `today`: the latest one reports can exist for. */
export function lastReportedQuarter(today: string): Period {
  let p: Period = { id: periodId('quarter', FIRST_YEAR, 1), kind: 'quarter', year: FIRST_YEAR, index: 1 };
  while (periodEnd(shiftPeriod(p, 1)) < today) p = shiftPeriod(p, 1);
  return p;
}

/**
 * Periods of a kind from {@link FIRST_YEAR} that have at least one reported quarter on `today`: complete
 * ones and the running year or half (2026 and 2026-H2 once 2026-Q3 is reported).
 */
export function periodsOfKind(kind: PeriodKind, today: string): Period[] {
  const lastEnd = periodEnd(lastReportedQuarter(today));
  const out: Period[] = [];
  let p: Period = { id: periodId(kind, FIRST_YEAR, 1), kind, year: FIRST_YEAR, index: 1 };
  while (periodStart(p) <= lastEnd) {
    out.push(p);
    p = shiftPeriod(p, 1);
  }
  return out;
}

/** The latest period of a kind with reports on `today`. */
export function latestPeriod(kind: PeriodKind, today: string): Period {
  const all = periodsOfKind(kind, today);
  const last = all[all.length - 1];
  return last ?? { id: periodId(kind, FIRST_YEAR, 1), kind, year: FIRST_YEAR, index: 1 };
}

/** Today as YYYY-MM-DD in Vietnam (UTC+7), as the server counts it. */
export const todayIso = (now: Date = new Date()): string => todayInVietnam(now);
