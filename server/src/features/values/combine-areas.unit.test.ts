import { combineOverAreas, STORED_AREA_AGGREGATIONS } from '@pcmt/domain/indicator-semantics';
import { describe, expect, it } from 'vitest';
import { combineAreasPerPeriod } from './values.repo';

// Two provinces' rows over two quarters, as valueRows gives them (one row per unit and period).
const rows = [
  { periodId: '2025-Q2', code: '01', value: 12 },
  { periodId: '2025-Q3', code: '01', value: 7 },
  { periodId: '2025-Q2', code: '14', value: 30 },
  { periodId: '2025-Q3', code: '14', value: 2 },
];

describe('combining areas per period', () => {
  it('adds the areas of a count', () => {
    expect(combineAreasPerPeriod(rows, 'sum')).toEqual(
      new Map([
        ['2025-Q2', 42],
        ['2025-Q3', 9],
      ]),
    );
  });

  it('keeps the largest area of a peak', () => {
    expect(combineAreasPerPeriod(rows, 'max')).toEqual(
      new Map([
        ['2025-Q2', 30],
        ['2025-Q3', 7],
      ]),
    );
  });

  it('leaves a period no area reported out, rather than as zero', () => {
    expect(combineAreasPerPeriod(rows.slice(0, 2), 'sum').has('2025-Q4')).toBe(false);
  });

  it('gives each period what the domain area rule gives its areas’ values, for every stored rule', () => {
    // Negative, fractional and single-area periods too: the server has no rule of its own.
    const many = [
      ...rows,
      { periodId: '2025-Q4', code: '01', value: -2.5 },
      { periodId: '2025-Q4', code: '14', value: 0.25 },
      { periodId: '2025-Q4', code: '22', value: 1e6 },
      { periodId: '2026-Q1', code: '22', value: 4 },
    ];
    for (const rule of STORED_AREA_AGGREGATIONS) {
      const periods = [...new Set(many.map((r) => r.periodId))];
      const expected = new Map(
        periods.map((p) => [
          p,
          combineOverAreas(
            rule,
            many.filter((r) => r.periodId === p).map((r) => r.value),
          ),
        ]),
      );
      expect(combineAreasPerPeriod(many, rule), rule).toEqual(expected);
    }
  });
});
