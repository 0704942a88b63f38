import type { TargetDefinition } from '@pcmt/domain/contracts/plans';
import { describe, expect, it } from 'vitest';
import { inputNeeds } from './needs';
import { context } from './testing/progress-fixtures';

const ctx = context('2026-10-15');
const needs = (
  definition: TargetDefinition,
  detail: 'series' | 'latest' = 'series',
  planStart = '2025-01-01',
) =>
  inputNeeds(
    [{ code: 't', definition, deadline: '2030-12-31' }],
    planStart,
    ctx.asOf,
    ctx.quarters,
    ctx.indicators,
    detail,
  );

describe('what a computation reads', () => {
  const share: TargetDefinition = {
    kind: 'share',
    indicator: 'treatment_reach_pct',
    op: 'gte',
    threshold: 80,
    eachChild: false,
  };

  it('a rate reads its numerator and denominator, from the quarter before the plan to the last reported', () => {
    const n = needs(share);
    expect(n.storedIndicators).toEqual(['addicts_reached', 'managed_addicts']);
    expect(n.quarterIds[0]).toBe('2024-Q4');
    expect(n.quarterIds.at(-1)).toBe('2026-Q3');
    expect(n.quarterIds).toHaveLength(8);
    expect(n.statusDates).toEqual([]);
  });

  it('for today’s figures only the baseline quarter and the last four', () => {
    expect(needs(share, 'latest').quarterIds).toEqual([
      '2024-Q4',
      '2025-Q4',
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
    ]);
  });

  it('a flow counted from a date reads every quarter of its window', () => {
    const count: TargetDefinition = {
      kind: 'count',
      indicator: 'rehab_compulsory',
      threshold: 10,
      window: { from: '2026-01-01', eachYear: false },
      eachChild: false,
    };
    expect(needs(count, 'latest').quarterIds).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']);
  });

  it('status targets read snapshots at year ends from the baseline year and today', () => {
    const n = needs({
      kind: 'status_share',
      statuses: ['khong_ma_tuy'],
      op: 'gt',
      threshold: 20,
      eachChild: false,
    });
    expect(n.statusDates).toEqual(['2024-12-31', '2025-12-31', '2026-10-15']);
    expect(n.perCommuneStatuses).toBe(false);
    const conversion = needs({
      kind: 'status_conversion',
      from: ['co_ma_tuy'],
      to: ['khong_ma_tuy'],
      threshold: 1,
      window: { from: '2025-01-01', eachYear: true },
      eachChild: true,
    });
    expect(conversion.perCommuneStatuses).toBe(true);
    expect(conversion.statusDates).toEqual(['2025-01-01', '2025-12-31', '2026-01-01', '2026-10-15']);
  });
});
