import { describe, expect, it } from 'vitest';
import { describeZodError } from '../lib/openapi';
import { IsoDate, PeriodId } from './common';
import { Bbox } from './hotspots';
import { ValuesQuery } from './values';

describe('request contracts', () => {
  it('accept the four kinds of period id and nothing else', () => {
    for (const ok of ['2024', '2024-H1', '2024-H2', '2024-Q3', '2024-07', '2024-12']) {
      expect(PeriodId.safeParse(ok).success, ok).toBe(true);
    }
    for (const bad of ['24', '2024-Q5', '2024-H3', '2024-13', '2024-7', '2024Q1', '2024-q1', '']) {
      expect(PeriodId.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('accept only dates that exist', () => {
    expect(IsoDate.safeParse('2024-02-29').success).toBe(true);
    expect(IsoDate.safeParse('2025-02-29').success).toBe(false);
    expect(IsoDate.safeParse('2025-7-1').success).toBe(false);
  });

  it('parse a bbox into numbers and refuse inverted or out-of-range boxes', () => {
    expect(Bbox.parse('102.1,8.5,109.5,23.4')).toEqual([102.1, 8.5, 109.5, 23.4]);
    expect(Bbox.safeParse('109,8,102,23').success).toBe(false);
    expect(Bbox.safeParse('102,8,109,95').success).toBe(false);
    expect(Bbox.safeParse('102,,109,23').success).toBe(false);
  });

  it('produce an error message that names the parameter', () => {
    const missing = ValuesQuery.safeParse({ period: '2024' });
    expect(missing.success).toBe(false);
    if (!missing.success)
      expect(describeZodError(missing.error)).toEqual({
        field: 'indicator',
        message: 'indicator is required',
      });
    const wrong = ValuesQuery.safeParse({ indicator: 'managed_addicts', period: '2024-Q9' });
    if (wrong.success) throw new Error('2024-Q9 was accepted');
    const described = describeZodError(wrong.error);
    expect(described.field).toBe('period');
    expect(described.message).toMatch(/^period: must be a period id/);
  });
});
