import { describe, expect, it } from 'vitest';
import { parseNumberVi, showNumberVi } from './number-input';

describe('Vietnamese number input', () => {
  it('reads thousands dots and a decimal comma', () => {
    expect(parseNumberVi('1.234,5')).toBe(1234.5);
    expect(parseNumberVi('1.234')).toBe(1234);
    expect(parseNumberVi('12.345.678')).toBe(12345678);
    expect(parseNumberVi('1234,5')).toBe(1234.5);
    expect(parseNumberVi(' 1 234 ')).toBe(1234);
    expect(parseNumberVi('0')).toBe(0);
  });

  it('keeps a plain decimal point that is no thousands group', () => {
    expect(parseNumberVi('12.5')).toBe(12.5);
  });

  it('says empty is null and words are not numbers', () => {
    expect(parseNumberVi('')).toBeNull();
    expect(parseNumberVi('mười')).toBeNaN();
    expect(parseNumberVi('1,2,3')).toBeNaN();
  });

  it('writes back what it reads', () => {
    for (const v of [0, 7, 1234, 1234.5, 1234567]) expect(parseNumberVi(showNumberVi(v))).toBe(v);
  });
});
