import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { todayInVietnam } from '@pcmt/domain/format';
import { ensureDemoAccounts, ensureDemoReporting, isEmpty, seedDemo } from '@pcmt/server/demo';
import { openDatabase, readDatasetInfo, roleReport } from '@pcmt/server/engine';
import { readEnv } from '@pcmt/server/env';
import { type AppDeps, createHttpApp, serverWithTileFastPath } from '@pcmt/server/http';
import { failInterruptedJobs, keepTilesWarm, purgeExpiredSessions } from '@pcmt/server/operations';

/**
 * `pnpm start`: open the database (embedded under .data/ unless DATABASE_URL is set), apply migrations,
 * seed the demo data on first start, then serve the API and the web app on one port.
 */
const root = resolve(import.meta.dirname, '..');
const env = readEnv();
const log = (message: string) => console.log(`[pcmt] ${message}`);

log(
  env.DATABASE_URL
    ? 'database: PostgreSQL server (DATABASE_URL)'
    : `database: embedded PGlite in ${env.PCMT_DATA_DIR}`,
);
const db = await openDatabase({
  databaseUrl: env.DATABASE_URL,
  migrationDatabaseUrl: env.PCMT_MIGRATION_DATABASE_URL,
  dataDir: env.DATABASE_URL ? undefined : resolve(root, env.PCMT_DATA_DIR),
  statementTimeoutMs: env.PCMT_STATEMENT_TIMEOUT_MS,
});
// As the owner role when PCMT_MIGRATION_DATABASE_URL is set; it then grants the app's role (README).
await db.migrate();
if (await isEmpty(db)) {
  log('first start: generating demo data (synthetic; takes a minute or two)');
  await db.maintenance((owner) => seedDemo(owner, log));
}
if (db.kind === 'postgres') {
  const roles = await roleReport(db);
  if (roles?.superuser || roles?.ownsAuditLog) {
    log(
      `warning: the app connects as ${roles.role}, ${roles.superuser ? 'a superuser' : 'the owner of audit_log'}: ` +
        'it could disable the audit log’s append-only trigger; see README "Database roles"',
    );
  }
}
const dataset = await readDatasetInfo(db);
// A job still running was cut off when this server last stopped: say it failed rather than leave it running.
const interrupted = await failInterruptedJobs(db);
if (interrupted > 0) log(`${interrupted} job(s) cut off by the last stop marked failed`);
await purgeExpiredSessions(db);
if (dataset.synthetic) {
  const created = await ensureDemoAccounts(db);
  if (created > 0) log(`demo accounts created (${created}); password: PCMT_DEMO_PASSWORD (see README)`);
  const reports = await ensureDemoReporting(db);
  if (reports > 0) log(`demo report form and ${reports} demo commune reports (synthetic) created`);
}
const deps: AppDeps = {
  db,
  dataset,
  client: {
    basemapStyleUrl: env.PCMT_BASEMAP_STYLE_URL ?? null,
    extraConnectSrc: env.PCMT_CSP_CONNECT_SRC,
  },
  publicPages: { delayDays: env.PCMT_PUBLIC_DELAY_DAYS, minCount: env.PCMT_PUBLIC_MIN_COUNT },
  origin: { publicOrigin: env.PCMT_PUBLIC_ORIGIN ?? null, listenHost: env.HOST },
};
const site = createHttpApp(deps, resolve(root, env.PCMT_WEB_DIST));
// Cached tiles are answered by the node server before the app (features/tiles/tile-fast-path.ts).
const createServer = serverWithTileFastPath(deps);
const server = serve({ fetch: site.fetch, port: env.PORT, hostname: env.HOST, createServer }, (info) => {
  log(
    `PCMT Atlas on http://${info.address}:${info.port}/ (${db.kind}${dataset.synthetic ? ', synthetic demo data' : ''})`,
  );
  // Low-zoom tiles are the costliest to encode: make them before anyone asks, without delaying the start,
  // and again whenever a boundary import (here, in another process or through the CLI) is noticed.
  keepTilesWarm(db, { at: todayInVietnam, layers: ['provinces', 'communes'] }, (r) =>
    'error' in r
      ? log(`tile warming failed: ${r.error instanceof Error ? r.error.message : String(r.error)}`)
      : log(`tiles warmed: ${r.tiles} tiles up to z8 in ${(r.ms / 1000).toFixed(1)} s`),
  );
});

// Close the embedded database cleanly so its files are consistent on the next start.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: shutting down`);
    server.close();
    db.close().finally(() => process.exit(0));
  });
}
