import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine';
import { readGenerations } from '../../lib/data-generations';
import { type TestClient, testEngine, writableTestApp } from '../../testing/test-db';
import { DEMO_PASSWORD } from '../auth/demo-accounts';
import { createUser } from '../auth/users.repo';
import { uploadForm } from '../imports/testing';
import { DEMO_ACTOR, DEMO_FORM, ensureDemoReporting } from './demo';
import { checkRules } from './validation';

// Issue 17: a commune reports, the province returns, approves (the values reach the map's store, locked),
// reopens; every step audited and refused to the wrong role or jurisdiction; completeness follows the units
// valid on the period's last day.

type Ctx = Awaited<ReturnType<typeof writableTestApp>>;
let ctx: Ctx;
let db: Database;
const tag = `${testEngine()}-${process.pid}`;
const FORM = `bc-quy-xa-${tag}`;
const PERIOD = '2026-Q2';
const ITEMS = [
  'managed_addicts',
  'illegal_users',
  'rehab_compulsory',
  'rehab_voluntary_facility',
  'rehab_community',
  'methadone_patients',
  'post_rehab_managed',
  'vocational_support',
  'addicts_reached',
  'drug_arrests',
  'drug_use_places',
  'drug_crops_destroyed_m2',
];
let commune: string;
let communeName: string;
let reporter: TestClient;
let province: TestClient;
let foreignProvince: TestClient;
const users = [`tk-xa-${tag}`, `tk-sonla-${tag}`];

const post = (client: TestClient, path: string, body: unknown) =>
  client.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  ctx = await writableTestApp();
  db = ctx.db;
  const [first] = await db.query<{ code: string; name: string }>(
    `select code, full_name as name from admin_units where level = 'commune' and valid_to is null
      and province_code = '01' order by code limit 1`,
  );
  if (!first) throw new Error('no Hà Nội commune');
  commune = first.code;
  communeName = first.name;
  await createUser(db, {
    username: users[0] as string,
    displayName: 'Cán bộ số liệu xã (kiểm thử)',
    role: 'data_officer',
    jurisdiction: [commune],
    password: DEMO_PASSWORD,
  });
  await createUser(db, {
    username: users[1] as string,
    displayName: 'Cán bộ số liệu Sơn La (kiểm thử)',
    role: 'data_officer',
    jurisdiction: ['14'],
    password: DEMO_PASSWORD,
  });
  reporter = await ctx.as(users[0] as string);
  province = await ctx.as('thongke.hanoi');
  foreignProvince = await ctx.as(users[1] as string);
  const res = await post(ctx.app, '/api/reporting/forms', {
    code: FORM,
    nameVi: 'Báo cáo quý của xã (kiểm thử)',
    periodKind: 'quarter',
    items: ITEMS,
    rules: [
      {
        kind: 'lte',
        left: 'methadone_patients',
        right: 'managed_addicts',
        messageVi: 'Số người điều trị methadone không được vượt quá số người nghiện có hồ sơ',
      },
      {
        kind: 'share_max',
        numerator: 'addicts_reached',
        denominator: 'managed_addicts',
        max: 100,
        messageVi: 'Tỷ lệ người nghiện được tiếp cận không được vượt quá 100%',
      },
    ],
  });
  expect(res.status, await res.text()).toBe(201);
});

afterAll(async () => {
  if (testEngine() === 'postgres') {
    const ids = await db.query<{ id: number }>(`select id from imports where file_name like $1`, [
      `bao-cao-${FORM}-%`,
    ]);
    for (const { id } of ids.reverse())
      await ctx.app.request(`/api/imports/values/${id}/rollback`, { method: 'POST' });
    await db.query(`delete from imports where file_name like $1`, [`bao-cao-${FORM}-%`]);
    await db.query(`delete from report_submissions where form_code like $1`, [`%-${tag}`]);
    await db.query(`delete from report_forms where code like $1`, [`%-${tag}`]);
    await db.query(`delete from users where username = any($1::text[])`, [users]);
  }
  await ctx?.close();
});

interface Entry {
  items: { code: string; previous: number | null }[];
  period: { dueDate: string; cutoffDate: string; previous: string };
  submission: { id: number; state: string } | null;
  editable: boolean;
}
interface Saved {
  submission: { id: number; state: string; values: Record<string, number | null> };
  problems: { severity: string; field: string; rule: string; messageVi: string }[];
}
interface Rejected {
  error: { code: string; field: string; message: string };
  problems: Saved['problems'];
}

