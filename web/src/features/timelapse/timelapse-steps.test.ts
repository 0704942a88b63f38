import { describe, expect, it } from 'vitest';
import { type Period, parsePeriod } from '../../lib/periods';
import { nextTimelapsePeriod, timelapseStart } from './timelapse-steps';

const TODAY = '2025-11-20';
const p = (id: string): Period => {
  const period = parsePeriod(id);
  if (!period) throw new Error(id);
  return period;
};

describe('time-lapse steps', () => {
  it('steps through the periods of the kind on screen, across the 2025 reorganisation', () => {
    expect(nextTimelapsePeriod(p('2025-Q1'), TODAY)?.id).toBe('2025-Q2');
    expect(nextTimelapsePeriod(p('2025-Q2'), TODAY)?.id).toBe('2025-Q3');
    expect(nextTimelapsePeriod(p('2024-Q4'), TODAY)?.id).toBe('2025-Q1');
    expect(nextTimelapsePeriod(p('2023'), TODAY)?.id).toBe('2024');
    expect(nextTimelapsePeriod(p('2024-H2'), TODAY)?.id).toBe('2025-H1');
  });

  it('stops at the latest reported period instead of looping', () => {
    expect(nextTimelapsePeriod(p('2025-Q3'), TODAY)).toBeNull();
    expect(nextTimelapsePeriod(p('2025-H2'), TODAY)).toBeNull();
  });

  it('starts from the period on screen, or from the first one when the latest is on screen', () => {
    expect(timelapseStart(p('2024-Q2'), TODAY).id).toBe('2024-Q2');
    expect(timelapseStart(p('2025-Q3'), TODAY).id).toBe('2019-Q1');
    expect(timelapseStart(p('2025'), TODAY).id).toBe('2019');
  });
});
