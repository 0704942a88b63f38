import { describe, expect, it } from 'vitest';
import { parsePeriodId, periodDates, periodIdOf } from './periods';

describe('a period id gives its first and last day', () => {
  it.each([
    ['2026', 'year', '2026-01-01', '2026-12-31'],
    ['2026-H1', 'half', '2026-01-01', '2026-06-30'],
    ['2026-H2', 'half', '2026-07-01', '2026-12-31'],
    ['2025-Q1', 'quarter', '2025-01-01', '2025-03-31'],
    ['2025-Q3', 'quarter', '2025-07-01', '2025-09-30'],
    ['2026-Q4', 'quarter', '2026-10-01', '2026-12-31'],
    ['2026-07', 'month', '2026-07-01', '2026-07-31'],
    ['2026-11', 'month', '2026-11-01', '2026-11-30'],
    ['2023-02', 'month', '2023-02-01', '2023-02-28'],
    ['2024-02', 'month', '2024-02-01', '2024-02-29'],
  ])('%s: %s from %s to %s', (id, kind, startDate, endDate) => {
    expect(periodDates(id)).toEqual({ id, kind, startDate, endDate });
  });

  it('refuses what is not a period id', () => {
    for (const id of [
      '',
      '26',
      '2026-Q5',
      '2026-H3',
      '2026-13',
      '2026-00',
      '2026-7',
      'Quý III/2026',
      '2026-Q3 ',
    ])
      expect(periodDates(id)).toBeNull();
  });

  it('an id parsed and rebuilt is the same id', () => {
    for (const id of ['2019', '2026-H2', '2026-Q1', '2026-09', '2026-12']) {
      const parts = parsePeriodId(id);
      expect(parts).not.toBeNull();
      if (parts) expect(periodIdOf(parts)).toBe(id);
    }
  });

  it('the periods of a year cover it without gap or overlap', () => {
    for (const ids of [
      ['2026-H1', '2026-H2'],
      ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'],
      Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`),
    ]) {
      const dates = ids.map((id) => periodDates(id));
      const year = periodDates(ids[0]?.slice(0, 4) ?? '');
      expect(dates[0]?.startDate).toBe(year?.startDate);
      expect(dates.at(-1)?.endDate).toBe(year?.endDate);
      for (let i = 1; i < dates.length; i++) {
        const dayAfter = new Date(`${dates[i - 1]?.endDate}T00:00:00Z`);
        dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
        expect(dates[i]?.startDate).toBe(dayAfter.toISOString().slice(0, 10));
      }
    }
  });
});
