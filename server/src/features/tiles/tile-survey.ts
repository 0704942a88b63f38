import { gzipSync } from 'node:zlib';
import type { TileLayer } from '@pcmt/domain/contracts/tiles';
import type { Queryable } from '../../db/engine';
import { versionAt } from '../../lib/version-at';
import { unitLabelPoints, unitsExtent } from './tile-coverage.repo';
import type { TileEncoder } from './tile-encoder';
import { LAYER_LEVEL } from './tile-layers';
import { latToTileY, lonToTileX, type TileCoord, tilesCovering } from './tile-math';
import { loadVersionDates } from './tile-source.repo';

/** Figures for the tiles of one zoom, as the tile budgets state them (sizes over tiles with features). */
export interface ZoomSurvey {
  z: number;
  tiles: number;
  nonEmpty: number;
  gzipKb: { median: number; max: number };
  rawKb: { median: number; max: number };
  /** Encoding time without any cache of tiles (the JS encoder's index is built on the first tile). */
  coldMs: { p50: number; p95: number; max: number };
}

/**
 * Which tiles a survey of zoom z visits: all tiles over the units' extent up to `fullCoverMaxZoom`; deeper,
 * the tile under each unit's label point (where maps of units are centred), at most `maxTiles` spread evenly.
 */
export async function surveyTileList(
  db: Queryable,
  q: { layer: TileLayer; at: string; z: number; fullCoverMaxZoom?: number; maxTiles?: number },
): Promise<TileCoord[]> {
  const level = LAYER_LEVEL[q.layer];
  let tiles: TileCoord[];
  if (q.z <= (q.fullCoverMaxZoom ?? 8)) {
    const box = await unitsExtent(db, level, q.at);
    tiles = box ? tilesCovering(box, q.z) : [];
  } else {
    const seen = new Map<string, TileCoord>();
    for (const [lon, lat] of await unitLabelPoints(db, level, q.at)) {
      const t = { z: q.z, x: lonToTileX(lon, q.z), y: latToTileY(lat, q.z) };
      seen.set(`${t.x}/${t.y}`, t);
    }
    tiles = [...seen.values()];
  }
  const max = q.maxTiles ?? Number.POSITIVE_INFINITY;
  if (tiles.length <= max) return tiles;
  const step = tiles.length / max;
  return Array.from({ length: max }, (_, i) => tiles[Math.floor(i * step)]).filter((t) => t !== undefined);
}

/**
 * Encodes tiles one after another with an encoder and reports sizes and times per zoom: the figures the
 * tile budgets in ARCHITECTURE.md ask for. For benchmarks and tests; it bypasses the tile cache.
 */
export async function surveyTiles(
  db: Queryable,
  encoder: TileEncoder,
  q: { layer: TileLayer; at: string; zooms: readonly number[]; maxTilesPerZoom?: number },
): Promise<ZoomSurvey[]> {
  const level = LAYER_LEVEL[q.layer];
  const version = versionAt(await loadVersionDates(db, level), q.at);
  const result: ZoomSurvey[] = [];
  for (const z of q.zooms) {
    const tiles = await surveyTileList(db, { layer: q.layer, at: q.at, z, maxTiles: q.maxTilesPerZoom });
    const gz: number[] = [];
    const raw: number[] = [];
    const ms: number[] = [];
    for (const t of tiles) {
      const started = performance.now();
      const bytes = version
        ? await encoder.encode({ ...t, layer: q.layer, level, version })
        : new Uint8Array(0);
      ms.push(performance.now() - started);
      if (bytes.byteLength === 0) continue;
      raw.push(bytes.byteLength / 1024);
      gz.push(gzipSync(bytes).byteLength / 1024);
    }
    result.push({
      z,
      tiles: tiles.length,
      nonEmpty: gz.length,
      gzipKb: { median: quantile(gz, 0.5), max: quantile(gz, 1) },
      rawKb: { median: quantile(raw, 0.5), max: quantile(raw, 1) },
      coldMs: { p50: quantile(ms, 0.5), p95: quantile(ms, 0.95), max: quantile(ms, 1) },
    });
  }
  return result;
}

/** Nearest-rank quantile (0 for no values). */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
}
