import type { UnitLevel } from '@pcmt/domain/contracts/common';
import { TILE_MAX_ZOOM, type TileLayer } from '@pcmt/domain/contracts/tiles';

/** Administrative level shown by each URL layer. */
export const LAYER_LEVEL: Readonly<Record<TileLayer, UnitLevel>> = {
  provinces: 'province',
  districts: 'district',
  communes: 'commune',
};

/** Tile coordinate space, the MVT default that MapLibre expects. */
export const TILE_EXTENT = 4096;

/** Geometry kept beyond each tile edge (in tile units) so fills and outlines join without seams. */
export const TILE_BUFFER = 64;

/**
 * Douglas–Peucker tolerance in tile units below the deepest zoom: geojson-vt's default, applied by the SQL
 * encoder too so that both encoders drop the same sub-pixel detail (3 of 4096 units is under half a pixel
 * on a 512 px tile) and tiles stay within the size budget.
 */
export const TILE_SIMPLIFY_UNITS = 3;

/** Pre-simplified geometry variant stored in `admin_units`. */
export type GeometryDetail = 'low' | 'mid' | 'full';

/** Column holding each variant. */
export const GEOMETRY_COLUMN: Readonly<Record<GeometryDetail, 'geom_low' | 'geom_mid' | 'geom'>> = {
  low: 'geom_low',
  mid: 'geom_mid',
  full: 'geom',
};

/**
 * Which stored variant a zoom draws from: ~600 m (`geom_low`) up to z7, ~75 m (`geom_mid`) for z8–10, as
 * stored above. One policy for every layer, communes included: measured on the 3,321 real communes, commune
 * tiles from `geom_low` simplified at {@link TILE_SIMPLIFY_UNITS} are at most ~94 KB gzipped at z ≤ 6 (median
 * under 20 KB), inside the 150 KB / 50 KB budget, and still carry every commune's `code` so the map can colour
 * communes by feature-state at national zooms. Serving provinces there instead would lose that.
 */
export function detailForZoom(z: number): GeometryDetail {
  if (z <= 7) return 'low';
  if (z <= 10) return 'mid';
  return 'full';
}

/** Half of web mercator's world width in metres (EPSG:3857). */
const MERCATOR_HALF_WORLD = 20037508.342789244;

/** {@link TILE_SIMPLIFY_UNITS} in EPSG:3857 metres at zoom z; none at the deepest zoom, like geojson-vt. */
export function simplifyToleranceMeters(z: number): number {
  if (z >= TILE_MAX_ZOOM) return 0;
  return (TILE_SIMPLIFY_UNITS * (2 * MERCATOR_HALF_WORLD)) / (2 ** z * TILE_EXTENT);
}
