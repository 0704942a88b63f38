import { describe, expect, it } from 'vitest';
import {
  hasDistricts,
  reorganisationPairs,
  reorganisationPeriod,
  reorganisations,
  reportedOnOlderUnits,
  tileDateFor,
  type UnitVersion,
  versionOn,
} from './unit-versions';

const v = (
  level: UnitVersion['level'],
  validFrom: string,
  validTo: string | null,
  decree: string | null = null,
) => ({
  level,
  validFrom,
  validTo,
  units: 1,
  decree,
  decreeDate: null,
  title: null,
});

// The dataset's versions plus a merger imported from 1/3/2026 (a mid-quarter date).
const VERSIONS: UnitVersion[] = [
  v('province', '2008-08-01', '2025-07-01'),
  v('district', '2008-08-01', '2025-07-01'),
  v('commune', '2008-08-01', '2025-07-01'),
  v('province', '2025-07-01', null, '202/2025/QH15'),
  v('commune', '2025-07-01', '2026-03-01', '202/2025/QH15'),
  v('commune', '2026-03-01', null, '1234/NQ-UBTVQH15'),
];

describe('what screens derive from the published unit versions', () => {
  it('draws the tiles of the version in force on the date, one date per version', () => {
    expect(tileDateFor(VERSIONS, '2024-05-10')).toBe('2008-08-01');
    expect(tileDateFor(VERSIONS, '2025-09-30')).toBe('2025-07-01');
    expect(tileDateFor(VERSIONS, '2026-02-28')).toBe('2025-07-01');
    expect(tileDateFor(VERSIONS, '2026-03-01')).toBe('2026-03-01');
    expect(versionOn(VERSIONS, 'commune', '2026-12-06')?.decree).toBe('1234/NQ-UBTVQH15');
  });

  it('knows districts only where a district version is in force', () => {
    expect(hasDistricts(VERSIONS, '2025-06-30')).toBe(true);
    expect(hasDistricts(VERSIONS, '2025-07-01')).toBe(false);
  });

  it('lists every reorganisation, and which periods were reported on older units', () => {
    expect(reorganisations(VERSIONS).map((r) => r.date)).toEqual(['2025-07-01', '2026-03-01']);
    expect(reportedOnOlderUnits(VERSIONS, '2025-06-30', '2026-12-06')).toBe(true);
    expect(reportedOnOlderUnits(VERSIONS, '2025-12-31', '2026-12-06')).toBe(true);
    expect(reportedOnOlderUnits(VERSIONS, '2026-06-30', '2026-12-06')).toBe(false);
    // Seen from before the merger, 2025-Q4 was on the units of the day.
    expect(reportedOnOlderUnits(VERSIONS, '2025-12-31', '2026-01-15')).toBe(false);
  });

  it('offers a before/after pair per reorganisation, skipping a quarter cut in two', () => {
    expect(reorganisationPairs(VERSIONS).map((p) => [p.left, p.right, p.decree])).toEqual([
      ['2025-Q4', '2026-Q2', '1234/NQ-UBTVQH15'],
      ['2025-Q2', '2025-Q3', '202/2025/QH15'],
    ]);
    expect(reorganisationPeriod('2026-03-01', 'half')).toBe('2026-H1');
    expect(reorganisationPeriod('2025-07-01', 'quarter')).toBe('2025-Q3');
  });
});
