import { describe, expect, it } from 'vitest';
import {
  formatChange,
  formatCoverage,
  formatDate,
  formatDateTime,
  formatNumber,
  formatPercent,
  periodLabel,
  periodShortLabel,
  todayInVietnam,
} from './format';

describe('one formatter for periods, dates and numbers', () => {
  it('says periods the way official documents do', () => {
    expect(periodLabel('2026-Q3')).toBe('Quý III/2026');
    expect(periodLabel('2026-H1')).toBe('6 tháng đầu năm 2026');
    expect(periodLabel('2026-H2')).toBe('6 tháng cuối năm 2026');
    expect(periodLabel('2026')).toBe('Năm 2026');
    expect(periodLabel('2026-07')).toBe('Tháng 7/2026');
    expect(periodLabel('2026-Q3', 'en')).toBe('Q3 2026');
    expect(periodLabel('not-a-period')).toBe('not-a-period');
    expect(periodShortLabel('2026-Q4')).toEqual(['Q.IV', '2026']);
  });

  it('writes dates dd/mm/yyyy and times in Vietnam, 24-hour', () => {
    expect(formatDate('2026-07-01')).toBe('01/07/2026');
    expect(formatDate(null)).toBe('–');
    expect(formatDateTime('2026-12-06T18:30:00Z')).toBe('07/12/2026 01:30');
  });

  it('writes numbers 1.234,5 and shares 5% with no space; missing is a dash, not 0', () => {
    expect(formatNumber(1234.5, 'vi', 1)).toBe('1.234,5');
    expect(formatNumber(1234.5, 'en', 1)).toBe('1,234.5');
    expect(formatNumber(null)).toBe('–');
    expect(formatNumber(Number.NaN)).toBe('–');
    expect(formatPercent(5)).toBe('5%');
    expect(formatPercent(12.46)).toBe('12,5%');
    expect(formatChange(110, 100)).toBe('+10%');
    expect(formatChange(1, 0)).toBeNull();
  });

  it('knows today in Vietnam, which is tomorrow in UTC terms after 17:00 UTC', () => {
    expect(todayInVietnam(new Date('2026-12-06T16:59:00Z'))).toBe('2026-12-06');
    expect(todayInVietnam(new Date('2026-12-06T17:00:00Z'))).toBe('2026-12-07');
  });
});

describe('an area total says how many communes reported', () => {
  it('writes reported/expected communes with the one number formatter', () => {
    expect(formatCoverage(12, 15)).toBe('Tổng của 12/15 xã đã báo cáo');
    expect(formatCoverage(1234, 3321)).toBe('Tổng của 1.234/3.321 xã đã báo cáo');
    expect(formatCoverage(1234, 3321, 'en')).toBe('Total of 1,234/3,321 communes that reported');
  });
});