/** A report that breaks no rule and is no outlier: the previous quarter's values. */
async function usualValues(): Promise<Record<string, number>> {
  const res = await reporter.request(`/api/reporting/entry?form=${FORM}&commune=${commune}&period=${PERIOD}`);
  const entry = (await res.json()) as Entry;
  expect(res.status).toBe(200);
  const v = Object.fromEntries(entry.items.map((i) => [i.code, i.previous ?? 0]));
  const addicts = v.managed_addicts ?? 0;
  v.methadone_patients = Math.min(v.methadone_patients ?? 0, addicts);
  v.addicts_reached = Math.min(v.addicts_reached ?? 0, addicts);
  return v;
}

const audits = async (id: number) =>
  db.query<{ action: string; actor: string; before: { state: string }; after: { state: string } }>(
    `select action, actor, before, after from audit_log where entity = 'report_submissions' and entity_id = $1
     order by id`,
    [String(id)],
  );

const stored = async (indicator: string) =>
  (
    await db.query<{ value: number; source: string }>(
      `select v.value, v.source from indicator_values v join admin_units u on u.id = v.unit_id
       where u.code = $1 and u.level = 'commune' and u.valid_to is null and v.indicator_code = $2
         and v.period_id = $3`,
      [commune, indicator, PERIOD],
    )
  )[0];

