import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serve } from '@hono/node-server';
import { openDatabase } from '@pcmt/server/db/engine';
import { isEmpty, seedDemo } from '@pcmt/server/db/seed-demo';
import { DEMO_PASSWORD, ensureDemoAccounts } from '@pcmt/server/features/auth/demo-accounts';
import { boundaryFeaturesJson } from '@pcmt/server/features/boundaries/boundaries.repo';
import { createReferenceCache } from '@pcmt/server/features/reference/reference-cache';
import { createPostgisTileEncoder } from '@pcmt/server/features/tiles/postgis-tile-encoder';
import { latToTileY, lonToTileX } from '@pcmt/server/features/tiles/tile-math';
import { clearTileCache } from '@pcmt/server/features/tiles/tile-service';
import { resolveIndicator } from '@pcmt/server/features/values/resolve-values-query';
import { valuesJson } from '@pcmt/server/features/values/values.repo';
import { createHttpApp } from '@pcmt/server/http';
import { readDatasetInfo } from '@pcmt/server/lib/context';
import { benchServer } from './bench-server';
import { latency, ms, perSecond, throughput, wrk } from './measure';

/**
 * `pnpm bench`: API latency and throughput beside the same SQL run alone through `pg`, in one run.
 * Uses BENCH_DATABASE_URL (seeded with the demo data if empty) or starts a throwaway PostGIS server
 * with scripts/ci/start-postgis.sh and seeds it. Budgets: ../shared/ARCHITECTURE.md.
 */
const root = resolve(import.meta.dirname, '../..');
const { url, stop: stopServer } = benchServer('api');
const db = await openDatabase({ databaseUrl: url });
try {
  await db.migrate();
  if (await isEmpty(db)) await seedDemo(db, (m) => console.error(`[seed] ${m}`));
  const app = createHttpApp({ db, dataset: await readDatasetInfo(db) }, resolve(root, 'web/dist'));
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  // Data routes need a session, as they do for users: measure with the demo admin's cookie.
  await ensureDemoAccounts(db);
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
  });
  const cookie = /pcmt_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0];
  if (!cookie) throw new Error(`bench sign-in failed: ${login.status}`);
  const headers = { cookie };
  const get = (path: string) => async () => {
    const res = await fetch(base + path, { headers });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${path} → ${res.status}`);
  };

  const period = '2026-Q2';
  const province = '01';
  const at = '2026-06-30';
  const { stored, rate } = resolveIndicator(await createReferenceCache(db).get(), 'managed_addicts');
  const valuesQuery = {
    stored,
    rate,
    direct: true,
    periodIds: [period],
    at,
    level: 'commune' as const,
    parent: province,
    parentLevel: 'province' as const,
    unitCode: null,
    jurisdiction: null,
  };
  const nationalQuery = { ...valuesQuery, parent: null, parentLevel: null };

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
    const res = await fetch(base + path, { headers });
    const bytes = Buffer.from(await res.arrayBuffer());
    const http = await latency(get(path));
    const rps = await wrk(base + path, 32, 5, headers);
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

  // Warm tile: one z10 tile over Hà Nội served from the cache, beside a bare node:http server sending the same bytes.
  const warm = { z: 10, x: lonToTileX(105.84, 10), y: latToTileY(21.03, 10) };
  const warmPath = `/api/tiles/communes/${warm.z}/${warm.x}/${warm.y}.mvt?at=${at}`;
  const warmBytes = Buffer.from(await (await fetch(base + warmPath)).arrayBuffer());
  const bare = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/vnd.mapbox-vector-tile' });
    res.end(warmBytes);
  });
  await new Promise<void>((r) => bare.listen(0, '127.0.0.1', r));
  const bareAddress = bare.address();
  const bareUrl = `http://127.0.0.1:${typeof bareAddress === 'object' && bareAddress ? bareAddress.port : 0}/`;
  const warmHttp = await latency(get(warmPath), 2000, 200);
  const warmRps = await wrk(base + warmPath);
  const bareRps = await wrk(bareUrl);
  bare.close();
  rows.push([
    `tile warm: communes z${warm.z}`,
    ms(warmHttp.p50),
    ms(warmHttp.p95),
    perSecond(warmRps),
    `${(warmBytes.length / 1024).toFixed(1)} KB`,
    'bare node:http',
    '',
    perSecond(bareRps),
    warmRps && bareRps ? `${(warmRps / bareRps).toFixed(2)} of bare` : 'n/a',
  ]);

  // Cold tiles z10–z12 under commune label points: through the app with the cache emptied before each,
  // beside the ST_AsMVT statement alone on the same tiles.
  const points = await db.query<{ lon: number; lat: number }>(
    `select ST_X(label_point) as lon, ST_Y(label_point) as lat from admin_units
     where level = 'commune' and valid_to is null order by md5(code) limit 120`,
  );
  const cold = points.flatMap((p, i) => {
    const z = 10 + (i % 3);
    return [{ z, x: lonToTileX(p.lon, z), y: latToTileY(p.lat, z) }];
  });
  const coldHttp: number[] = [];
  for (const t of cold) {
    clearTileCache(db);
    const started = performance.now();
    await get(`/api/tiles/communes/${t.z}/${t.x}/${t.y}.mvt?at=${at}`)();
    coldHttp.push(performance.now() - started);
  }
  const encoder = createPostgisTileEncoder(db);
  const coldSql: number[] = [];
  for (const t of cold) {
    const started = performance.now();
    await encoder.encode({ layer: 'communes', level: 'commune', version: '2025-07-01', ...t });
    coldSql.push(performance.now() - started);
  }
  const pct = (xs: number[], q: number) =>
    [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))] ?? Number.NaN;
  rows.push([
    `tile cold: communes z10–12 (${cold.length})`,
    ms(pct(coldHttp, 0.5)),
    ms(pct(coldHttp, 0.95)),
    '',
    '',
    ms(pct(coldSql, 0.5)),
    ms(pct(coldSql, 0.95)),
    '',
    (pct(coldHttp, 0.5) / pct(coldSql, 0.5)).toFixed(2),
  ]);

  console.log(`PCMT Atlas API bench — ${new Date().toISOString()} — PostgreSQL + PostGIS via pg, ${base}`);
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  '));
  server.close();
} finally {
  await db.close();
  stopServer();
}
