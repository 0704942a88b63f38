import { describe, expect, it } from 'vitest';
import {
  addDays,
  dateOfDayNumber,
  dayBefore,
  dayNumber,
  NO_END,
  PERIOD_KINDS,
  parsePeriodId,
  periodDates,
  periodIdOf,
  periodOfDate,
  shiftPeriodParts,
  yearEnd,
  yearOf,
  yearStart,
} from './periods';

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

describe('named dates: year ends, open ends, days', () => {
  it('a year starts on 1 January and ends on 31 December, the dates of its year period', () => {
    for (const y of [2019, 2024, 2026]) {
      expect(yearStart(y)).toBe(`${y}-01-01`);
      expect(yearEnd(y)).toBe(`${y}-12-31`);
      expect([yearStart(y), yearEnd(y)]).toEqual([
        periodDates(String(y))?.startDate,
        periodDates(String(y))?.endDate,
      ]);
    }
  });

  it('reads the year of a date or a period id', () => {
    expect(yearOf('2026-07-01')).toBe(2026);
    expect(yearOf('2025-Q3')).toBe(2025);
    expect(yearOf('2019')).toBe(2019);
  });

  it('the open end sorts after every real date', () => {
    for (const d of ['2100-12-31', '2999-01-01', yearEnd(9998)]) expect(d < NO_END).toBe(true);
    expect([NO_END, '2026-06-30'].sort()[0]).toBe('2026-06-30');
  });

  it('counts days across months, years and leap days', () => {
    expect(dayBefore('2025-07-01')).toBe('2025-06-30');
    expect(dayBefore('2026-01-01')).toBe('2025-12-31');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
    expect(addDays('2026-09-30', 45)).toBe('2026-11-14');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2026-06-30', 0)).toBe('2026-06-30');
  });
});

describe('period arithmetic', () => {
  const shift = (id: string, steps: number) => {
    const p = parsePeriodId(id);
    if (!p) throw new Error(id);
    return periodIdOf(shiftPeriodParts(p, steps));
  };

  it('steps through months across year ends, both ways', () => {
    expect(shift('2026-01', -1)).toBe('2025-12');
    expect(shift('2025-12', 1)).toBe('2026-01');
    expect(shift('2026-03', -14)).toBe('2025-01');
    expect(shift('2026-07', 0)).toBe('2026-07');
  });

  it('steps through quarters, halves and years', () => {
    expect(shift('2025-Q1', -1)).toBe('2024-Q4');
    expect(shift('2024-Q4', 5)).toBe('2026-Q1');
    expect(shift('2025-H1', -1)).toBe('2024-H2');
    expect(shift('2025', -6)).toBe('2019');
  });

  it('a period stepped forward starts the day after the one before ends', () => {
    for (const id of ['2024-02', '2025-12', '2025-Q4', '2026-H1', '2026']) {
      const next = periodDates(shift(id, 1));
      expect(next?.startDate).toBe(addDays(periodDates(id)?.endDate ?? '', 1));
    }
  });

  it('finds the period of each kind holding a date', () => {
    const ids = (date: string) => PERIOD_KINDS.map((k) => periodIdOf(periodOfDate(k, date)));
    expect(ids('2026-08-15')).toEqual(['2026', '2026-H2', '2026-Q3', '2026-08']);
    expect(ids('2026-01-01')).toEqual(['2026', '2026-H1', '2026-Q1', '2026-01']);
    expect(ids('2025-12-31')).toEqual(['2025', '2025-H2', '2025-Q4', '2025-12']);
    expect(ids('2026-06-30')).toEqual(['2026', '2026-H1', '2026-Q2', '2026-06']);
  });
});

describe('day numbers', () => {
  it('count whole days, so a year of 2024 (leap) is 366 and the epoch is day 0', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2025-01-01') - dayNumber('2024-01-01')).toBe(366);
    expect(dayNumber('2026-03-01') - dayNumber('2026-02-28')).toBe(1);
  });

  it('read back as the date they came from, and a timestamp counts as its day', () => {
    for (const iso of ['2019-12-31', '2024-02-29', '2025-07-01', '2030-12-31'])
      expect(dateOfDayNumber(dayNumber(iso))).toBe(iso);
    expect(dayNumber('2025-07-01T18:30:00Z')).toBe(dayNumber('2025-07-01'));
  });
});
