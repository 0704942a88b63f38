import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine';
import { getJson } from '../../testing/http';
import { testEngine, writableTestApp } from '../../testing/test-db';

/**
 * Missing is not zero on scorecards (issue 15): a target whose indicator has no value in its window reads
 * "no data" (status no_data, no current figure) on the scope and on every child — never 0, never off track
 * or missed, and never "achieved" for a cap that 0 would meet. One commune that did report gets its own
 * figure and a real status, so the test tells the two apart.
 */

type Ctx = Awaited<ReturnType<typeof writableTestApp>>;
let ctx: Ctx;
let db: Database;
const PLAN = 'test-t15-no-data';
/** Codes of this file only (the postgres test database is shared): removed again in afterAll. */
const FLOW = 't15s_trained';
const STOCK = 't15s_models';
const BASE = 't15s_staff';
const SHARE = 't15s_trained_pct';
const AS_OF = '2026-06-30';
/** The commune of Sơn La that reports (the first by code); every other one sends nothing. */
let reporting = { id: 0, code: '' };

interface Summary {
  key?: string;
  status: string;
  current: number | null;
  progressPct: number | null;
  projected: number | null;
}
interface ScorecardJson {
  columns: Array<{ key: string }>;
  rows: Array<{ target: { code: string }; total: Summary; cells: Summary[] }>;
}

