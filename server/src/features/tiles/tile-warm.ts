import type { TileLayer } from '@pcmt/domain/contracts/tiles';
import type { Database } from '../../db/engine';
import { generationsOf } from '../../lib/data-generations';
import { unitsExtent } from './tile-coverage.repo';
import { LAYER_LEVEL } from './tile-layers';
import { tilesCovering } from './tile-math';
import { tileServiceFor } from './tile-service';

/**
 * Fills the tile cache with every tile of the given layers down to `maxZoom` over the units valid on `at`,
 * so that low-zoom tiles, the costliest to encode (a z5 commune tile takes ~150 ms in PostGIS), are never
 * cold for users. {@link keepTilesWarm} runs it at start-up and after every boundary change.
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

/** A process's standing order to keep its tile cache warm. */
export interface TileWarmer {
  /** Resolves when no warming is running (tests). */
  idle(): Promise<void>;
  /** Stop warming after changes. */
  stop(): void;
}

/**
 * Warms now, and again each time this process notices that the units changed (a boundary import here, in
 * another server process or through the CLI; data-generations.ts): the tile service has just forgotten its
 * tiles, and the next map must not find the low zooms cold. One warming at a time; a change noticed during
 * one runs another after it.
 * @param options.at the date whose units to warm, asked at each warming (today changes).
 */
export function keepTilesWarm(
  db: Database,
  options: { at: () => string; layers?: readonly TileLayer[]; maxZoom?: number },
  report: (outcome: { tiles: number; nonEmpty: number; ms: number } | { error: unknown }) => void = () => {},
): TileWarmer {
  // The service forgets its tiles on a units change before the warming below starts again.
  tileServiceFor(db);
  let running: Promise<void> | null = null;
  let again = false;
  const warm = () => {
    if (running) {
      again = true;
      return;
    }
    const run = (async () => {
      do {
        again = false;
        try {
          report(await warmTiles(db, { ...options, at: options.at() }));
        } catch (error) {
          report({ error });
        }
      } while (again);
    })();
    running = run.finally(() => {
      running = null;
    });
  };
  const stop = generationsOf(db).onChange((changed) => {
    if (changed.has('units')) warm();
  });
  warm();
  return { idle: async () => running ?? undefined, stop };
}
