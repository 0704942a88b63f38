import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/errors';
import { parseTileRequest, type RawTileRequest } from './tile-request';

const raw = (over: Partial<RawTileRequest> = {}): RawTileRequest => ({
  layer: 'communes',
  z: '12',
  x: '3252',
  y: '1803.mvt',
  at: '2025-08-01',
  ...over,
});

function fieldOf(r: RawTileRequest): string | null {
  try {
    parseTileRequest(r);
  } catch (err) {
    if (err instanceof ApiError && err.status === 400) return err.field;
    throw err;
  }
  return null;
}

describe('parseTileRequest', () => {
  it('reads the tile, the layer and the date', () => {
    expect(parseTileRequest(raw())).toEqual({ layer: 'communes', z: 12, x: 3252, y: 1803, at: '2025-08-01' });
    expect(parseTileRequest(raw({ at: undefined })).at).toBeUndefined();
  });

  it('answers a repeated URL from memory', () => {
    expect(parseTileRequest(raw({ z: '11', x: '1626', y: '901.mvt' }))).toBe(
      parseTileRequest(raw({ z: '11', x: '1626', y: '901.mvt' })),
    );
  });

  it('names the bad parameter, every time', () => {
    expect(fieldOf(raw({ layer: 'roads' }))).toBe('layer');
    expect(fieldOf(raw({ z: '15' }))).toBe('z');
    expect(fieldOf(raw({ z: '2', x: '4', y: '0.mvt' }))).toBe('x');
    expect(fieldOf(raw({ z: '2', x: '0', y: '4.mvt' }))).toBe('y');
    expect(fieldOf(raw({ y: 'a.mvt' }))).toBe('y');
    expect(fieldOf(raw({ at: '2025-02-30' }))).toBe('at');
    expect(fieldOf(raw({ at: '2025-02-30' }))).toBe('at');
  });
});
