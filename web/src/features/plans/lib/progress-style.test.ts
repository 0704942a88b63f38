import { describe, expect, it } from 'vitest';
import { chartRows } from './progress-style';

const projection = (value: number | null) => ({
  method: 'linear_trend' as const,
  descriptionVi: '',
  descriptionEn: '',
  value,
  basedOn: 4,
  bounds: { min: 0, max: 100 },
  clamped: false,
  interval: null as { low: number; high: number; level: number } | null,
});

describe('trend chart rows', () => {
  it('puts actual, trajectory and projection on one time axis, the projection from the last value to the deadline', () => {
    const rows = chartRows(
      {
        series: [
          { date: '2025-03-31', value: 10, estimated: false },
          { date: '2025-06-30', value: 12, estimated: false },
        ],
        trajectory: [
          { date: '2025-03-31', value: 10 },
          { date: '2025-12-31', value: 20 },
        ],
        projection: projection(18),
        currentDate: '2025-06-30',
        current: 12,
      },
      '2025-12-31',
    );
    expect(rows.map((r) => r.date)).toEqual(['2025-03-31', '2025-06-30', '2025-12-31']);
    expect(rows[0]).toMatchObject({ actual: 10, trajectory: 10 });
    expect(rows[1]).toMatchObject({ actual: 12, projection: 12 });
    expect(rows[2]).toMatchObject({ trajectory: 20, projection: 18 });
    expect(rows[2]?.actual).toBeUndefined();
  });

  it('draws crosswalk estimates on their own line that joins the reported one', () => {
    const rows = chartRows(
      {
        series: [
          { date: '2025-06-30', value: 5, estimated: false },
          { date: '2025-09-30', value: 6, estimated: true },
        ],
        trajectory: [],
        projection: projection(null),
        currentDate: '2025-09-30',
        current: 6,
      },
      '2026-12-31',
    );
    expect(rows[0]).toMatchObject({ actual: 5, estimated: 5 });
    expect(rows[1]).toMatchObject({ estimated: 6 });
    expect(rows[1]?.actual).toBeUndefined();
    expect(rows.some((r) => r.projection !== undefined)).toBe(false);
  });

  it('draws the projection’s interval as a band widening from the last value to the deadline', () => {
    const rows = chartRows(
      {
        series: [{ date: '2025-06-30', value: 40, estimated: false }],
        trajectory: [],
        projection: { ...projection(55), interval: { low: 48, high: 62, level: 80 } },
        currentDate: '2025-06-30',
        current: 40,
      },
      '2026-12-31',
    );
    expect(rows.map((r) => r.band)).toEqual([
      [40, 40],
      [48, 62],
    ]);
  });
});
