import { gunzipSync } from 'node:zlib';
import { MVT_CONTENT_TYPE } from '@pcmt/domain/contracts/tiles';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import type { Database } from '../../db/engine';
import { today } from '../../lib/sql';
import { decodeTile } from './testing/decode-tile';
import { openFixtureDatabase } from './testing/fixture-db';
import { insertSampleUnits } from './testing/sample-units';
import { latToTileY, lonToTileX } from './tile-math';
import { clearTileCache, tileServiceFor } from './tile-service';
import { warmTiles } from './tile-warm';

let db: Database;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  db = await openFixtureDatabase();
  await insertSampleUnits(db);
  app = createApp({ db, dataset: { synthetic: true, source: 'tile fixtures' } });
});

afterAll(async () => {
  await db?.close();
});

/** URL of the tile containing a point. */
const tileAt = (layer: string, z: number, lon: number, lat: number, query = '') =>
  `/api/tiles/${layer}/${z}/${lonToTileX(lon, z)}/${latToTileY(lat, z)}.mvt${query}`;

async function tileCodes(url: string): Promise<Record<string, string>> {
  const res = await app.request(url);
  expect(res.status, url).toBe(200);
  const [layer] = decodeTile(new Uint8Array(await res.arrayBuffer()));
  return Object.fromEntries((layer?.features ?? []).map((f) => [f.code, f.name]));
}

