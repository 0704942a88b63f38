import { describe, expect, it } from 'vitest';
import { versionAt } from './version-at';

describe('versionAt', () => {
  const dates = ['2008-08-01', '2020-01-01', '2025-07-01'];

  it('names the set of units valid on a date by the last change on or before it', () => {
    expect(versionAt(dates, '2024-12-31')).toBe('2020-01-01');
    expect(versionAt(dates, '2025-06-30')).toBe('2020-01-01');
    expect(versionAt(dates, '2025-07-01')).toBe('2025-07-01');
    expect(versionAt(dates, '2031-01-01')).toBe('2025-07-01');
    expect(versionAt(dates, '2008-08-01')).toBe('2008-08-01');
  });

  it('has no version before the first unit existed, nor without units', () => {
    expect(versionAt(dates, '2000-01-01')).toBeNull();
    expect(versionAt([], '2025-01-01')).toBeNull();
  });
});
