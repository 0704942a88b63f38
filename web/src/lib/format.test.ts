import { describe, expect, it } from 'vitest';
import { formatChange, formatNumber } from './format';

describe('formatNumber', () => {
  it('writes numbers the Vietnamese way by default and the English way on the switch', () => {
    expect(formatNumber(1234.5, 'vi', 1)).toBe('1.234,5');
    expect(formatNumber(1234.5, 'en', 1)).toBe('1,234.5');
    expect(formatNumber(8392, 'vi')).toBe('8.392');
    expect(formatNumber(0.456, 'vi')).toBe('0,46');
  });

  it('shows a dash for missing values', () => {
    expect(formatNumber(null, 'vi')).toBe('–');
    expect(formatNumber(Number.NaN, 'vi')).toBe('–');
  });
});

describe('formatChange', () => {
  it('gives a signed percentage against an earlier value', () => {
    expect(formatChange(110, 100, 'vi')).toBe('+10%');
    expect(formatChange(87.5, 100, 'vi')).toBe('-12,5%');
    expect(formatChange(5, null, 'vi')).toBeNull();
    expect(formatChange(5, 0, 'vi')).toBeNull();
  });
});
