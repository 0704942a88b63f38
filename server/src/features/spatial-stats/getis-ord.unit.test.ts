import { describe, expect, it } from 'vitest';
import { fdrCriticalP } from './fdr';
import { giStar } from './getis-ord';
import { latticeWeights } from './lattice';
import { islandsOf, isSymmetric, subsetWeights, weightsFromPairs } from './spatial-weights';

/**
 * 3 × 3 rook lattice with values 1…9 row by row. Worked by hand from the Gi* formula (ArcGIS "How Hot Spot
 * Analysis works"): n = 9, X̄ = 5, S = √(285/9 − 25) = √6.6667 = 2.58199.
 * - cell 0 (value 1; itself, 2 and 4): Σw = 3, Σwx = 7 → (7 − 15) / (S √((9·3 − 9)/8)) = −8 / 3.87298 = −2.06559
 * - cell 1 (value 2; itself, 1, 3, 5): Σw = 4, Σwx = 11 → (11 − 20) / (S √((36 − 16)/8)) = −9 / 4.08248 = −2.20454
 * - cell 4 (centre, value 5): Σwx = 25 = 5 X̄ → 0
 * - cell 8 mirrors cell 0: +2.06559. Two-sided p of 2.06559 = 0.03887 → 95 % bin.
 */
const values = [1, 2, 3, 4, 5, 6, 7, 8, 9];

describe('Getis-Ord Gi*', () => {
  const w = latticeWeights(3, 3);
  const result = giStar(values, w);

  it('matches the hand-worked 3 × 3 lattice', () => {
    expect(result.z[0]).toBeCloseTo(-2.06559, 4);
    expect(result.z[1]).toBeCloseTo(-2.20454, 4);
    expect(result.z[4]).toBeCloseTo(0, 12);
    expect(result.z[8]).toBeCloseTo(2.06559, 4);
    expect(result.p[0]).toBeCloseTo(0.03887, 4);
  });

  it('bins at 90 / 95 / 99 % confidence with the sign of z', () => {
    expect(result.bin[0]).toBe(-2);
    expect(result.bin[8]).toBe(2);
    expect(result.bin[4]).toBe(0);
    // cell 3 (value 4; itself, 1, 5, 7): Σwx = 17, z = (17 − 20) / 4.08248 = −0.73485: not significant.
    expect(result.z[3]).toBeCloseTo(-0.73485, 4);
    expect(result.bin[3]).toBe(0);
  });

  it('finds no hot or cold spot in a constant variable', () => {
    const flat = giStar(new Array(9).fill(7), w);
    expect([...flat.bin].every((b) => b === 0)).toBe(true);
    expect([...flat.z].every((z) => z === 0)).toBe(true);
  });

  it('turns a block of high values into a 99 % hot spot and FDR keeps fewer spots', () => {
    const big = latticeWeights(10, 10, 'queen');
    const x = Array.from({ length: 100 }, (_, i) => ((i * 37) % 11) / 10);
    for (const i of [44, 45, 46, 54, 55, 56, 64, 65, 66]) x[i] = 10;
    const plain = giStar(x, big);
    const fdr = giStar(x, big, { fdr: true });
    expect(plain.bin[55]).toBe(3);
    expect(fdr.bin[55]).toBe(3);
    const significant = (b: Int8Array) => [...b].filter((v) => v !== 0).length;
    expect(significant(fdr.bin)).toBeLessThanOrEqual(significant(plain.bin));
    expect(significant(fdr.bin)).toBeGreaterThan(0);
  });

  it('leaves islands out and rejects values of the wrong length', () => {
    const w3 = weightsFromPairs(3, [
      [0, 1, 1],
      [1, 0, 1],
    ]);
    expect(islandsOf(w3)).toEqual([2]);
    const r = giStar([1, 2, 30], w3);
    expect(r.z[2]).toBe(0);
    expect(r.p[2]).toBe(1);
    expect(() => giStar([1, 2], w3)).toThrow(RangeError);
  });
});

describe('weights', () => {
  it('lattice contiguity is symmetric, a one-way pair is not', () => {
    expect(isSymmetric(latticeWeights(4, 5, 'queen'))).toBe(true);
    expect(isSymmetric(weightsFromPairs(2, [[0, 1, 1]]))).toBe(false);
  });

  it('a subset keeps only neighbours inside it', () => {
    const w = latticeWeights(3, 3);
    const top = subsetWeights(w, [0, 1, 2]);
    expect(top.n).toBe(3);
    expect([...top.neighbours.slice(top.offsets[1], top.offsets[2])]).toEqual([0, 2]);
    expect(isSymmetric(top)).toBe(true);
  });
});

describe('Benjamini–Hochberg', () => {
  it('reproduces the published example: 4 of 15 hypotheses rejected at q = 0.05', () => {
    // Benjamini & Hochberg (1995), J. R. Statist. Soc. B 57(1), §4.1: the 15 p-values of a clinical trial.
    const p = [
      0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528,
      0.759, 1,
    ];
    const critical = fdrCriticalP(p, 0.05);
    expect(critical).toBe(0.0095);
    expect(p.filter((v) => v <= critical)).toHaveLength(4);
  });

  it('rejects nothing when no p-value passes', () => {
    expect(fdrCriticalP([0.5, 0.9], 0.05)).toBe(0);
  });
});
