import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine';
import { writableTestApp } from '../../testing/test-db';
import { studyAreaWeights } from '../spatial-stats/spatial-weights.repo';
import { uploadForm } from './testing';

// Issue 14: a decree that merges a few communes of one province is imported as a change of those units
// only; the rest of the version carries over (before, every unit missing from the file ended that day).

type Ctx = Awaited<ReturnType<typeof writableTestApp>>;
let ctx: Ctx;
let db: Database;
const VALID_FROM = '2026-03-01';

beforeAll(async () => {
  ctx = await writableTestApp();
  db = ctx.db;
});
afterAll(async () => {
  await ctx?.close();
});

interface Report {
  importId: number | null;
  added: { code: string }[];
  removed: { code: string }[];
  changed: { code: string }[];
  carriedOver: number;
  scope: string;
  decree: string | null;
}

const communesOn = async (at: string, province: string | null = null) =>
  (
    await db.query<{ n: number }>(
      `select count(*)::int as n from admin_units where level = 'commune'
       and valid_from <= $1::date and (valid_to is null or valid_to > $1::date)
       and ($2::text is null or province_code = $2)`,
      [at, province],
    )
  )[0]?.n ?? 0;

/** Two neighbouring Sơn La communes in force today, and their union as one feature under the first code. */
async function mergerFile() {
  const pair = await db.query<{ a: string; b: string; name: string; geojson: string }>(
    `select a.code as a, b.code as b, a.full_name as name,
       ST_AsGeoJSON(ST_Multi(ST_Union(a.geom, b.geom)), 6) as geojson
     from admin_units a join admin_units b on b.level = 'commune' and b.province_code = '14'
       and b.valid_to is null and b.code > a.code and ST_Touches(a.geom, b.geom)
     where a.level = 'commune' and a.province_code = '14' and a.valid_to is null
     order by a.code, b.code limit 1`,
  );
  const p = pair[0];
  if (!p) throw new Error('no two neighbouring Sơn La communes');
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
  return { kept: p.a, merged: p.b, bytes: JSON.stringify(file) };
}

describe('a partial boundary update (two communes merged by a decree)', () => {
  it('changes those units only, records the decree, and every other unit carries over', async () => {
    const before = await communesOn(VALID_FROM);
    const sonLaBefore = await communesOn(VALID_FROM, '14');
    const { kept, merged, bytes } = await mergerFile();
    const res = await ctx.app.request('/api/imports/boundaries', {
      method: 'POST',
      body: uploadForm('sap-xep-2026.geojson', bytes, {
        validFrom: VALID_FROM,
        decree: '1234/NQ-UBTVQH15',
        decreeDate: '2026-02-10',
      }),
    });
    const report = (await res.json()) as Report;
    expect(res.status, JSON.stringify(report).slice(0, 400)).toBe(200);
    expect(report.scope).toBe('update');
    expect(report.changed.map((c) => c.code)).toEqual([kept]);
    expect(report.removed.map((c) => c.code)).toEqual([merged]);
    expect(report.added).toEqual([]);
    expect(report.carriedOver).toBe(before - 2);

    // One commune fewer from the decree's day, in Sơn La and in the country; the day before, unchanged.
    expect(await communesOn(VALID_FROM)).toBe(before - 1);
    expect(await communesOn(VALID_FROM, '14')).toBe(sonLaBefore - 1);
    expect(await communesOn('2026-02-28')).toBe(before);

    // The version is published with its decree, beside the dataset's own versions.
    const versions = (await (await ctx.app.request('/api/unit-versions')).json()) as {
      rows: {
        level: string;
        validFrom: string;
        validTo: string | null;
        units: number;
        decree: string | null;
      }[];
    };
    const communeVersions = versions.rows.filter((v) => v.level === 'commune');
    expect(communeVersions.at(-1)).toMatchObject({
      validFrom: VALID_FROM,
      validTo: null,
      units: before - 1,
      decree: '1234/NQ-UBTVQH15',
    });
    expect(communeVersions.find((v) => v.validFrom === '2025-07-01')).toMatchObject({
      validTo: VALID_FROM,
      decree: '202/2025/QH15',
    });

    // The statistics' study area of the new version is the whole country, not the two changed units.
    const weights = await studyAreaWeights(
      db,
      'commune',
      VALID_FROM,
      { kind: 'contiguity', snapM: 50 },
      '14',
    );
    expect(weights.codes.length).toBe(sonLaBefore - 1);
    expect(weights.codes).toContain(kept);
    expect(weights.codes).not.toContain(merged);

    const undo = await ctx.app.request(`/api/imports/boundaries/${report.importId}/rollback`, {
      method: 'POST',
    });
    expect(undo.status).toBe(200);
    expect(await communesOn(VALID_FROM)).toBe(before);
  });

  it('with scope replace, the file is the whole set: units missing from it end', async () => {
    const { kept, bytes } = await mergerFile();
    const res = await ctx.app.request('/api/imports/boundaries/preview', {
      method: 'POST',
      body: uploadForm('ca-nuoc.geojson', bytes, { validFrom: VALID_FROM, scope: 'replace' }),
    });
    const report = (await res.json()) as Report;
    expect(res.status).toBe(200);
    expect(report.changed.map((c) => c.code)).toEqual([kept]);
    expect(report.removed.length).toBe((await communesOn(VALID_FROM)) - 1);
    expect(report.carriedOver).toBe(0);
  });

  it('refuses a decree date that is not a date, naming the field', async () => {
    const { bytes } = await mergerFile();
    const res = await ctx.app.request('/api/imports/boundaries/preview', {
      method: 'POST',
      body: uploadForm('x.geojson', bytes, { validFrom: VALID_FROM, decreeDate: '10/02/2026' }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe('decreeDate');
  });
});
