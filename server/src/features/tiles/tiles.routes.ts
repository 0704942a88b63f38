import { createRoute, z } from '@hono/zod-openapi';
import { MVT_CONTENT_TYPE, TileParams, TileQuery } from '@pcmt/domain/contracts/tiles';
import { acceptsGzip } from '../../lib/content-coding';
import type { RouteDeps } from '../../lib/context';
import { createRouter, errorResponse } from '../../lib/openapi';
import { today } from '../../lib/sql';
import { ifNoneMatchHits, TILE_CACHE_CONTROL } from './http-caching';
import { parseTileRequest } from './tile-request';
import { tileServiceFor } from './tile-service';

const documented = createRoute({
  method: 'get',
  path: '/api/tiles/{layer}/{z}/{x}/{y}.mvt',
  summary: 'Boundaries of the units valid on a date as a Mapbox Vector Tile',
  description:
    'One MVT layer named like `layer` (extent 4096), one feature per unit with properties `code` (use as MapLibre promoteId) and `name`. Gzipped when the client accepts it.',
  request: { params: TileParams, query: TileQuery },
  responses: {
    200: {
      description: 'Mapbox Vector Tile',
      content: { [MVT_CONTENT_TYPE]: { schema: z.string().openapi({ format: 'binary' }) } },
    },
    204: { description: 'No unit touches this tile (MapLibre draws nothing)' },
    304: { description: 'The tile named by If-None-Match is still current' },
    400: errorResponse('Bad parameter'),
  },
});

/**
 * Hono reads `{y}.mvt` as one parameter named `y.mvt` that matches any segment, so requests are matched by a
 * regex parameter (`y` then holds `12.mvt`) on a route hidden from the document, which shows `documented`.
 * It validates in the handler (parseTileRequest, same contracts) rather than through the route's validators,
 * which would cost a warm tile more than sending it.
 */
const served = createRoute({
  method: documented.method,
  path: '/api/tiles/{layer}/{z}/{x}/{y{[^/]+\\.mvt}}',
  responses: documented.responses,
  hide: true,
});

export const tilesRoutes = ({ db }: RouteDeps) => {
  const tiles = tileServiceFor(db);
  const router = createRouter();
  router.openAPIRegistry.registerPath(documented);
  return router.openapi(served, async (c) => {
    const { layer = '', z: zoom = '', x = '', y = '' } = c.req.param();
    const req = parseTileRequest({ layer, z: zoom, x, y, at: c.req.query('at') });
    const tile = await tiles.tile({ ...req, at: req.at ?? today() });
    const headers: Record<string, string> = { 'cache-control': TILE_CACHE_CONTROL, vary: 'Accept-Encoding' };
    if (!tile) return c.body(null, 204, headers);
    const gzip = acceptsGzip(c.req.header('accept-encoding'));
    headers.etag = gzip ? tile.gzipEtag : tile.etag;
    if (ifNoneMatchHits(c.req.header('if-none-match'), [headers.etag])) return c.body(null, 304, headers);
    headers['content-type'] = MVT_CONTENT_TYPE;
    if (gzip) return c.body(tile.gzip, 200, { ...headers, 'content-encoding': 'gzip' });
    return c.body(tile.raw, 200, headers);
  });
};
