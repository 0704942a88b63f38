import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import {
  boundariesCacheFor,
  boundaryFeaturesJson,
  communeListsFor,
  communeSources,
  communeStatusesJson,
  communeValuesJson,
  createGeojsonVtTileEncoder,
  createPostgisTileEncoder,
  createReferenceCache,
  createTileService,
  latToTileY,
  loadVersionDates,
  lonToTileX,
  resolveIndicator,
  valueRows,
  valuesJson,
  versionAt,
} from '@pcmt/server/bench';
import { DEMO_PASSWORD, ensureDemoAccounts, isEmpty, seedDemo } from '@pcmt/server/demo';
import { type Database, openDatabase, readDatasetInfo } from '@pcmt/server/engine';
import { createHttpApp, serverWithTileFastPath } from '@pcmt/server/http';
import { benchServer } from './bench-server';
import { latency, ms, wrk } from './measure';

/**
 * `pnpm bench`: every row of issue 19's table, each beside its lower bound measured in the same run and the
 * ratio, on both engines: the embedded PGlite (PCMT_BENCH_DATA_DIR, default .data/bench-pglite, seeded with
 * the demo data when empty) and PostgreSQL (BENCH_DATABASE_URL, else a throwaway PostGIS server started by
 * scripts/ci/start-postgis.sh). BENCH_ENGINES=pglite or =postgres runs one; BENCH_TILE_FAST_PATH=0 serves
 * tiles through the app only (the figure before the node server answered cached tiles). Throughput needs
 * `wrk` (Debian package wrk). The machine may be shared: run it under `nice -n -10`.
 */
const root = resolve(import.meta.dirname, '../..');
const engines = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',').map((e) => e.trim());
const fastPath = process.env.BENCH_TILE_FAST_PATH !== '0';

const period = '2026-Q2';
const province = '01';
const at = '2026-06-30';
const indicator = 'managed_addicts';

interface Row {
  what: string;
  now: string;
  bound: string;
  ratio: string;
  goal: string;
}

for (const engine of engines) {
  if (engine !== 'pglite' && engine !== 'postgres')
    throw new Error(`BENCH_ENGINES: unknown engine ${engine}`);
  const server = engine === 'postgres' ? benchServer('api') : null;
  const db = await openDatabase(
    server
      ? { databaseUrl: server.url }
      : { dataDir: resolve(root, process.env.PCMT_BENCH_DATA_DIR ?? '.data/bench-pglite') },
  );
  try {
    await db.migrate();
    if (await isEmpty(db)) await seedDemo(db, (m) => console.error(`[seed ${engine}] ${m}`));
    await requireWholeDataset(db);
    const rows = await benchEngine(db);
    console.log(
      `\nPCMT Atlas API bench — ${engine === 'postgres' ? 'PostgreSQL + PostGIS (pg)' : 'PGlite (embedded, the default)'}` +
        ` — ${new Date().toISOString()} — cached tiles ${fastPath ? 'answered by the node server' : 'through the app'}`,
    );
    printTable(rows);
  } finally {
    await db.close();
    server?.stop();
  }
}

