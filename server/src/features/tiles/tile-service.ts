import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { UnitLevel } from '@pcmt/domain/contracts/common';
import type { TileLayer } from '@pcmt/domain/contracts/tiles';
import type { Database } from '../../db/engine';
import { generationsOf } from '../../lib/data-generations';
import { versionAt } from '../../lib/version-at';
import { createGeojsonVtTileEncoder } from './geojson-vt-tile-encoder';
import { LruCache } from './lru-cache';
import { createPostgisTileEncoder } from './postgis-tile-encoder';
import type { TileEncoder } from './tile-encoder';
import { LAYER_LEVEL } from './tile-layers';
import type { TileCoord } from './tile-math';
import { loadVersionDates } from './tile-source.repo';

/** A tile ready to send, in both encodings a client may ask for. */
export interface EncodedTile {
  /** MVT bytes, uncompressed. */
  readonly raw: Uint8Array<ArrayBuffer>;
  /** The same bytes gzipped once, so a warm tile costs no compression. */
  readonly gzip: Uint8Array<ArrayBuffer>;
  /** Strong validator of `raw` (a quoted hash of its bytes). */
  readonly etag: string;
  /** Strong validator of `gzip`: a different representation needs a different strong ETag. */
  readonly gzipEtag: string;
}

/** A tile of a layer as it was on a date. */
export interface TileRequest extends TileCoord {
  layer: TileLayer;
  /** YYYY-MM-DD. */
  at: string;
}

/** Tiles of one database, cached by (layer, version, z, x, y). */
export interface TileService {
  readonly encoder: TileEncoder;
  /** The tile, from the cache when it was made before; null when no unit touches it. */
  tile(req: TileRequest): Promise<EncodedTile | null>;
  /**
   * The tile when this process already holds it, without waiting for anything (the warm path of the node
   * server, tile-fast-path.ts): null for a tile known empty, undefined when it is not cached or the layer's
   * versions are still loading (ask {@link tile}).
   */
  cached(req: TileRequest): EncodedTile | null | undefined;
  /** Forget every tile, index and version (the units changed). */
  clear(): void;
  /** Cached tiles and the bytes they hold. */
  stats(): { tiles: number; bytes: number };
}

/** 64 MiB holds every commune tile of the country down to z12 several times over. */
const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

/** Bookkeeping per entry beyond the bytes themselves (key, object, map slot), roughly. */
const ENTRY_OVERHEAD = 200;

/**
 * A tile service over a database: ST_AsMVT where the engine has it, geojson-vt otherwise.
 * @param options.encoder force an encoder (tests compare both on one engine).
 * @param options.maxBytes bound of the tile cache.
 */
export function createTileService(
  db: Database,
  options: { encoder?: TileEncoder; maxBytes?: number } = {},
): TileService {
  const encoder =
    options.encoder ?? (db.capabilities.mvt ? createPostgisTileEncoder(db) : createGeojsonVtTileEncoder(db));
  const tiles = new LruCache<EncodedTile | null>(options.maxBytes ?? DEFAULT_MAX_BYTES);
  const pending = new Map<string, Promise<EncodedTile | null>>();
  let versions = new Map<UnitLevel, Promise<string[]>>();
  // The same dates once loaded, for cached(), which cannot wait.
  let loadedVersions = new Map<UnitLevel, string[]>();
  // Bumped by clear(): an encoding that started before must not refill the cache with old data.
  let generation = 0;

  function versionDates(level: UnitLevel): Promise<string[]> {
    let dates = versions.get(level);
    if (!dates) {
      dates = loadVersionDates(db, level);
      // A failed load must not stick: the next request tries again.
      const loading = dates;
      loading.then(
        (loaded) => {
          if (versions.get(level) === loading) loadedVersions.set(level, loaded);
        },
        () => {
          if (versions.get(level) === loading) versions.delete(level);
        },
      );
      versions.set(level, dates);
    }
    return dates;
  }

  async function make(req: TileRequest, level: UnitLevel, version: string | null, key: string) {
    const started = generation;
    const raw = version === null ? new Uint8Array(0) : await encoder.encode({ ...req, level, version });
    const tile = raw.byteLength === 0 ? null : encodedTile(raw);
    if (started === generation) {
      tiles.set(key, tile, ENTRY_OVERHEAD + (tile ? tile.raw.byteLength + tile.gzip.byteLength : 0));
    }
    return tile;
  }

  return {
    encoder,
    async tile(req) {
      const level = LAYER_LEVEL[req.layer];
      const version = versionAt(await versionDates(level), req.at);
      const key = cacheKey(req, version);
      const cached = tiles.get(key);
      if (cached !== undefined) return cached;
      // Concurrent requests for one cold tile share one encoding.
      let making = pending.get(key);
      if (!making) {
        const encoding = make(req, level, version, key).finally(() => {
          if (pending.get(key) === encoding) pending.delete(key);
        });
        making = encoding;
        pending.set(key, encoding);
      }
      return making;
    },
    cached(req) {
      const dates = loadedVersions.get(LAYER_LEVEL[req.layer]);
      if (!dates) return undefined;
      return tiles.get(cacheKey(req, versionAt(dates, req.at)));
    },
    clear() {
      generation++;
      tiles.clear();
      pending.clear();
      versions = new Map();
      loadedVersions = new Map();
      encoder.clear();
    },
    stats: () => ({ tiles: tiles.size, bytes: tiles.weight }),
  };
}

const cacheKey = (req: TileRequest, version: string | null) =>
  `${req.layer}/${version ?? 'none'}/${req.z}/${req.x}/${req.y}`;

function encodedTile(bytes: Uint8Array): EncodedTile {
  // A copy of exactly the tile: encoders may hand out a view of a larger buffer that the cache would pin.
  const raw = new Uint8Array(bytes);
  const hash = createHash('sha1').update(raw).digest('base64url');
  return { raw, gzip: new Uint8Array(gzipSync(raw)), etag: `"${hash}"`, gzipEtag: `"${hash}-gz"` };
}

const services = new WeakMap<Database, TileService>();

/**
 * The one tile service of a database, shared by every app built over it. It forgets its tiles when the
 * units' generation moves (data-generations.ts): a boundary import by this process, another server
 * process or the CLI is drawn by the first request after it is noticed.
 */
export function tileServiceFor(db: Database): TileService {
  let service = services.get(db);
  if (!service) {
    const created = createTileService(db);
    generationsOf(db).onChange((changed) => {
      if (changed.has('units')) created.clear();
    });
    service = created;
    services.set(db, service);
  }
  return service;
}

/** Forget the cached tiles of a database at once (tests, benchmarks; imports bump the units instead). */
export function clearTileCache(db: Database): void {
  services.get(db)?.clear();
}
