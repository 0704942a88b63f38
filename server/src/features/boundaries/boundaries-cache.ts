import type { UnitLevel } from '@pcmt/domain/contracts/common';
import type { Database } from '../../db/engine';
import { generationsOf } from '../../lib/data-generations';
import { LruCache } from '../tiles/lru-cache';
import { type BoundaryDetail, boundaryFeaturesJson } from './boundaries.repo';

/** One answer of the boundaries route as the database built it. */
export interface BoundaryFeatures {
  json: string;
  count: number;
  parentFound: boolean;
}

/** A province's communes at mid detail are ≈ 40 KB, the country's communes at low detail ≈ 2 MB. */
const MAX_BYTES = 32 * 1024 * 1024;

/**
 * Boundaries of one database by (level, parent, date, detail). They change only when the units do: the
 * cache is dropped when this process notices a units change (data-generations.ts; a boundary import here,
 * in another server process or through the CLI), and an answer read before a change is not kept. A
 * province's map asks the same few of these again and again; each costs a statement of several ms.
 */
export interface BoundariesCache {
  get(q: {
    level: UnitLevel;
    parent: string | null;
    at: string;
    detail: BoundaryDetail;
  }): Promise<BoundaryFeatures>;
  clear(): void;
}

const caches = new WeakMap<Database, BoundariesCache>();

export function boundariesCacheFor(db: Database): BoundariesCache {
  const cache = caches.get(db);
  if (cache) return cache;
  const watch = generationsOf(db);
  const answers = new LruCache<Promise<BoundaryFeatures>>(MAX_BYTES);
  // Bumped by clear(): a statement that started before must not refill the cache with old units.
  let generation = 0;
  const created: BoundariesCache = {
    get(q) {
      const key = `${q.level}/${q.parent ?? ''}/${q.at}/${q.detail}`;
      const hit = answers.get(key);
      if (hit) return hit;
      const started = generation;
      const reading = boundaryFeaturesJson(db, q);
      // Concurrent requests share one statement; its weight is known once it answers.
      answers.set(key, reading, 1);
      reading.then(
        (answer) => {
          if (started !== generation) return;
          answers.set(key, reading, 200 + answer.json.length * 2);
        },
        () => answers.delete(key),
      );
      return reading;
    },
    clear() {
      generation++;
      answers.clear();
    },
  };
  watch.onChange((changed) => {
    if (changed.has('units')) created.clear();
  });
  caches.set(db, created);
  return created;
}
