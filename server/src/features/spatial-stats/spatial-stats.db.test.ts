import { DISTANCE_BANDS_M } from '@pcmt/domain/contracts/analysis';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ErrorJson, getJson } from '../../testing/http';
import { testApp } from '../../testing/test-db';

type App = Awaited<ReturnType<typeof testApp>>['app'];
let app: App;
let db: Awaited<ReturnType<typeof testApp>>['db'];
beforeAll(async () => {
  ({ app, db } = await testApp());
});

/** Rows of the stored weights tables: a request must never add any. */
const weightRows = async () =>
  db.query<{ sets: number; pairs: number }>(
    `select (select count(*)::int from spatial_weight_sets) as sets, (select count(*)::int from spatial_weights) as pairs`,
  );

interface GiJson {
  meta: {
    n: number;
    missing: string[];
    weights: { key: string; islands: string[] };
    unitVersion: string;
    fdr: boolean;
  };
  units: Array<{ code: string; value: number; z: number; p: number; bin: number }>;
}

describe('GET /api/analysis/gi-star', () => {
  const path = '/api/analysis/gi-star?indicator=addicts_per_1000&period=2025-Q4&province=14';

  it('returns a z, p and bin for every commune of the province, hot spots where values are high', async () => {
    const body = await getJson<GiJson>(app, path);
    expect(body.meta.unitVersion).toBe('2025-07-01');
    expect(body.meta.weights.key).toBe('commune@2025-07-01/contiguity:50');
    expect(body.units.length).toBe(body.meta.n);
    expect(body.units.length).toBeGreaterThan(50);
    const hot = body.units.filter((u) => u.bin > 0);
    const cold = body.units.filter((u) => u.bin < 0);
    expect(hot.length).toBeGreaterThan(0);
    const mean = (xs: typeof hot) => xs.reduce((a, u) => a + u.value, 0) / xs.length;
    expect(mean(hot)).toBeGreaterThan(mean(body.units));
    if (cold.length > 0) expect(mean(cold)).toBeLessThan(mean(body.units));
    for (const u of body.units) {
      expect(u.p).toBeGreaterThan(0);
      expect(u.p).toBeLessThanOrEqual(1);
      expect(Math.sign(u.bin) === Math.sign(u.z) || u.bin === 0).toBe(true);
    }
  });

  it('FDR keeps no more spots than the plain confidence levels', async () => {
    const plain = await getJson<GiJson>(app, path);
    const fdr = await getJson<GiJson>(app, `${path}&fdr=true`);
    expect(fdr.meta.fdr).toBe(true);
    const count = (b: GiJson) => b.units.filter((u) => u.bin !== 0).length;
    expect(count(fdr)).toBeLessThanOrEqual(count(plain));
  });

  it('uses distance-band weights of the menu when asked', async () => {
    const body = await getJson<GiJson>(app, `${path}&weights=distance&distance=15000`);
    expect(body.meta.weights.key).toBe('commune@2025-07-01/distance:15000');
  });

  // Issue 13, finding 3: every new distance built and stored a national weights set inside this GET
  // (distance=100000: 107 s, +470 MB in the database).
  it('offers a fixed menu of distances: any other is 400 naming distance and listing the menu', async () => {
    for (const distance of ['100000', '5000', '15000.5', '9999', 'abc']) {
      const body = await getJson<ErrorJson>(app, `${path}&weights=distance&distance=${distance}`, 400);
      expect(body.error.field).toBe('distance');
      expect(body.error.message).toContain(DISTANCE_BANDS_M.join(', '));
    }
    const snap = await getJson<ErrorJson>(app, `${path}&snap=75`, 400);
    expect(snap.error).toMatchObject({ field: 'snap' });
  });

  it('stores nothing whatever distances 20 requests ask for, and answers each within seconds', async () => {
    const before = await weightRows();
    const distances = [
      ...DISTANCE_BANDS_M,
      ...Array.from({ length: 20 - DISTANCE_BANDS_M.length }, (_, k) => 20_500 + k * 3_777),
    ];
    expect(new Set(distances).size).toBe(20);
    for (const [k, distance] of distances.entries()) {
      const started = performance.now();
      const res = await app.request(
        `/api/analysis/gi-star?indicator=addicts_per_1000&period=2025-Q4&weights=distance&distance=${distance}${k % 2 ? '' : '&province=14'}`,
      );
      expect(res.status).toBe(k < DISTANCE_BANDS_M.length ? 200 : 400);
      expect(performance.now() - started).toBeLessThan(5000);
    }
    expect(await weightRows()).toEqual(before);
  });

  it.each([
    ['indicator=nope_x&period=2025-Q4', 404, 'indicator'],
    ['indicator=addicts_per_1000&period=2025-Q9', 400, 'period'],
    ['indicator=addicts_per_1000&period=2025-Q4&province=99', 404, 'province'],
    ['indicator=addicts_per_1000&period=2025-Q4&snap=-1', 400, 'snap'],
    ['indicator=addicts_per_1000&period=2025-Q4&fdr=maybe', 400, 'fdr'],
  ])('rejects %s naming the field', async (query, status, field) => {
    const body = await getJson<ErrorJson>(app, `/api/analysis/gi-star?${query}`, status);
    expect(body.error.field).toBe(field);
  });
});

