import { describe, expect, it } from 'vitest';
import { parseDisplayedNumber } from './read-table';

describe('numbers as displayed, read back for a spreadsheet', () => {
  it('reads Vietnamese and English separators', () => {
    expect(parseDisplayedNumber('1.234,5', 'vi')).toBe(1234.5);
    expect(parseDisplayedNumber('1,234.5', 'en')).toBe(1234.5);
    expect(parseDisplayedNumber('12.345.678', 'vi')).toBe(12345678);
    expect(parseDisplayedNumber('81,3 %', 'vi')).toBe(81.3);
    expect(parseDisplayedNumber('-4', 'vi')).toBe(-4);
    expect(parseDisplayedNumber('0', 'en')).toBe(0);
  });

  it('keeps text, codes with letters and malformed groups as text', () => {
    expect(parseDisplayedNumber('Hà Nội', 'vi')).toBeNull();
    expect(parseDisplayedNumber('Quý III/2025', 'vi')).toBeNull();
    expect(parseDisplayedNumber('1.23', 'vi')).toBeNull();
    expect(parseDisplayedNumber('1,2,3', 'vi')).toBeNull();
    expect(parseDisplayedNumber('', 'vi')).toBeNull();
    expect(parseDisplayedNumber('01001', 'vi')).toBeNull();
  });
});
