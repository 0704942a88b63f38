import { describe, expect, it } from 'vitest';
import { formatDateTimeVi, formatDateVi } from './labels-vi';

describe('the printed pack dates itself in Vietnam', () => {
  it('an instant late in the UTC day is already the next day in Vietnam (UTC+7)', () => {
    const instant = new Date('2026-03-31T18:30:00Z');
    expect(formatDateTimeVi(instant)).toBe('01:30 ngày 01/04/2026');
    expect(formatDateVi(instant)).toBe('01/04/2026');
    expect(formatDateVi('2026-03-31T16:59:00Z')).toBe('31/03/2026');
    // A calendar date is written as it is, whatever the time zone.
    expect(formatDateVi('2026-03-31')).toBe('31/03/2026');
  });
});
