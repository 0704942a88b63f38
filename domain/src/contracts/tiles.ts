import { z } from 'zod';
import { IsoDate } from './common';

/** Vector tile layers: one MVT layer per URL layer, named like it. */
export const TileLayer = z.enum(['provinces', 'districts', 'communes']);
export type TileLayer = z.infer<typeof TileLayer>;

/** Deepest zoom served; a map source should set `maxzoom` to this and let MapLibre overzoom beyond. */
export const TILE_MAX_ZOOM = 14;

/** Media type of a Mapbox Vector Tile. */
export const MVT_CONTENT_TYPE = 'application/vnd.mapbox-vector-tile';

const tileNumber = (name: string) =>
  z
    .string()
    .regex(/^\d{1,9}$/, `phải là số nguyên (${name})`)
    .transform(Number);

/** The tile row as it arrives in the URL (`12.mvt`); the route's regex only lets `….mvt` through. */
const tileRowWithSuffix = z
  .string()
  .regex(/^\d{1,9}\.mvt$/, 'phải là số hàng ô bản đồ, theo sau là .mvt')
  .transform((s) => Number.parseInt(s, 10));

const withTileBounds = <T extends z.ZodType<{ z: number; x: number; y: number }>>(schema: T) =>
  schema.superRefine((p, ctx) => {
    const n = 2 ** p.z;
    if (p.x >= n) ctx.addIssue({ code: 'custom', path: ['x'], message: `phải nhỏ hơn 2^z = ${n}` });
    if (p.y >= n) ctx.addIssue({ code: 'custom', path: ['y'], message: `phải nhỏ hơn 2^z = ${n}` });
  });

const tileParamsShape = {
  layer: TileLayer.describe('provinces, districts (dates before 2025-07-01 only) or communes'),
  z: tileNumber('zoom')
    .pipe(z.number().max(TILE_MAX_ZOOM, `tối đa ${TILE_MAX_ZOOM}`))
    .describe(`zoom, 0 to ${TILE_MAX_ZOOM}`),
  x: tileNumber('tile column').describe('tile column from the west, 0 to 2^z − 1'),
};

const TILE_ROW = 'tile row from the north, 0 to 2^z − 1';

/** Path parameters as documented: `/api/tiles/{layer}/{z}/{x}/{y}.mvt`. */
export const TileParams = withTileBounds(
  z.object({ ...tileParamsShape, y: tileNumber('tile row').describe(TILE_ROW) }),
);

/** Path parameters as matched at run time, where the `.mvt` suffix is still part of `y`. */
export const TileRouteParams = withTileBounds(
  z.object({ ...tileParamsShape, y: tileRowWithSuffix.describe(TILE_ROW) }),
);

/** Query of a tile request. */
export const TileQuery = z.object({
  at: IsoDate.optional().describe('units valid on this date; default today'),
});