describe('GET /api/tiles/{layer}/{z}/{x}/{y}.mvt', () => {
  it('serves one MVT layer named like the URL layer, with code and name on every feature', async () => {
    const res = await app.request(tileAt('communes', 12, 105.83, 21.035, '?at=2025-08-01'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(MVT_CONTENT_TYPE);
    const layers = decodeTile(new Uint8Array(await res.arrayBuffer()));
    expect(layers.map((l) => l.name)).toEqual(['communes']);
    const [layer] = layers;
    expect(layer?.extent).toBe(4096);
    expect(layer?.version).toBe(2);
    const names = Object.fromEntries((layer?.features ?? []).map((f) => [f.code, f.name]));
    expect(names).toMatchObject({ '00004': 'Phường Ba Đình', '00008': 'Phường Ngọc Hà' });
    for (const f of layer?.features ?? []) expect(f.type).toBe(3);
  });

  it('draws the units valid on the date asked', async () => {
    expect(await tileCodes(tileAt('communes', 12, 105.836, 21.044, '?at=2024-12-31'))).toMatchObject({
      '00004': 'Phường Trúc Bạch',
    });
    expect(await tileCodes(tileAt('communes', 12, 105.836, 21.044, '?at=2025-07-01'))).toMatchObject({
      '00004': 'Phường Ba Đình',
    });
    expect(await tileCodes(tileAt('districts', 10, 105.84, 21.03, '?at=2024-12-31'))).toEqual({
      '001': 'Quận Ba Đình',
      '002': 'Quận Hoàn Kiếm',
    });
    const provinces = await tileCodes('/api/tiles/provinces/5/25/14.mvt?at=2025-08-01');
    expect(Object.keys(provinces).sort()).toEqual(['01', '14']);
  });

  it('defaults the date to today', async () => {
    const url = tileAt('communes', 12, 105.83, 21.035);
    const implicit = await app.request(url);
    const explicit = await app.request(`${url}?at=${today()}`);
    expect(new Uint8Array(await implicit.arrayBuffer())).toEqual(
      new Uint8Array(await explicit.arrayBuffer()),
    );
  });

  it('answers 204 with no body where no unit is, including districts after the 2025 reform', async () => {
    const sea = await app.request('/api/tiles/communes/6/60/30.mvt?at=2025-08-01');
    expect(sea.status).toBe(204);
    expect((await sea.arrayBuffer()).byteLength).toBe(0);
    const noDistricts = await app.request(tileAt('districts', 10, 105.84, 21.03, '?at=2025-08-01'));
    expect(noDistricts.status).toBe(204);
    const beforeAnyUnit = await app.request(tileAt('communes', 12, 105.83, 21.035, '?at=1990-01-01'));
    expect(beforeAnyUnit.status).toBe(204);
  });

  it.each([
    ['/api/tiles/roads/5/25/14.mvt', 'layer'],
    ['/api/tiles/communes/15/0/0.mvt', 'z'],
    ['/api/tiles/communes/x/0/0.mvt', 'z'],
    ['/api/tiles/communes/2/4/0.mvt', 'x'],
    ['/api/tiles/communes/2/0/4.mvt', 'y'],
    ['/api/tiles/communes/2/0/-1.mvt', 'y'],
    ['/api/tiles/communes/5/25/14.mvt?at=2025-02-30', 'at'],
    ['/api/tiles/communes/5/25/14.mvt?at=yesterday', 'at'],
  ])('refuses %s with 400 naming %s', async (url, field) => {
    const res = await app.request(url);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; field: string } };
    expect(body.error).toMatchObject({ code: 'invalid_parameter', field });
  });

  it.each(['/api/tiles/communes/5/25/14', '/api/tiles/communes/5/25/14.pbf'])(
    'does not serve %s',
    async (url) => {
      const res = await app.request(url);
      expect(res.status).not.toBe(200);
      expect(res.headers.get('content-type')).not.toBe(MVT_CONTENT_TYPE);
    },
  );

  it('sends gzip to clients that accept it, the same tile once inflated', async () => {
    const url = tileAt('communes', 11, 105.83, 21.035, '?at=2025-08-01');
    const plain = await app.request(url);
    const zipped = await app.request(url, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toBe('Accept-Encoding');
    expect(plain.headers.get('content-encoding')).toBeNull();
    const raw = new Uint8Array(await plain.arrayBuffer());
    expect(new Uint8Array(gunzipSync(new Uint8Array(await zipped.arrayBuffer())))).toEqual(raw);
    expect(zipped.headers.get('etag')).not.toBe(plain.headers.get('etag'));
  });

  it('lets clients revalidate: strong ETag, Cache-Control, 304 on If-None-Match', async () => {
    const url = tileAt('communes', 12, 105.83, 21.035, '?at=2025-08-01');
    const first = await app.request(url);
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=3600');
    const again = await app.request(url, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect((await again.arrayBuffer()).byteLength).toBe(0);
    const other = await app.request(url, { headers: { 'if-none-match': '"something-else"' } });
    expect(other.status).toBe(200);
    const gzipped = { 'accept-encoding': 'gzip' };
    const gzipEtag = (await app.request(url, { headers: gzipped })).headers.get('etag') ?? '';
    expect(gzipEtag).not.toBe(etag);
    const gzipAgain = await app.request(url, { headers: { ...gzipped, 'if-none-match': gzipEtag } });
    expect(gzipAgain.status).toBe(304);
    expect(gzipAgain.headers.get('etag')).toBe(gzipEtag);
  });

  it('caches encoded tiles until the cache is cleared', async () => {
    const service = tileServiceFor(db);
    clearTileCache(db);
    const url = tileAt('communes', 10, 105.83, 21.035, '?at=2025-08-01');
    const first = new Uint8Array(await (await app.request(url)).arrayBuffer());
    const cached = service.stats();
    expect(cached.tiles).toBe(1);
    const second = new Uint8Array(await (await app.request(url)).arrayBuffer());
    expect(second).toEqual(first);
    expect(service.stats()).toEqual(cached);
    clearTileCache(db);
    expect(service.stats().tiles).toBe(0);
  });

  it('warms every tile down to z8 so that low zooms are never encoded on request', async () => {
    clearTileCache(db);
    const warmed = await warmTiles(db, { at: '2025-08-01', layers: ['provinces', 'communes'] });
    expect(warmed.nonEmpty).toBeGreaterThan(0);
    const { tiles } = tileServiceFor(db).stats();
    expect(tiles).toBe(warmed.tiles);
    expect((await app.request('/api/tiles/provinces/5/25/14.mvt?at=2025-08-01')).status).toBe(200);
    expect(tileServiceFor(db).stats().tiles).toBe(tiles);
  });

  it('is documented in the OpenAPI document with the .mvt path', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<
        string,
        { get?: { parameters?: { name: string; in: string }[]; responses: Record<string, unknown> } }
      >;
    };
    const op = doc.paths['/api/tiles/{layer}/{z}/{x}/{y}.mvt']?.get;
    expect(op).toBeDefined();
    expect(op?.parameters?.map((p) => `${p.in}:${p.name}`).sort()).toEqual([
      'path:layer',
      'path:x',
      'path:y',
      'path:z',
      'query:at',
    ]);
    expect(JSON.stringify(op?.responses['200'])).toContain(MVT_CONTENT_TYPE);
    expect(Object.keys(doc.paths).filter((p) => p.includes('tiles'))).toHaveLength(1);
  });
});
