import { describe, expect, it } from 'vitest';
import { parseDateVi, showDateVi } from './date-input';

describe('parseDateVi', () => {
  it('reads a typed date day first, as Vietnamese write it', () => {
    expect(parseDateVi('31/12/2026')).toBe('2026-12-31');
    expect(parseDateVi('1/7/2026')).toBe('2026-07-01');
    expect(parseDateVi('01-07-2026')).toBe('2026-07-01');
    expect(parseDateVi('01.07.2026')).toBe('2026-07-01');
    expect(parseDateVi('01072026')).toBe('2026-07-01');
    expect(parseDateVi(' 29/02/2028 ')).toBe('2028-02-29');
    // A pasted ISO date is a day too.
    expect(parseDateVi('2026-12-31')).toBe('2026-12-31');
  });

  it('never reads month first, and refuses what is no day of the calendar', () => {
    // 12/31/2026 (the US order) is no date: there is no 31st month.
    for (const bad of [
      '12/31/2026',
      '31/02/2026',
      '29/02/2027',
      '00/01/2026',
      '2026-13-01',
      '31/12/26',
      'abc',
      '',
    ])
      expect(parseDateVi(bad), bad).toBeNull();
    // 07/01/2026 is 7 January, never 1 July.
    expect(parseDateVi('07/01/2026')).toBe('2026-01-07');
  });
});

describe('showDateVi', () => {
  it('shows an ISO date as dd/mm/yyyy through the one formatter and round-trips with parseDateVi', () => {
    expect(showDateVi('2026-07-01')).toBe('01/07/2026');
    expect(showDateVi('')).toBe('');
    for (const day of ['2026-01-07', '2025-12-31', '2028-02-29'])
      expect(parseDateVi(showDateVi(day))).toBe(day);
  });
});
