import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine';
import { writableTestApp } from '../../testing/test-db';
import { uploadForm } from './testing';

// Issue 14: history reaches today's units across two successive reorganisations. The dataset has three
// commune versions once a 2026 decree is imported: A (2008, the old communes) → B (1/7/2025, merged) →
// C (2026, two B communes merged again). A value reported on an A commune in 2024 must show on the C commune
// as value × (weight A→B × weight B→C), summed over the paths, and be marked an estimate when that product
// is a share (a partial crosswalk row).

type Ctx = Awaited<ReturnType<typeof writableTestApp>>;
let ctx: Ctx;
let db: Database;
const VALID_FROM = '2026-03-01';
const PERIOD = '2024-Q3';
const INDICATOR = 'drug_arrests';
let importId: number | null = null;
/** The value this test overwrites on an A commune, to put back afterwards (shared PostgreSQL database). */
let overwritten: { unitId: number; value: number | null; source: string | null } | null = null;

beforeAll(async () => {
  ctx = await writableTestApp();
  db = ctx.db;
});
afterAll(async () => {
  if (importId !== null)
    await ctx.app.request(`/api/imports/boundaries/${importId}/rollback`, { method: 'POST' });
  if (overwritten) {
    const { unitId, value, source } = overwritten;
    if (value === null)
      await db.query(
        `delete from indicator_values where indicator_code = $1 and period_id = $2 and unit_id = $3`,
        [INDICATOR, PERIOD, unitId],
      );
    else
      await db.query(
        `update indicator_values set value = $4, source = $5 where indicator_code = $1 and period_id = $2 and unit_id = $3`,
        [INDICATOR, PERIOD, unitId, value, source],
      );
  }
  await ctx?.close();
});

interface Hop {
  from: number;
  to: number;
  weight: number;
}

const hopsInto = (ids: number[]) =>
  db.query<Hop>(
    `select old_unit_id as "from", new_unit_id as "to", weight from unit_crosswalk where new_unit_id = any($1::int[])`,
    [ids],
  );
const hopsOutOf = (ids: number[]) =>
  db.query<Hop>(
    `select old_unit_id as "from", new_unit_id as "to", weight from unit_crosswalk where old_unit_id = any($1::int[])`,
    [ids],
  );

/**
 * Two neighbouring Sơn La communes of version B (in force today) such that an A commune maps only partly
 * into the two (its weights into them add up to less than 1): their union is the C commune.
 */
async function pairWithAPartialPredecessor() {
  const [p] = await db.query<{ aId: number; a: string; bId: number; name: string; geojson: string }>(
    `with cur as (select id, code, full_name, geom from admin_units
                   where level = 'commune' and province_code = '14' and valid_to is null)
     select a.id as "aId", a.code as a, b.id as "bId", a.full_name as name,
       ST_AsGeoJSON(ST_Multi(ST_Union(a.geom, b.geom)), 6) as geojson
     from cur a join cur b on b.code > a.code and ST_Touches(a.geom, b.geom)
     where exists (
       select 1 from unit_crosswalk x
        where x.new_unit_id in (a.id, b.id)
          and (select sum(y.weight) from unit_crosswalk y
                where y.old_unit_id = x.old_unit_id and y.new_unit_id in (a.id, b.id)) < 0.99)
     order by a.code, b.code limit 1`,
  );
  if (!p) throw new Error('no two neighbouring Sơn La communes with a partly mapped predecessor');
  const file = {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { ma_xa: p.a, ten: p.name, ma_tinh: '14' },
        geometry: JSON.parse(p.geojson),
      },
    ],
  };
  return { code: p.a, bIds: [p.aId, p.bId], bytes: JSON.stringify(file) };
}

