import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { type Database, openDatabase } from '../db/engine';
import { runImportCli } from '../features/imports/import-cli';
import { latToTileY, lonToTileX } from '../features/tiles/tile-math';
import { createTileService, tileServiceFor } from '../features/tiles/tile-service';
import { keepTilesWarm } from '../features/tiles/tile-warm';
import { signIn, testEngine, writableTestApp } from '../testing/test-db';
import { readDatasetInfo } from './context';
import { GENERATION_CHECK_MS } from './data-generations';

/**
 * Caches that hold across processes. The writer is the command-line import (a real `pnpm run import`
 * process on PostgreSQL; in-process on PGlite, which one process owns) or another app; the reader is a
 * second server, its caches warm: on PostgreSQL an app over its own connection pool (another process in
 * all but pid), on PGlite a second app instance over the same database. After the staleness bound, the
 * reader's first request must show the change.
 */
type Ctx = Awaited<ReturnType<typeof writableTestApp>>;
let ctx: Ctx;
/** The second server's database: its own pool on PostgreSQL, the same PGlite otherwise. */
let otherDb: Database;
let other: ReturnType<typeof createApp>;
const dir = mkdtempSync(join(tmpdir(), 'pcmt-generations-'));
const root = resolve(import.meta.dirname, '../../..');
const VALID_FROM = '2026-01-01';
const AFTER = '2026-02-01';

beforeAll(async () => {
  ctx = await writableTestApp();
  otherDb =
    testEngine() === 'postgres' ? await openDatabase({ databaseUrl: process.env.TEST_DATABASE_URL }) : ctx.db;
  other = createApp({ db: otherDb, dataset: await readDatasetInfo(otherDb) });
});
afterAll(async () => {
  if (otherDb && otherDb !== ctx?.db) await otherDb.close();
  if (ctx) {
    await ctx.db.query(`delete from users where username like 'test-gen-%'`);
    await ctx.db.query(`delete from login_attempts where username like 'test-gen-%'`);
  }
  await ctx?.close();
});

/** `pnpm run import …`: its own process on PostgreSQL, in-process on PGlite. Returns what it printed. */
async function importCli(...argv: string[]): Promise<string> {
  if (testEngine() === 'pglite') {
    const out: string[] = [];
    const code = await runImportCli(ctx.db, argv, { out: (l) => out.push(l), err: (l) => out.push(l) });
    expect(code, out.join('\n')).toBe(0);
    return out.join('\n');
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/import.ts', ...argv], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: process.env.TEST_DATABASE_URL },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  child.stdout.on('data', (chunk) => {
    printed += String(chunk);
  });
  child.stderr.on('data', (chunk) => {
    printed += String(chunk);
  });
  const code = await new Promise<number | null>((done) => child.on('close', done));
  expect(code, printed).toBe(0);
  return printed;
}

