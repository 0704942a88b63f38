import { describe, expect, it } from 'vitest';
import { normaliseTime } from './time-input';

describe('normaliseTime', () => {
  it('reads a typed time of day as 24-hour HH:MM', () => {
    expect(normaliseTime('18:30')).toBe('18:30');
    expect(normaliseTime('1830')).toBe('18:30');
    expect(normaliseTime('9:5')).toBe('09:05');
    expect(normaliseTime('18h30')).toBe('18:30');
    expect(normaliseTime('02.00')).toBe('02:00');
    expect(normaliseTime('7')).toBe('07:00');
  });

  it('refuses what is no time of day, including AM/PM', () => {
    for (const bad of ['24:00', '18:60', '6:30 PM', 'abc', '', '123:00'])
      expect(normaliseTime(bad), bad).toBeNull();
  });
});
