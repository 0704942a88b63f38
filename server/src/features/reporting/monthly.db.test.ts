import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine';
import { testEngine, writableTestApp } from '../../testing/test-db';

// Issue 17: a monthly form's approved values reach the values store on their month (not dropped, not moved
// to the quarter), and the next month's report shows them as the previous period's.

type Ctx = Awaited<ReturnType<typeof writableTestApp>>;
let ctx: Ctx;
let db: Database;
const tag = `${testEngine()}-${process.pid}`;
const FORM = `bc-thang-${tag}`;
let commune: string;

const post = (path: string, body: unknown) =>
  ctx.app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  ctx = await writableTestApp();
  db = ctx.db;
  const [row] = await db.query<{ code: string }>(
    `select code from admin_units where level = 'commune' and province_code = '01' and valid_to is null
     order by code desc offset 7 limit 1`,
  );
  commune = row?.code ?? '';
  const res = await post('/api/reporting/forms', {
    code: FORM,
    nameVi: 'Báo cáo tháng (kiểm thử)',
    periodKind: 'month',
    items: ['managed_addicts', 'drug_arrests'],
  });
  expect(res.status).toBe(201);
});
afterAll(async () => {
  await ctx?.close();
});

describe('a monthly form', () => {
  it('stores its approved values on the month, read back as the next month’s previous values', async () => {
    // Values unique to this run (a shared PostgreSQL database keeps other runs' values).
    const addicts = 100 + (process.pid % 500);
    let res = await post('/api/reporting/submissions', {
      form: FORM,
      commune,
      period: '2026-07',
      values: { managed_addicts: addicts, drug_arrests: 3 },
      submit: true,
      warningComment: 'Đã đối chiếu sổ sách (kiểm thử)',
    });
    const saved = (await res.json()) as { submission: { id: number; state: string } };
    expect(res.status, JSON.stringify(saved).slice(0, 300)).toBe(200);
    expect(saved.submission.state).toBe('submitted');
    res = await post(`/api/reporting/submissions/${saved.submission.id}/approve`, {});
    expect(res.status).toBe(200);

    const stored = await db.query<{ period: string; indicator: string; value: number }>(
      `select v.period_id as period, v.indicator_code as indicator, v.value from indicator_values v
       join admin_units u on u.id = v.unit_id and u.code = $1 and u.valid_to is null
       where v.source like 'import:%bao-cao-' || $2 || '-%'`,
      [commune, FORM],
    );
    expect(stored.sort((a, b) => a.indicator.localeCompare(b.indicator))).toEqual([
      { period: '2026-07', indicator: 'drug_arrests', value: 3 },
      { period: '2026-07', indicator: 'managed_addicts', value: addicts },
    ]);
    const [period] = await db.query<{ kind: string; start: string; end: string }>(
      `select kind, to_char(start_date, 'YYYY-MM-DD') as start, to_char(end_date, 'YYYY-MM-DD') as "end"
       from periods where id = '2026-07'`,
    );
    expect(period).toEqual({ kind: 'month', start: '2026-07-01', end: '2026-07-31' });

    // August's report: July beside each field; its due day in August (TT 13/2022 default, the 18th).
    res = await ctx.app.request(`/api/reporting/entry?form=${FORM}&commune=${commune}&period=2026-08`);
    const entry = (await res.json()) as {
      period: { previous: string | null; dueDate: string };
      items: { code: string; previous: number | null }[];
    };
    expect(res.status).toBe(200);
    expect(entry.period).toMatchObject({ previous: '2026-07', dueDate: '2026-08-18' });
    expect(entry.items.find((i) => i.code === 'managed_addicts')?.previous).toBe(addicts);
  });

  it('refuses a quarter for a monthly form, naming the period', async () => {
    const res = await ctx.app.request(`/api/reporting/entry?form=${FORM}&commune=${commune}&period=2026-Q3`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe('period');
  });
});