describe('history across two reorganisations (A → B in 2025, B → C in 2026)', () => {
  it("shows an A commune's 2024 value on the C commune as the product of the weights, an estimate when partial", async () => {
    const { code, bIds, bytes } = await pairWithAPartialPredecessor();
    // A → B, before the 2026 decree.
    const aToB = await hopsInto(bIds);
    const aIds = [...new Set(aToB.map((h) => h.from))];
    // The B communes carry no 2024 value of their own (they began on 1/7/2025): 2024 lives on A.
    const [onB] = await db.query<{ n: number }>(
      `select count(*)::int as n from indicator_values where unit_id = any($1::int[]) and period_id = $2`,
      [bIds, PERIOD],
    );
    expect(onB?.n).toBe(0);

    // A value reported on the A commune that maps only partly into the pair.
    const share = (from: number) => aToB.filter((h) => h.from === from).reduce((sum, h) => sum + h.weight, 0);
    const partlyMapped = aIds.find((id) => share(id) < 0.99);
    if (partlyMapped === undefined) throw new Error('the pair has no partly mapped A commune');
    const [before] = await db.query<{ value: number; source: string }>(
      `select value, source from indicator_values where indicator_code = $1 and period_id = $2 and unit_id = $3`,
      [INDICATOR, PERIOD, partlyMapped],
    );
    overwritten = { unitId: partlyMapped, value: before?.value ?? null, source: before?.source ?? null };
    await db.query(
      `insert into indicator_values (indicator_code, period_id, unit_id, value, source) values ($1, $2, $3, 1000, 'test')
       on conflict (indicator_code, period_id, unit_id) do update set value = 1000, source = 'test'`,
      [INDICATOR, PERIOD, partlyMapped],
    );

    // B → C: the decree merges the pair under the first code.
    const res = await ctx.app.request('/api/imports/boundaries', {
      method: 'POST',
      body: uploadForm('sap-xep-2026.geojson', bytes, { validFrom: VALID_FROM, decree: '99/NQ-TEST' }),
    });
    const report = (await res.json()) as { importId: number | null };
    expect(res.status, JSON.stringify(report).slice(0, 400)).toBe(200);
    importId = report.importId;
    const [c] = await db.query<{ id: number }>(
      `select id from admin_units where level = 'commune' and code = $1 and valid_from = $2::date`,
      [code, VALID_FROM],
    );
    if (!c) throw new Error('the C commune was not created');
    const bToC = (await hopsOutOf(bIds)).filter((h) => h.to === c.id);
    expect(bToC.length).toBeGreaterThan(0);

    // What the C commune should show: every A value × Σ over B of (A→B weight × B→C weight).
    const weightAToC = new Map<number, number>();
    for (const ab of aToB)
      for (const bc of bToC)
        if (bc.from === ab.to)
          weightAToC.set(ab.from, (weightAToC.get(ab.from) ?? 0) + ab.weight * bc.weight);
    const values = await db.query<{ unitId: number; value: number }>(
      `select unit_id as "unitId", value from indicator_values
        where indicator_code = $1 and period_id = $2 and unit_id = any($3::int[])`,
      [INDICATOR, PERIOD, [...weightAToC.keys()]],
    );
    const expected = values.reduce((sum, v) => sum + v.value * (weightAToC.get(v.unitId) ?? 0), 0);
    expect(weightAToC.get(partlyMapped) ?? 0).toBeGreaterThan(0);
    expect(weightAToC.get(partlyMapped) ?? 1).toBeLessThan(0.99);
    expect(expected).toBeGreaterThanOrEqual(1000 * (weightAToC.get(partlyMapped) ?? 0));

    // The map and table: values of 2024 on the units of the 2026 version.
    const valuesRes = await ctx.app.request(
      `/api/values?indicator=${INDICATOR}&period=${PERIOD}&parent=14&at=${VALID_FROM}`,
    );
    expect(valuesRes.status).toBe(200);
    const valuesBody = (await valuesRes.json()) as {
      meta: { unitVersion: string; method: string };
      rows: { code: string; value: number; estimated?: true }[];
    };
    expect(valuesBody.meta.unitVersion).toBe(VALID_FROM);
    const row = valuesBody.rows.find((r) => r.code === code);
    expect(row?.value).toBeCloseTo(expected, 3);
    expect(row?.estimated).toBe(true);

    // The unit's history: the same figure for that quarter.
    const seriesRes = await ctx.app.request(
      `/api/series?unit=${code}&indicator=${INDICATOR}&from=${PERIOD}&to=${PERIOD}&at=${VALID_FROM}`,
    );
    expect(seriesRes.status).toBe(200);
    const series = (await seriesRes.json()) as {
      rows: { period: string; value: number | null; method: string; estimated: boolean }[];
    };
    expect(series.rows).toHaveLength(1);
    expect(series.rows[0]?.period).toBe(PERIOD);
    expect(series.rows[0]?.value).toBeCloseTo(expected, 3);
    expect(series.rows[0]).toMatchObject({ method: 'crosswalk', estimated: true });
  });
});