describe('a commune report through its whole cycle', () => {
  it('opens with the form, the due days of TT 13/2022 and the previous quarter beside each field', async () => {
    const res = await reporter.request(
      `/api/reporting/entry?form=${FORM}&commune=${commune}&period=${PERIOD}`,
    );
    const entry = (await res.json()) as Entry;
    expect(res.status).toBe(200);
    expect(entry.period).toMatchObject({
      previous: '2026-Q1',
      cutoffDate: '2026-06-14',
      dueDate: '2026-06-18',
    });
    expect(entry.items.map((i) => i.code)).toEqual(ITEMS);
    const [prev] = await db.query<{ value: number }>(
      `select v.value from indicator_values v join admin_units u on u.id = v.unit_id
       where u.code = $1 and u.valid_to is null and v.indicator_code = 'managed_addicts' and v.period_id = '2026-Q1'`,
      [commune],
    );
    expect(entry.items[0]?.previous).toBe(prev?.value ?? null);
    expect(entry.submission).toBeNull();
    expect(entry.editable).toBe(true);
  });

  it('goes draft → submitted → returned → submitted → approved (stored, locked) → reopened → approved', async () => {
    const usual = await usualValues();
    const generationBefore = (await readGenerations(db)).values;

    // A draft keeps anything, and says what is wrong.
    const broken = { ...usual, methadone_patients: (usual.managed_addicts ?? 0) + 5, illegal_users: null };
    let res = await post(reporter, '/api/reporting/submissions', {
      form: FORM,
      commune,
      period: PERIOD,
      values: broken,
    });
    const draft = (await res.json()) as Saved;
    expect(res.status).toBe(200);
    expect(draft.submission.state).toBe('draft');
    expect(draft.problems.filter((p) => p.severity === 'error').map((p) => [p.field, p.rule])).toEqual([
      ['illegal_users', 'required'],
      ['methadone_patients', 'lte'],
    ]);
    const id = draft.submission.id;

    // Errors block submission, naming the field.
    res = await post(reporter, '/api/reporting/submissions', {
      form: FORM,
      commune,
      period: PERIOD,
      values: { ...broken, illegal_users: usual.illegal_users },
      submit: true,
    });
    const blocked = (await res.json()) as Rejected;
    expect(res.status).toBe(422);
    expect(blocked.error.field).toBe('values.methadone_patients');
    expect(blocked.error.message).toContain('methadone không được vượt quá');

    // An outlier is a warning: submitting needs a comment.
    const outlier = { ...usual, drug_arrests: (usual.drug_arrests ?? 0) * 10 + 60 };
    res = await post(reporter, '/api/reporting/submissions', {
      form: FORM,
      commune,
      period: PERIOD,
      values: outlier,
      submit: true,
    });
    const unconfirmed = (await res.json()) as Rejected;
    expect(res.status).toBe(422);
    expect(unconfirmed.error).toMatchObject({ code: 'warnings_unconfirmed', field: 'warningComment' });
    expect(unconfirmed.problems).toEqual([
      expect.objectContaining({ field: 'drug_arrests', rule: 'outlier' }),
    ]);

    res = await post(reporter, '/api/reporting/submissions', {
      form: FORM,
      commune,
      period: PERIOD,
      values: outlier,
      submit: true,
      warningComment: 'Đợt truy quét cao điểm trong quý',
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Saved).submission.state).toBe('submitted');

    // Waiting for the province: the reporter cannot change it, nor approve it.
    res = await post(reporter, '/api/reporting/submissions', {
      form: FORM,
      commune,
      period: PERIOD,
      values: usual,
    });
    expect(res.status).toBe(409);
    res = await post(reporter, `/api/reporting/submissions/${id}/approve`, {});
    expect(res.status).toBe(403);
    // Another province's officer: the same answer as a report that does not exist.
    res = await post(foreignProvince, `/api/reporting/submissions/${id}/approve`, {});
    const foreign = await res.json();
    expect(res.status).toBe(404);
    res = await post(foreignProvince, '/api/reporting/submissions/999999/approve', {});
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(foreign).replace(String(id), '999999')));
    // The committee is no data officer.
    res = await post(await ctx.as('bcd.hanoi'), `/api/reporting/submissions/${id}/approve`, {});
    expect(res.status).toBe(403);
    // A Sơn La officer cannot report for a Hà Nội commune.
    res = await post(foreignProvince, '/api/reporting/submissions', {
      form: FORM,
      commune,
      period: PERIOD,
      values: usual,
    });
    expect(res.status).toBe(403);

    // Returned with a comment, corrected, submitted again.
    res = await post(province, `/api/reporting/submissions/${id}/return`, {
      comment: 'Kiểm tra lại số vụ bắt giữ',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      state: 'returned',
      returnComment: 'Kiểm tra lại số vụ bắt giữ',
    });
    res = await post(province, `/api/reporting/submissions/${id}/approve`, {});
    expect(res.status).toBe(409);
    res = await post(reporter, '/api/reporting/submissions', {
      form: FORM,
      commune,
      period: PERIOD,
      values: usual,
      submit: true,
    });
    expect(res.status).toBe(200);

    // Approved: the values reach the store the map reads, the generation moves, the report is locked.
    res = await post(province, `/api/reporting/submissions/${id}/approve`, {});
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ state: 'approved', approvedBy: 'thongke.hanoi' });
    expect((await stored('managed_addicts'))?.value).toBe(usual.managed_addicts);
    expect((await stored('drug_arrests'))?.source).toMatch(
      new RegExp(`^import:\\d+:bao-cao-${FORM}-${commune}-${PERIOD}$`),
    );
    expect((await readGenerations(db)).values).toBeGreaterThan(generationBefore);
    res = await post(reporter, '/api/reporting/submissions', {
      form: FORM,
      commune,
      period: PERIOD,
      values: usual,
    });
    expect(res.status).toBe(409);
    expect(((await res.json()) as Rejected).error.code).toBe('locked');

    // A correction: reopened by the province, changed, approved again.
    res = await post(reporter, `/api/reporting/submissions/${id}/reopen`, { comment: 'Sửa số liệu' });
    expect(res.status).toBe(403);
    res = await post(province, `/api/reporting/submissions/${id}/reopen`, {
      comment: 'Xã báo sửa số người nghiện',
    });
    expect(res.status).toBe(200);
    const corrected = { ...usual, managed_addicts: (usual.managed_addicts ?? 0) + 1 };
    res = await post(reporter, '/api/reporting/submissions', {
      form: FORM,
      commune,
      period: PERIOD,
      values: corrected,
      submit: true,
      warningComment: 'Bổ sung một hồ sơ',
    });
    expect(res.status, await res.clone().text()).toBe(200);
    res = await post(province, `/api/reporting/submissions/${id}/approve`, {});
    expect(res.status).toBe(200);
    expect((await stored('managed_addicts'))?.value).toBe(corrected.managed_addicts);

    // Every step audited, with the state and values before and after.
    const log = await audits(id);
    expect(log.map((a) => [a.action, a.before.state, a.after.state])).toEqual([
      ['report.save', 'draft', 'draft'],
      ['report.submit', 'draft', 'submitted'],
      ['report.return', 'submitted', 'returned'],
      ['report.submit', 'returned', 'submitted'],
      ['report.approve', 'submitted', 'approved'],
      ['report.reopen', 'approved', 'reopened'],
      ['report.submit', 'reopened', 'submitted'],
      ['report.approve', 'submitted', 'approved'],
    ]);
    const reopen = log[5] as unknown as {
      before: { values: Record<string, number> };
      after: { comment: string };
    };
    expect(reopen.before.values.managed_addicts).toBe(usual.managed_addicts);
    expect(reopen.after.comment).toBe('Xã báo sửa số người nghiện');

    // The province's review list shows it; the commune name is the unit's.
    res = await province.request(`/api/reporting/submissions?form=${FORM}&period=${PERIOD}&parent=01`);
    const list = (await res.json()) as { rows: { id: number; unitName: string; state: string }[] };
    expect(list.rows.find((r) => r.id === id)).toMatchObject({ unitName: communeName, state: 'approved' });
  });

  it('refuses a period of another kind and an item not on the form, naming the field', async () => {
    let res = await reporter.request(`/api/reporting/entry?form=${FORM}&commune=${commune}&period=2026`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as Rejected).error.field).toBe('period');
    res = await post(reporter, '/api/reporting/submissions', {
      form: FORM,
      commune,
      period: '2026-Q3',
      values: { population: 5 },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Rejected).error.field).toBe('values.population');
  });
});

