import { describe, expect, it } from 'vitest';
import { recentPeriods } from './periods';

describe('periods a report form offers', () => {
  it('month forms: the last ended month and those before, across the new year', () => {
    expect(recentPeriods('month', 3, '2026-02-10')).toEqual(['2026-01', '2025-12', '2025-11']);
    expect(recentPeriods('month', 2, '2026-01-01')).toEqual(['2025-12', '2025-11']);
    expect(recentPeriods('month', 1, '2026-12-31')).toEqual(['2026-11']);
  });

  it('quarter forms: the last ended quarter and those before', () => {
    expect(recentPeriods('quarter', 3, '2026-02-10')).toEqual(['2025-Q4', '2025-Q3', '2025-Q2']);
  });
});
