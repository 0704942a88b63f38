import { describe, expect, it } from 'vitest';
import { classifyEmerging, emergingHotspots } from './emerging-hotspots';
import { latticeWeights } from './lattice';
import { mannKendall } from './mann-kendall';

describe('Mann–Kendall', () => {
  it('matches a hand-worked increasing series', () => {
    // 1…5: S = 10, Var = 5·4·15/18 = 16.667, Z = (10 − 1)/√16.667 = 2.20454, p = 0.02749.
    const r = mannKendall([1, 2, 3, 4, 5]);
    expect(r.s).toBe(10);
    expect(r.variance).toBeCloseTo(16.6667, 4);
    expect(r.z).toBeCloseTo(2.20454, 4);
    expect(r.p).toBeCloseTo(0.02749, 4);
    expect(r.tau).toBe(1);
  });

  it('corrects the variance for ties', () => {
    // 1,1,2,3: S = 5; one tie of 2: Var = (4·3·13 − 2·1·9)/18 = 7.6667; Z = 4/√7.6667 = 1.44463.
    const r = mannKendall([1, 1, 2, 3]);
    expect(r.s).toBe(5);
    expect(r.variance).toBeCloseTo(7.66667, 4);
    expect(r.z).toBeCloseTo(1.44463, 4);
  });

  it('gives no trend to a flat series', () => {
    expect(mannKendall([2, 2, 2, 2]).z).toBe(0);
  });
});

const rising = (n: number) => Array.from({ length: n }, (_, i) => 2 + i * 0.3);
const kind = (bins: number[], z = bins.map((b) => b * 1.5)) => classifyEmerging(z, bins).category;

describe('emerging hot spot categories (ArcGIS definitions)', () => {
  it.each([
    ['new', [0, 0, 0, 0, 0, 0, 0, 0, 0, 2]],
    ['consecutive', [0, 0, 0, 0, 0, 0, 0, 1, 2, 2]],
    ['sporadic', [0, 2, 0, 0, 1, 0, 0, 2, 0, 2]],
    ['oscillating', [0, -2, 0, 0, 0, 2, 0, 0, 0, 2]],
    ['historical', [2, 2, 2, 2, 2, 2, 2, 2, 2, 0]],
  ])('%s hot spot', (expected, bins) => {
    expect(kind(bins)).toEqual({ spot: 'hot', kind: expected });
  });

  it('intensifying, diminishing and persistent hot spots depend on the trend of z', () => {
    const bins = new Array(12).fill(2);
    const up = rising(12);
    expect(kind(bins, up)).toEqual({ spot: 'hot', kind: 'intensifying' });
    expect(kind(bins, [...up].reverse())).toEqual({ spot: 'hot', kind: 'diminishing' });
    expect(
      kind(
        bins,
        up.map((_, i) => 3 + (i % 2) * 0.1),
      ),
    ).toEqual({ spot: 'hot', kind: 'persistent' });
  });

  it('mirrors cold spots and reports no pattern otherwise', () => {
    expect(kind([0, 0, 0, 0, 0, 0, 0, 0, 0, -3])).toEqual({ spot: 'cold', kind: 'new' });
    expect(kind([0, 0, 1, 0, 0, 0, 0, 0, 0, 0])).toBeNull();
  });

  it('classifies a growing block of high values on a lattice as a hot spot', () => {
    const w = latticeWeights(8, 8, 'queen');
    const steps = Array.from({ length: 8 }, (_, t) =>
      Array.from({ length: 64 }, (_, i) =>
        [27, 28, 35, 36].includes(i) ? 5 + t * 4 : 5 + ((i * 13) % 7) / 7,
      ),
    );
    const result = emergingHotspots(steps, w, { fdr: false });
    expect(result[27]?.category?.spot).toBe('hot');
    expect(result[27]?.trend.z).toBeGreaterThan(0);
  });
});