interface Completeness {
  unitsOn: string;
  total: { expected: number; received: number; onTime: number; approved: number };
  rows: { code: string; expected: number; received: number; state: string | null }[];
  late: { code: string; contacts: { username: string }[] }[];
}

describe('completeness', () => {
  it('counts expected, received, on time and approved per province and commune, with the late list', async () => {
    const [n] = await db.query<{ n: number }>(
      `select count(*)::int as n from admin_units where level = 'commune' and province_code = '01'
        and valid_from <= '2026-06-30' and (valid_to is null or valid_to > '2026-06-30')`,
    );
    let res = await ctx.app.request(`/api/reporting/completeness?form=${FORM}&period=${PERIOD}`);
    const nation = (await res.json()) as Completeness;
    expect(res.status).toBe(200);
    const hanoi = nation.rows.find((r) => r.code === '01');
    // Approved after the due day (the test runs later): received and approved, not on time.
    expect(hanoi).toMatchObject({ expected: n?.n, received: 1, approved: 1, onTime: 0 });
    res = await province.request(`/api/reporting/completeness?form=${FORM}&period=${PERIOD}&parent=01`);
    const perCommune = (await res.json()) as Completeness;
    expect(perCommune.total).toEqual({ expected: n?.n, received: 1, onTime: 0, approved: 1 });
    expect(perCommune.rows.find((r) => r.code === commune)).toMatchObject({ state: 'approved', received: 1 });
    // Late: every commune (one reported after the due day), each with whom to call.
    expect(perCommune.late.length).toBe(n?.n);
    // The commune's own officers first, then the province's.
    const contacts = perCommune.late.find((l) => l.code === commune)?.contacts.map((c) => c.username) ?? [];
    expect(contacts).toContain(users[0]);
    expect(contacts.at(-1)).toBe('thongke.hanoi');
    // The map layer of the whole country: one row per commune, the same totals.
    res = await ctx.app.request(`/api/reporting/completeness?form=${FORM}&period=${PERIOD}&per=commune`);
    const map = (await res.json()) as Completeness;
    expect(map.total).toEqual(nation.total);
    expect(map.rows.length).toBe(nation.total.expected);
    expect(map.rows.find((r) => r.code === commune)).toMatchObject({ state: 'approved', received: 1 });
    // The commune officer sees their own commune only.
    res = await reporter.request(`/api/reporting/completeness?form=${FORM}&period=${PERIOD}`);
    expect(((await res.json()) as Completeness).total.expected).toBe(1);
  });

  it('follows the units valid on the period’s last day when a merger falls inside the period', async () => {
    // Two neighbouring Sơn La communes merged from 1/3/2026, inside 2026-Q1.
    const [pair] = await db.query<{ a: string; b: string; name: string; geojson: string }>(
      `select a.code as a, b.code as b, a.full_name as name,
         ST_AsGeoJSON(ST_Multi(ST_Union(a.geom, b.geom)), 6) as geojson
       from admin_units a join admin_units b on b.level = 'commune' and b.province_code = '14'
         and b.valid_to is null and b.code > a.code and ST_Touches(a.geom, b.geom)
       where a.level = 'commune' and a.province_code = '14' and a.valid_to is null
       order by a.code, b.code limit 1`,
    );
    if (!pair) throw new Error('no neighbouring communes');
    const count = async (period: string) => {
      const res = await ctx.app.request(
        `/api/reporting/completeness?form=${FORM}&period=${period}&parent=14`,
      );
      expect(res.status).toBe(200);
      return (await res.json()) as Completeness;
    };
    const before = await count('2026-Q1');
    const file = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { ma_xa: pair.a, ten: pair.name, ma_tinh: '14' },
          geometry: JSON.parse(pair.geojson),
        },
      ],
    });
    const imported = await ctx.app.request('/api/imports/boundaries', {
      method: 'POST',
      body: uploadForm('sap-xep.geojson', file, { validFrom: '2026-03-01', decree: '99/NQ-KIEMTHU' }),
    });
    const report = (await imported.json()) as { importId: number };
    expect(imported.status, JSON.stringify(report).slice(0, 300)).toBe(200);
    try {
      // The merged commune reports Q1 on its new unit.
      const sonla = await ctx.as(users[1] as string);
      const res = await post(sonla, '/api/reporting/submissions', {
        form: FORM,
        commune: pair.a,
        period: '2026-Q1',
        values: Object.fromEntries(ITEMS.map((c) => [c, 0])),
      });
      expect(res.status, await res.clone().text()).toBe(200);
      const res2 = await post(sonla, '/api/reporting/submissions', {
        form: FORM,
        commune: pair.a,
        period: '2026-Q1',
        values: Object.fromEntries(ITEMS.map((c) => [c, 0])),
        submit: true,
        warningComment: 'Xã mới sau sắp xếp: chưa có số liệu',
      });
      expect(res2.status, await res2.clone().text()).toBe(200);
      // A commune that vanished on 1/3 reports nothing for the quarter: it is not asked to.
      const gone = await post(sonla, '/api/reporting/submissions', {
        form: FORM,
        commune: pair.b,
        period: '2026-Q1',
        values: {},
      });
      expect(gone.status).toBe(400);
      expect(((await gone.json()) as Rejected).error.field).toBe('commune');

      const after = await count('2026-Q1');
      expect(after.unitsOn).toBe('2026-03-31');
      expect(after.total.expected).toBe(before.total.expected - 1);
      expect(after.total.received).toBe(1);
      expect(after.rows.map((r) => r.code)).toContain(pair.a);
      expect(after.rows.map((r) => r.code)).not.toContain(pair.b);
      expect(after.late.map((l) => l.code)).not.toContain(pair.b);
      // The quarter before the merger still expects both.
      const older = await count('2025-Q4');
      expect(older.total.expected).toBe(before.total.expected);
      expect(older.rows.map((r) => r.code)).toEqual(expect.arrayContaining([pair.a, pair.b]));
    } finally {
      await db.query(`delete from report_submissions where form_code = $1 and period_id = '2026-Q1'`, [FORM]);
      const undo = await ctx.app.request(`/api/imports/boundaries/${report.importId}/rollback`, {
        method: 'POST',
      });
      expect(undo.status).toBe(200);
    }
  });
});

