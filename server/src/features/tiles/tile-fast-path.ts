import type { IncomingMessage, ServerResponse } from 'node:http';
import { MVT_CONTENT_TYPE } from '../../contracts/tiles';
import type { Database } from '../../db/engine';
import { generationsOf } from '../../lib/data-generations';
import { today } from '../../lib/sql';
import { acceptsGzip, ifNoneMatchHits, TILE_CACHE_CONTROL } from './http-caching';
import { parseTileRequest } from './tile-request';
import { type EncodedTile, tileServiceFor } from './tile-service';

/**
 * A tile URL the fast path may answer: a layer, three numbers and nothing in the query but `at`. Anything
 * else (other parameters, encoded characters, a bad date) goes to the app, which answers or refuses it.
 */
const TILE_URL = /^\/api\/tiles\/([a-z]{1,16})\/(\d{1,2})\/(\d{1,9})\/(\d{1,9}\.mvt)(?:\?at=([\d-]{10}))?$/;

/** A node:http request handler that answers some requests itself and hands the others to `app`. */
export type NodeHandler = (req: IncomingMessage, res: ServerResponse, app: () => void) => void;

/**
 * Cached tiles answered by the node server before the app: a warm tile is public (no session to look up),
 * already encoded, gzipped and hashed, so what is left is writing its bytes. Going through the node adapter,
 * the site's and the API's middleware chain and the route cost three times that (issue 19). Answers only
 * what the app would answer the same way, with the same headers (tile-fast-path.db.test.ts compares them):
 * a GET of a tile this process holds, for a URL the app already validated. The data generations are checked
 * first, as the API's first middleware does (data-generations.ts): within the bound that is a clock read;
 * when a read is due this request waits for it (a boundary change drops the tiles) and then looks again.
 * Everything else is left to the app.
 * @param siteHeaders headers the site puts on every response (security headers), as [name, value] pairs. */
export function cachedTileHandler(
  db: Database,
  siteHeaders: readonly (readonly [string, string])[],
): NodeHandler {
  const tiles = tileServiceFor(db);
  const watch = generationsOf(db);
  const common = siteHeaders.flat();
  common.push('cache-control', TILE_CACHE_CONTROL, 'vary', 'Accept-Encoding');
  const empty = [...common];
  // Headers of each representation of a tile, built on its first answer and dropped with the tile.
  const heads = new WeakMap<EncodedTile, { gzip: Representation; raw: Representation }>();
  const headsOf = (tile: EncodedTile) => {
    let head = heads.get(tile);
    if (!head) {
      head = {
        gzip: representation(common, tile.gzipEtag, tile.gzip, true),
        raw: representation(common, tile.etag, tile.raw, false),
      };
      heads.set(tile, head);
    }
    return head;
  };
  const gzipAccepted = new Map<string, boolean>();

  /** Answers from the cache, or returns false. */
  const answer = (req: IncomingMessage, res: ServerResponse, m: RegExpExecArray): boolean => {
    let tile: EncodedTile | null | undefined;
    try {
      const parsed = parseTileRequest({
        layer: m[1] ?? '',
        z: m[2] ?? '',
        x: m[3] ?? '',
        y: m[4] ?? '',
        at: m[5],
      });
      tile = tiles.cached({ ...parsed, at: parsed.at ?? today() });
    } catch {
      return false; // a bad parameter: the app answers 400 naming it
    }
    if (tile === undefined) return false;
    if (tile === null) {
      res.writeHead(204, empty);
      res.end();
      return true;
    }
    const acceptEncoding = req.headers['accept-encoding'] ?? '';
    let gzip = gzipAccepted.get(acceptEncoding);
    if (gzip === undefined) {
      gzip = acceptsGzip(acceptEncoding);
      if (gzipAccepted.size > 100) gzipAccepted.clear();
      gzipAccepted.set(acceptEncoding, gzip);
    }
    const head = gzip ? headsOf(tile).gzip : headsOf(tile).raw;
    const ifNoneMatch = req.headers['if-none-match'];
    if (ifNoneMatch && ifNoneMatchHits(ifNoneMatch, [head.etag])) {
      res.writeHead(304, head.notModified);
      res.end();
      return true;
    }
    res.writeHead(200, head.ok);
    res.end(head.body);
    return true;
  };

  return (req, res, app) => {
    const url = req.url ?? '';
    const m = req.method === 'GET' && url.startsWith('/api/tiles/') ? TILE_URL.exec(url) : null;
    if (!m) return app();
    const reading = watch.check();
    if (!reading) {
      if (!answer(req, res, m)) app();
      return;
    }
    // A read is due: the app would not wait for one already started, so wait for it here.
    reading.then(
      () => {
        if (!answer(req, res, m)) app();
      },
      () => app(),
    );
  };
}

interface Representation {
  etag: string;
  body: Uint8Array;
  /** Flat [name, value, …] lists, as writeHead takes them. */
  ok: string[];
  notModified: string[];
}

function representation(
  common: readonly string[],
  etag: string,
  body: Uint8Array,
  gzip: boolean,
): Representation {
  const notModified = [...common, 'etag', etag];
  const ok = [...notModified, 'content-type', MVT_CONTENT_TYPE];
  if (gzip) ok.push('content-encoding', 'gzip');
  ok.push('content-length', String(body.byteLength));
  return { etag, body, ok, notModified };
}
