import { describe, expect, it } from 'vitest';
import { compareRanked } from './ranking';

const row = (
  code: string,
  current: number | null,
  progressPct: number | null,
  direction: 'higher' | 'lower' = 'higher',
  status: 'on_track' | 'at_risk' | 'no_data' = 'at_risk',
) => ({ code, current, progressPct, direction, status });

const order = (rows: ReturnType<typeof row>[]) => [...rows].sort(compareRanked).map((r) => r.code);

describe('ranking order', () => {
  it('a growth cap ranks the lower growth first and a unit without a figure last, not as 0 %', () => {
    const rows = [
      row('grew-8', 8.4, null, 'lower'),
      row('none', null, null, 'lower'),
      row('fell-9', -9, null, 'lower'),
    ];
    expect(order(rows)).toEqual(['fell-9', 'grew-8', 'none']);
  });

  it('a unit without progress ranks after every unit with progress, even at 0 %', () => {
    const rows = [row('none', 5, null), row('zero', 1, 0), row('half', 3, 50)];
    expect(order(rows)).toEqual(['half', 'zero', 'none']);
  });

  it('units with no data come last; ties fall back to the code', () => {
    const rows = [row('b', null, null, 'higher', 'no_data'), row('c', 2, 10), row('a', 2, 10)];
    expect(order(rows)).toEqual(['a', 'c', 'b']);
  });
});
