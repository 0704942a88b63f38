import type { IncomingMessage, ServerResponse } from 'node:http';
import { MVT_CONTENT_TYPE } from '@pcmt/domain/contracts/tiles';
import type { Database } from '../../db/engine';
import { acceptsGzip } from '../../lib/content-coding';
import { generationsOf } from '../../lib/data-generations';
import { today } from '../../lib/sql';
import { ifNoneMatchHits, TILE_CACHE_CONTROL } from './http-caching';
import { type ParsedTileRequest, parseTileRequest } from './tile-request';
import { type EncodedTile, type TileRequest, tileServiceFor } from './tile-service';

/**
 * A tile URL the fast path may answer: a layer, three numbers and nothing in the query but `at`. Anything
 * else (other parameters, encoded characters, a bad date) goes to the app, which answers or refuses it.
 */
const TILE_URL = /^\/api\/tiles\/([a-z]{1,16})\/(\d{1,2})\/(\d{1,9})\/(\d{1,9}\.mvt)(?:\?at=([\d-]{10}))?$/;

/** A node:http request handler that answers some requests itself and hands the others to `app`. */
export type NodeHandler = (req: IncomingMessage, res: ServerResponse, app: NodeListener) => void;
type NodeListener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Tiles answered by the node server before the app. A tile is public (no session to look up) and a warm one
 * is already encoded, gzipped and hashed, so what is left is writing its bytes; going through the node
 * adapter, the site's and the API's middleware chain and the route cost three times that (issue 19), and a
 * cold tile paid the chain on top of its encoding. Answers only what the app would answer the same way,
 * with the same headers (tile-fast-path.db.test.ts compares them): a GET of a tile URL valid under the same
 * contracts (parseTileRequest), from the cache at once or once the tile service has encoded it. The data
 * generations are checked first, as the API's first middleware does (data-generations.ts): within the bound
 * that is a clock read; when a read is due the request waits for it (a boundary change drops the tiles).
 * Everything else (bad parameters, other queries, an encoding that failed) is left to the app.
 * @param siteHeaders headers the site puts on every response (security headers), as [name, value] pairs.
 */
export function tileFastPath(db: Database, siteHeaders: readonly (readonly [string, string])[]): NodeHandler {
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

  const write = (req: IncomingMessage, res: ServerResponse, tile: EncodedTile | null) => {
    if (tile === null) {
      res.writeHead(204, empty);
      res.end();
      return;
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
      return;
    }
    res.writeHead(200, head.ok);
    res.end(head.body);
  };

  /**
   * Tile URLs already validated, by the URL as sent: a map pans over the same few hundred again and again,
   * and a lookup here costs less than the pattern and the contracts (bounded: emptied past 20,000 URLs).
   */
  const known = new Map<string, ParsedTileRequest>();

  /** Answers the tile, from the cache at once or once encoded; anything else goes to the app. */
  const answer = (
    req: IncomingMessage,
    res: ServerResponse,
    parsed: ParsedTileRequest,
    app: NodeListener,
  ) => {
    const request: TileRequest =
      parsed.at === undefined ? { ...parsed, at: today() } : (parsed as TileRequest);
    const cached = tiles.cached(request);
    if (cached !== undefined) return write(req, res, cached);
    // Not made yet: encode it (concurrent requests share one encoding). A failure goes to the app, which
    // tries again and answers the error as every route does.
    tiles.tile(request).then(
      (tile) => write(req, res, tile),
      () => app(req, res),
    );
  };

  /** The validated request of a tile URL the fast path may answer; null leaves the URL to the app. */
  const parse = (url: string): ParsedTileRequest | null => {
    const m = TILE_URL.exec(url);
    if (!m) return null;
    try {
      const parsed = parseTileRequest({
        layer: m[1] ?? '',
        z: m[2] ?? '',
        x: m[3] ?? '',
        y: m[4] ?? '',
        at: m[5],
      });
      if (known.size >= 20_000) known.clear();
      known.set(url, parsed);
      return parsed;
    } catch {
      return null; // a bad parameter: the app answers 400 naming it
    }
  };

  return (req, res, app) => {
    const url = req.url ?? '';
    if (req.method !== 'GET' || !url.startsWith('/api/tiles/')) return app(req, res);
    const parsed = known.get(url) ?? parse(url);
    if (!parsed) return app(req, res);
    const reading = watch.check();
    if (!reading) return answer(req, res, parsed, app);
    // A read is due: the app would not wait for one already started, so wait for it here.
    reading.then(
      () => answer(req, res, parsed, app),
      () => app(req, res),
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
