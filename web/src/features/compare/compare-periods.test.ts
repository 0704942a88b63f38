import { describe, expect, it } from 'vitest';
import { type Period, parsePeriod } from '../../lib/periods';
import { DEFAULT_VIEW, serializeCompareState } from '../../lib/url-state';
import { compareStateFromView, lastYearPair, resolveComparePeriods, rightFor } from './compare-periods';

const TODAY = '2025-11-20';
const p = (id: string): Period => {
  const period = parsePeriod(id);
  if (!period) throw new Error(id);
  return period;
};

describe('compare periods', () => {
  it('fills a bare link with the latest quarter and the same quarter a year earlier', () => {
    const { left, right } = resolveComparePeriods(null, null, TODAY);
    expect([left.id, right.id]).toEqual(['2024-Q3', '2025-Q3']);
    expect(resolveComparePeriods('2023', null, TODAY).right.id).toBe('2025');
    expect(resolveComparePeriods(null, '2025-H1', TODAY).left.id).toBe('2024-H1');
  });

  it('offers the same period last year, but not before the first reports', () => {
    expect(lastYearPair(p('2025-Q3'))).toEqual({ left: '2024-Q3', right: '2025-Q3' });
    expect(lastYearPair(p('2019-Q2'))).toBeNull();
  });

  it('opens from the dashboard with its view on the left and the latest period on the right', () => {
    const view = { ...DEFAULT_VIEW, province: '01', indicator: 'drug_arrests', todayUnits: true };
    const s = compareStateFromView(view, p('2024-Q1'), TODAY);
    expect(serializeCompareState(s)).toBe(
      '/so-sanh?left=2024-Q1&right=2025-Q3&li=drug_arrests&ri=drug_arrests&province=01&units=today',
    );
    expect(rightFor(p('2025-Q3'), TODAY).id).toBe('2025-Q3');
  });
});