async function benchEngine(db: Database): Promise<Row[]> {
  const deps = { db, dataset: await readDatasetInfo(db) };
  const site = createHttpApp(deps, resolve(root, 'web/dist'));
  const app = serve({
    fetch: site.fetch,
    port: 0,
    hostname: '127.0.0.1',
    ...(fastPath ? { createServer: serverWithTileFastPath(deps) } : {}),
  });
  await new Promise((r) => app.once('listening', r));
  const base = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
  const rows: Row[] = [];
  try {
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
    // A kept-alive connection left idle while a statement was timed alone (PGlite: seconds) may be closed by
    // the server as the next request leaves on it: send that GET again once, as browsers do.
    const fetchOnce = (url: string) =>
      fetch(url, { headers }).catch((err: unknown) => {
        const code = (err as { cause?: { code?: string } }).cause?.code;
        if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return fetch(url, { headers });
        throw err;
      });
    const get = (url: string) => async () => {
      const res = await fetchOnce(url);
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`${url} → ${res.status}`);
    };

    // Warm tile: one z10 tile over Hà Nội from the cache, beside a bare node:http server sending the same
    // bytes; the two are measured in turns, so that other work on the machine weighs on both alike.
    const warm = { z: 10, x: lonToTileX(105.84, 10), y: latToTileY(21.03, 10) };
    const warmPath = `/api/tiles/communes/${warm.z}/${warm.x}/${warm.y}.mvt?at=${at}`;
    const warmBytes = Buffer.from(await (await fetch(base + warmPath)).arrayBuffer());
    const bare = await bareServer(warmBytes, 'application/vnd.mapbox-vector-tile');
    // Besides requests per second, the CPU time this process spends per request (both servers run here and
    // wrk in its own process): on a shared machine the rate moves with the others' load, the CPU time hardly.
    const appRps: number[] = [];
    const bareRps: number[] = [];
    const appCpu: number[] = [];
    const bareCpu: number[] = [];
    const measured = async (url: string, rates: number[], cpu: number[]) => {
      const before = process.cpuUsage();
      const rate = (await wrk(url, 32, 3)) ?? Number.NaN;
      const used = process.cpuUsage(before);
      rates.push(rate);
      cpu.push((used.user + used.system) / (rate * 3));
    };
    for (let round = 0; round < 5; round++) {
      await measured(bare.url, bareRps, bareCpu);
      await measured(base + warmPath, appRps, appCpu);
    }
    await bare.close();
    const warmLatency = await latency(get(base + warmPath), 1000, 100);
    const warmRatio = median(appRps) / median(bareRps);
    const cpuRatio = median(bareCpu) / median(appCpu);
    const warmWhat = `warm vector tile (cached), communes z10, ${(warmBytes.length / 1024).toFixed(1)} KB`;
    rows.push({
      what: warmWhat,
      now: `${rps(median(appRps))} (p50 ${ms(warmLatency.p50)})`,
      bound: `bare node:http ${rps(median(bareRps))}`,
      ratio: Number.isNaN(warmRatio) ? 'n/a (install wrk)' : `${warmRatio.toFixed(2)} × bare`,
      goal: '≥ 0.7 × bare',
    });
    rows.push({
      what: `${warmWhat}, CPU per request`,
      now: `${median(appCpu).toFixed(1)} µs`,
      bound: `bare node:http ${median(bareCpu).toFixed(1)} µs`,
      ratio: Number.isNaN(cpuRatio) ? 'n/a (install wrk)' : `${cpuRatio.toFixed(2)} × bare (bare ÷ tile)`,
      goal: '≥ 0.7 × bare',
    });

    // Values: the map's request for one indicator, beside the statements the route runs, alone (its hot path,
    // commune-values.ts, with the version's communes already kept) and the general statement it replaced.
    const reference = await createReferenceCache(db).get();
    const { indicator: _row, ...inputs } = resolveIndicator(reference, indicator);
    const valuesQuery = {
      ...inputs,
      direct: true,
      periodIds: [period],
      at,
      level: 'commune' as const,
      parent: province,
      parentLevel: 'province' as const,
      unitCode: null,
      jurisdiction: null,
    };
    const provinceValues = `${base}/api/values?indicator=${indicator}&period=${period}&parent=${province}`;
    const provinceHttp = await latency(get(provinceValues), 300, 30);
    const provinceRps = await wrk(provinceValues, 8, 3, headers);
    const communeLists = communeListsFor(db);
    const provinceSql = await latency(() => communeValuesJson(db, communeLists, valuesQuery), 300, 30);
    const provinceGeneral = await latency(() => valuesJson(db, valuesQuery), 100, 10);
    rows.push({
      what: `values, 1 indicator, ${province}'s communes, 1 quarter`,
      now: `p50 ${ms(provinceHttp.p50)}, p95 ${ms(provinceHttp.p95)}, ${rps(provinceRps)}`,
      bound: `its SQL alone p50 ${ms(provinceSql.p50)} (general statement ${ms(provinceGeneral.p50)})`,
      ratio: `${(provinceHttp.p50 / provinceSql.p50).toFixed(2)} × SQL`,
      goal: '≤ 1.2 × SQL; SQL ≤ 1.5 ms',
    });

    const nationalValues = `${base}/api/values?indicator=${indicator}&period=${period}`;
    const nationalBody = Buffer.from(await (await fetch(nationalValues, { headers })).arrayBuffer());
    const nationalHttp = await latency(get(nationalValues), 100, 10);
    const nationalQuery = { ...valuesQuery, parent: null, parentLevel: null };
    const nationalSql = await latency(() => communeValuesJson(db, communeLists, nationalQuery), 100, 10);
    const nationalGeneral = await latency(() => valuesJson(db, nationalQuery), 100, 10);
    const bareValues = await bareServer(nationalBody, 'application/json');
    const nationalBare = await latency(get(bareValues.url), 100, 10);
    await bareValues.close();
    const nationalRows = (JSON.parse(nationalBody.toString()) as { meta: { count: number } }).meta.count;
    const communes = `all communes (${nationalRows} rows, ${(nationalBody.length / 1024).toFixed(0)} KB)`;
    rows.push({
      what: `values, ${communes}`,
      now: `p50 ${ms(nationalHttp.p50)}, p95 ${ms(nationalHttp.p95)}`,
      bound: `SQL alone p50 ${ms(nationalSql.p50)} (general statement ${ms(nationalGeneral.p50)})`,
      ratio: `${(nationalHttp.p50 / nationalSql.p50).toFixed(2)} × SQL`,
      goal: db.kind === 'postgres' ? 'p50 ≤ 5 ms' : 'p50 ≤ 8 ms',
    });
    rows.push({
      what: `values, ${communes}, beside bare bytes`,
      now: `p50 ${ms(nationalHttp.p50)}`,
      bound: `bare node:http, same bytes, p50 ${ms(nationalBare.p50)}`,
      ratio: `${(nationalHttp.p50 / nationalBare.p50).toFixed(2)} × bare`,
      goal: db.kind === 'postgres' ? 'p50 ≤ 5 ms' : 'p50 ≤ 8 ms',
    });

    // A commune's series (every quarter since 2019, the older ones through the crosswalk) and the statuses
    // (every commune of the country, one province's), each beside its statement alone.
    const [commune] = await db.query<{ code: string }>(
      `select code from admin_units where level = 'commune' and province_code = $1 and valid_to is null
       order by code limit 1`,
      [province],
    );
    if (!commune) throw new Error(`no commune in ${province}`);
    const seriesHttp = await latency(
      get(`${base}/api/series?unit=${commune.code}&indicator=${indicator}&at=${at}`),
      100,
      10,
    );
    const [communeId] = await db.query<{ id: number }>(
      `select id from admin_units where code = $1 and valid_to is null`,
      [commune.code],
    );
    const seriesPeriods = [...reference.periods.values()]
      .filter((p) => p.kind === 'quarter' && p.endDate <= at)
      .map((p) => p.id);
    // The route's second statement (the values' sources, run beside the values on a pool): shown, not added.
    const seriesSources = await latency(
      () => communeSources(db, { unitId: communeId?.id ?? 0, codes: [indicator], periodIds: seriesPeriods }),
      100,
      10,
    );
    const seriesSql = await latency(
      () =>
        valueRows(db, {
          ...inputs,
          direct: false,
          periodIds: seriesPeriods,
          at,
          level: 'commune',
          parent: province,
          parentLevel: 'province',
          unitCode: commune.code,
          jurisdiction: null,
        }),
      100,
      10,
    );
    rows.push({
      what: `series, 1 commune, ${indicator}, every quarter since 2019`,
      now: `p50 ${ms(seriesHttp.p50)}, p95 ${ms(seriesHttp.p95)}`,
      bound: `SQL alone p50 ${ms(seriesSql.p50)} (its sources statement ${ms(seriesSources.p50)})`,
      ratio: `${(seriesHttp.p50 / seriesSql.p50).toFixed(2)} × SQL`,
      goal: '≤ 1.2 × SQL',
    });
    for (const parent of [null, province]) {
      const statusHttp = await latency(
        get(`${base}/api/status?period=${period}${parent ? `&parent=${parent}` : ''}`),
        parent ? 100 : 40,
        5,
      );
      const statusSql = await latency(
        () => communeStatusesJson(db, { asOf: at, at, parent, parentLevel: parent ? 'province' : null }),
        parent ? 100 : 40,
        5,
      );
      rows.push({
        what: `statuses, ${parent ? `${parent}'s communes` : 'all communes'}, ${period}`,
        now: `p50 ${ms(statusHttp.p50)}, p95 ${ms(statusHttp.p95)}`,
        bound: `SQL alone p50 ${ms(statusSql.p50)}`,
        ratio: `${(statusHttp.p50 / statusSql.p50).toFixed(2)} × SQL`,
        goal: '≤ 1.2 × SQL',
      });
    }

    // One province's boundaries (its communes, mid detail), beside its SQL alone: as a province's users ask
    // for them (kept since the first asked), and the first request after the units changed (cache emptied).
    const boundaries = `${base}/api/boundaries?level=commune&parent=${province}&at=${at}`;
    const boundariesBytes = (await (await fetch(boundaries)).arrayBuffer()).byteLength;
    const boundariesSql = () =>
      boundaryFeaturesJson(db, { level: 'commune', parent: province, at, detail: 'mid' });
    const boundariesHttp = await latency(get(boundaries), 200, 20);
    const boundariesAlone = await latency(boundariesSql, 200, 20);
    const boundariesFirst = await latency(
      async () => {
        boundariesCacheFor(db).clear();
        await get(boundaries)();
      },
      100,
      10,
    );
    const boundariesAloneAgain = await latency(boundariesSql, 100, 10);
    const what = `one province's boundaries (${province} communes, mid, ${(boundariesBytes / 1024).toFixed(0)} KB)`;
    rows.push({
      what,
      now: `p50 ${ms(boundariesHttp.p50)}, p95 ${ms(boundariesHttp.p95)}`,
      bound: `SQL alone p50 ${ms(boundariesAlone.p50)}`,
      ratio: `${(boundariesHttp.p50 / boundariesAlone.p50).toFixed(2)} × SQL`,
      goal: '≤ 1.5 × SQL',
    });
    rows.push({
      what: `${what}, first request after a units change`,
      now: `p50 ${ms(boundariesFirst.p50)}, p95 ${ms(boundariesFirst.p95)}`,
      bound: `SQL alone p50 ${ms(boundariesAloneAgain.p50)}`,
      ratio: `${(boundariesFirst.p50 / boundariesAloneAgain.p50).toFixed(2)} × SQL`,
      goal: '≤ 1.5 × SQL',
    });

    // Cold tiles z10–12 under commune label points, none asked before (z ≤ 8 is warmed at start, not these):
    // through the app, and the same encoder alone on the same tile, in alternating order.
    const points = await db.query<{ lon: number; lat: number }>(
      `select ST_X(label_point) as lon, ST_Y(label_point) as lat from admin_units
       where level = 'commune' and valid_to is null order by md5(code) limit 200`,
    );
    const seen = new Set([`${warm.z}/${warm.x}/${warm.y}`]);
    const cold = points
      .map((p, i) => {
        const z = 10 + (i % 3);
        return { z, x: lonToTileX(p.lon, z), y: latToTileY(p.lat, z) };
      })
      .filter((t) => {
        const key = `${t.z}/${t.x}/${t.y}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .slice(0, 120);
    // The encoder the app uses, as a separate instance (geojson-vt keeps the tiles it sliced: the app's would
    // hand back the very tiles it just made), its index built beforehand like the app's.
    const encoder = db.capabilities.mvt ? createPostgisTileEncoder(db) : createGeojsonVtTileEncoder(db);
    const version = versionAt(await loadVersionDates(db, 'commune'), at);
    if (!version) throw new Error(`no commune version on ${at}`);
    await encoder.encode({ layer: 'communes', level: 'commune', version, ...warm });
    // The server's own work on a cold tile without HTTP: a tile service of its own (its cache is empty, so
    // every tile here is cold for it), over another encoder instance: encoding, hashing, gzipping, caching.
    const service = createTileService(db, {
      encoder: db.capabilities.mvt ? createPostgisTileEncoder(db) : createGeojsonVtTileEncoder(db),
    });
    await service.tile({ layer: 'communes', ...warm, at });
    const coldHttp: number[] = [];
    const coldEncoder: number[] = [];
    const coldService: number[] = [];
    for (const [i, t] of cold.entries()) {
      const viaApp = async () => {
        const started = performance.now();
        await get(`${base}/api/tiles/communes/${t.z}/${t.x}/${t.y}.mvt?at=${at}`)();
        coldHttp.push(performance.now() - started);
      };
      const alone = async () => {
        const started = performance.now();
        await encoder.encode({ layer: 'communes', level: 'commune', version, ...t });
        coldEncoder.push(performance.now() - started);
      };
      const viaService = async () => {
        const started = performance.now();
        await service.tile({ layer: 'communes', ...t, at });
        coldService.push(performance.now() - started);
      };
      const order = [viaApp, alone, viaService];
      for (let k = 0; k < order.length; k++) await order[(i + k) % order.length]?.();
    }
    const coldP50 = percentile(coldHttp, 0.5);
    const encoderP50 = percentile(coldEncoder, 0.5);
    const serviceP50 = percentile(coldService, 0.5);
    rows.push({
      what: `cold tile z10–12 (${cold.length} tiles)`,
      now: `p50 ${ms(coldP50)}, p95 ${ms(percentile(coldHttp, 0.95))}`,
      bound: `${encoder.name === 'postgis' ? 'ST_AsMVT' : `${encoder.name} encoder`} alone p50 ${ms(encoderP50)}`,
      ratio: `${(coldP50 / encoderP50).toFixed(2)} × encoder`,
      goal: '≤ 2 × SQL',
    });
    // Where the rest goes: the server's work beyond the encoder (hash, gzip, cache), and HTTP, whose cost is
    // what a warm tile's answer costs (its p50 above) — the lower bound of any answer over this loopback.
    rows.push({
      what: 'cold tile z10–12, split',
      now: `tile service alone p50 ${ms(serviceP50)}; HTTP of a warm tile p50 ${ms(warmLatency.p50)}`,
      bound: `encoder + warm HTTP p50 ${ms(encoderP50 + warmLatency.p50)}`,
      ratio: `${(coldP50 / (encoderP50 + warmLatency.p50)).toFixed(2)} × (encoder + HTTP)`,
      goal: '≤ 2 × SQL',
    });
    rows.push({
      what: 'first Gi* on a province',
      now: 'not measured here (long work as jobs: a separate task)',
      bound: '—',
      ratio: '—',
      goal: 'never blocks others',
    });
  } finally {
    await new Promise((r) => app.close(r));
  }
  return rows;
}

/**
 * The figures are the demo's only on the whole demo dataset. A database seeded by the tests holds values of
 * two provinces only (server/src/testing/test-dataset.ts): a national request there answered 7 KB where the
 * demo answers 111 KB, and its timings measured a twentieth of the rows. Refuse it rather than print them.
 */
async function requireWholeDataset(db: Database) {
  const [cover] = await db.query<{ provinces: number; reporting: number }>(
    `select (select count(distinct province_code)::int from admin_units
              where level = 'commune' and valid_from <= $3::date and (valid_to is null or valid_to > $3::date)) as provinces,
            (select count(distinct u.province_code)::int from indicator_values v join admin_units u on u.id = v.unit_id
              where v.indicator_code = $1 and v.period_id = $2) as reporting`,
    [indicator, period, at],
  );
  if (!cover || cover.reporting < cover.provinces) {
    throw new Error(
      `the database holds ${indicator} of ${period} for ${cover?.reporting ?? 0} of ${cover?.provinces ?? 0} provinces ` +
        "(the tests' dataset?): give BENCH_DATABASE_URL an empty database (the bench seeds the demo) or the demo's",
    );
  }
}

/** A node:http server that answers every request with the same bytes: the lower bound of serving them. */
async function bareServer(
  body: Buffer,
  contentType: string,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': contentType });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

function median(xs: number[]): number {
  return percentile(xs, 0.5);
}

function percentile(xs: number[], q: number): number {
  const sorted = [...xs].filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  return sorted[Math.floor(q * (sorted.length - 1))] ?? Number.NaN;
}

function rps(x: number | null): string {
  return x === null || Number.isNaN(x) ? 'n/a (install wrk)' : `${Math.round(x).toLocaleString('en')} req/s`;
}

function printTable(rows: Row[]) {
  const table = [
    ['path', 'now', 'lower bound (same run)', 'ratio', 'goal'],
    ...rows.map((r) => [r.what, r.now, r.bound, r.ratio, r.goal]),
  ];
  const widths = table[0]?.map((_, i) => Math.max(...table.map((r) => (r[i] ?? '').length))) ?? [];
  for (const r of table) console.log(r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | '));
}
