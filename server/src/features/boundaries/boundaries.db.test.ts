import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import type { Database } from '../../db/engine';
import { bump, GENERATION_CHECK_MS } from '../../lib/data-generations';
import { openFixtureDatabase } from '../tiles/testing/fixture-db';
import { insertSampleUnits, wobblyRing } from '../tiles/testing/sample-units';

let db: Database;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  db = await openFixtureDatabase();
  await insertSampleUnits(db);
  app = createApp({ db, dataset: { synthetic: true, source: 'boundary fixtures' } });
});

afterAll(async () => {
  await db?.close();
});

interface Boundaries {
  meta: { at: string; count: number; detail: string };
  features: { properties: { code: string; name: string } }[];
}

const codes = async (url: string) => {
  const res = await app.request(url);
  expect(res.status, url).toBe(200);
  const body = (await res.json()) as Boundaries;
  expect(body.meta.count).toBe(body.features.length);
  return body.features.map((f) => f.properties.code);
};

describe('GET /api/boundaries', () => {
  it("answers a province's communes on the date asked, the same when asked again", async () => {
    const url = '/api/boundaries?level=commune&parent=01&at=2025-08-01';
    expect(await codes(url)).toEqual(['00004', '00008', '00070']);
    expect(await codes(url)).toEqual(['00004', '00008', '00070']);
  });

  it('answers 404 naming the parent when no unit of that code is valid on the date', async () => {
    // District 001 was abolished on 1/7/2025: its communes before, a 404 after (asked in that order).
    expect(await codes('/api/boundaries?level=commune&parent=001&at=2024-12-31')).toEqual(['00001', '00004']);
    for (const url of [
      '/api/boundaries?level=commune&parent=001&at=2025-08-01',
      '/api/boundaries?level=commune&parent=99&at=2025-08-01',
    ]) {
      const res = await app.request(url);
      expect(res.status, url).toBe(404);
      const body = (await res.json()) as { error: { field: string; message: string } };
      expect(body.error.field).toBe('parent');
      expect(body.error.message).toContain('còn hiệu lực ngày 01/08/2025');
    }
  });

  it('shows a boundary change made by another process once the generations are read again', async () => {
    const url = '/api/boundaries?level=commune&parent=14&at=2025-08-01';
    const before = await codes(url);
    // Another process (the CLI, another server) adds a commune and bumps the units' generation.
    await insertSampleUnits(db, [
      {
        code: '03999',
        fullName: 'Xã Thử Nghiệm',
        level: 'commune',
        parentCode: '14',
        provinceCode: '14',
        validFrom: '2025-07-01',
        validTo: null,
        polygons: [[wobblyRing(104.2, 21.6, 0.05, 3)]],
      },
    ]);
    await bump(db, 'units');
    await new Promise((r) => setTimeout(r, GENERATION_CHECK_MS + 50));
    expect(await codes(url)).toEqual([...before, '03999'].sort());
  });
});
