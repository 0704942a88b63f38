import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine';
import { today } from '../../lib/sql';
import { writableTestApp } from '../../testing/test-db';

/**
 * An active hotspot placed in a commune recognised "không ma túy" is saved (a stale status must not block data
 * entry), and the answer warns that the commune's status should be reviewed (QĐ 28: a drug-free commune has
 * no drug place), naming the field and the decision. Nothing to warn about in a commune not recognised.
 */

type Ctx = Awaited<ReturnType<typeof writableTestApp>>;
let ctx: Ctx;
let db: Database;
/** Two communes of today's units, their points, and the decisions this file adds (removed in afterAll). */
let places: Array<{ id: number; code: string; lon: number; lat: number }> = [];
const codes: string[] = [];
const decisionIds: number[] = [];
const DOCUMENT = 'QĐ-TEST-28/2026';

interface Detail {
  code: string;
  communeCode: string;
  status: string;
  warnings?: Array<{ field: string; message: string }>;
}

async function send(method: string, path: string, body: unknown, status: number): Promise<Detail> {
  const res = await ctx.app.request(path, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  expect(res.status, `${method} ${path} → ${text.slice(0, 300)}`).toBe(status);
  return JSON.parse(text) as Detail;
}

beforeAll(async () => {
  ctx = await writableTestApp();
  db = ctx.db;
  const now = today();
  // Two communes whose label point lies inside them (the register finds the commune by the point).
  places = await db.query(
    `select u.id, u.code, ST_X(u.label_point) as lon, ST_Y(u.label_point) as lat from admin_units u
     where u.level = 'commune' and u.valid_from <= $1::date and (u.valid_to is null or u.valid_to > $1::date)
       and ST_Covers(u.geom, u.label_point)
       and not exists (select 1 from commune_status_decisions d where d.unit_id = u.id and d.effective_date = $1::date)
     order by u.code limit 2`,
    [now],
  );
  expect(places).toHaveLength(2);
  // Decided today: the first drug-free, the second "có ma túy".
  for (const [i, status] of (['khong_ma_tuy', 'co_ma_tuy'] as const).entries()) {
    const [row] = await db.query<{ id: number }>(
      `insert into commune_status_decisions (unit_id, status, effective_date, assessed_year, deciding_body, document_no)
       values ($1, $2, $3::date, extract(year from $3::date)::int, 'UBND tỉnh', $4) returning id`,
      [places[i]?.id, status, now, DOCUMENT],
    );
    if (row) decisionIds.push(row.id);
  }
});

afterAll(async () => {
  await db.query(`delete from hotspots where code = any($1::text[])`, [codes]);
  await db.query(`delete from commune_status_decisions where id = any($1::int[])`, [decisionIds]);
  await ctx?.close();
});

describe('a hotspot in a commune recognised drug-free', () => {
  it('is saved, with a warning naming the commune field, the decision and the review it calls for', async () => {
    const [free] = places;
    if (!free) throw new Error('no commune');
    const created = await send(
      'POST',
      '/api/hotspots',
      { kind: 'diem', lon: free.lon, lat: free.lat, detectedOn: today(), notes: 'tin báo' },
      201,
    );
    codes.push(created.code);
    expect(created).toMatchObject({ communeCode: free.code, status: 'active' });
    expect(created.warnings).toHaveLength(1);
    expect(created.warnings?.[0]?.field).toBe('communeCode');
    expect(created.warnings?.[0]?.message).toContain('"không ma túy"');
    expect(created.warnings?.[0]?.message).toContain(DOCUMENT);
    expect(created.warnings?.[0]?.message).toContain('cần rà soát lại tình trạng của xã');
    // Reading it back says the same; once eliminated there is nothing to review.
    const read = await ctx.app.request(`/api/hotspots/${created.code}`);
    expect(((await read.json()) as Detail).warnings?.[0]?.field).toBe('communeCode');
    const eliminated = await send(
      'POST',
      `/api/hotspots/${created.code}/eliminate`,
      { on: today(), action: 'Triệt xóa' },
      200,
    );
    expect(eliminated.status).toBe('eliminated');
    expect(eliminated.warnings).toBeUndefined();
  });

  it('has no warning in a commune not recognised drug-free', async () => {
    const [, drugs] = places;
    if (!drugs) throw new Error('no commune');
    const created = await send(
      'POST',
      '/api/hotspots',
      { kind: 'tu_diem', lon: drugs.lon, lat: drugs.lat, detectedOn: today(), notes: '' },
      201,
    );
    codes.push(created.code);
    expect(created.communeCode).toBe(drugs.code);
    expect(created.warnings).toBeUndefined();
  });
});
