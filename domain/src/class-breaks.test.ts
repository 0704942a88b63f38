import { describe, expect, it } from 'vitest';
import {
  classBreaks,
  classOf,
  classRanges,
  equalIntervalBreaks,
  jenksBreaks,
  quantileBreaks,
} from './class-breaks';

describe('class breaks', () => {
  const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

  it('quantiles put about as many units in each class', () => {
    const b = quantileBreaks(values, 5);
    expect(b?.thresholds).toEqual([2, 4, 6, 8]);
    const counts = new Map<number, number>();
    for (const v of values) {
      const c = classOf(v, b ?? { min: 0, max: 0, thresholds: [] });
      counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    expect([...counts.values()]).toEqual([2, 2, 2, 2, 2]);
  });

  it('equal intervals split the range evenly', () => {
    expect(equalIntervalBreaks([0, 100], 4)?.thresholds).toEqual([25, 50, 75]);
  });

  it('natural breaks find the gaps between clusters', () => {
    const clustered = [1, 1.2, 1.1, 0.9, 10, 10.5, 9.8, 30, 31, 29.5];
    expect(jenksBreaks(clustered, 3)?.thresholds).toEqual([1.2, 10.5]);
  });

  it('natural breaks on many values stay fast and ordered', () => {
    const many = Array.from({ length: 10_600 }, (_, i) => (i % 97) ** 1.5);
    const started = performance.now();
    const b = jenksBreaks(many, 7);
    expect(performance.now() - started).toBeLessThan(2000);
    const t = b?.thresholds ?? [];
    expect(t.length).toBe(6);
    expect([...t].sort((a, c) => a - c)).toEqual(t);
  });

  it('merges classes that ties make empty (many zeros)', () => {
    const zeros = [0, 0, 0, 0, 0, 0, 0, 0, 1, 5];
    const b = classBreaks(zeros, 'quantile', 5);
    expect(b?.thresholds).toEqual([0]);
    expect(classRanges(b ?? { min: 0, max: 0, thresholds: [] })).toEqual([
      [0, 0],
      [0, 5],
    ]);
  });

  it('has no classes without values', () => {
    expect(classBreaks([], 'jenks', 5)).toBeNull();
  });
});
