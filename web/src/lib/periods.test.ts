import { describe, expect, it } from 'vitest';
import {
  lastReportedQuarter,
  latestPeriod,
  parsePeriod,
  periodEnd,
  periodStart,
  periodsOfKind,
  sameLastYear,
  shiftPeriod,
} from './periods';

const p = (id: string) => {
  const period = parsePeriod(id);
  if (!period) throw new Error(id);
  return period;
};

describe('periods', () => {
  it('know their first and last day', () => {
    expect([periodStart(p('2024-Q3')), periodEnd(p('2024-Q3'))]).toEqual(['2024-07-01', '2024-09-30']);
    expect(periodEnd(p('2024-H1'))).toBe('2024-06-30');
    expect(periodEnd(p('2024'))).toBe('2024-12-31');
    expect(periodEnd(p('2024-Q1'))).toBe('2024-03-31');
  });

  it('step back to the previous period and the same period a year before', () => {
    expect(shiftPeriod(p('2025-Q1'), -1).id).toBe('2024-Q4');
    expect(shiftPeriod(p('2025-H1'), -1).id).toBe('2024-H2');
    expect(sameLastYear(p('2025-Q3')).id).toBe('2024-Q3');
    expect(sameLastYear(p('2025')).id).toBe('2024');
  });

  it('list the reported periods up to the last ended quarter, including the running year', () => {
    expect(lastReportedQuarter('2026-11-23').id).toBe('2026-Q3');
    const years = periodsOfKind('year', '2026-11-23').map((x) => x.id);
    expect(years[0]).toBe('2019');
    expect(years[years.length - 1]).toBe('2026');
    expect(latestPeriod('quarter', '2026-11-23').id).toBe('2026-Q3');
    expect(latestPeriod('half', '2026-11-23').id).toBe('2026-H2');
    expect(periodsOfKind('quarter', '2026-11-23')).toHaveLength(31);
  });

  it('refuse ids that are not years, halves or quarters', () => {
    expect(parsePeriod('2024-07')).toBeNull();
    expect(parsePeriod('2024-Q5')).toBeNull();
  });
});
