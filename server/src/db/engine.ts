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
import { ApiError } from '../lib/errors';
import { msg } from '../lib/messages';

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
  /**
   * Apply committed drizzle-kit migrations, as the migration role when there is one (PostgreSQL with
   * `migrationDatabaseUrl`), which then grants the app's role what it needs (migration 0010).
   */
  migrate(): Promise<void>;
  /**
   * Run work that is not a request — seeding, bulk maintenance — on a connection of the owner role (the
   * migration role when there is one) without the requests' statement timeout. PGlite: this database.
   */
  maintenance<T>(fn: (owner: Database) => Promise<T>): Promise<T>;
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
  /**
   * Server: postgres://… of the role that owns the tables, for migrations and maintenance; absent: the
   * databaseUrl's role does everything (and owns the audit log, so it could disable its trigger).
   */
  migrationDatabaseUrl?: string | undefined;
  /**
   * Server: every statement on this database's pool is cancelled after this many ms (SQLSTATE 57014,
   * answered 503); 0 or absent: no limit. A transaction that legitimately needs longer runs
   * `set local statement_timeout = …` first. PGlite cannot cancel a running statement (no timer in the
   * WebAssembly build: `statement_timeout` is accepted and ignored), so there it has no effect.
   */
  statementTimeoutMs?: number | undefined;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options) : openPglite(options);
}

/** SQLSTATE 57014 query_canceled: the statement timeout (or an operator) stopped the statement. */
export function isStatementTimeout(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '57014';
}

/**
 * The answer to a request whose query the statement timeout stopped: 503 with a message saying so, not an
 * internal error. Null for any other error.
 */
export function statementTimeoutError(err: unknown): ApiError | null {
  if (!isStatementTimeout(err)) return null;
  return new ApiError(503, 'query_timeout', msg('request.timeout', {}));
}

export interface RoleReport {
  role: string;
  superuser: boolean;
  /** The role owns audit_log (or is a member of its owner): it could disable its append-only trigger. */
  ownsAuditLog: boolean;
}

/** Who the app connects as, to warn at start when the audit log is not protected from it. */
export async function roleReport(db: Queryable): Promise<RoleReport | null> {
  const [row] = await db.query<RoleReport>(
    `select current_user as role, r.rolsuper as superuser,
            pg_has_role(current_user, c.relowner, 'USAGE') as "ownsAuditLog"
       from pg_roles r, pg_class c
      where r.rolname = current_user and c.oid = to_regclass('audit_log')`,
  );
  return row ?? null;
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
  const db: Database & { pglite: PGlite } = {
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
    // One user, one connection: the app is its own owner.
    maintenance: (fn) => fn(db),
    close: () => pglite.close(),
  };
  return db;
}

async function openPostgres(url: string, options: OpenOptions): Promise<Database> {
  const timeout = options.statementTimeoutMs ?? 0;
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // No JIT compilation: the app's statements run in milliseconds, and a plan whose estimate crosses
    // jit_above_cost (a national values or status request) spent 100–150 ms compiling before running.
    options: '-c jit=off',
    // Sent at connection start: every statement of every pooled connection is bounded.
    ...(timeout > 0 ? { statement_timeout: timeout } : {}),
  });
  // An idle client's error (server restart, network) must not kill the process.
  pool.on('error', (err) => console.error('postgres pool error:', err.message));
  const db = postgresDatabase(pool);
  const ownerUrl = options.migrationDatabaseUrl;
  const maintenance: Database['maintenance'] = async (fn) => {
    // A pool of the owner role (or the same role) without the requests' statement timeout.
    const owner = new pg.Pool({ connectionString: ownerUrl ?? url, max: 2 });
    owner.on('error', (err) => console.error('postgres pool error:', err.message));
    try {
      return await fn(postgresDatabase(owner));
    } finally {
      await owner.end();
    }
  };
  return {
    ...db,
    maintenance,
    migrate: () =>
      maintenance(async (owner) => {
        await owner.migrate();
        if (!ownerUrl) return;
        // The app's role gets every table, and only read + append on the audit log (migration 0010).
        const [app] = await db.query<{ role: string }>('select current_user as role');
        const [self] = await owner.query<{ role: string }>('select current_user as role');
        if (app && self && app.role !== self.role) {
          await owner.query('select pcmt_grant_app_role($1)', [app.role]);
        }
      }),
    close: () => pool.end(),
  };
}

function postgresDatabase(pool: pg.Pool): Database {
  const query: Queryable['query'] = async (text, params) =>
    (await pool.query(text, params ? [...params] : undefined)).rows;
  const db: Database = {
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
    maintenance: (fn) => fn(db),
    close: () => pool.end(),
  };
  return db;
}

/** A gzipped copy of an embedded database, to restore in ~2 s instead of a 15 s cold start. */
export async function snapshotPglite(db: Database): Promise<Blob> {
  if (!('pglite' in db)) throw new Error('snapshotPglite needs the embedded engine');
  return (db as Database & { pglite: PGlite }).pglite.dumpDataDir('gzip');
}
