import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine';
import { type ErrorJson, getJson } from '../../testing/http';
import { testApp } from '../../testing/test-db';

type App = Awaited<ReturnType<typeof testApp>>['app'];
let app: App;
let db: Database;
beforeAll(async () => {
  ({ app, db } = await testApp());
});

interface ValuesJson {
  meta: { synthetic: boolean; method: string; unitVersion: string; at: string; count: number; level: string };
  rows: Array<{ code: string; value: number }>;
}

const values = (query: string) => getJson<ValuesJson>(app, `/api/values?${query}`);
const asMap = (body: ValuesJson) => new Map(body.rows.map((r) => [r.code, r.value]));
const sum = (xs: Iterable<number>) => [...xs].reduce((a, b) => a + b, 0);

describe('GET /api/values on today’s units', () => {
  it('gives every commune of a province its value, labelled synthetic', async () => {
    const body = await values('indicator=managed_addicts&period=2026-Q1&parent=14');
    expect(body.meta).toMatchObject({
      synthetic: true,
      method: 'direct',
      unitVersion: '2025-07-01',
      level: 'commune',
    });
    const communes = await getJson<{ rows: unknown[] }>(
      app,
      '/api/units?level=commune&parent=14&at=2026-03-31',
    );
    expect(body.rows).toHaveLength(communes.rows.length);
    expect(body.rows.every((r) => Number.isFinite(r.value) && r.value >= 0)).toBe(true);
  });

  it('sums communes into their province', async () => {
    const communes = await values('indicator=managed_addicts&period=2026-Q1&parent=14');
    const provinces = asMap(await values('indicator=managed_addicts&period=2026-Q1&level=province'));
    expect(provinces.get('14')).toBeCloseTo(sum(asMap(communes).values()), 6);
  });

  it('computes a rate from its numerator and denominator at the aggregated level', async () => {
    const q = 'period=2026-Q1&level=province';
    const rate = asMap(await values(`indicator=addicts_per_1000&${q}`)).get('14');
    const addicts = asMap(await values(`indicator=managed_addicts&${q}`)).get('14') ?? Number.NaN;
    const population = asMap(await values(`indicator=population&${q}`)).get('14') ?? Number.NaN;
    expect(rate).toBeCloseTo((1000 * addicts) / population, 3);
  });

  it('aggregates a year by each indicator’s rule: last quarter for stocks, sum for flows', async () => {
    const q = 'level=province&parent=14';
    const stockYear = asMap(await values(`indicator=managed_addicts&period=2024&${q}`)).get('14');
    const stockQ4 = asMap(await values(`indicator=managed_addicts&period=2024-Q4&${q}`)).get('14');
    expect(stockYear).toBeCloseTo(stockQ4 ?? Number.NaN, 6);
    const quarters = await Promise.all(
      ['Q1', 'Q2', 'Q3', 'Q4'].map(
        async (qq) => asMap(await values(`indicator=drug_arrests&period=2024-${qq}&${q}`)).get('14') ?? 0,
      ),
    );
    const flowYear = asMap(await values(`indicator=drug_arrests&period=2024&${q}`)).get('14');
    expect(flowYear).toBeCloseTo(sum(quarters), 6);
  });
});

describe('GET /api/values before 1/7/2025', () => {
  it('shows the old units by default', async () => {
    const body = await values('indicator=managed_addicts&period=2024-Q4&parent=14');
    expect(body.meta).toMatchObject({ method: 'direct', unitVersion: '2008-08-01', at: '2024-12-31' });
    expect(body.rows.length).toBeGreaterThan(150);
  });

  it('re-expresses old values on today’s communes through the crosswalk weights', async () => {
    const old = asMap(await values('indicator=managed_addicts&period=2024-Q4&parent=14'));
    const today = await values('indicator=managed_addicts&period=2024-Q4&parent=14&at=2026-01-01');
    expect(today.meta).toMatchObject({ method: 'crosswalk', unitVersion: '2025-07-01' });
    const weights = await db.query<{ old_code: string; new_code: string; weight: number }>(
      `select o.code as old_code, n.code as new_code, c.weight from unit_crosswalk c
       join admin_units o on o.id = c.old_unit_id join admin_units n on n.id = c.new_unit_id
       where n.level = 'commune' and n.province_code = '14' and n.valid_from = '2025-07-01'`,
    );
    const expected = new Map<string, number>();
    for (const w of weights) {
      expected.set(w.new_code, (expected.get(w.new_code) ?? 0) + w.weight * (old.get(w.old_code) ?? 0));
    }
    expect(today.rows.length).toBe(expected.size);
    for (const row of today.rows) expect(row.value).toBeCloseTo(expected.get(row.code) ?? Number.NaN, 3);
    // Nothing is lost or invented by the re-expression (all old communes of Sơn La moved into new Sơn La).
    expect(sum(asMap(today).values())).toBeCloseTo(sum(old.values()), 0);
  });
});

describe('GET /api/values refuses bad input with the parameter named', () => {
  const cases: Array<[string, number, string]> = [
    ['period=2026-Q1', 400, 'indicator'],
    ['indicator=managed_addicts', 400, 'period'],
    ['indicator=managed_addicts&period=2026-Q5', 400, 'period'],
    ['indicator=managed_addicts&period=2026-Q1&level=hamlet', 400, 'level'],
    ['indicator=managed_addicts&period=2026-Q1&at=yesterday', 400, 'at'],
    ['indicator=managed_addicts&period=2026-Q1&level=district', 400, 'level'],
    ['indicator=managed_addicts&period=2026-Q1&at=2024-01-01', 400, 'at'],
    ["indicator=managed_addicts&period=2026-Q1&parent=1'%20or%201=1", 400, 'parent'],
    ['indicator=managed_addicts&period=2026-Q1&parent=00004', 400, 'parent'],
    ['indicator=no_such_thing&period=2026-Q1', 404, 'indicator'],
    ['indicator=managed_addicts&period=2040-Q1', 404, 'period'],
    ['indicator=managed_addicts&period=2026-Q1&parent=77777', 404, 'parent'],
  ];
  it.each(cases)('%s → %i naming %s', async (query, status, field) => {
    const body = await getJson<ErrorJson>(app, `/api/values?${query}`, status);
    expect(body.error.field).toBe(field);
    expect(body.error.message).toContain(field);
  });
});
