import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestClient, testEngine, writableTestApp } from '../../testing/test-db';

// Issue 17: administrators define and change report forms (the form page); every change audited with
// before/after; a form's period kind is fixed once it has reports.

type Ctx = Awaited<ReturnType<typeof writableTestApp>>;
let ctx: Ctx;
const tag = `${testEngine()}-${process.pid}`;
const FORM = `bc-sua-${tag}`;

const send = (client: TestClient, method: string, path: string, body: unknown) =>
  client.request(path, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

const definition = {
  nameVi: 'Báo cáo 6 tháng (kiểm thử)',
  periodKind: 'half',
  items: ['managed_addicts', 'methadone_patients'],
  rules: [
    {
      kind: 'lte',
      left: 'methadone_patients',
      right: 'managed_addicts',
      messageVi: 'Methadone không vượt số người nghiện có hồ sơ',
    },
  ],
};

beforeAll(async () => {
  ctx = await writableTestApp();
});
afterAll(async () => {
  await ctx?.close();
});

describe('report forms', () => {
  it('creates with the TT 13/2022 days by default, changes with an audit, refuses others', async () => {
    let res = await send(ctx.app, 'POST', '/api/reporting/forms', { code: FORM, ...definition });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ cutoffDay: 14, dueDay: 18, filledBy: 'data_officer' });

    res = await send(ctx.app, 'PUT', `/api/reporting/forms/${FORM}`, {
      ...definition,
      nameVi: 'Báo cáo 6 tháng (đã sửa)',
      dueDay: 20,
      filledBy: 'police',
    });
    expect(res.status).toBe(200);
    const forms = (await (await ctx.app.request('/api/reporting/forms')).json()) as {
      rows: { code: string; nameVi: string; dueDay: number; filledBy: string }[];
    };
    expect(forms.rows.find((f) => f.code === FORM)).toMatchObject({
      nameVi: 'Báo cáo 6 tháng (đã sửa)',
      dueDay: 20,
      filledBy: 'police',
    });
    const [audit] = await ctx.db.query<{ before: { dueDay: number }; after: { dueDay: number } }>(
      `select before, after from audit_log where action = 'report_form.update' and entity_id = $1`,
      [FORM],
    );
    expect(audit?.before.dueDay).toBe(18);
    expect(audit?.after.dueDay).toBe(20);

    // A computed or unknown indicator: 400 naming the item.
    res = await send(ctx.app, 'PUT', `/api/reporting/forms/${FORM}`, { ...definition, items: ['khong_co'] });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe('items.0');
    // Not an administrator.
    const committee = await ctx.as('bcd.hanoi');
    res = await send(committee, 'PUT', `/api/reporting/forms/${FORM}`, definition);
    expect(res.status).toBe(403);
    res = await send(ctx.app, 'PUT', '/api/reporting/forms/khong-co-bieu-mau', definition);
    expect(res.status).toBe(404);
  });

  it('keeps the period kind once the form has a report', async () => {
    const [commune] = await ctx.db.query<{ code: string }>(
      `select code from admin_units where level = 'commune' and province_code = '01' and valid_to is null
       order by code limit 1`,
    );
    let res = await send(ctx.app, 'POST', '/api/reporting/submissions', {
      form: FORM,
      commune: commune?.code,
      period: '2026-H1',
      values: { managed_addicts: 4 },
    });
    expect(res.status).toBe(200);
    res = await send(ctx.app, 'PUT', `/api/reporting/forms/${FORM}`, { ...definition, periodKind: 'year' });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe('periodKind');
  });
});
