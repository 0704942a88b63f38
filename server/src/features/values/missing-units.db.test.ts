import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine';
import { testEngine, writableTestApp } from '../../testing/test-db';

/**
 * Missing is not zero, and says which units are missing (issue 15): GET /api/values/missing lists the communes
 * an area's total of /api/values lacks — exactly `expected − reported` of that total's row, by code and
 * Vietnamese name, capped with a count — for a district, a province and the whole country, for a computed
 * share (a commune lacking one input is missing), and only inside the caller's jurisdiction.
 */

type Ctx = Awaited<ReturnType<typeof writableTestApp>>;
let ctx: Ctx;
let db: Database;
/** Codes of this file only (the postgres test database is shared): removed again in afterAll. */
const CODE = 't15m_visits';
const BASE = 't15m_base';
const SHARE = 't15m_share';
const AT = '2024-12-31';
/** Hà Nội (bcd.hanoi's) and two other provinces of the 2024 units: [2 communes silent, all reported, none]. */
let provinces: [string, string, string] = ['', '', ''];
interface Commune {
  id: number;
  code: string;
  name: string;
  district: string;
  silent: boolean;
}
const communesOf = new Map<string, Commune[]>();

interface ValuesBody {
  rows: Array<{ code: string; value: number; reported?: number; expected?: number }>;
}
interface MissingBody {
  meta: { parent: string | null; reportingLevel: string };
  expected: number;
  count: number;
  units: Array<{ code: string; name: string; districtName: string | null; provinceName: string | null }>;
}

async function json<T>(path: string, client = ctx.app): Promise<T> {
  const r = await client.request(path);
  const text = await r.text();
  expect(r.status, text.slice(0, 400)).toBe(200);
  return JSON.parse(text) as T;
}

async function cleanUp() {
  await db.query(`delete from indicator_values where indicator_code = any($1::text[])`, [[CODE, BASE]]);
  await db.query(`delete from indicators where code = $1`, [SHARE]);
  await db.query(`delete from indicators where code = any($1::text[])`, [[CODE, BASE]]);
}

async function create(body: Record<string, string>) {
  const created = await ctx.app.request('/api/indicators', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sensitivity: 'internal', ...body }),
  });
  expect(created.status, await created.text()).toBe(201);
}

async function insert(code: string, rows: Array<[number, string, number]>) {
  await db.query(
    `insert into indicator_values (indicator_code, period_id, unit_id, value, source)
     select $1, p, u, v, 'test' from unnest($2::int[], $3::text[], $4::float8[]) as x(u, p, v)`,
    [code, rows.map((v) => v[0]), rows.map((v) => v[1]), rows.map((v) => v[2])],
  );
}

beforeAll(async () => {
  ctx = await writableTestApp();
  db = ctx.db;
  if (testEngine() === 'postgres') await cleanUp();
  await create({ code: CODE, nameVi: 'Lượt tuyên truyền tại xã', unitVi: 'lượt', kind: 'flow' });
  await create({ code: BASE, nameVi: 'Lượt tuyên truyền theo kế hoạch', unitVi: 'lượt', kind: 'flow' });
  await create({
    code: SHARE,
    nameVi: 'Tỷ lệ lượt tuyên truyền đạt kế hoạch',
    unitVi: '%',
    kind: 'computed',
    formula: `${CODE} / ${BASE} * 100`,
  });
  const rows = await db.query<{ province: string; id: number; code: string; name: string; district: string }>(
    `select c.province_code as province, c.id, c.code, c.full_name as name, c.parent_code as district
     from admin_units c
     where c.level = 'commune' and c.valid_from <= $1 and (c.valid_to is null or c.valid_to > $1)
       and c.province_code in (
         select p.code from admin_units p
         where p.level = 'province' and p.valid_from <= $1 and (p.valid_to is null or p.valid_to > $1)
         order by p.code = '01' desc, p.code limit 3)
     order by c.code`,
    [AT],
  );
  const codes = [...new Set(rows.map((r) => r.province))].sort();
  expect(codes).toHaveLength(3);
  expect(codes[0]).toBe('01');
  provinces = [codes[0] ?? '', codes[1] ?? '', codes[2] ?? ''];
  const values: Array<[number, string, number]> = [];
  for (const [p, province] of provinces.entries()) {
    const list = rows
      .filter((r) => r.province === province)
      .map((r, i) => ({ ...r, silent: p === 2 || (p === 0 && (i === 1 || i === 4)) }));
    expect(list.length).toBeGreaterThan(5);
    communesOf.set(province, list);
    // 2024-Q1 only: the year 2024 then counts a commune that reported in any quarter.
    for (const c of list) if (!c.silent) values.push([c.id, '2024-Q1', 2 + (c.id % 5)]);
  }
  await insert(CODE, values);
  // The plan figure: every commune of the second province but its last one.
  const second = communesOf.get(provinces[1]) ?? [];
  await insert(
    BASE,
    second.slice(0, -1).map((c): [number, string, number] => [c.id, '2024-Q1', 10]),
  );
});

afterAll(async () => {
  if (testEngine() === 'postgres') await cleanUp();
  await ctx?.close();
});

/** The province's own row of /api/values (its total, with reported/expected); none when nothing reported. */
async function provinceRow(indicator: string, province: string) {
  const body = await json<ValuesBody>(
    `/api/values?indicator=${indicator}&period=2024-Q1&level=province&parent=${province}&at=${AT}`,
  );
  return body.rows.find((r) => r.code === province);
}