const send = (method: string, path: string, body?: unknown) =>
  ctx.app.request(path, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

async function cleanUp() {
  await db.query(`delete from plans where code = $1`, [PLAN]);
  await db.query(`delete from indicator_values where indicator_code = any($1::text[])`, [
    [FLOW, STOCK, BASE],
  ]);
  await db.query(`delete from indicators where code = $1`, [SHARE]);
  await db.query(`delete from indicators where code = any($1::text[])`, [[FLOW, STOCK, BASE]]);
}

beforeAll(async () => {
  ctx = await writableTestApp();
  db = ctx.db;
  if (testEngine() === 'postgres') await cleanUp();
  for (const body of [
    { code: FLOW, nameVi: 'Cán bộ được tập huấn', unitVi: 'người', kind: 'flow' },
    { code: STOCK, nameVi: 'Mô hình cộng đồng đang hoạt động', unitVi: 'mô hình', kind: 'stock' },
    { code: BASE, nameVi: 'Cán bộ làm công tác phòng, chống ma túy', unitVi: 'người', kind: 'stock' },
    {
      code: SHARE,
      nameVi: 'Tỷ lệ cán bộ được tập huấn',
      unitVi: '%',
      kind: 'computed',
      formula: `${FLOW} / ${BASE} * 100`,
    },
  ]) {
    const res = await send('POST', '/api/indicators', { sensitivity: 'internal', ...body });
    expect(res.status, await res.text()).toBe(201);
  }
  const [first] = await db.query<{ id: number; code: string }>(
    `select id, code from admin_units
     where level = 'commune' and province_code = '14' and valid_from <= $1 and (valid_to is null or valid_to > $1)
     order by code limit 1`,
    [AS_OF],
  );
  reporting = first ?? reporting;
  expect(reporting.code).not.toBe('');
  for (const [code, value] of [
    [FLOW, 12],
    [STOCK, 2],
    [BASE, 40],
  ] as const) {
    await db.query(
      `insert into indicator_values (indicator_code, period_id, unit_id, value, source) values ($1, '2026-Q1', $2, $3, 'test')`,
      [code, reporting.id, value],
    );
  }
  const res = await send('POST', '/api/plans', {
    code: PLAN,
    title: 'Kế hoạch thử nghiệm: chỉ số chưa có số liệu',
    issuingBody: 'UBND tỉnh Sơn La',
    documentNo: '15/KH-TEST',
    issuedOn: '2025-09-01',
    scope: { code: '14', validOn: '2026-01-01' },
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    targets: [
      {
        code: 'tap-huan',
        title: 'Mỗi xã tập huấn ít nhất 10 cán bộ',
        definition: {
          kind: 'count',
          indicator: FLOW,
          threshold: 10,
          window: { from: '2026-01-01' },
          eachChild: true,
        },
        deadline: '2026-12-31',
      },
      {
        code: 'mo-hinh',
        title: 'Mỗi xã có ít nhất 1 mô hình cộng đồng',
        definition: { kind: 'cumulative', indicator: STOCK, threshold: 1, eachChild: true },
        deadline: '2026-12-31',
      },
      {
        code: 'ty-le-tap-huan',
        title: '80% cán bộ được tập huấn',
        definition: { kind: 'share', indicator: SHARE, threshold: 80 },
        deadline: '2026-12-31',
      },
      {
        code: 'khong-qua-5',
        title: 'Mỗi xã tập huấn không quá 50 cán bộ (một giới hạn: 0 sẽ "đạt")',
        definition: {
          kind: 'at_most',
          measure: { type: 'indicator', indicator: FLOW },
          max: 50,
          window: { from: '2026-01-01' },
          eachChild: true,
        },
        deadline: '2026-12-31',
      },
    ],
  });
  expect(res.status, await res.text()).toBe(201);
});

afterAll(async () => {
  if (testEngine() === 'postgres') await cleanUp();
  await ctx?.close();
});

describe('a scorecard says "no data" where nothing was reported, never 0', () => {
  it('every silent commune’s cell is no_data with no figure; the reporting commune has its own', async () => {
    const body = await getJson<ScorecardJson>(ctx.app, `/api/plans/${PLAN}/scorecard?asOf=${AS_OF}`);
    expect(body.columns.length).toBeGreaterThan(5);
    expect(body.columns.map((c) => c.key)).toContain(reporting.code);
    for (const code of ['tap-huan', 'mo-hinh', 'khong-qua-5']) {
      const row = body.rows.find((r) => r.target.code === code);
      expect(row?.cells, code).toHaveLength(body.columns.length);
      for (const cell of row?.cells ?? []) {
        if (cell.key === reporting.code) {
          expect(cell.status, `${code} ${cell.key}`).not.toBe('no_data');
          expect(cell.current, `${code} ${cell.key}`).not.toBeNull();
        } else {
          expect([cell.key, cell.status, cell.current, cell.progressPct]).toEqual([
            cell.key,
            'no_data',
            null,
            null,
          ]);
        }
      }
    }
    // The one commune's figures are what it reported (a count summed, a stock's last level, a cap's count).
    const mine = (code: string) =>
      body.rows.find((r) => r.target.code === code)?.cells.find((c) => c.key === reporting.code);
    expect(mine('tap-huan')?.current).toBe(12);
    expect(mine('tap-huan')?.status).toBe('achieved');
    expect(mine('mo-hinh')?.current).toBe(2);
    expect(mine('khong-qua-5')?.current).toBe(12);
  });

  it('a share whose inputs only one commune reported is that commune’s share, not a share over zeros', async () => {
    const body = await getJson<ScorecardJson>(ctx.app, `/api/plans/${PLAN}/scorecard?asOf=${AS_OF}`);
    const row = body.rows.find((r) => r.target.code === 'ty-le-tap-huan');
    expect(row?.total.current).toBeCloseTo((12 / 40) * 100, 6);
  });

  it('with nothing reported at all the scope itself is no_data, not 0 and not off track', async () => {
    await db.query(`delete from indicator_values where indicator_code = any($1::text[])`, [
      [FLOW, STOCK, BASE],
    ]);
    const body = await getJson<ScorecardJson>(ctx.app, `/api/plans/${PLAN}/scorecard?asOf=${AS_OF}`);
    for (const row of body.rows) {
      expect([row.target.code, row.total.status, row.total.current]).toEqual([
        row.target.code,
        'no_data',
        null,
      ]);
      for (const cell of row.cells)
        expect([cell.status, cell.current], `${row.target.code} ${cell.key}`).toEqual(['no_data', null]);
    }
  });
});
