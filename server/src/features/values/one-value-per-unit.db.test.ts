import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine';
import { getJson } from '../../testing/http';
import { writableTestApp } from '../../testing/test-db';

/**
 * One period, one version of each unit's value (values.repo.ts, ONE VALUE PER UNIT): when a quarter after
 * the 1/7/2025 reorganisation also holds values on the old communes (a late report, or reports that arrived
 * before a boundary change was imported), a new commune shows its own value, and the old communes' values
 * only when it has none. Writes a few values of Sơn La and removes them afterwards (postgres shares the
 * database with other test files).
 */
type Ctx = Awaited<ReturnType<typeof writableTestApp>>;
let ctx: Ctx;
let db: Database;

const INDICATOR = 'drug_arrests'; // sums over areas and over quarters
const PROVINCE = '14';
const Q3 = '2025-Q3';
const Q4 = '2025-Q4';
const SOURCE = 'test:one-value-per-unit';

interface Link {
  newId: number;
  newCode: string;
  oldId: number;
  weight: number;
}
/** A new commune that replaced several old ones, with the crosswalk links. */
interface Merged {
  id: number;
  code: string;
  links: Link[];
}
let withLateReport: Merged; // has its own values, and the old communes got a late Q3 report too
let withoutOwn: Merged; // its own Q4 value is missing; the old communes reported Q4
let removed: { value: number; source: string } | undefined;
const late = new Map<number, number>(); // old unit id → value written for the test

const stored = async (unitId: number, period: string) =>
  (
    await db.query<{ value: number }>(
      `select value from indicator_values where indicator_code = $1 and period_id = $2 and unit_id = $3`,
      [INDICATOR, period, unitId],
    )
  )[0]?.value;

beforeAll(async () => {
  ctx = await writableTestApp();
  db = ctx.db;
  const links = await db.query<Link>(
    `select n.id as "newId", n.code as "newCode", cw.old_unit_id as "oldId", cw.weight
     from admin_units n join unit_crosswalk cw on cw.new_unit_id = n.id
     where n.level = 'commune' and n.province_code = $1 and n.valid_from = '2025-07-01'
     order by n.code, cw.old_unit_id`,
    [PROVINCE],
  );
  const merged = new Map<number, Merged>();
  for (const l of links) {
    const m = merged.get(l.newId) ?? { id: l.newId, code: l.newCode, links: [] };
    m.links.push(l);
    merged.set(l.newId, m);
  }
  const candidates = [...merged.values()].filter((m) => m.links.length >= 2);
  const [a, b] = candidates;
  if (!a || !b) throw new Error('test data: Sơn La needs two new communes made of several old ones');
  withLateReport = a;
  withoutOwn = b;
  expect(await stored(a.id, Q3)).toEqual(expect.any(Number));
  removed = (
    await db.query<{ value: number; source: string }>(
      `delete from indicator_values where indicator_code = $1 and period_id = $2 and unit_id = $3
       returning value, source`,
      [INDICATOR, Q4, b.id],
    )
  )[0];
  expect(removed).toBeDefined();
  const rows: Array<[number, string, number]> = [];
  a.links.forEach((l, i) => {
    late.set(l.oldId, 1000 + 100 * i);
    rows.push([l.oldId, Q3, 1000 + 100 * i]);
  });
  b.links.forEach((l, i) => {
    late.set(l.oldId, 300 + 10 * i);
    rows.push([l.oldId, Q4, 300 + 10 * i]);
  });
  await db.query(
    `insert into indicator_values (indicator_code, period_id, unit_id, value, source, updated_at)
     select $1, s.period_id, s.unit_id, s.value, $2, now()
     from unnest($3::int[], $4::text[], $5::float8[]) as s(unit_id, period_id, value)`,
    [INDICATOR, SOURCE, rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2])],
  );
});

afterAll(async () => {
  if (db) {
    await db.query(`delete from indicator_values where source = $1`, [SOURCE]);
    if (removed) {
      await db.query(
        `insert into indicator_values (indicator_code, period_id, unit_id, value, source, updated_at)
         values ($1, $2, $3, $4, $5, now())`,
        [INDICATOR, Q4, withoutOwn.id, removed.value, removed.source],
      );
    }
  }
  await ctx?.close();
});

interface ValuesJson {
  meta: { method: string };
  rows: Array<{ code: string; value: number }>;
}
const values = async (query: string) =>
  new Map(
    (await getJson<ValuesJson>(ctx.app, `/api/values?indicator=${INDICATOR}&${query}`)).rows.map((r) => [
      r.code,
      r.value,
    ]),
  );
const crosswalked = (m: Merged) => m.links.reduce((s, l) => s + l.weight * (late.get(l.oldId) ?? 0), 0);
const sum = (xs: Iterable<number>) => [...xs].reduce((a, b) => a + b, 0);

/** What the province's communes stored for a quarter, counted once each (the independent expectation). */
const provinceStored = async (period: string) =>
  (
    await db.query<{ total: number }>(
      `select coalesce(sum(v.value), 0)::float8 as total from indicator_values v
       join admin_units u on u.id = v.unit_id
       where v.indicator_code = $1 and v.period_id = $2 and u.level = 'commune' and u.province_code = $3
         and u.valid_from = '2025-07-01'`,
      [INDICATOR, period, PROVINCE],
    )
  )[0]?.total ?? Number.NaN;

describe('a quarter with values on old and new communes', () => {
  it('shows a new commune its own value, not its own plus its predecessors’', async () => {
    const own = (await stored(withLateReport.id, Q3)) ?? Number.NaN;
    const ownQ4 = (await stored(withLateReport.id, Q4)) ?? Number.NaN;
    expect((await values(`period=${Q3}&parent=${PROVINCE}`)).get(withLateReport.code)).toBeCloseTo(own, 6);
    // A half year goes through the crosswalk machinery: the late report must not be added on top.
    expect((await values(`period=2025-H2&parent=${PROVINCE}`)).get(withLateReport.code)).toBeCloseTo(
      own + ownQ4,
      6,
    );
    const series = await getJson<{ rows: Array<{ period: string; value: number | null }> }>(
      ctx.app,
      `/api/series?unit=${withLateReport.code}&indicator=${INDICATOR}&from=${Q3}&to=${Q4}`,
    );
    expect(series.rows.find((r) => r.period === Q3)?.value).toBeCloseTo(own, 6);
  });

  it('gives a new commune without a value of its own the crosswalked sum of the old communes', async () => {
    const expected = crosswalked(withoutOwn);
    expect(expected).toBeGreaterThan(0);
    const quarter = await values(`period=${Q4}&parent=${PROVINCE}`);
    expect(quarter.get(withoutOwn.code)).toBeCloseTo(expected, 6);
    const half = await values(`period=2025-H2&parent=${PROVINCE}`);
    const ownQ3 = (await stored(withoutOwn.id, Q3)) ?? Number.NaN;
    expect(half.get(withoutOwn.code)).toBeCloseTo(ownQ3 + expected, 6);
  });

  it('counts each commune once in the province’s total', async () => {
    const q3 = await provinceStored(Q3);
    const q4 = (await provinceStored(Q4)) + crosswalked(withoutOwn);
    for (const [period, expected] of [
      [Q3, q3],
      [Q4, q4],
      ['2025-H2', q3 + q4],
    ] as const) {
      const communes = await values(`period=${period}&parent=${PROVINCE}`);
      const province = await values(`period=${period}&level=province&parent=${PROVINCE}`);
      expect(province.get(PROVINCE), period).toBeCloseTo(expected, 4);
      expect(sum(communes.values()), period).toBeCloseTo(expected, 4);
    }
  });
});
