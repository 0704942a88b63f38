import { TILE_MAX_ZOOM } from '@pcmt/domain/contracts/tiles';
import { describe, expect, it } from 'vitest';
import { detailForZoom, GEOMETRY_COLUMN, simplifyToleranceMeters } from './tile-layers';

describe('zoom policy', () => {
  it('draws from the ~600 m variant up to z7, the ~75 m one for z8–10 and full geometry above', () => {
    const columns = Array.from({ length: TILE_MAX_ZOOM + 1 }, (_, z) => GEOMETRY_COLUMN[detailForZoom(z)]);
    expect(columns).toEqual([
      ...Array(8).fill('geom_low'),
      ...Array(3).fill('geom_mid'),
      ...Array(TILE_MAX_ZOOM - 10).fill('geom'),
    ]);
  });

  it('simplifies by 3 tile units, halving in metres with each zoom, and not at the deepest zoom', () => {
    // At z0 one unit is 40,075 km / 4096 ≈ 9.78 km.
    expect(simplifyToleranceMeters(0)).toBeCloseTo(29_351.8, 1);
    expect(simplifyToleranceMeters(10) / simplifyToleranceMeters(11)).toBeCloseTo(2, 10);
    expect(simplifyToleranceMeters(TILE_MAX_ZOOM)).toBe(0);
  });
});