const silentOf = (province: string) => (communesOf.get(province) ?? []).filter((c) => c.silent);

describe('which communes an area total is missing', () => {
  it('a province with 2 silent communes lists exactly those two, by code and name, as many as its total lacks', async () => {
    const [partly] = provinces;
    const row = await provinceRow(CODE, partly);
    const body = await json<MissingBody>(
      `/api/values/missing?indicator=${CODE}&period=2024-Q1&parent=${partly}&at=${AT}`,
    );
    expect(body.expected).toBe(row?.expected);
    expect(body.count).toBe((row?.expected ?? 0) - (row?.reported ?? 0));
    expect(body.units.map((u) => [u.code, u.name])).toEqual(silentOf(partly).map((c) => [c.code, c.name]));
    expect(body.units.every((u) => u.provinceName !== null && u.provinceName.length > 0)).toBe(true);
    // The year: a commune silent in every quarter is still missing.
    const year = await json<MissingBody>(
      `/api/values/missing?indicator=${CODE}&period=2024&parent=${partly}&at=${AT}`,
    );
    expect(year.units.map((u) => u.code)).toEqual(silentOf(partly).map((c) => c.code));
  });

  it('a district lists its own silent communes only; a province where all reported lists none', async () => {
    const [partly, whole] = provinces;
    const first = silentOf(partly)[0];
    const district = first?.district ?? '';
    const body = await json<MissingBody>(
      `/api/values/missing?indicator=${CODE}&period=2024-Q1&parent=${district}&at=${AT}`,
    );
    expect(body.units.map((u) => u.code)).toEqual(
      silentOf(partly)
        .filter((c) => c.district === district)
        .map((c) => c.code),
    );
    expect(body.expected).toBe((communesOf.get(partly) ?? []).filter((c) => c.district === district).length);
    const all = await json<MissingBody>(
      `/api/values/missing?indicator=${CODE}&period=2024-Q1&parent=${whole}&at=${AT}`,
    );
    expect([all.count, all.units]).toEqual([0, []]);
  });

  it('a silent province: every commune is missing; the list is capped by limit and the count says how many', async () => {
    const silent = provinces[2];
    const body = await json<MissingBody>(
      `/api/values/missing?indicator=${CODE}&period=2024-Q1&parent=${silent}&at=${AT}&limit=3`,
    );
    const communes = communesOf.get(silent) ?? [];
    expect(body.count).toBe(communes.length);
    expect(body.expected).toBe(communes.length);
    expect(body.units.map((u) => u.code)).toEqual(communes.slice(0, 3).map((c) => c.code));
  });

  it('the whole country: the communes no province total covers (expected − Σ reported)', async () => {
    // Only this file's three provinces have values of CODE: the others' totals are no rows (none reported).
    let reported = 0;
    for (const province of provinces) reported += (await provinceRow(CODE, province))?.reported ?? 0;
    const body = await json<MissingBody>(`/api/values/missing?indicator=${CODE}&period=2024-Q1&at=${AT}`);
    expect(body.count).toBe(body.expected - reported);
    expect(body.units).toHaveLength(50);
    expect(body.meta.parent).toBeNull();
  });

  it('a computed share: a commune lacking one input is missing', async () => {
    const whole = provinces[1];
    const row = await provinceRow(SHARE, whole);
    const body = await json<MissingBody>(
      `/api/values/missing?indicator=${SHARE}&period=2024-Q1&parent=${whole}&at=${AT}`,
    );
    expect(body.units.map((u) => u.code)).toEqual([(communesOf.get(whole) ?? []).at(-1)?.code]);
    expect(body.count).toBe((row?.expected ?? 0) - (row?.reported ?? 0));
  });

  it('inside the jurisdiction only: another province is refused naming parent; the country means one’s own', async () => {
    const hanoi = await ctx.as('bcd.hanoi');
    const refused = await hanoi.request(
      `/api/values/missing?indicator=${CODE}&period=2024-Q1&parent=${provinces[1]}&at=${AT}`,
    );
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { field?: string } }).error.field).toBe('parent');
    const own = await json<MissingBody>(
      `/api/values/missing?indicator=${CODE}&period=2024-Q1&at=${AT}`,
      hanoi,
    );
    expect(own.units.map((u) => u.code)).toEqual(silentOf('01').map((c) => c.code));
    expect(own.expected).toBe(communesOf.get('01')?.length);
  });

  it('bad input is a 400 naming the field; an unknown indicator a 404 naming it', async () => {
    const commune = communesOf.get(provinces[0])?.[0]?.code ?? '';
    for (const [query, field, status] of [
      [`indicator=${CODE}&period=2024-Q1&parent=${commune}&at=${AT}`, 'parent', 400],
      [`indicator=${CODE}&period=2024-Q1&limit=0`, 'limit', 400],
      [`indicator=nope_x&period=2024-Q1`, 'indicator', 404],
    ] as const) {
      const r = await ctx.app.request(`/api/values/missing?${query}`);
      expect(r.status, query).toBe(status);
      const body = (await r.json()) as { error: { field?: string; message: string } };
      expect(body.error.field ?? body.error.message, query).toContain(field);
    }
  });
});
