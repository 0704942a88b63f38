import type { UnitLevel } from '@pcmt/domain/contracts/common';
import type { TileLayer } from '@pcmt/domain/contracts/tiles';
import type { TileCoord } from './tile-math';

/** One tile of one layer for one version of the units (see unit-versions.ts). */
export interface TileJob extends TileCoord {
  layer: TileLayer;
  level: UnitLevel;
  /** Change date naming the set of units to draw; they are the units valid on it. */
  version: string;
}

/**
 * Turns a tile job into MVT bytes: one layer named like `job.layer`, extent 4096, features with `code` and
 * `name`. An empty array means no feature touches the tile.
 */
export interface TileEncoder {
  readonly name: 'postgis' | 'geojson-vt';
  encode(job: TileJob): Promise<Uint8Array>;
  /** Forget whatever the encoder keeps between tiles (the JS encoder's indexes), after data changes. */
  clear(): void;
}
