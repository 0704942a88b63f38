import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine';
import { type TestClient, testEngine, writableTestApp } from '../../testing/test-db';
import { DEMO_PASSWORD } from '../auth/demo-accounts';
import { createUser } from '../auth/users.repo';
import { uploadForm } from '../imports/testing';
import { commitValuesImport } from '../imports/values-import';

// Issue 17: a spreadsheet import goes through the reporting states. The province office may mark its import
// approved at once (the communes count as received and approved); anyone else's import counts as submitted;
// a commune's officer asking to approve is refused (403) and nothing is written.

type Ctx = Awaited<ReturnType<typeof writableTestApp>>;
let ctx: Ctx;
let db: Database;
const tag = `${testEngine()}-${process.pid}`;
const FORM = `bc-nhap-${tag}`;
const PERIOD = '2026-Q1';
const communeOfficer = `tk-xa-nhap-${tag}`;
let communes: string[];
let province: TestClient;
let commune: TestClient;

interface Completeness {
  total: { expected: number; received: number; approved: number };
  rows: { code: string; state: string | null; received: number; approved: number }[];
}

const csv = (codes: readonly string[], base: number) =>
  ['Mã đơn vị,managed_addicts,drug_arrests', ...codes.map((c, i) => `${c},${base + i},${i}`)].join('\n');

const importFile = (
  client: TestClient,
  name: string,
  codes: readonly string[],
  fields: Record<string, string>,
) =>
  client.request('/api/imports/values', {
    method: 'POST',
    // Values unique to this run, so the import changes something on a shared database too.
    body: uploadForm(name, csv(codes, 5000 + (process.pid % 1000) * 10), {
      period: PERIOD,
      scope: '01',
      ...fields,
    }),
  });

const completeness = async () =>
  (await (
    await province.request(`/api/reporting/completeness?form=${FORM}&period=${PERIOD}&parent=01`)
  ).json()) as Completeness;

beforeAll(async () => {
  ctx = await writableTestApp();
  db = ctx.db;
  const rows = await db.query<{ code: string }>(
    `select code from admin_units where level = 'commune' and province_code = '01'
       and valid_from <= '2026-03-31' and (valid_to is null or valid_to > '2026-03-31')
     order by code desc limit 5`,
  );
  communes = rows.map((r) => r.code);
  await createUser(db, {
    username: communeOfficer,
    displayName: 'Cán bộ số liệu xã (kiểm thử nhập)',
    role: 'data_officer',
    jurisdiction: [communes[0] as string],
    password: DEMO_PASSWORD,
  });
  const res = await ctx.app.request('/api/reporting/forms', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      code: FORM,
      nameVi: 'Báo cáo quý (kiểm thử nhập tệp)',
      periodKind: 'quarter',
      items: ['managed_addicts', 'drug_arrests'],
    }),
  });
  expect(res.status).toBe(201);
  province = await ctx.as('thongke.hanoi');
  commune = await ctx.as(communeOfficer);
});
afterAll(async () => {
  await ctx?.close();
});

describe('imports in the reporting cycle', () => {
  it('refuses "approved at once" to a commune officer, writing nothing', async () => {
    const before = await completeness();
    const res = await importFile(commune, 'xa.csv', communes.slice(0, 1), { approve: 'true' });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe('approve');
    expect((await completeness()).total).toEqual(before.total);
  });

  it('counts the province office’s approved import as received and approved, others’ as submitted', async () => {
    const before = await completeness();
    let res = await importFile(province, 'tinh.csv', communes.slice(0, 3), { approve: 'true' });
    const body = (await res.json()) as { importId: number; reports: { state: string; forms: string[] } };
    expect(res.status, JSON.stringify(body).slice(0, 300)).toBe(200);
    expect(body.reports.state).toBe('approved');
    expect(body.reports.forms).toContain(FORM);
    let after = await completeness();
    expect(after.total.received).toBe(before.total.received + 3);
    expect(after.total.approved).toBe(before.total.approved + 3);
    for (const code of communes.slice(0, 3))
      expect(after.rows.find((r) => r.code === code)).toMatchObject({ state: 'approved', approved: 1 });
    const [audit] = await db.query<{ n: number }>(
      `select count(*)::int as n from audit_log where action = 'report.import_approved' and entity_id = $1`,
      [String(body.importId)],
    );
    expect(audit?.n).toBe(1);

    // Not marked approved: received, waiting for the province.
    res = await importFile(province, 'tinh-2.csv', communes.slice(3, 5), {});
    expect(res.status).toBe(200);
    expect(((await res.json()) as { reports: { state: string } }).reports.state).toBe('submitted');
    const later = await completeness();
    expect(later.total.received).toBe(after.total.received + 2);
    expect(later.total.approved).toBe(after.total.approved);
    after = later;
    expect(after.rows.find((r) => r.code === communes[4])).toMatchObject({ state: 'submitted', approved: 0 });
  });

  it('stores an import and its reports together: when recording the reports fails, no value is stored', async () => {
    const code = communes[0] as string;
    const read = () =>
      db.query<{ value: number }>(
        `select v.value from indicator_values v join admin_units u on u.id = v.unit_id
         where u.code = $1 and v.period_id = $2 and v.indicator_code = 'managed_addicts'`,
        [code, PERIOD],
      );
    const before = await read();
    const imports = async () =>
      (await db.query<{ n: number }>(`select count(*)::int as n from imports`))[0]?.n;
    const importsBefore = await imports();
    const bytes = new TextEncoder().encode(
      `Mã đơn vị,managed_addicts\n${code},${987_000 + (process.pid % 1000)}`,
    );
    await expect(
      commitValuesImport(
        db,
        { fileName: 'hong.csv', bytes, period: PERIOD, scope: '01', actor: 'kiem-thu' },
        async () => {
          throw new Error('ghi báo cáo thất bại');
        },
      ),
    ).rejects.toThrow('ghi báo cáo thất bại');
    expect(await read()).toEqual(before);
    expect(await imports()).toBe(importsBefore);
  });
});
