import { beforeAll, describe, expect, it } from 'vitest';
import { today } from '../../lib/sql';
import { testApp } from '../../testing/test-db';
import { decodeTile } from './testing/decode-tile';
import { latToTileY, lonToTileX } from './tile-math';

type App = Awaited<ReturnType<typeof testApp>>;

let t: App;
let commune: { code: string; name: string; lon: number; lat: number };

beforeAll(async () => {
  t = await testApp();
  const rows = await t.db.query<{ code: string; name: string; lon: number; lat: number }>(
    `select code, full_name as name, ST_X(label_point) as lon, ST_Y(label_point) as lat
     from admin_units where level = 'commune' and province_code = '01' and valid_to is null order by code limit 1`,
  );
  const first = rows[0];
  if (!first) throw new Error('the seeded dataset has no current commune of Hà Nội');
  commune = first;
});

const tileUrl = (layer: string, z: number, query: string) =>
  `/api/tiles/${layer}/${z}/${lonToTileX(commune.lon, z)}/${latToTileY(commune.lat, z)}.mvt${query}`;

async function features(url: string) {
  const res = await t.app.request(url);
  expect(res.status, url).toBe(200);
  return decodeTile(new Uint8Array(await res.arrayBuffer()))[0]?.features ?? [];
}

describe('tiles of the seeded demo dataset', () => {
  it('draws the current commune under its label point, with its code and name', async () => {
    const found = (await features(tileUrl('communes', 12, `?at=${today()}`))).map((f) => [f.code, f.name]);
    expect(found).toContainEqual([commune.code, commune.name]);
  });

  it('draws pre-reform districts before 1/7/2025 and none after', async () => {
    const districts = await features(tileUrl('districts', 10, '?at=2024-12-31'));
    expect(districts.length).toBeGreaterThan(0);
    for (const f of districts) expect(f.code).toMatch(/^\d{3}$/);
    expect((await t.app.request(tileUrl('districts', 10, '?at=2025-07-01'))).status).toBe(204);
  });

  it('draws provinces at national zoom', async () => {
    const provinces = await features(tileUrl('provinces', 5, ''));
    expect(provinces.map((f) => f.code)).toContain('01');
  });
});
