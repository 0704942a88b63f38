import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine';
import { type ErrorJson, getJson } from '../../testing/http';
import { testEngine, writableTestApp } from '../../testing/test-db';
import { largestRemainder } from '../progress/allocation';

/**
 * A whole-scope count allocated to the children (issue 16): Hà Nội as it was in 2024 (its districts are
 * the children) sends 33 people to compulsory rehab; each district is judged against its share,
 * proportional to its managed addicts in 2023 (the plan's baseline year) as /api/values gives them.
 */

type Writable = Awaited<ReturnType<typeof writableTestApp>>;
let app: Writable['app'];
let db: Database;
let close: Writable['close'];
const CODE = `test-phan-bo-${testEngine()}-${process.pid}`;
const AS_OF = '2025-03-31';

interface Cell {
  key: string;
  status: string;
  current: number | null;
  target: number;
  reasonCode: string | null;
}
interface ScorecardJson {
  rows: Array<{ target: { code: string; allocation: string | null }; total: Cell; cells: Cell[] }>;
}

const target = (allocation: unknown) => ({
  code: 'cai-nghien-bat-buoc',
  title: 'Đưa 33 người đi cai nghiện bắt buộc',
  definition: {
    kind: 'count',
    indicator: 'rehab_compulsory',
    threshold: 33,
    window: { from: '2024-01-01', eachYear: false },
    allocation,
  },
  deadline: '2024-12-31',
});

const plan = (allocation: unknown) => ({
  code: CODE,
  title: 'Hà Nội (đơn vị cũ) 2024: phân bổ chỉ tiêu',
  issuingBody: 'UBND TP Hà Nội',
  documentNo: '3/KH-TEST',
  issuedOn: '2024-01-10',
  scope: { code: '01', validOn: '2024-01-01' },
  periodStart: '2024-01-01',
  periodEnd: '2024-12-31',
  targets: [target(allocation)],
});

const send = (method: 'POST' | 'PUT', path: string, body: unknown) =>
  app.request(path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

beforeAll(async () => {
  ({ app, db, close } = await writableTestApp());
});
afterAll(async () => {
  await db.query(`delete from plans where code = $1`, [CODE]);
  await close();
});

describe('a district-wide count allocated to the districts', () => {
  it('judges each district against its share, proportional to its managed addicts in 2023', async () => {
    const res = await send(
      'POST',
      '/api/plans',
      plan({ type: 'proportional', indicator: 'managed_addicts', period: '2023' }),
    );
    expect(res.status, await res.clone().text()).toBe(201);
    const card = await getJson<ScorecardJson>(app, `/api/plans/${CODE}/scorecard?asOf=${AS_OF}`);
    const row = card.rows[0];
    if (!row) throw new Error('no row');
    expect(row.target.allocation).toBe('proportional');
    const weights = await getJson<{ rows: Array<{ code: string; value: number }> }>(
      app,
      '/api/values?indicator=managed_addicts&period=2023&level=district&parent=01',
    );
    const byCode = new Map(weights.rows.map((r) => [r.code, r.value]));
    const expected = largestRemainder(
      33,
      row.cells.map((c) => ({ code: c.key, weight: byCode.get(c.key) ?? null })),
    );
    expect(row.cells.length).toBeGreaterThan(25);
    let sum = 0;
    for (const c of row.cells) {
      const share = expected.get(c.key) ?? null;
      if (share === null) {
        // No 2023 figure: "chưa đủ số liệu", not a share of 0.
        expect(c.status, c.key).toBe('no_data');
        expect(c.reasonCode, c.key).toBe('allocation_no_value');
        continue;
      }
      sum += c.target;
      expect(c.target, c.key).toBe(share);
      // Judged on its own share: a traffic light, not a contribution.
      expect(c.reasonCode, c.key).not.toBe('contribution');
      if (c.current !== null && c.current >= share) expect(c.status, c.key).toBe('achieved');
    }
    expect(sum).toBe(33);
    // The whole keeps its own target.
    expect(row.total.target).toBe(33);
  });

  it('takes entered shares per district, and refuses shares that do not add up to the whole', async () => {
    const card = await getJson<ScorecardJson>(app, `/api/plans/${CODE}/scorecard?asOf=${AS_OF}`);
    const [a, b] = card.rows[0]?.cells ?? [];
    if (!a || !b) throw new Error('fewer than two districts');
    const wrong = await send('PUT', `/api/plans/${CODE}/targets/cai-nghien-bat-buoc`, {
      ...target({
        type: 'entered',
        shares: [
          { code: a.key, value: 20 },
          { code: b.key, value: 12 },
        ],
      }),
    });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as ErrorJson).error.field).toBe('target.definition.allocation.shares');
    const right = await send('PUT', `/api/plans/${CODE}/targets/cai-nghien-bat-buoc`, {
      ...target({
        type: 'entered',
        shares: [
          { code: a.key, value: 20 },
          { code: b.key, value: 13 },
        ],
      }),
    });
    expect(right.status, await right.clone().text()).toBe(200);
    const after = await getJson<ScorecardJson>(app, `/api/plans/${CODE}/scorecard?asOf=${AS_OF}`);
    const cells = new Map((after.rows[0]?.cells ?? []).map((c) => [c.key, c]));
    expect(cells.get(a.key)?.target).toBe(20);
    expect(cells.get(b.key)?.target).toBe(13);
    // A district without an entered share is not judged against the whole 33.
    const others = [...cells.values()].filter((c) => c.key !== a.key && c.key !== b.key);
    expect(others.length).toBeGreaterThan(0);
    for (const c of others) expect(c.reasonCode).toBe('allocation_not_entered');
  });
});
