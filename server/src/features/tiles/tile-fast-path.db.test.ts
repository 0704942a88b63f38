import { type IncomingHttpHeaders, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { type ServerType, serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine';
import { createHttpApp, serverWithTileFastPath } from '../../http';
import { bump, GENERATION_CHECK_MS } from '../../lib/data-generations';
import { decodeTile } from './testing/decode-tile';
import { openFixtureDatabase } from './testing/fixture-db';
import { insertSampleUnits } from './testing/sample-units';
import { latToTileY, lonToTileX } from './tile-math';
import { clearTileCache, tileServiceFor } from './tile-service';

/**
 * The node server as `pnpm start` runs it: tiles are answered before the app. A user must not be able to
 * tell which of the two answered: same status, headers (security headers included), bytes.
 */
let db: Database;
let server: ServerType;
let base: string;
/** Requests that reached the app (the rest were answered by the fast path). */
let appRequests = 0;

beforeAll(async () => {
  db = await openFixtureDatabase();
  await insertSampleUnits(db);
  const deps = { db, dataset: { synthetic: true, source: 'tile fixtures' } };
  const site = createHttpApp(deps, '/nonexistent-web-dist');
  server = serve({
    fetch: (req, env) => {
      appRequests++;
      return site.fetch(req, env);
    },
    port: 0,
    hostname: '127.0.0.1',
    createServer: serverWithTileFastPath(deps),
  });
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((r) => server?.close(r));
  await db?.close();
});

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** True when the app answered, false when the node server did. */
  byApp: boolean;
}

function get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  const before = appRequests;
  return new Promise((resolve, reject) => {
    request(`${base}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks),
          byApp: appRequests > before,
        }),
      );
    })
      .on('error', reject)
      .end();
  });
}

/** Headers a user could compare, without the ones that depend on the moment or the connection. */
const comparable = (h: IncomingHttpHeaders) => {
  const { date: _date, connection: _connection, 'keep-alive': _keepAlive, ...rest } = h;
  return rest;
};

const tileAt = (layer: string, z: number, lon: number, lat: number, query = '?at=2025-08-01') =>
  `/api/tiles/${layer}/${z}/${lonToTileX(lon, z)}/${latToTileY(lat, z)}.mvt${query}`;

describe('tiles on the node server', () => {
  it('answers a tile it holds without the app, exactly as the app did: plain, gzip, 304, empty', async () => {
    clearTileCache(db);
    const url = tileAt('communes', 12, 105.83, 21.035);
    const gzip = { 'accept-encoding': 'gzip, deflate, br' };
    // Another query parameter sends the same tile request to the app (which ignores the parameter).
    const viaApp = `${url}&by=app`;
    const firstPlain = await get(viaApp);
    const firstGzip = await get(viaApp, gzip);
    expect(firstPlain.byApp && firstGzip.byApp).toBe(true);
    expect(firstPlain.status).toBe(200);

    const plain = await get(url);
    const zipped = await get(url, gzip);
    expect(plain.byApp || zipped.byApp).toBe(false);
    expect(plain.status).toBe(200);
    expect(comparable(plain.headers)).toEqual(comparable(firstPlain.headers));
    expect(comparable(zipped.headers)).toEqual(comparable(firstGzip.headers));
    // The security headers of the site are there, as on every page.
    expect(plain.headers['content-security-policy']).toContain("default-src 'self'");
    expect(plain.headers['x-frame-options']).toBe('DENY');
    expect(plain.body).toEqual(firstPlain.body);
    expect(new Uint8Array(gunzipSync(zipped.body))).toEqual(new Uint8Array(plain.body));
    expect(decodeTile(new Uint8Array(plain.body)).map((l) => l.name)).toEqual(['communes']);

    // Revalidation: 304 for the representation's own ETag, the whole tile for another.
    const etag = String(plain.headers.etag);
    const appNotModified = await get(viaApp, { 'if-none-match': etag });
    expect(appNotModified.byApp).toBe(true);
    const notModified = await get(url, { 'if-none-match': etag });
    expect(notModified).toMatchObject({ status: 304, byApp: false });
    expect(notModified.body.byteLength).toBe(0);
    expect(comparable(notModified.headers)).toEqual(comparable(appNotModified.headers));
    expect((await get(url, { ...gzip, 'if-none-match': etag })).status).toBe(200);

    // A tile where no unit is: 204, as the app says it.
    const sea = '/api/tiles/communes/6/60/30.mvt?at=2025-08-01';
    const appSea = await get(`${sea}&by=app`);
    const fastSea = await get(sea);
    expect([appSea.status, fastSea.status, appSea.byApp, fastSea.byApp]).toEqual([204, 204, true, false]);
    expect(comparable(fastSea.headers)).toEqual(comparable(appSea.headers));
  });

  it('encodes a tile not made yet without the app, answering what the app answers', async () => {
    clearTileCache(db);
    const url = tileAt('communes', 11, 105.83, 21.035);
    const cold = await get(url, { 'accept-encoding': 'gzip' });
    expect(cold).toMatchObject({ status: 200, byApp: false });
    clearTileCache(db);
    const byApp = await get(`${url}&by=app`, { 'accept-encoding': 'gzip' });
    expect(byApp.byApp).toBe(true);
    expect(comparable(cold.headers)).toEqual(comparable(byApp.headers));
    expect(cold.body).toEqual(byApp.body);
  });

  it('leaves bad parameters and other queries to the app, which names the field', async () => {
    const url = tileAt('communes', 12, 105.83, 21.035);
    await get(url);
    const badDate = await get(url.replace('2025-08-01', '2025-02-30'));
    expect(badDate).toMatchObject({ status: 400, byApp: true });
    expect(JSON.parse(badDate.body.toString())).toMatchObject({ error: { field: 'at' } });
    expect((await get('/api/tiles/communes/2/0/4.mvt')).status).toBe(400);
    expect((await get(`${url}&at=2025-08-01`)).byApp).toBe(true);
  });

  it('follows a boundary change made by another process once the generations are read again', async () => {
    const url = tileAt('communes', 11, 105.83, 21.035);
    await get(url);
    expect((await get(url)).byApp).toBe(false);
    // Another process (the CLI, another server) committed new units: this process has not looked yet.
    await bump(db, 'units');
    await new Promise((r) => setTimeout(r, GENERATION_CHECK_MS + 50));
    // The first request after the bound waits for the generations to be read: the tiles held before are
    // dropped and this one is encoded anew.
    const after = await get(url);
    expect(after).toMatchObject({ status: 200, byApp: false });
    expect(tileServiceFor(db).stats().tiles).toBe(1);
  });
});
