import { beforeAll, describe, expect, it } from 'vitest';
import { type ErrorJson, getJson } from '../../testing/http';
import { testApp } from '../../testing/test-db';

type App = Awaited<ReturnType<typeof testApp>>['app'];
let app: App;
beforeAll(async () => {
  ({ app } = await testApp());
});

interface HotspotsJson {
  type: string;
  meta: { count: number; at: string };
  features: Array<{
    geometry: { type: string; coordinates: [number, number] };
    properties: {
      code: string;
      kind: string;
      status: string;
      detectedOn: string;
      eliminatedOn: string | null;
      reemergedOn: string | null;
    };
  }>;
}

describe('GET /api/hotspots', () => {
  it('returns active hotspots as GeoJSON points detected by the date', async () => {
    const body = await getJson<HotspotsJson>(app, '/api/hotspots?at=2026-06-30');
    expect(body.type).toBe('FeatureCollection');
    expect(body.features.length).toBeGreaterThan(10);
    for (const f of body.features) {
      expect(f.geometry.type).toBe('Point');
      expect(['diem', 'tu_diem']).toContain(f.properties.kind);
      expect(f.properties.status).toBe('active');
      expect(f.properties.detectedOn <= '2026-06-30').toBe(true);
      const { eliminatedOn, reemergedOn } = f.properties;
      expect(
        eliminatedOn === null ||
          eliminatedOn > '2026-06-30' ||
          (reemergedOn !== null && reemergedOn <= '2026-06-30'),
      ).toBe(true);
    }
  });

  it('splits all hotspots into active and eliminated on a date', async () => {
    const at = '2025-12-31';
    const all = await getJson<HotspotsJson>(app, `/api/hotspots?status=all&at=${at}`);
    const active = await getJson<HotspotsJson>(app, `/api/hotspots?status=active&at=${at}`);
    const eliminated = await getJson<HotspotsJson>(app, `/api/hotspots?status=eliminated&at=${at}`);
    expect(active.meta.count + eliminated.meta.count).toBe(all.meta.count);
    expect(eliminated.features.length).toBeGreaterThan(0);
    expect(
      eliminated.features.every((f) => f.properties.eliminatedOn !== null && f.properties.eliminatedOn <= at),
    ).toBe(true);
  });

  it('keeps only hotspots inside the bbox', async () => {
    const bbox = [103.5, 20.8, 104.5, 21.8] as const;
    const body = await getJson<HotspotsJson>(app, `/api/hotspots?status=all&bbox=${bbox.join(',')}`);
    const all = await getJson<HotspotsJson>(app, '/api/hotspots?status=all');
    expect(body.features.length).toBeLessThan(all.features.length);
    for (const f of body.features) {
      const [lon, lat] = f.geometry.coordinates;
      expect(lon >= bbox[0] && lon <= bbox[2] && lat >= bbox[1] && lat <= bbox[3]).toBe(true);
    }
  });

  it.each([
    ['bbox=1,2,3', 'bbox'],
    ['bbox=105,21,104,22', 'bbox'],
    ['bbox=a,b,c,d', 'bbox'],
    ['bbox=-200,0,10,10', 'bbox'],
    ['status=gone', 'status'],
    ['at=2026-13-01', 'at'],
  ])('rejects %s naming %s', async (query, field) => {
    const body = await getJson<ErrorJson>(app, `/api/hotspots?${query}`, 400);
    expect(body.error.field).toBe(field);
  });
});

describe('GET /api/hotspots by jurisdiction', () => {
  it('gives the police of a province only the hotspots of its communes', async () => {
    const { as } = await testApp();
    const all = await getJson<HotspotsJson>(app, '/api/hotspots?at=2026-06-30');
    const hanoi = await getJson<HotspotsJson>(await as('congan.hanoi'), '/api/hotspots?at=2026-06-30');
    const sonla = await getJson<HotspotsJson>(await as('congan.sonla'), '/api/hotspots?at=2026-06-30');
    expect(hanoi.features.length).toBeGreaterThan(0);
    expect(sonla.features.length).toBeGreaterThan(0);
    expect(hanoi.features.length + sonla.features.length).toBe(all.features.length);
    const hanoiCodes = new Set(hanoi.features.map((f) => f.properties.code));
    expect(sonla.features.some((f) => hanoiCodes.has(f.properties.code))).toBe(false);
  });
});