describe('the demo', () => {
  it('seeds one quarterly form and synthetic Hà Nội reports that pass its rules, once', async () => {
    const created = await ensureDemoReporting(db);
    try {
      expect(created).toBeGreaterThan(10);
      expect(await ensureDemoReporting(db)).toBe(0);
      const rows = await db.query<{
        state: string;
        values: Record<string, number | null>;
        updatedBy: string;
      }>(`select state, values, updated_by as "updatedBy" from report_submissions where form_code = $1`, [
        DEMO_FORM.code,
      ]);
      expect(rows.length).toBe(created);
      expect(rows.every((r) => r.updatedBy === DEMO_ACTOR)).toBe(true);
      for (const r of rows) expect(checkRules(DEMO_FORM.items, DEMO_FORM.rules, r.values)).toEqual([]);
      const res = await ctx.app.request(
        `/api/reporting/completeness?form=${DEMO_FORM.code}&period=2026-Q3&parent=01`,
      );
      const c = (await res.json()) as Completeness;
      expect(c.total.received).toBe(rows.filter((r) => r.state === 'submitted').length);
      expect(c.total.onTime).toBe(c.total.received);
    } finally {
      await db.query(`delete from report_submissions where form_code = $1`, [DEMO_FORM.code]);
      await db.query(`delete from report_forms where code = $1`, [DEMO_FORM.code]);
    }
  });
});
