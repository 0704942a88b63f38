import { describe, expect, it } from 'vitest';
import { numberConvention, parseNumberIn } from './read-table';

/** A file's decimal convention is decided once from all its cells, never cell by cell. */
describe('number convention per file', () => {
  it('reads 96.163 as 96,163 in a file that writes 93.3868 (decimal point)', () => {
    const cells = ['Giá trị', '93.3868', '96.163', '12'];
    const convention = numberConvention(cells);
    expect(convention).toBe('dot');
    expect(parseNumberIn('96.163', convention)).toBe(96.163);
    expect(parseNumberIn('1,234.5', convention)).toBe(1234.5);
  });

  it('reads 96.163 as 96 163 in a file that writes 1.234,5 (decimal comma)', () => {
    const convention = numberConvention(['1.234,5', '96.163', '7']);
    expect(convention).toBe('comma');
    expect(parseNumberIn('96.163', convention)).toBe(96163);
    expect(parseNumberIn('12,5', convention)).toBe(12.5);
  });

  it('reads a file whose cells do not tell the Vietnamese way; leaves a number unread when cells tell both', () => {
    expect(numberConvention(['96.163', '7', '2026-Q3'])).toBeNull();
    expect(parseNumberIn('96.163', null)).toBe(96163);
    expect(parseNumberIn('7', null)).toBe(7);
    expect(numberConvention(['93.3868', '1.234,5'])).toBe('mixed');
    expect(parseNumberIn('96.163', 'mixed')).toBeNull();
  });
});