const importId = (printed: string) => Number(/import #(\d+)/.exec(printed)?.[1]);

/** Past the staleness bound: the next request of any process must read the generations again. */
const pastTheBound = () => new Promise((done) => setTimeout(done, GENERATION_CHECK_MS + 50));

/** A Sơn La commune in force, and a square of ±0.01° around its label point. */
async function sonLaCommune() {
  const [u] = await ctx.db.query<{ code: string; fullName: string; lon: number; lat: number }>(
    `select code, full_name as "fullName", ST_X(label_point) as lon, ST_Y(label_point) as lat from admin_units
     where level = 'commune' and province_code = '14' and valid_to is null order by code limit 1`,
  );
  if (!u) throw new Error('no Sơn La commune');
  return u;
}

describe('caches that hold across processes', () => {
  it('a second server draws a boundary import made through the CLI at its first request, and re-warms its tiles', async () => {
    const u = await sonLaCommune();
    const z = 10;
    const tile = {
      layer: 'communes' as const,
      z,
      x: lonToTileX(u.lon, z),
      y: latToTileY(u.lat, z),
      at: AFTER,
    };
    const url = `/api/tiles/communes/${z}/${tile.x}/${tile.y}.mvt?at=${AFTER}`;
    const warmer = keepTilesWarm(otherDb, { at: () => AFTER, layers: ['communes'], maxZoom: 5 });
    try {
      await warmer.idle();
      expect(tileServiceFor(otherDb).stats().tiles).toBeGreaterThan(1);
      const before = await other.request(url);
      expect(before.status).toBe(200);
      const beforeEtag = before.headers.get('etag');
      // The answer is now in the second server's tile cache.
      expect((await other.request(url)).headers.get('etag')).toBe(beforeEtag);

      const d = 0.01;
      const square = [
        [u.lon - d, u.lat - d],
        [u.lon + d, u.lat - d],
        [u.lon + d, u.lat + d],
        [u.lon - d, u.lat + d],
        [u.lon - d, u.lat - d],
      ];
      const file = join(dir, 'xa.geojson');
      writeFileSync(
        file,
        JSON.stringify({
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              properties: { code: u.code, name: u.fullName, province_code: '14' },
              geometry: { type: 'Polygon', coordinates: [square] },
            },
          ],
        }),
      );
      const printed = await importCli('boundaries', file, '--valid-from', VALID_FROM, '--no-crosswalk');
      const id = importId(printed);
      expect(id, printed).toBeGreaterThan(0);
      try {
        await pastTheBound();
        const after = await other.request(url);
        expect(after.status).toBe(200);
        // What a server that never saw the old units encodes now.
        const fresh = await createTileService(ctx.db).tile(tile);
        expect(after.headers.get('etag')).toBe(fresh?.etag);
        expect(after.headers.get('etag')).not.toBe(beforeEtag);
        // The process that noticed warmed its tiles again, on the new units: more than the one just asked
        // for, and the low zoom over the commune is a cache hit equal to a fresh encoding.
        await warmer.idle();
        const service = tileServiceFor(otherDb);
        const rewarmed = service.stats().tiles;
        expect(rewarmed).toBeGreaterThan(1);
        const low = { ...tile, z: 5, x: lonToTileX(u.lon, 5), y: latToTileY(u.lat, 5) };
        const lowTile = await service.tile(low);
        expect(service.stats().tiles).toBe(rewarmed);
        expect(lowTile?.etag).toBe((await createTileService(ctx.db).tile(low))?.etag);
      } finally {
        // Rolled back by the first server: the second one shows the old units again.
        const rb = await ctx.app.request(`/api/imports/boundaries/${id}/rollback`, { method: 'POST' });
        expect(rb.status, await rb.clone().text()).toBe(200);
      }
      await pastTheBound();
      expect((await other.request(url)).headers.get('etag')).toBe(beforeEtag);
    } finally {
      warmer.stop();
      await warmer.idle();
    }
  });

  it("a values import through the CLI reaches a warm server's public answers", async () => {
    const summaryOf = async () => {
      const res = await other.request('/api/public/summary?province=14');
      expect(res.status).toBe(200);
      return (await res.json()) as {
        meta: { period: string };
        indicators: Array<{ code: string; points: Array<{ period: string; value: unknown }> }>;
      };
    };
    const before = await summaryOf();
    const population = before.indicators.find((i) => i.code === 'population');
    const lastYear = population?.points.at(-1);
    if (!lastYear) throw new Error('no public population figure for Sơn La');
    // Population is a stock: a year's figure is its fourth quarter's.
    const period = `${lastYear.period}-Q4`;
    const u = await sonLaCommune();
    const [stored] = await ctx.db.query<{ value: number }>(
      `select v.value from indicator_values v join admin_units u on u.id = v.unit_id
       where v.indicator_code = 'population' and v.period_id = $1 and u.code = $2 and u.level = 'commune'
         and u.valid_from <= $3::date and (u.valid_to is null or u.valid_to > $3::date)`,
      [period, u.code, `${lastYear.period}-12-31`],
    );
    const file = join(dir, 'dan-so.csv');
    writeFileSync(file, `Mã đơn vị,population\n${u.code},${(stored?.value ?? 0) + 100_000}\n`);
    const printed = await importCli('values', file, '--period', period);
    const id = importId(printed);
    expect(id, printed).toBeGreaterThan(0);
    try {
      await pastTheBound();
      const after = await summaryOf();
      // What a server that never answered before says now.
      const fresh = createApp({ db: ctx.db, dataset: await readDatasetInfo(ctx.db) });
      const expected = await (await fresh.request('/api/public/summary?province=14')).json();
      expect(after).toEqual(expected);
      expect(after.indicators).not.toEqual(before.indicators);
    } finally {
      const rb = await ctx.app.request(`/api/imports/values/${id}/rollback`, { method: 'POST' });
      expect(rb.status, await rb.clone().text()).toBe(200);
    }
    await pastTheBound();
    expect(await summaryOf()).toEqual(before);
  });

  it('an account disabled through one server is signed out of another at its next request', async () => {
    const admin = await signIn(ctx.raw, 'admin');
    const username = `test-gen-${Date.now()}`;
    const password = 'ba-con-meo-trèo-cây-cau';
    const created = await admin.request('/api/users', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        username,
        displayName: 'Cán bộ thử',
        role: 'committee',
        jurisdiction: ['14'],
        password,
      }),
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const { id } = (await created.json()) as { id: number };
    const login = await other.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    expect(login.status).toBe(200);
    const cookie = /pcmt_session=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1];
    const session = async () =>
      (await (
        await other.request('/api/auth/session', { headers: { cookie: `pcmt_session=${cookie}` } })
      ).json()) as {
        user: { username: string } | null;
      };
    expect((await session()).user?.username).toBe(username);

    const disabled = await admin.request(`/api/users/${id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ active: false }),
    });
    expect(disabled.status).toBe(200);
    await pastTheBound();
    expect((await session()).user).toBeNull();
  });
});
