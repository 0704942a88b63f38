import { describe, expect, it } from 'vitest';
import type { PeriodRow } from '../periods/periods.repo';
import { addDays, lastClosedQuarter } from './closed-period';

const quarter = (id: string, startDate: string, endDate: string): PeriodRow => ({
  id,
  kind: 'quarter',
  startDate,
  endDate,
});

const PERIODS: PeriodRow[] = [
  { id: '2026', kind: 'year', startDate: '2026-01-01', endDate: '2026-12-31' },
  { id: '2026-H1', kind: 'half', startDate: '2026-01-01', endDate: '2026-06-30' },
  quarter('2026-Q3', '2026-07-01', '2026-09-30'),
  quarter('2025-Q4', '2025-10-01', '2025-12-31'),
  quarter('2026-Q1', '2026-01-01', '2026-03-31'),
  quarter('2026-Q2', '2026-04-01', '2026-06-30'),
];

describe('lastClosedQuarter', () => {
  it('publishes a quarter on the day its end date plus the delay is reached, not before', () => {
    // 2026-09-30 + 45 days = 2026-11-14.
    expect(lastClosedQuarter(PERIODS, '2026-11-13', 45)?.id).toBe('2026-Q2');
    expect(lastClosedQuarter(PERIODS, '2026-11-14', 45)?.id).toBe('2026-Q3');
  });

  it('follows the configured delay', () => {
    expect(lastClosedQuarter(PERIODS, '2026-10-01', 0)?.id).toBe('2026-Q3');
    // 2026-06-30 + 93 days = 2026-10-01: Q2 just closes; one more day of delay keeps it back.
    expect(lastClosedQuarter(PERIODS, '2026-10-01', 93)?.id).toBe('2026-Q2');
    expect(lastClosedQuarter(PERIODS, '2026-10-01', 94)?.id).toBe('2026-Q1');
  });

  it('never picks a year or half, whatever their end date, and ignores the order periods come in', () => {
    expect(lastClosedQuarter(PERIODS, '2027-12-31', 45)?.id).toBe('2026-Q3');
  });

  it('is null when no quarter has closed yet', () => {
    expect(lastClosedQuarter(PERIODS, '2026-01-31', 45)).toBeNull();
    expect(lastClosedQuarter([], '2030-01-01', 45)).toBeNull();
  });

  it('counts calendar days across month and year ends', () => {
    expect(addDays('2025-12-31', 45)).toBe('2026-02-14');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });
});
