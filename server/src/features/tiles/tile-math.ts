/**
 * Web-mercator tile arithmetic (XYZ scheme, y down from the north, as MapLibre requests tiles).
 */

/** A tile address. */
export interface TileCoord {
  z: number;
  x: number;
  y: number;
}

/** Longitude/latitude box `[west, south, east, north]` in degrees. */
export type LonLatBox = readonly [number, number, number, number];

/** Web mercator stops here: the square world of zoom 0. */
const MAX_LATITUDE = 85.0511287798066;

/** True when x and y exist at zoom z (z itself is checked by the contract). */
export function isTileInRange({ z, x, y }: TileCoord): boolean {
  const n = 2 ** z;
  return Number.isInteger(x) && Number.isInteger(y) && x >= 0 && y >= 0 && x < n && y < n;
}

/** Column of the tile containing a longitude at zoom z. */
export function lonToTileX(lon: number, z: number): number {
  const n = 2 ** z;
  return Math.min(n - 1, Math.max(0, Math.floor(((lon + 180) / 360) * n)));
}

/** Row of the tile containing a latitude at zoom z. */
export function latToTileY(lat: number, z: number): number {
  const n = 2 ** z;
  const clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
  const rad = (clamped * Math.PI) / 180;
  const y = ((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n;
  return Math.min(n - 1, Math.max(0, Math.floor(y)));
}

/**
 * The box a tile covers, in degrees, grown on each side by `margin` (a share of the tile's width, measured in
 * mercator so it is exact at every latitude) and cut at the antimeridian: the box that holds everything drawn
 * into a tile with a buffer. A margin past ±180° must not wrap round, or the box would turn inside out.
 */
export function tileToLonLatBox({ z, x, y }: TileCoord, margin = 0): LonLatBox {
  const n = 2 ** z;
  const lon = (tx: number) => Math.max(-180, Math.min(180, (tx / n) * 360 - 180));
  const lat = (ty: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * ty) / n))) * 180) / Math.PI;
  return [lon(x - margin), lat(y + 1 + margin), lon(x + 1 + margin), lat(y - margin)];
}

/** Every tile of zoom z that touches a box, row by row: what a map showing that box at z would request. */
export function tilesCovering(box: LonLatBox, z: number): TileCoord[] {
  const [west, south, east, north] = box;
  const x0 = lonToTileX(west, z);
  const x1 = lonToTileX(east, z);
  const y0 = latToTileY(north, z);
  const y1 = latToTileY(south, z);
  const tiles: TileCoord[] = [];
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) tiles.push({ z, x, y });
  return tiles;
}

/** The tile of zoom z that contains a tile; the tile itself when it is not deeper than z. */
export function ancestor(tile: TileCoord, z: number): TileCoord {
  if (tile.z <= z) return tile;
  const shift = tile.z - z;
  return { z, x: tile.x >> shift, y: tile.y >> shift };
}
