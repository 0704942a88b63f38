import type { Queryable } from '../../db/engine';
import type { TileEncoder } from './tile-encoder';
import {
  detailForZoom,
  GEOMETRY_COLUMN,
  simplifyToleranceMeters,
  TILE_BUFFER,
  TILE_EXTENT,
} from './tile-layers';
import { tileToLonLatBox } from './tile-math';
import { postgisMvt } from './tile-source.repo';

/**
 * Encodes tiles in the database with ST_AsMVT (PostGIS 3.0 API; the server engine has 3.3). The bounding
 * box test uses the GiST index of the stored variant; simplification runs on the few features of one tile,
 * already pre-simplified, so it costs little.
 */
export function createPostgisTileEncoder(db: Queryable): TileEncoder {
  return {
    name: 'postgis',
    async encode(job) {
      const column = GEOMETRY_COLUMN[detailForZoom(job.z)];
      // The filter box is made here rather than by transforming ST_TileEnvelope(…, margin): at the world's
      // edge the margin crosses ±180° and the transformed box wraps round and misses everything.
      return postgisMvt(db, job, {
        column,
        toleranceM: simplifyToleranceMeters(job.z),
        box: tileToLonLatBox(job, TILE_BUFFER / TILE_EXTENT),
      });
    },
    clear() {
      // Nothing kept between tiles: every tile is one query.
    },
  };
}
