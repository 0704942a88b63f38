import type { TileLayer } from '../../contracts/tiles';
import type { Database } from '../../db/engine';
import { unitsExtent } from './tile-coverage.repo';
import { LAYER_LEVEL } from './tile-layers';
import { tilesCovering } from './tile-math';
import { tileServiceFor } from './tile-service';

/**
 * Fills the tile cache with every tile of the given layers down to `maxZoom` over the units valid on `at`,
 * so that low-zoom tiles, the costliest to encode (a z5 commune tile takes ~150 ms in PostGIS), are never
 * cold for users. Run at start-up and after an import (after {@link clearTileCache}).
 * @returns how many tiles were made, how many had features, and how long it took.
 */
export async function warmTiles(
  db: Database,
  options: { at: string; layers?: readonly TileLayer[]; maxZoom?: number },
): Promise<{ tiles: number; nonEmpty: number; ms: number }> {
  const started = performance.now();
  const service = tileServiceFor(db);
  let tiles = 0;
  let nonEmpty = 0;
  for (const layer of options.layers ?? (['provinces', 'communes', 'districts'] as const)) {
    const box = await unitsExtent(db, LAYER_LEVEL[layer], options.at);
    if (!box) continue;
    for (let z = 0; z <= (options.maxZoom ?? 8); z++) {
      for (const tile of tilesCovering(box, z)) {
        tiles++;
        if (await service.tile({ layer, at: options.at, ...tile })) nonEmpty++;
      }
    }
  }
  return { tiles, nonEmpty, ms: performance.now() - started };
}
