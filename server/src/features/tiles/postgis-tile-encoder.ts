import type { Queryable } from '../../db/engine';
import { validAt } from '../../lib/sql';
import type { TileEncoder } from './tile-encoder';
import {
  detailForZoom,
  GEOMETRY_COLUMN,
  simplifyToleranceMeters,
  TILE_BUFFER,
  TILE_EXTENT,
} from './tile-layers';
import { tileToLonLatBox } from './tile-math';

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
      const [west, south, east, north] = tileToLonLatBox(job, TILE_BUFFER / TILE_EXTENT);
      const rows = await db.query<{ mvt: Uint8Array | null }>(
        `select ST_AsMVT(t, $1, ${TILE_EXTENT}, 'geom') as mvt
         from (
           select u.code, u.full_name as name,
             ST_AsMVTGeom(ST_Simplify(ST_Transform(u.${column}, 3857), $7::float8, true),
               ST_TileEnvelope($4::int, $5::int, $6::int), ${TILE_EXTENT}, ${TILE_BUFFER}, true) as geom
           from admin_units u
           where u.level = $2 and ${validAt('u', '$3')}
             and u.${column} && ST_MakeEnvelope($8::float8, $9::float8, $10::float8, $11::float8, 4326)
           order by u.code
         ) t
         where t.geom is not null`,
        [
          job.layer,
          job.level,
          job.version,
          job.z,
          job.x,
          job.y,
          simplifyToleranceMeters(job.z),
          west,
          south,
          east,
          north,
        ],
      );
      return rows[0]?.mvt ?? new Uint8Array(0);
    },
    clear() {
      // Nothing kept between tiles: every tile is one query.
    },
  };
}
