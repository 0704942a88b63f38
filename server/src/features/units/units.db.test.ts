import { beforeAll, describe, expect, it } from 'vitest';
import { type ErrorJson, getJson } from '../../testing/http';
import { testApp, testEngine } from '../../testing/test-db';

type App = Awaited<ReturnType<typeof testApp>>['app'];
let app: App;
beforeAll(async () => {
  ({ app } = await testApp());
});

interface UnitsJson {
  meta: { at: string; count: number };
  rows: Array<{
    code: string;
    fullName: string;
    level: string;
    parentCode: string | null;
    labelPoint: [number, number];
  }>;
}

describe('GET /api/health', () => {
  it('reports the engine and the PostGIS version', async () => {
    const body = await getJson<{ status: string; engine: string; postgis: string }>(app, '/api/health');
    expect(body.status).toBe('ok');
    expect(body.engine).toBe(testEngine());
    expect(body.postgis).toMatch(/^3\.\d+/);
  });
});

describe('GET /api/units', () => {
  it('lists the 34 provinces of today and the 63 of 2024', async () => {
    expect((await getJson<UnitsJson>(app, '/api/units?level=province&at=2026-01-01')).rows).toHaveLength(34);
    const old = await getJson<UnitsJson>(app, '/api/units?level=province&at=2024-06-30');
    expect(old.rows).toHaveLength(63);
    expect(old.rows.map((r) => r.fullName)).toContain('Tỉnh Hà Giang');
  });

  it('lists the communes of a province with their parent and a label point', async () => {
    const body = await getJson<UnitsJson>(app, '/api/units?level=commune&parent=01&at=2026-01-01');
    expect(body.rows.length).toBeGreaterThan(100);
    expect(body.rows.every((r) => r.parentCode === '01' && r.level === 'commune')).toBe(true);
    expect(body.rows.find((r) => r.code === '00004')?.fullName).toBe('Phường Ba Đình');
    // Database row ids are an internal detail: units are named by code and validity.
    expect(body.rows[0]).not.toHaveProperty('id');
  });

  it('reaches old communes through their district before 1/7/2025', async () => {
    const districts = await getJson<UnitsJson>(app, '/api/units?level=district&parent=14&at=2024-01-01');
    expect(districts.rows.length).toBeGreaterThan(5);
    const first = districts.rows[0];
    const communes = await getJson<UnitsJson>(
      app,
      `/api/units?level=commune&parent=${first?.code}&at=2024-01-01`,
    );
    expect(communes.rows.length).toBeGreaterThan(0);
    expect(communes.rows.every((r) => r.parentCode === first?.code)).toBe(true);
  });

  it('names the parameter in a 400 and the missing unit in a 404', async () => {
    const bad = await getJson<ErrorJson>(app, '/api/units?level=village', 400);
    expect(bad.error.field).toBe('level');
    const badDate = await getJson<ErrorJson>(app, '/api/units?at=2025-02-30', 400);
    expect(badDate.error.field).toBe('at');
    const missing = await getJson<ErrorJson>(app, '/api/units?level=commune&parent=99', 404);
    expect(missing.error).toMatchObject({ code: 'not_found', field: 'parent' });
    // District codes do not exist after the reorganisation.
    const gone = await getJson<ErrorJson>(app, '/api/units?level=commune&parent=001&at=2026-01-01', 404);
    expect(gone.error.message).toContain('01/01/2026');
  });
});

describe('GET /api/boundaries', () => {
  it('returns a province’s communes as light GeoJSON with code, name and level', async () => {
    const res = await app.request('/api/boundaries?level=commune&parent=14&at=2026-01-01');
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text.length).toBeLessThan(300_000);
    const body = JSON.parse(text) as {
      type: string;
      meta: { detail: string; synthetic: boolean };
      features: Array<{
        geometry: { type: string };
        properties: { code: string; name: string; level: string };
      }>;
    };
    expect(body.type).toBe('FeatureCollection');
    expect(body.meta).toMatchObject({ detail: 'mid', synthetic: true });
    expect(body.features.length).toBeGreaterThan(50);
    for (const f of body.features) {
      expect(f.geometry.type).toBe('MultiPolygon');
      expect(f.properties.level).toBe('commune');
      expect(f.properties.code).toMatch(/^\d{5}$/);
    }
  });

  it('rejects an unknown detail', async () => {
    const body = await getJson<ErrorJson>(app, '/api/boundaries?detail=ultra', 400);
    expect(body.error.field).toBe('detail');
  });
});

describe('the API surface', () => {
  it('publishes an OpenAPI document listing every route', async () => {
    const doc = await getJson<{ openapi: string; paths: Record<string, unknown> }>(app, '/api/openapi.json');
    expect(doc.openapi).toBe('3.1.0');
    for (const path of [
      '/api/health',
      '/api/units',
      '/api/boundaries',
      '/api/indicators',
      '/api/values',
      '/api/status',
      '/api/hotspots',
      '/api/series',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });

  it('answers unknown routes with a JSON 404', async () => {
    const body = await getJson<ErrorJson>(app, '/api/nothing-here', 404);
    expect(body.error.code).toBe('not_found');
  });

  it('lists the indicator catalogue with aggregation rules and sensitivity', async () => {
    const body = await getJson<{
      rows: Array<{ code: string; areaAggregation: string; sensitivity: string; nameVi: string }>;
    }>(app, '/api/indicators');
    const byCode = new Map(body.rows.map((r) => [r.code, r]));
    expect(byCode.get('managed_addicts')?.sensitivity).toBe('internal');
    expect(byCode.get('drug_arrests')?.sensitivity).toBe('police');
    expect(byCode.get('addicts_per_1000')?.areaAggregation).toBe('rate');
    expect(body.rows.every((r) => r.nameVi.length > 0)).toBe(true);
  });
});
