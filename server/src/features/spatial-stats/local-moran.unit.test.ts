import { describe, expect, it } from 'vitest';
import { latticeWeights } from './lattice';
import { globalMoran, localMoran } from './local-moran';

/**
 * 3 × 3 rook lattice, values 1…9 row by row, worked by hand from Anselin (1995) eq. 12 with
 * row-standardised weights: z = x − 5, m2 = Σ z² / 9 = 60 / 9.
 * - cell 0: z = −4, neighbours 1 and 3 (z −3, −1): lag = −2 → I = (−4 / 6.6667) · (−2) = 1.2 (low-low)
 * - cell 1: z = −3, neighbours 0, 2, 4 (z −4, −2, 0): lag = −2 → I = 0.9
 * - cell 4: z = 0 → I = 0
 */
describe("local Moran's I", () => {
  const w = latticeWeights(3, 3);
  const values = [1, 2, 3, 4, 5, 6, 7, 8, 9];

  it('matches the hand-worked lattice', () => {
    const r = localMoran(values, w, { permutations: 99, seed: 1 });
    expect(r.i[0]).toBeCloseTo(1.2, 12);
    expect(r.lag[0]).toBeCloseTo(-2, 12);
    expect(r.i[1]).toBeCloseTo(0.9, 12);
    expect(r.i[4]).toBe(0);
    expect(r.i[8]).toBeCloseTo(1.2, 12);
  });

  it('averages to the global Moran I', () => {
    const x = Array.from({ length: 49 }, (_, i) => Math.sin(i * 1.7) * 10 + (i % 7));
    const w7 = latticeWeights(7, 7, 'queen');
    const r = localMoran(x, w7, { permutations: 9 });
    const mean = [...r.i].reduce((a, b) => a + b, 0) / 49;
    expect(mean).toBeCloseTo(globalMoran(x, w7), 12);
  });

  it('labels a block of high values high-high and a block of low values low-low', () => {
    const w10 = latticeWeights(10, 10, 'queen');
    const x = Array.from({ length: 100 }, (_, i) => 5 + ((i * 37) % 11) / 10);
    for (const i of [11, 12, 13, 21, 22, 23, 31, 32, 33]) x[i] = 20;
    for (const i of [66, 67, 68, 76, 77, 78, 86, 87, 88]) x[i] = -10;
    const r = localMoran(x, w10, { seed: 7 });
    expect(r.cluster[22]).toBe('HH');
    expect(r.cluster[77]).toBe('LL');
    expect(r.p[22]).toBeLessThanOrEqual(0.01);
  });

  it('gives pseudo p-values in [1/(R+1), 1] and repeats them for the same seed', () => {
    const w10 = latticeWeights(10, 10, 'rook');
    const x = Array.from({ length: 100 }, (_, i) => (i * 7919) % 101);
    const a = localMoran(x, w10, { permutations: 199, seed: 42 });
    const b = localMoran(x, w10, { permutations: 199, seed: 42 });
    const c = localMoran(x, w10, { permutations: 199, seed: 43 });
    for (const p of a.p) {
      expect(p).toBeGreaterThanOrEqual(1 / 200);
      expect(p).toBeLessThanOrEqual(1);
    }
    expect([...a.p]).toEqual([...b.p]);
    expect([...a.p]).not.toEqual([...c.p]);
  });

  it('finds no cluster in a constant variable', () => {
    const r = localMoran(new Array(9).fill(3), w);
    expect(r.cluster.every((c) => c === null)).toBe(true);
    expect([...r.p].every((p) => p === 1)).toBe(true);
  });
});
