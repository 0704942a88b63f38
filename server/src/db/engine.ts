import { mkdirSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/**
 * Every difference between the two database engines lives in this module.
 * - pglite: embedded PostgreSQL + PostGIS in WebAssembly, one connection, no protobuf (no ST_AsMVT).
 * - postgres: a real server through a `pg` pool.
 * Features see only `Database`: run SQL, run a transaction, and ask what the engine can do.
 */
export type EngineKind = 'pglite' | 'postgres';

export interface Queryable {
  /** Run one parameterised statement and return its rows. */
  query<T extends object = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>;
}

/** A connection inside a transaction: statements, plus bulk loading with COPY. */
export interface Transaction extends Queryable {
  /** COPY rows in CSV (RFC 4180, empty unquoted field = NULL) into a table: the fastest bulk load on both engines. */
  copyCsv(table: string, columns: readonly string[], csv: string): Promise<void>;
}

export interface EngineCapabilities {
  /** ST_AsMVT is available (server PostGIS); otherwise tiles are encoded in JS. */
  readonly mvt: boolean;
}

export interface Database extends Queryable {
  readonly kind: EngineKind;
  readonly capabilities: EngineCapabilities;
  /** Run several statements separated by semicolons (no parameters). */
  exec(text: string): Promise<void>;
  /** All-or-nothing: fn's statements commit together or not at all. */
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
  /** Apply committed drizzle-kit migrations. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export interface OpenOptions {
  /** postgres://… — use a server; absent: the embedded engine. */
  databaseUrl?: string | undefined;
  /** Embedded engine: directory to keep data in; absent = in memory. */
  dataDir?: string | undefined;
  /** Embedded engine: start from a snapshot made by `snapshotPglite` instead of an empty cluster. */
  snapshot?: Blob | undefined;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options);
}

async function openPglite(options: OpenOptions): Promise<Database & { pglite: PGlite }> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const pglite = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.snapshot ? { loadDataDir: options.snapshot } : {}),
    extensions: { postgis },
  });
  // Loading the extension library is per session; CREATE EXTENSION (first migration) is per cluster.
  await pglite.exec('CREATE EXTENSION IF NOT EXISTS postgis');
  const query: Queryable['query'] = async (text, params) =>
    (await pglite.query(text, params ? [...params] : undefined)).rows as never;
  return {
    kind: 'pglite',
    capabilities: { mvt: false },
    pglite,
    query,
    async exec(text) {
      await pglite.exec(text);
    },
    transaction: (fn) =>
      pglite.transaction((tx) =>
        fn({
          query: async (text, params) =>
            (await tx.query(text, params ? [...params] : undefined)).rows as never,
          // PGlite reads COPY input from a blob handed to the query.
          copyCsv: async (table, columns, csv) => {
            await tx.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob' with (format csv)`, [], {
              blob: new Blob([csv]),
            });
          },
        }),
      ),
    migrate: () => migratePglite(drizzlePglite(pglite), { migrationsFolder }),
    close: () => pglite.close(),
  };
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client's error (server restart, network) must not kill the process.
  pool.on('error', (err) => console.error('postgres pool error:', err.message));
  const query: Queryable['query'] = async (text, params) =>
    (await pool.query(text, params ? [...params] : undefined)).rows;
  return {
    kind: 'postgres',
    capabilities: { mvt: true },
    query,
    async exec(text) {
      await pool.query(text);
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          query: async (text, params) => (await client.query(text, params ? [...params] : undefined)).rows,
          copyCsv: async (table, columns, csv) => {
            const sink = client.query(
              copyFrom(`copy ${table} (${columns.join(', ')}) from stdin with (format csv)`),
            );
            await pipeline(Readable.from([csv]), sink);
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    migrate: () => migratePg(drizzlePg(pool), { migrationsFolder }),
    close: () => pool.end(),
  };
}

/** A gzipped copy of an embedded database, to restore in ~2 s instead of a 15 s cold start. */
export async function snapshotPglite(db: Database): Promise<Blob> {
  if (!('pglite' in db)) throw new Error('snapshotPglite needs the embedded engine');
  return (db as Database & { pglite: PGlite }).pglite.dumpDataDir('gzip');
}
