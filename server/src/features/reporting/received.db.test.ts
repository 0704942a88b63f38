import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine';
import { type TestClient, testEngine, writableTestApp } from '../../testing/test-db';
import { formFor } from './received';

// Issue 17: "số liệu đã nhận x/y xã" on public pages counts what the completeness API counts for the same
// form and period (the closed quarter), and moves when a commune reports.

type Ctx = Awaited<ReturnType<typeof writableTestApp>>;
let ctx: Ctx;
let db: Database;
const tag = `${testEngine()}-${process.pid}`;

interface Summary {
  meta: { period: string };
  reports: { form: string; period: string; received: number; expected: number } | null;
}
interface Completeness {
  total: { expected: number; received: number };
}

const post = (client: TestClient, path: string, body: unknown) =>
  client.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  ctx = await writableTestApp();
  db = ctx.db;
});
afterAll(async () => {
  await ctx?.close();
});

describe('public "số liệu đã nhận x/y xã"', () => {
  it('equals the completeness API’s received/expected for the same form and period', async () => {
    // The closed quarter, learnt from a province page (its answer is cached apart from the country's).
    let res = await ctx.app.request('/api/public/summary?province=01');
    expect(res.status).toBe(200);
    const period = ((await res.json()) as Summary).meta.period;

    res = await ctx.app.request('/api/reporting/forms');
    const forms = ((await res.json()) as { rows: Parameters<typeof formFor>[0] }).rows;
    let form = formFor(forms, 'quarter', null)?.code;
    if (!form) {
      form = `bc-nhan-${tag}`;
      res = await post(ctx.app, '/api/reporting/forms', {
        code: form,
        nameVi: 'Báo cáo quý (kiểm thử x/y)',
        periodKind: 'quarter',
        items: ['managed_addicts', 'drug_arrests'],
      });
      expect(res.status).toBe(201);
    }
    const before = (await (
      await ctx.app.request(`/api/reporting/completeness?form=${form}&period=${period}`)
    ).json()) as Completeness;

    // A commune that has not sent its report yet sends it now.
    const [commune] = await db.query<{ code: string }>(
      `select u.code from admin_units u join periods p on p.id = $1
       where u.level = 'commune' and u.valid_from <= p.end_date and (u.valid_to is null or u.valid_to > p.end_date)
         and not exists (select 1 from report_submissions s where s.unit_id = u.id and s.form_code = $2
                           and s.period_id = $1 and s.first_submitted_at is not null)
       order by u.code limit 1`,
      [period, form],
    );
    if (!commune) throw new Error('every commune has reported');
    // Its previous period's values (within the form's rules), 0 where it had none.
    res = await ctx.app.request(`/api/reporting/entry?form=${form}&commune=${commune.code}&period=${period}`);
    const entry = (await res.json()) as { items: { code: string; previous: number | null }[] };
    res = await post(ctx.app, '/api/reporting/submissions', {
      form,
      commune: commune.code,
      period,
      values: Object.fromEntries(entry.items.map((i) => [i.code, i.previous ?? 0])),
      submit: true,
      warningComment: 'Đã kiểm tra với sổ sách (kiểm thử)',
    });
    expect(res.status, await res.clone().text()).toBe(200);

    res = await ctx.app.request('/api/public/summary');
    expect(res.status).toBe(200);
    const summary = (await res.json()) as Summary;
    res = await ctx.app.request(`/api/reporting/completeness?form=${form}&period=${period}`);
    const api = (await res.json()) as Completeness;
    expect(summary.reports).toEqual({
      form,
      formName: expect.any(String),
      period,
      received: api.total.received,
      expected: api.total.expected,
    });
    expect(api.total.received).toBe(before.total.received + 1);
    // Counts only: no unit of the list reaches the public answer.
    expect(JSON.stringify(summary)).not.toContain(commune.code);
  });
});
