import { DATA_KINDS, type DataKind } from '@pcmt/domain/data-kinds';
import type { MiddlewareHandler } from 'hono';
import type { Database, Queryable } from '../db/engine';
import { bumpGenerations, selectGenerations } from './data-generations.repo';

/**
 * Caches that hold across processes. Several server processes, and the command-line imports beside them,
 * may share one PostgreSQL; each keeps caches (tiles, the reference tables, sessions, public answers). Every
 * write of a kind of data bumps that kind's generation in `data_generations`, in the write's own
 * transaction, so the stamp commits or rolls back with the data. Each process reads every generation at
 * most once per {@link GENERATION_CHECK_MS} (one read of a table of a few rows, by the first request after
 * the bound; the rest of the requests compare two numbers) and drops what was filled at an older one:
 *
 * - a write through this process's API is seen by its next request (every write request re-reads the
 *   generations before it answers);
 * - a write by another process or the CLI is seen by every request that starts more than
 *   {@link GENERATION_CHECK_MS} after it committed: that is the staleness bound.
 *
 * A process that serves no request reads nothing; its first request after a change does the reading.
 */
/** The kinds (units, crosswalk, values, statuses, plans, hotspots, accounts, catalogue) are the domain's,
 * which the web's refetch after a write names too. */
export { DATA_KINDS, type DataKind };

/** Generation of every kind as last read; 0 = never changed. */
export type Generations = Readonly<Record<DataKind, number>>;

/**
 * At most this long after a write commits in another process, a request here sees it. 250 ms: one read of
 * a few rows (0.3–1 ms on a PostgreSQL server) per 250 ms per process is well under 1 % of its time, the
 * other requests only read a clock, and an operator running `pnpm run import` cannot switch to the browser
 * faster.
 */
export const GENERATION_CHECK_MS = 250;

/**
 * Announce that the data of these kinds changed. Call in the transaction that writes them, once, late
 * (the rows stay locked until commit, so concurrent writers of one kind take turns from there on); the
 * kinds are locked in one order, so two writers of overlapping kinds cannot deadlock on them.
 */
export async function bump(tx: Queryable, ...kinds: DataKind[]): Promise<void> {
  const sorted = [...new Set(kinds)].sort();
  if (sorted.length === 0) return;
  await bumpGenerations(tx, sorted);
}

/** Every generation, straight from the database. */
export async function readGenerations(db: Queryable): Promise<Generations> {
  const rows = await selectGenerations(db);
  const read = zeroGenerations();
  for (const r of rows) if (isKind(r.kind)) read[r.kind] = r.generation;
  return read;
}

/** What one process knows of the generations of one database. */
export interface GenerationWatch {
  /** The generations as last read. */
  readonly seen: Generations;
  /** The generations of these kinds as one comparable value: a cache filled at another stamp is stale. */
  stamp(kinds: readonly DataKind[]): string;
  /**
   * Reads the generations again when the last read is older than the bound; undefined when it is not
   * (nothing to await on the warm path). Concurrent callers share one read.
   */
  check(): Promise<void> | undefined;
  /** Reads now, e.g. after this process committed a write, so its next request sees it. */
  refresh(): Promise<void>;
  /** Called after a read found these kinds changed (after {@link seen} moved). Returns the unsubscriber. */
  onChange(listener: (changed: ReadonlySet<DataKind>) => void): () => void;
}

const watches = new WeakMap<Database, GenerationWatch>();

/** The one watch of a database in this process, shared by every app, cache and tile service over it. */
export function generationsOf(db: Database, checkMs = GENERATION_CHECK_MS): GenerationWatch {
  let watch = watches.get(db);
  if (!watch) {
    watch = createGenerationWatch(db, checkMs);
    watches.set(db, watch);
  }
  return watch;
}

export function createGenerationWatch(db: Queryable, checkMs = GENERATION_CHECK_MS): GenerationWatch {
  let seen: Generations = zeroGenerations();
  let readAt = Number.NEGATIVE_INFINITY;
  let reading: Promise<void> | null = null;
  // Reads may finish out of order (a refresh overtaking a check): only the latest started may apply.
  let started = 0;
  let applied = 0;
  const listeners = new Set<(changed: ReadonlySet<DataKind>) => void>();

  function read(): Promise<void> {
    const seq = ++started;
    readAt = performance.now();
    const done = readGenerations(db).then(
      (now) => {
        if (seq < applied) return;
        applied = seq;
        const changed = new Set(DATA_KINDS.filter((k) => now[k] !== seen[k]));
        seen = now;
        if (changed.size === 0) return;
        for (const listener of listeners) {
          try {
            listener(changed);
          } catch (err) {
            console.error('a cache failed to follow a data change:', err);
          }
        }
      },
      (err: unknown) => {
        // Caches stay as they were; the next read after the bound tries again (and compares with `seen`,
        // so no change is lost). A database that is down fails the request's own queries anyway.
        console.error(`reading data generations failed: ${err instanceof Error ? err.message : String(err)}`);
      },
    );
    const entry = done.finally(() => {
      if (reading === entry) reading = null;
    });
    reading = entry;
    return entry;
  }

  return {
    get seen() {
      return seen;
    },
    stamp: (kinds) => kinds.map((k) => seen[k]).join('.'),
    check() {
      if (performance.now() - readAt < checkMs) return undefined;
      return reading ?? read();
    },
    refresh: () => read(),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Before a request: make the caches current within the bound. After a write request: read again before
 * answering, so the writer's next request (and every other app of this process) sees its own write.
 */
export function currentGenerations(db: Database): MiddlewareHandler {
  const watch = generationsOf(db);
  return (c, next) => {
    const reading = watch.check();
    const write = !SAFE_METHODS.has(c.req.method);
    // The warm path (a read within the bound) adds no await.
    if (!reading && !write) return next();
    return (async () => {
      if (reading) await reading;
      await next();
      if (write) await watch.refresh();
    })();
  };
}

function zeroGenerations(): Record<DataKind, number> {
  return Object.fromEntries(DATA_KINDS.map((k) => [k, 0])) as Record<DataKind, number>;
}

const isKind = (k: string): k is DataKind => (DATA_KINDS as readonly string[]).includes(k);
