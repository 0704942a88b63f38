/**
 * Reporting periods and their calendar dates: the one rule that turns a period id into its first and last
 * day. Ids: `2026` (year), `2026-H1`/`2026-H2` (half), `2026-Q1`…`2026-Q4` (quarter), `2026-01`…`2026-12`
 * (month, a monthly report form's). The server uses it for a period not in its calendar yet, the web for its
 * period picker; the database's periods table holds the same dates for the periods it knows.
 */
export const PERIOD_KINDS = ['year', 'half', 'quarter', 'month'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** A period by its place in the calendar. */
export interface PeriodParts {
  kind: PeriodKind;
  year: number;
  /** 1 for a year, 1–2 for a half, 1–4 for a quarter, 1–12 for a month. */
  index: number;
}

export interface PeriodDates {
  id: string;
  kind: PeriodKind;
  /** First day, YYYY-MM-DD. */
  startDate: string;
  /** Last day (inclusive), YYYY-MM-DD. */
  endDate: string;
}

const PATTERN = /^(\d{4})(?:-(?:H([12])|Q([1-4])|(0[1-9]|1[0-2])))?$/;

/** Months in one period of a kind. */
const MONTHS: Readonly<Record<PeriodKind, number>> = { year: 12, half: 6, quarter: 3, month: 1 };

const pad = (n: number) => String(n).padStart(2, '0');

/** The kind, year and index of a period id, or null when the id is not one. */
export function parsePeriodId(id: string): PeriodParts | null {
  const m = PATTERN.exec(id);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2]) return { kind: 'half', year, index: Number(m[2]) };
  if (m[3]) return { kind: 'quarter', year, index: Number(m[3]) };
  if (m[4]) return { kind: 'month', year, index: Number(m[4]) };
  return { kind: 'year', year, index: 1 };
}

/** The id of a period (`2026`, `2026-H2`, `2026-Q3`, `2026-07`). */
export function periodIdOf(p: PeriodParts): string {
  switch (p.kind) {
    case 'year':
      return String(p.year);
    case 'half':
      return `${p.year}-H${p.index}`;
    case 'quarter':
      return `${p.year}-Q${p.index}`;
    case 'month':
      return `${p.year}-${pad(p.index)}`;
  }
}

/** First day of a period, YYYY-MM-DD. */
export function periodStartDate(p: PeriodParts): string {
  return `${p.year}-${pad((p.index - 1) * MONTHS[p.kind] + 1)}-01`;
}

/** Last day of a period (inclusive), YYYY-MM-DD: 29/02 in a leap year. */
export function periodEndDate(p: PeriodParts): string {
  const lastMonth = p.index * MONTHS[p.kind];
  const day = new Date(Date.UTC(p.year, lastMonth, 0)).getUTCDate();
  return `${p.year}-${pad(lastMonth)}-${pad(day)}`;
}

/** The calendar dates of a period id, or null when the id is not one. */
export function periodDates(id: string): PeriodDates | null {
  const p = parsePeriodId(id);
  return p ? { id, kind: p.kind, startDate: periodStartDate(p), endDate: periodEndDate(p) } : null;
}

/** The year of an ISO date or a period id (`2026-07-01`, `2026-Q3` → 2026). */
export const yearOf = (isoOrId: string): number => Number(isoOrId.slice(0, 4));

/** 1 January of a year, YYYY-MM-DD: the first day of the year period. */
export const yearStart = (year: number): string => periodStartDate({ kind: 'year', year, index: 1 });

/** 31 December of a year, YYYY-MM-DD: the last day of the year period. */
export const yearEnd = (year: number): string => periodEndDate({ kind: 'year', year, index: 1 });

/**
 * The end of what has no end (a unit still valid, a range open on the right): a YYYY-MM-DD that sorts after
 * every real date, so `min(end, NO_END)` and `date <= NO_END` need no null case.
 */
export const NO_END = '9999-12-31';

/** The day `days` days after an ISO date (negative: before), YYYY-MM-DD. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date: one time axis for trends, paces and charts (whole days, UTC). */
export const dayNumber = (iso: string): number =>
  Math.round(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS);

/** The ISO date of a {@link dayNumber}. */
export const dateOfDayNumber = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The day before an ISO date: the last day of what ends where `iso` begins (a unit's valid_to). */
export const dayBefore = (iso: string): string => addDays(iso, -1);

/** Periods of a kind in one year. */
export const PERIODS_PER_YEAR: Readonly<Record<PeriodKind, number>> = {
  year: 1,
  half: 2,
  quarter: 4,
  month: 12,
};

/** The period `steps` periods of the same kind later (negative: earlier): 2026-01 − 1 → 2025-12. */
export function shiftPeriodParts(p: PeriodParts, steps: number): PeriodParts {
  const n = PERIODS_PER_YEAR[p.kind];
  const ordinal = p.year * n + (p.index - 1) + steps;
  const year = Math.floor(ordinal / n);
  return { kind: p.kind, year, index: ordinal - year * n + 1 };
}

/** The period of a kind that holds an ISO date (`2026-08-15`, quarter → 2026-Q3). */
export function periodOfDate(kind: PeriodKind, iso: string): PeriodParts {
  const month = Number(iso.slice(5, 7));
  return { kind, year: yearOf(iso), index: Math.ceil(month / (12 / PERIODS_PER_YEAR[kind])) };
}
