import { describe, expect, it } from 'vitest';
import { kernelDensity, type LonLat, ruleOfThumbBandwidth } from './kernel-density';

const M_PER_DEG = 6_371_008.8 * (Math.PI / 180);

/** Points given in metres around (105.8°E, 21°N), on the same local projection the module uses. */
const around = (metres: Array<[number, number]>): LonLat[] =>
  metres.map(([x, y]) => [105.8 + x / (M_PER_DEG * Math.cos((21 * Math.PI) / 180)), 21 + y / M_PER_DEG]);

describe('kernel density', () => {
  it('bandwidth rule on a square: every distance to the centre is s/√2, h = 0.9 · s/√2 · 4^−0.2', () => {
    const s = 1000;
    const pts = around([
      [-s / 2, -s / 2],
      [s / 2, -s / 2],
      [-s / 2, s / 2],
      [s / 2, s / 2],
    ]);
    expect(ruleOfThumbBandwidth(pts)).toBeCloseTo(0.9 * (s / Math.SQRT2) * 4 ** -0.2, 0);
  });

  it('integrates to the number of points', () => {
    const pts = around(Array.from({ length: 50 }, (_, i) => [((i * 97) % 23) * 150, ((i * 31) % 17) * 120]));
    const grid = kernelDensity(pts, { bandwidthM: 800, cellSizeM: 50 });
    const cellKm2 = (grid.cellSizeM / 1000) ** 2;
    const total = grid.density.reduce((a, v) => a + v * cellKm2, 0);
    expect(total).toBeCloseTo(50, 0);
    expect(grid.bandwidthRule).toBeNull();
  });

  it('peaks where the points are and states the rule it used', () => {
    const pts = around([
      ...Array.from({ length: 20 }, () => [0, 0] as [number, number]),
      [3000, 3000],
      [-3000, 2000],
    ]);
    const grid = kernelDensity(pts);
    expect(grid.bandwidthRule).toContain('Silverman');
    let best = 0;
    grid.density.forEach((v, i) => {
      if (v > (grid.density[best] ?? 0)) best = i;
    });
    const lon = grid.west + ((best % grid.cols) + 0.5) * grid.cellLon;
    const lat = grid.south + (Math.floor(best / grid.cols) + 0.5) * grid.cellLat;
    expect(Math.abs(lon - 105.8) * M_PER_DEG).toBeLessThan(grid.cellSizeM * 1.5);
    expect(Math.abs(lat - 21) * M_PER_DEG).toBeLessThan(grid.cellSizeM * 1.5);
  });
});