describe('GET /api/analysis/local-moran', () => {
  it('labels clusters with seeded permutation p-values that repeat', async () => {
    const path =
      '/api/analysis/local-moran?indicator=addicts_per_1000&period=2025-Q4&province=14&permutations=199&seed=5';
    type J = {
      meta: { permutations: number; globalI: number };
      units: Array<{ code: string; p: number; cluster: string | null }>;
    };
    const a = await getJson<J>(app, path);
    const b = await getJson<J>(app, path);
    expect(a.meta.permutations).toBe(199);
    expect(a.units).toEqual(b.units);
    for (const u of a.units) {
      expect(u.p).toBeGreaterThanOrEqual(1 / 200 - 1e-9);
      expect(u.p).toBeLessThanOrEqual(1);
    }
    expect(a.units.some((u) => u.cluster !== null)).toBe(true);
  });
});

describe('GET /api/analysis/emerging-hotspots', () => {
  it('classifies communes over a run of quarters and names the definition', async () => {
    type J = {
      meta: { periods: string[]; definition: string };
      units: Array<{ spot: string | null; kind: string | null }>;
    };
    const body = await getJson<J>(
      app,
      '/api/analysis/emerging-hotspots?indicator=addicts_per_1000&from=2024-Q1&to=2025-Q4&province=14',
    );
    expect(body.meta.periods).toHaveLength(8);
    expect(body.meta.definition).toContain('ArcGIS');
    const kinds = new Set(body.units.map((u) => u.kind));
    expect(
      [...kinds].every(
        (k) =>
          k === null ||
          [
            'new',
            'consecutive',
            'intensifying',
            'persistent',
            'diminishing',
            'sporadic',
            'oscillating',
            'historical',
          ].includes(k),
      ),
    ).toBe(true);
    const plain = await getJson<J>(
      app,
      '/api/analysis/emerging-hotspots?indicator=addicts_per_1000&from=2024-Q1&to=2025-Q4&province=14&fdr=false',
    );
    // ArcGIS applies FDR to every time slice by default; without it more communes qualify.
    const spots = (b: J) => b.units.filter((u) => u.spot !== null).length;
    expect(spots(plain)).toBeGreaterThan(0);
    expect(spots(body)).toBeLessThanOrEqual(spots(plain));
  });

  it('refuses a run too short for a trend', async () => {
    const body = await getJson<ErrorJson>(
      app,
      '/api/analysis/emerging-hotspots?indicator=addicts_per_1000&from=2025-Q1&to=2025-Q4&province=14',
      400,
    );
    expect(body.error.field).toBe('from');
  });
});

describe('hotspot density and clusters', () => {
  it('estimates a density grid whose mass matches the hotspots counted', async () => {
    type J = {
      meta: { points: number; bandwidthM: number; bandwidthRule: string; cellSizeM: number };
      cells: Array<[number, number, number]>;
    };
    const body = await getJson<J>(app, '/api/analysis/hotspot-density?province=14&at=2026-06-30');
    expect(body.meta.points).toBeGreaterThan(10);
    expect(body.meta.bandwidthRule).toContain('0.9');
    const mass = body.cells.reduce((a, c) => a + c[2], 0) * (body.meta.cellSizeM / 1000) ** 2;
    // Cells under 1 % of the peak are left out, so a little mass is missing.
    expect(mass).toBeGreaterThan(body.meta.points * 0.8);
    expect(mass).toBeLessThan(body.meta.points * 1.02);
  });

  it('groups nearby hotspots with DBSCAN and draws a hull around each cluster', async () => {
    type J = {
      meta: { points: number; noise: number; srid: number };
      features: Array<{ geometry: { type: string }; properties: { count: number; codes: string[] } }>;
    };
    const body = await getJson<J>(
      app,
      '/api/analysis/hotspot-clusters?province=14&at=2026-06-30&eps=1500&minPoints=3',
    );
    expect(body.meta.srid).toBe(32648);
    expect(body.features.length).toBeGreaterThan(0);
    const clustered = body.features.reduce((a, f) => a + f.properties.count, 0);
    expect(clustered + body.meta.noise).toBe(body.meta.points);
    for (const f of body.features) {
      expect(f.properties.count).toBeGreaterThanOrEqual(3);
      expect(f.properties.codes).toHaveLength(f.properties.count);
    }
    const tighter = await getJson<J>(
      app,
      '/api/analysis/hotspot-clusters?province=14&at=2026-06-30&eps=100&minPoints=3',
    );
    expect(tighter.meta.noise).toBeGreaterThanOrEqual(body.meta.noise);
  });
});
