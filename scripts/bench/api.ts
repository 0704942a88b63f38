import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serve } from '@hono/node-server';
import { openDatabase } from '@pcmt/server/db/engine';
import { isEmpty, seedDemo } from '@pcmt/server/db/seed-demo';
import { boundaryFeaturesJson } from '@pcmt/server/features/boundaries/boundaries.repo';
import { resolveIndicator } from '@pcmt/server/features/values/resolve-values-query';
import { valuesJson } from '@pcmt/server/features/values/values.repo';
import { createHttpApp } from '@pcmt/server/http';
import { readDatasetInfo } from '@pcmt/server/lib/context';
import { latency, ms, perSecond, throughput, wrk } from './measure';

/**
 * `pnpm bench`: API latency and throughput beside the same SQL run alone through `pg`, in one run.
 * Uses BENCH_DATABASE_URL (seeded with the demo data if empty) or starts a throwaway PostGIS server
 * with scripts/ci/start-postgis.sh and seeds it. Budgets: ../shared/ARCHITECTURE.md.
 */
const root = resolve(import.meta.dirname, '../..');
let stopServer = () => {};
let url = process.env.BENCH_DATABASE_URL;
if (!url) {
  const stateFile = join(mkdtempSync(join(tmpdir(), 'pcmt-bench-')), 'postgis.env');
  const started = spawnSync(
    'bash',
    [resolve(root, 'scripts/ci/start-postgis.sh'), '--state-file', stateFile],
    {
      encoding: 'utf8',
    },
  );
  if (started.status !== 0) throw new Error(`could not start PostGIS:\n${started.stderr}`);
  url = started.stdout.trim();
  const dir = /^PCMT_PG_DIR=(.*)$/m.exec(readFileSync(stateFile, 'utf8'))?.[1];
  stopServer = () => {
    if (dir) spawnSync('bash', [resolve(root, 'scripts/ci/stop-postgis.sh'), dir]);
  };
}

const db = await openDatabase({ databaseUrl: url });
try {
  await db.migrate();
  if (await isEmpty(db)) await seedDemo(db, (m) => console.error(`[seed] ${m}`));
  const app = createHttpApp({ db, dataset: await readDatasetInfo(db) }, resolve(root, 'web/dist'));
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const get = (path: string) => async () => {
    const res = await fetch(base + path);
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${path} → ${res.status}`);
  };

  const period = '2026-Q2';
  const province = '01';
  const at = '2026-06-30';
  const { stored, rate } = await resolveIndicator(db, 'managed_addicts');
  const valuesQuery = {
    stored,
    rate,
    periodIds: [period],
    at,
    level: 'commune' as const,
    parent: province,
    unitCode: null,
  };
  const nationalQuery = { ...valuesQuery, parent: null };

  const rows: string[][] = [
    [
      'what',
      'p50',
      'p95',
      'throughput (32 conn)',
      'size',
      'SQL alone p50',
      'SQL alone p95',
      'SQL alone q/s',
      'ratio p50',
    ],
  ];
  const row = async (name: string, path: string, sql: () => Promise<unknown>) => {
    const res = await fetch(base + path);
    const bytes = Buffer.from(await res.arrayBuffer());
    const http = await latency(get(path));
    const rps = wrk(base + path);
    const alone = await latency(sql);
    const aloneQps = await throughput(sql, 32, 3);
    rows.push([
      name,
      ms(http.p50),
      ms(http.p95),
      perSecond(rps),
      `${(bytes.length / 1024).toFixed(0)} KB (${(gzipSync(bytes).length / 1024).toFixed(0)} KB gz)`,
      ms(alone.p50),
      ms(alone.p95),
      `${Math.round(aloneQps)}`,
      (http.p50 / alone.p50).toFixed(2),
    ]);
  };

  await row(
    `values: ${province} communes, ${period}`,
    `/api/values?indicator=managed_addicts&period=${period}&parent=${province}`,
    () => valuesJson(db, valuesQuery),
  );
  await row(
    `values: national communes, ${period}`,
    `/api/values?indicator=managed_addicts&period=${period}`,
    () => valuesJson(db, nationalQuery),
  );
  await row(
    `boundaries: ${province} communes (mid)`,
    `/api/boundaries?level=commune&parent=${province}&at=${at}`,
    () => boundaryFeaturesJson(db, { level: 'commune', parent: province, at, detail: 'mid' }),
  );

  console.log(`PCMT Atlas API bench — ${new Date().toISOString()} — PostgreSQL + PostGIS via pg, ${base}`);
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  '));
  server.close();
} finally {
  await db.close();
  stopServer();
}
