import type { Database } from '../../db/engine';
import { generationsOf } from '../../lib/data-generations';
import { notFound } from '../../lib/errors';
import { msg } from '../../lib/messages';
import { LruCache } from '../tiles/lru-cache';
import { type FoundUnit, findUnit } from './units.repo';

/** A unit row is a few hundred bytes: thousands of (code, date) pairs fit. */
const MAX_BYTES = 4 * 1024 * 1024;

/**
 * `resolveParent` without a round trip to the database: the unit valid on a date by its code, kept per
 * (code, date) until this process notices a units change (data-generations.ts: a boundary import here, in
 * another process or the CLI), and a lookup started before a change does not refill it. The map's values
 * request names its province on every call; the database was asked the same question each time.
 */
export interface UnitLookup {
  /** The unit named by a parameter, or a 404 that says on which date it was looked for. */
  resolve(code: string, at: string, field?: string): Promise<FoundUnit>;
}

const caches = new WeakMap<Database, UnitLookup>();

export function unitLookupFor(db: Database): UnitLookup {
  const cache = caches.get(db);
  if (cache) return cache;
  const units = new LruCache<Promise<FoundUnit | undefined>>(MAX_BYTES);
  let generation = 0;
  generationsOf(db).onChange((changed) => {
    if (!changed.has('units')) return;
    generation++;
    units.clear();
  });
  const created: UnitLookup = {
    async resolve(code, at, field = 'parent') {
      const key = `${code}@${at}`;
      let found = units.get(key);
      if (!found) {
        const started = generation;
        found = findUnit(db, code, at);
        units.set(key, found, 1);
        found.then(
          () => {
            if (started === generation) units.set(key, found as Promise<FoundUnit | undefined>, 400);
            else units.delete(key);
          },
          () => units.delete(key),
        );
      }
      const unit = await found;
      if (!unit) throw notFound(field, msg('unit.not_valid_on', { field, code, date: at }));
      return unit;
    },
  };
  caches.set(db, created);
  return created;
}
