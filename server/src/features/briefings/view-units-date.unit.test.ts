import { describe, expect, it } from 'vitest';
import { viewUnitsDate } from './resolve-view';

// Issue 14: a briefing view asked to show an old period on today's units follows every published
// reorganisation, not only 1/7/2025.
describe('the units a briefing view shows', () => {
  const versions = ['2008-08-01', '2025-07-01', '2026-03-01'];

  it("moves a period reported before a 2026 merger onto today's units when asked", () => {
    expect(viewUnitsDate(versions, '2025-12-31', true, '2026-06-01')).toBe('2026-06-01');
    expect(viewUnitsDate(versions, '2024-12-31', true, '2026-06-01')).toBe('2026-06-01');
  });

  it('keeps the period on its own units when not asked, or when they are already today’s', () => {
    expect(viewUnitsDate(versions, '2025-12-31', false, '2026-06-01')).toBe('2025-12-31');
    expect(viewUnitsDate(versions, '2026-03-31', true, '2026-06-01')).toBe('2026-03-31');
    expect(viewUnitsDate(['2008-08-01', '2025-07-01'], '2025-12-31', true, '2026-06-01')).toBe('2025-12-31');
  });
});
