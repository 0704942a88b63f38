import { describe, expect, it } from 'vitest';
import { IdParam, IsoDate, PeriodId } from './common';
import { Bbox } from './hotspots';

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
    expect(IsoDate.safeParse('2025-02-30').success).toBe(false);
  });

  it('accept dates and periods of real years only (1900–2100), naming the bound', () => {
    for (const ok of ['1900-01-01', '2100-12-31', '2026-06-30'])
      expect(IsoDate.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['0000-01-01', '1899-12-31', '2101-01-01', '9999-12-31']) {
      const r = IsoDate.safeParse(bad);
      expect(r.success, bad).toBe(false);
      if (!r.success) expect(r.error.issues[0]?.message).toMatch(/1900–2100/);
    }
    for (const bad of ['0000', '0000-Q1', '1899-12', '2101-H1'])
      expect(PeriodId.safeParse(bad).success, bad).toBe(false);
    expect(PeriodId.safeParse('1900').success).toBe(true);
  });

  it('accept ids of a serial column only: 1 to 2147483647', () => {
    expect(IdParam.parse({ id: '2147483647' })).toEqual({ id: 2147483647 });
    for (const bad of ['2147483648', '99999999999', '0', '-1', '1.5', 'NaN', '1e400', '']) {
      const r = IdParam.safeParse({ id: bad });
      expect(r.success, bad).toBe(false);
      if (!r.success) expect(r.error.issues[0]?.path).toEqual(['id']);
    }
  });

  it('parse a bbox into numbers and refuse inverted or out-of-range boxes', () => {
    expect(Bbox.parse('102.1,8.5,109.5,23.4')).toEqual([102.1, 8.5, 109.5, 23.4]);
    expect(Bbox.safeParse('109,8,102,23').success).toBe(false);
    expect(Bbox.safeParse('102,8,109,95').success).toBe(false);
    expect(Bbox.safeParse('102,,109,23').success).toBe(false);
  });
});
