import { describe, expect, it } from 'vitest';
import { ancestor, isTileInRange, latToTileY, lonToTileX, tilesCovering, tileToLonLatBox } from './tile-math';

describe('tile math', () => {
  it('finds the tile MapLibre requests for a place (Hà Nội, Hoàn Kiếm lake)', () => {
    expect([lonToTileX(105.8524, 12), latToTileY(21.0287, 12)]).toEqual([3252, 1803]);
    expect([lonToTileX(105.8524, 0), latToTileY(21.0287, 0)]).toEqual([0, 0]);
  });

  it('turns a tile back into the box it covers', () => {
    const [west, south, east, north] = tileToLonLatBox({ z: 12, x: 3252, y: 1803 });
    expect(west).toBeLessThanOrEqual(105.8524);
    expect(east).toBeGreaterThan(105.8524);
    expect(south).toBeLessThanOrEqual(21.0287);
    expect(north).toBeGreaterThan(21.0287);
    const [w, s, e, n] = tileToLonLatBox({ z: 0, x: 0, y: 0 });
    expect([w, e]).toEqual([-180, 180]);
    expect(n).toBeCloseTo(85.0511287798, 9);
    expect(s).toBeCloseTo(-85.0511287798, 9);
  });

  it('grows a tile box by a margin without wrapping round the antimeridian', () => {
    const [west, south, east, north] = tileToLonLatBox({ z: 1, x: 1, y: 0 }, 1 / 64);
    expect(west).toBeCloseTo(-180 / 64, 9);
    expect(east).toBe(180);
    expect(north).toBeGreaterThan(85.0511287798);
    expect(south).toBeLessThan(0);
    // A margin of one tile width at z2 reaches the next tile's far edge.
    expect(tileToLonLatBox({ z: 2, x: 1, y: 1 }, 1)[0]).toBeCloseTo(-180, 9);
  });

  it('clamps places beyond web mercator to the edge tiles', () => {
    expect(latToTileY(89, 3)).toBe(0);
    expect(latToTileY(-89, 3)).toBe(7);
    expect(lonToTileX(180, 3)).toBe(7);
  });

  it('knows which tiles exist at a zoom', () => {
    expect(isTileInRange({ z: 0, x: 0, y: 0 })).toBe(true);
    expect(isTileInRange({ z: 2, x: 3, y: 3 })).toBe(true);
    expect(isTileInRange({ z: 2, x: 4, y: 0 })).toBe(false);
    expect(isTileInRange({ z: 2, x: 0, y: -1 })).toBe(false);
    expect(isTileInRange({ z: 2, x: 0.5, y: 0 })).toBe(false);
  });

  it('lists the tiles covering Việt Nam, row by row', () => {
    const vietnam = [102.14, 8.18, 109.47, 23.39] as const;
    expect(tilesCovering(vietnam, 0)).toEqual([{ z: 0, x: 0, y: 0 }]);
    const z5 = tilesCovering(vietnam, 5);
    // One column of 11.25° (101.25–112.5°E), three rows.
    expect(z5).toEqual([
      { z: 5, x: 25, y: 13 },
      { z: 5, x: 25, y: 14 },
      { z: 5, x: 25, y: 15 },
    ]);
    for (const t of tilesCovering(vietnam, 8)) expect(isTileInRange(t)).toBe(true);
  });

  it('finds the ancestor of a tile at a shallower zoom', () => {
    expect(ancestor({ z: 12, x: 3252, y: 1803 }, 8)).toEqual({ z: 8, x: 203, y: 112 });
    expect(ancestor({ z: 12, x: 3252, y: 1803 }, 0)).toEqual({ z: 0, x: 0, y: 0 });
    expect(ancestor({ z: 5, x: 25, y: 14 }, 8)).toEqual({ z: 5, x: 25, y: 14 });
  });
});
