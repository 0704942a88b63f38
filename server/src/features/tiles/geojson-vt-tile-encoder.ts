import { TILE_MAX_ZOOM } from '@pcmt/domain/contracts/tiles';
import type { FeatureCollection } from 'geojson';
import GeoJSONVT from 'geojson-vt';
import vtpbf from 'vt-pbf';
import type { Queryable } from '../../db/engine';
import { LruCache } from './lru-cache';
import type { TileEncoder, TileJob } from './tile-encoder';
import {
  detailForZoom,
  type GeometryDetail,
  TILE_BUFFER,
  TILE_EXTENT,
  TILE_SIMPLIFY_UNITS,
} from './tile-layers';
import { ancestor, type TileCoord, tileToLonLatBox } from './tile-math';
import { tileSourceJson } from './tile-source.repo';

/**
 * Zoom of the area one geojson-vt index covers, per variant. The low and mid variants of a whole version
 * are small (≈ 75k and 340k vertices for the 3,321 communes): one national index each, built once, then
 * every tile is a cheap slice. Full geometry of a whole version (≈ 1.2M vertices) would hold the single
 * embedded connection for seconds and take hundreds of MB, so it is indexed per zoom-10 region (~40 km,
 * 16 tiles of z12): a few thousand vertices, built in milliseconds when a map first shows the area.
 */
const REGION_ZOOM: Readonly<Record<GeometryDetail, number>> = { low: 0, mid: 0, full: 10 };

/** Share of a region's width added around it: twice the buffer of its largest tiles (z11, half its width). */
const REGION_MARGIN = 1 / 64;

/** Vertices kept across all indexes (each costs tens of bytes in geojson-vt, plus its sliced tiles). */
const DEFAULT_MAX_INDEXED_VERTICES = 3_000_000;

const EMPTY = new Uint8Array(0);

/**
 * Encodes tiles in JS for the embedded engine, whose PostGIS has no protobuf (ST_AsMVT fails there): the
 * units come from SQL as GeoJSON once per (layer, version, variant, region), geojson-vt slices them and
 * vt-pbf writes the MVT. Same layer name, properties, extent, buffer and simplification as the PostGIS encoder.
 */
export function createGeojsonVtTileEncoder(
  db: Queryable,
  options: { maxIndexedVertices?: number } = {},
): TileEncoder {
  const indexes = new LruCache<GeoJSONVT>(options.maxIndexedVertices ?? DEFAULT_MAX_INDEXED_VERTICES);
  const building = new Map<string, Promise<GeoJSONVT>>();
  // Bumped by clear(): a build that started before must not store an index of old data.
  let generation = 0;

  async function buildIndex(job: TileJob, detail: GeometryDetail, region: TileCoord): Promise<GeoJSONVT> {
    const started = generation;
    const { json, vertices } = await tileSourceJson(db, {
      level: job.level,
      version: job.version,
      detail,
      box: region.z === 0 ? null : tileToLonLatBox(region, REGION_MARGIN),
    });
    const index = new GeoJSONVT(JSON.parse(json) as FeatureCollection, {
      maxZoom: TILE_MAX_ZOOM,
      tolerance: TILE_SIMPLIFY_UNITS,
      extent: TILE_EXTENT,
      buffer: TILE_BUFFER,
    });
    if (started === generation) indexes.set(indexKey(job, detail, region), index, Math.max(1, vertices));
    return index;
  }

  async function indexFor(job: TileJob): Promise<GeoJSONVT> {
    const detail = detailForZoom(job.z);
    const region = ancestor(job, REGION_ZOOM[detail]);
    const key = indexKey(job, detail, region);
    const cached = indexes.get(key);
    if (cached) return cached;
    // Concurrent requests for tiles of one region share one build.
    let pending = building.get(key);
    if (!pending) {
      const build = buildIndex(job, detail, region).finally(() => {
        if (building.get(key) === build) building.delete(key);
      });
      pending = build;
      building.set(key, build);
    }
    return pending;
  }

  return {
    name: 'geojson-vt',
    async encode(job) {
      const tile = (await indexFor(job)).getTile(job.z, job.x, job.y);
      if (!tile || tile.features.length === 0) return EMPTY;
      return vtpbf.fromGeojsonVt({ [job.layer]: tile }, { version: 2, extent: TILE_EXTENT });
    },
    clear() {
      generation++;
      indexes.clear();
      building.clear();
    },
  };
}

const indexKey = (job: TileJob, detail: GeometryDetail, region: TileCoord) =>
  `${job.layer}/${job.version}/${detail}/${region.z}/${region.x}/${region.y}`;
