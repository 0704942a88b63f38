import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine';
import { testEngine, writableTestApp } from '../../testing/test-db';
import { uploadForm } from '../imports/testing';

/**
 * The catalogue is the administrators': a stock, a flow and a computed indicator added through the API are
 * reported through the import template, read back by /api/values and /api/series (a stock's year is its last
 * quarter, a flow's year the sum of its quarters, a share the formula over those), recomputed when the
 * formula changes, and guarded: bad formulas answer 400 naming `formula`, retiring what a target or a formula
 * uses answers 409 naming it, and a province's administrator changes only the province's own entries.
 */

type Ctx = Awaited<ReturnType<typeof writableTestApp>>;
let ctx: Ctx;
let db: Database;
const SCOPE = '14';
const QUARTERS = ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4'] as const;
/** Codes of this file only (the postgres test database is shared): removed again in afterAll. */
const CODES = [
  't15_eligible',
  't15_trained',
  't15_trained__level_province',
  't15_trained__level_commune',
  't15_trained_pct',
  't15_double',
  't15_episodes',
  't15_own',
];
const PLAN = 't15-plan';
const USER = 't15.admin.sonla';
let communes: string[] = [];
const importIds: number[] = [];

interface Row {
  code: string;
  value: number;
}
interface ErrorBody {
  error: { code: string; message: string; field: string | null };
}

const send = (method: string, path: string, body?: unknown, client = ctx.app) =>
  client.request(path, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

async function json<T>(res: Response | Promise<Response>, status = 200): Promise<T> {
  const r = await res;
  const text = await r.text();
  expect(r.status, text.slice(0, 300)).toBe(status);
  return JSON.parse(text) as T;
}

const values = (indicator: string, period: string, extra = '') =>
  json<{ rows: Row[]; meta: { method: string } }>(
    ctx.app.request(`/api/values?indicator=${indicator}&period=${period}&parent=${SCOPE}${extra}`),
  );
const provinceValue = async (indicator: string, period: string, extra = '') =>
  (await values(indicator, period, `&level=province${extra}`)).rows.find((r) => r.code === SCOPE)?.value;

/** Stock and flow of commune i in quarter q (1–4); commune 2 has none eligible and none trained. */
const eligible = (i: number, q: number) => (i === 2 ? 0 : 100 + 10 * i + q);
const trained = (i: number, q: number) => (i === 2 ? 0 : 5 * q + i);
/** The three communes' sum of `f`. */
const sumOver = (f: (i: number) => number) => f(0) + f(1) + f(2);

async function cleanUp() {
  await db.query(`delete from plan_targets where plan_id in (select id from plans where code = $1)`, [PLAN]);
  await db.query(`delete from plans where code = $1`, [PLAN]);
  await db.query(`delete from import_value_changes where indicator_code = any($1::text[])`, [CODES]);
  await db.query(`delete from imports where id = any($1::int[])`, [importIds]);
  await db.query(`delete from indicator_values where indicator_code = any($1::text[])`, [CODES]);
  await db.query(`delete from indicators where code = any($1::text[])`, [CODES]);
  await db.query(`delete from sessions where user_id in (select id from users where username = $1)`, [USER]);
  await db.query(
    `delete from user_jurisdictions where user_id in (select id from users where username = $1)`,
    [USER],
  );
  await db.query(`delete from users where username = $1`, [USER]);
}

beforeAll(async () => {
  ctx = await writableTestApp();
  db = ctx.db;
  if (testEngine() === 'postgres') await cleanUp();
  const rows = await db.query<{ code: string }>(
    `select code from admin_units where level = 'commune' and province_code = $1
       and valid_from <= '2024-10-01' and (valid_to is null or valid_to > '2024-12-31') order by code limit 3`,
    [SCOPE],
  );
  communes = rows.map((r) => r.code);
  expect(communes).toHaveLength(3);
});

afterAll(async () => {
  if (testEngine() === 'postgres') await cleanUp();
  await ctx?.close();
});

describe('indicators a province defines', () => {
  it('adds a stock, a flow and a computed share, audited, and lists them', async () => {
    const before = await db.query<{ generation: number }>(
      `select generation::float8 as generation from data_generations where kind = 'catalogue'`,
    );
    await json(
      send('POST', '/api/indicators', {
        code: 't15_eligible',
        nameVi: 'Cán bộ thuộc diện tập huấn',
        unitVi: 'người',
        kind: 'stock',
        sensitivity: 'internal',
      }),
      201,
    );
    await json(
      send('POST', '/api/indicators', {
        code: 't15_trained',
        nameVi: 'Cán bộ được tập huấn',
        nameEn: 'Officers trained',
        unitVi: 'người',
        kind: 'flow',
        sensitivity: 'internal',
        disaggregations: [
          {
            code: 'level',
            nameVi: 'Theo cấp',
            parts: [
              { code: 'province', nameVi: 'Cấp tỉnh' },
              { code: 'commune', nameVi: 'Cấp xã' },
            ],
          },
        ],
      }),
      201,
    );
    const share = await json<{ formula: string; kind: string; areaAggregation: string }>(
      send('POST', '/api/indicators', {
        code: 't15_trained_pct',
        nameVi: 'Tỷ lệ cán bộ được tập huấn',
        unitVi: '%',
        kind: 'computed',
        formula: 't15_trained/t15_eligible*100',
        sensitivity: 'internal',
      }),
      201,
    );
    expect(share).toMatchObject({
      kind: 'computed',
      areaAggregation: 'rate',
      formula: 't15_trained / t15_eligible * 100',
    });
    const { rows } = await json<{ rows: Array<{ code: string; kind: string; disaggregations: unknown[] }> }>(
      ctx.app.request('/api/indicators'),
    );
    const byCode = new Map(rows.map((r) => [r.code, r]));
    expect(byCode.get('t15_eligible')?.kind).toBe('stock');
    expect(byCode.get('t15_trained')?.kind).toBe('flow');
    expect(byCode.get('t15_trained')?.disaggregations).toHaveLength(1);
    // Each part of a breakdown is a stored indicator of its own, like its total.
    expect(byCode.get('t15_trained__level_commune')).toMatchObject({ kind: 'flow', disaggregations: [] });
    // Today's rates are computed indicators of the same catalogue.
    expect(byCode.get('treatment_reach_pct')).toMatchObject({
      kind: 'computed',
      formula: 'addicts_reached / managed_addicts * 100',
    });
    const audit = await db.query<{ entity_id: string; actor: string }>(
      `select entity_id, actor from audit_log where entity = 'indicator' and action = 'create'
        and entity_id = any($1::text[])`,
      [CODES],
    );
    expect(audit.map((a) => a.entity_id).sort()).toEqual(['t15_eligible', 't15_trained', 't15_trained_pct']);
    expect(audit.every((a) => a.actor === 'admin')).toBe(true);
    const after = await db.query<{ generation: number }>(
      `select generation::float8 as generation from data_generations where kind = 'catalogue'`,
    );
    expect(after[0]?.generation).toBe((before[0]?.generation ?? 0) + 3);
  });

  it('gives the import template their columns (not the computed one) and imports a year of them', async () => {
    const res = await ctx.app.request(
      `/api/imports/templates/values?period=2024-Q1&scope=${SCOPE}&layout=wide&format=csv`,
    );
    const header = (await res.text()).split('\r\n')[0] ?? '';
    expect(header).toContain('Cán bộ thuộc diện tập huấn (t15_eligible)');
    expect(header).toContain('Cán bộ được tập huấn (t15_trained)');
    expect(header).not.toContain('t15_trained_pct');
    expect(header).toContain('(t15_trained__level_province)');
    for (const [k, period] of QUARTERS.entries()) {
      const q = k + 1;
      const lines = ['Mã đơn vị,Kỳ báo cáo,Mã chỉ tiêu,Giá trị'];
      communes.forEach((code, i) => {
        lines.push(`${code},${period},t15_eligible,${eligible(i, q)}`);
        lines.push(`${code},${period},t15_trained,${trained(i, q)}`);
      });
      const commit = await json<{ importId: number; added: number }>(
        ctx.app.request('/api/imports/values', {
          method: 'POST',
          body: uploadForm(`t15-${period}.csv`, lines.join('\n'), { period, scope: SCOPE }),
        }),
      );
      expect(commit.added).toBe(6);
      importIds.push(commit.importId);
    }
    // A computed indicator is not imported.
    const refused = await ctx.app.request('/api/imports/values/preview', {
      method: 'POST',
      body: uploadForm(
        't15-pct.csv',
        `Mã đơn vị,Kỳ báo cáo,Mã chỉ tiêu,Giá trị\n${communes[0]},2024-Q1,t15_trained_pct,50`,
        { period: '2024-Q1', scope: SCOPE },
      ),
    });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('t15_trained_pct là chỉ số tính toán');
  });

  it('takes the parts of a breakdown when they sum to the total, and refuses them otherwise', async () => {
    const code = communes[0] ?? '';
    const report = (province: number, commune: number) =>
      [
        'Mã đơn vị,Kỳ báo cáo,Mã chỉ tiêu,Giá trị',
        `${code},2024-Q1,t15_trained,${trained(0, 1)}`,
        `${code},2024-Q1,t15_trained__level_province,${province}`,
        `${code},2024-Q1,t15_trained__level_commune,${commune}`,
      ].join('\n');
    const wrong = await ctx.app.request('/api/imports/values', {
      method: 'POST',
      body: uploadForm('t15-parts.csv', report(2, 4), { period: '2024-Q1', scope: SCOPE }),
    });
    expect(wrong.status).toBe(422);
    const { problems } = (await wrong.json()) as { problems: Array<{ row: number; message: string }> };
    expect(problems).toEqual([
      expect.objectContaining({
        row: 2,
        message: `t15_trained ${trained(0, 1)} khác tổng các thành phần "Theo cấp" (6) của ${code}`,
      }),
    ]);
    const commit = await json<{ importId: number; added: number }>(
      ctx.app.request('/api/imports/values', {
        method: 'POST',
        body: uploadForm('t15-parts.csv', report(2, trained(0, 1) - 2), { period: '2024-Q1', scope: SCOPE }),
      }),
    );
    importIds.push(commit.importId);
    expect(commit.added).toBe(2);
    const part = await values('t15_trained__level_commune', '2024-Q1');
    expect(part.rows).toEqual([{ code, value: trained(0, 1) - 2 }]);
    // A part changes with its total only.
    const direct = await send('PATCH', '/api/indicators/t15_trained__level_commune', { nameEn: 'x' });
    expect(direct.status).toBe(409);
    expect(((await direct.json()) as ErrorBody).error.message).toContain('t15_trained');
  });

  it('reads a stock’s year as its last quarter, a flow’s as the sum, the share from those', async () => {
    const sum = (f: (i: number) => number) => f(0) + f(1) + f(2);
    const stockQ4 = sum((i) => eligible(i, 4));
    const flowYear = sum((i) => trained(i, 1) + trained(i, 2) + trained(i, 3) + trained(i, 4));
    expect(await provinceValue('t15_eligible', '2024')).toBe(stockQ4);
    expect(await provinceValue('t15_trained', '2024')).toBe(flowYear);
    expect(await provinceValue('t15_trained_pct', '2024')).toBeCloseTo((100 * flowYear) / stockQ4, 3);
    // A half year too: Q2's level, Q1 + Q2's flow.
    expect(await provinceValue('t15_eligible', '2024-H1')).toBe(sum((i) => eligible(i, 2)));
    expect(await provinceValue('t15_trained', '2024-H1')).toBe(sum((i) => trained(i, 1) + trained(i, 2)));

    // Per commune and quarter; the commune with 0 eligible has no share (no data), not Infinity or 0.
    const q2 = await values('t15_trained_pct', '2024-Q2');
    const byCode = new Map(q2.rows.map((r) => [r.code, r.value]));
    expect(byCode.get(communes[0] ?? '')).toBeCloseTo((100 * trained(0, 2)) / eligible(0, 2), 3);
    expect(byCode.has(communes[1] ?? '')).toBe(true);
    expect(byCode.has(communes[2] ?? '')).toBe(false);

    const series = await json<{ rows: Array<{ period: string; value: number | null }> }>(
      ctx.app.request(
        `/api/series?unit=${SCOPE}&indicator=t15_trained_pct&from=2024-Q1&to=2024-Q4&at=2024-12-31`,
      ),
    );
    expect(series.rows.map((r) => r.period)).toEqual([...QUARTERS]);
    series.rows.forEach((r, k) => {
      const q = k + 1;
      expect(r.value).toBeCloseTo((100 * sum((i) => trained(i, q))) / sum((i) => eligible(i, q)), 3);
    });
    const yearly = await json<{ rows: Array<{ period: string; value: number | null }> }>(
      ctx.app.request(`/api/series?unit=${SCOPE}&indicator=t15_trained&from=2024&to=2024&at=2024-12-31`),
    );
    expect(yearly.rows).toEqual([expect.objectContaining({ period: '2024', value: flowYear })]);
  });

  it('answers no data for a period or a commune without a report, never 0; a year partly reported says so', async () => {
    // Sơn La's other communes did not report: they have no row (the map greys them), while the commune
    // that reported 0 has its 0.
    const q1 = await values('t15_trained', '2024-Q1');
    expect(q1.rows.map((r) => r.code).sort()).toEqual([...communes].sort());
    expect(q1.rows.find((r) => r.code === communes[2])?.value).toBe(0);
    // A quarter before the first report: no rows at all, and no province total of 0.
    expect((await values('t15_trained', '2023-Q4')).rows).toEqual([]);
    expect(await provinceValue('t15_trained', '2022')).toBeUndefined();
    const series = await json<{ rows: Array<{ period: string; value: number | null; partial: boolean }> }>(
      ctx.app.request(
        `/api/series?unit=${SCOPE}&indicator=t15_trained&from=2023-Q3&to=2024-Q1&at=2024-12-31`,
      ),
    );
    expect(series.rows.map((r) => [r.period, r.value])).toEqual([
      ['2023-Q3', null],
      ['2023-Q4', null],
      ['2024-Q1', sumOver((i) => trained(i, 1))],
    ]);
    // 2023 reported for its first quarter only: the year is flagged partial (a stock's year is then the
    // last reported quarter, a flow's the sum so far), never passed off as the whole year.
    const code = communes[0] ?? '';
    const commit = await json<{ importId: number }>(
      ctx.app.request('/api/imports/values', {
        method: 'POST',
        body: uploadForm(
          't15-2023-Q1.csv',
          `Mã đơn vị,Kỳ báo cáo,Mã chỉ tiêu,Giá trị\n${code},2023-Q1,t15_eligible,120\n${code},2023-Q1,t15_trained,7`,
          { period: '2023-Q1', scope: SCOPE },
        ),
      }),
    );
    importIds.push(commit.importId);
    const year = await values('t15_eligible', '2023', '&level=province');
    // One quarter of the year (partial), and one commune of the province's many (reported of expected).
    expect(year.rows).toEqual([
      { code: SCOPE, value: 120, partial: true, reported: 1, expected: expect.any(Number) },
    ]);
    expect((year.rows[0] as unknown as { expected: number }).expected).toBeGreaterThan(1);
    const yearly = await json<{ rows: Array<{ period: string; value: number | null; partial: boolean }> }>(
      ctx.app.request(`/api/series?unit=${SCOPE}&indicator=t15_trained&from=2023&to=2024&at=2024-12-31`),
    );
    expect(yearly.rows.map((r) => [r.period, r.value, r.partial])).toEqual([
      ['2023', 7, true],
      ['2024', sumOver((i) => trained(i, 1) + trained(i, 2) + trained(i, 3) + trained(i, 4)), false],
    ]);
  });

  it('computes the share through the crosswalk on today’s units from the crosswalked inputs', async () => {
    const at = '&at=2026-01-01';
    const stock = await provinceValue('t15_eligible', '2024', at);
    const flow = await provinceValue('t15_trained', '2024', at);
    const pct = await provinceValue('t15_trained_pct', '2024', at);
    expect((await values('t15_trained_pct', '2024', `&level=province${at}`)).meta.method).toBe('crosswalk');
    expect(stock).toBeGreaterThan(0);
    expect(pct).toBeCloseTo((100 * (flow ?? 0)) / (stock ?? 1), 2);
  });

  it('recomputes when the formula is edited', async () => {
    const before = await provinceValue('t15_trained_pct', '2024');
    await json(
      send('PATCH', '/api/indicators/t15_trained_pct', {
        formula: 't15_trained / (t15_eligible + t15_trained) * 100',
      }),
    );
    const stock = await provinceValue('t15_eligible', '2024');
    const flow = await provinceValue('t15_trained', '2024');
    const after = await provinceValue('t15_trained_pct', '2024');
    expect(after).not.toBeCloseTo(before ?? 0, 3);
    expect(after).toBeCloseTo((100 * (flow ?? 0)) / ((stock ?? 0) + (flow ?? 0)), 3);
    const [audit] = await db.query<{ before: { formula: string }; after: { formula: string } }>(
      `select before, after from audit_log where entity = 'indicator' and action = 'update'
        and entity_id = 't15_trained_pct' order by id desc limit 1`,
    );
    expect(audit?.before.formula).toBe('t15_trained / t15_eligible * 100');
    expect(audit?.after.formula).toBe('t15_trained / (t15_eligible + t15_trained) * 100');
  });

  it('refuses a cycle, an unknown indicator, incompatible units or a laxer sensitivity, naming the field', async () => {
    await json(
      send('POST', '/api/indicators', {
        code: 't15_double',
        nameVi: 'Gấp đôi tỷ lệ',
        unitVi: '%',
        kind: 'computed',
        formula: 't15_trained_pct * 2',
        sensitivity: 'internal',
      }),
      201,
    );
    await json(
      send('POST', '/api/indicators', {
        code: 't15_episodes',
        nameVi: 'Lượt tập huấn',
        unitVi: 'lượt',
        kind: 'flow',
        sensitivity: 'internal',
      }),
      201,
    );
    const refusals: Array<[string, string, unknown, string, RegExp]> = [
      ['PATCH', '/api/indicators/t15_trained_pct', { formula: 't15_double / 2' }, 'formula', /vòng lặp/],
      [
        'PATCH',
        '/api/indicators/t15_trained_pct',
        { formula: 't15_nope / t15_eligible * 100' },
        'formula',
        /không có chỉ số t15_nope trong danh mục/,
      ],
      [
        'POST',
        '/api/indicators',
        {
          code: 't15_bad',
          nameVi: 'Sai',
          unitVi: 'người',
          kind: 'computed',
          formula: 't15_trained + t15_episodes',
          sensitivity: 'internal',
        },
        'formula',
        /không thể cộng/,
      ],
      [
        'POST',
        '/api/indicators',
        {
          code: 't15_bad',
          nameVi: 'Sai',
          unitVi: '%',
          kind: 'computed',
          formula: 't15_trained / t15_eligible * 100',
          sensitivity: 'public',
        },
        'sensitivity',
        /nội bộ/,
      ],
      [
        'PATCH',
        '/api/indicators/t15_trained_pct',
        { formula: 't15_trained / (t15_eligible' },
        'formula',
        /\)/,
      ],
      ['PATCH', '/api/indicators/t15_eligible', { unitVi: 'lượt' }, 'unitVi', /t15_trained_pct/],
    ];
    for (const [method, path, body, field, message] of refusals) {
      const res = await send(method, path, body);
      const err = (await res.json()) as ErrorBody;
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(err.error.field).toBe(field);
      expect(err.error.message).toMatch(message);
    }
    // Nothing changed.
    const [row] = await db.query<{ formula: string }>(
      `select formula from indicators where code = 't15_trained_pct'`,
    );
    expect(row?.formula).toBe('t15_trained / (t15_eligible + t15_trained) * 100');
    expect(await db.query(`select 1 from indicators where code = 't15_bad'`)).toHaveLength(0);
  });

  it('refuses to retire what a plan target or a formula uses, naming it; retires the rest', async () => {
    await json(
      send('POST', '/api/plans', {
        code: PLAN,
        title: 'Kế hoạch tập huấn cán bộ',
        issuingBody: 'UBND tỉnh Sơn La',
        documentNo: '15/KH-UBND',
        issuedOn: '2024-01-05',
        scope: { code: SCOPE, validOn: '2024-06-30' },
        periodStart: '2024-01-01',
        periodEnd: '2025-12-31',
        targets: [
          {
            code: 'tap-huan',
            title: 'Tập huấn ít nhất 50 cán bộ',
            definition: {
              kind: 'count',
              indicator: 't15_trained',
              threshold: 50,
              window: { from: '2024-01-01' },
            },
            deadline: '2025-12-31',
          },
        ],
      }),
      201,
    );
    const byTarget = await send('POST', '/api/indicators/t15_trained/retire');
    const targetErr = (await byTarget.json()) as ErrorBody;
    expect(byTarget.status).toBe(409);
    expect(targetErr.error.field).toBe('code');
    expect(targetErr.error.message).toContain(`${PLAN} / tap-huan`);
    const byFormula = await send('POST', '/api/indicators/t15_eligible/retire');
    expect(byFormula.status).toBe(409);
    expect(((await byFormula.json()) as ErrorBody).error.message).toContain('t15_trained_pct');

    const retired = await json<{ retiredAt: string | null }>(
      send('POST', '/api/indicators/t15_episodes/retire'),
    );
    expect(retired.retiredAt).not.toBeNull();
    const listed = await json<{ rows: Row[] }>(ctx.app.request('/api/indicators'));
    expect(listed.rows.map((r) => r.code)).not.toContain('t15_episodes');
    const template = await (
      await ctx.app.request(
        `/api/imports/templates/values?period=2024-Q1&scope=${SCOPE}&layout=wide&format=csv`,
      )
    ).text();
    expect(template).not.toContain('t15_episodes');
    // No new target on a retired indicator.
    const target = await send('POST', `/api/plans/${PLAN}/targets`, {
      code: 'luot',
      title: 'Lượt tập huấn',
      definition: { kind: 'count', indicator: 't15_episodes', threshold: 10, window: { from: '2024-01-01' } },
      deadline: '2025-12-31',
    });
    expect(target.status).toBe(400);
    expect(((await target.json()) as ErrorBody).error.message).toContain('ngừng sử dụng');
    // A formula cannot name a retired indicator.
    const res = await send('PATCH', '/api/indicators/t15_double', {
      formula: 't15_episodes / t15_trained * 100',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error.message).toContain('ngừng sử dụng');
  });

  it('lets a province administrator add and change only the province’s own indicators', async () => {
    await json(
      send('POST', '/api/users', {
        username: USER,
        displayName: 'Quản trị Sơn La',
        role: 'admin',
        jurisdiction: [SCOPE],
        password: 'mat-khau-son-la-15',
      }),
      201,
    );
    const res = await ctx.raw.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: USER, password: 'mat-khau-son-la-15' }),
    });
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    const cookie = /pcmt_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1] ?? '';
    const province = {
      username: USER,
      request: async (path: string, init: RequestInit = {}) => {
        const headers = new Headers(init.headers);
        headers.set('cookie', `pcmt_session=${cookie}`);
        headers.set('x-csrf-token', csrfToken);
        return ctx.raw.request(path, { ...init, headers });
      },
    };
    const own = {
      code: 't15_own',
      nameVi: 'Mô hình xã điểm',
      unitVi: 'xã',
      kind: 'stock',
      sensitivity: 'public',
    };
    const national = await send('POST', '/api/indicators', { ...own, province: null }, province);
    expect(national.status).toBe(403);
    expect(((await national.json()) as ErrorBody).error.field).toBe('province');
    expect((await send('POST', '/api/indicators', { ...own, province: '01' }, province)).status).toBe(403);
    const created = await json<{ provinceCode: string }>(
      send('POST', '/api/indicators', { ...own, province: SCOPE }, province),
      201,
    );
    expect(created.provinceCode).toBe(SCOPE);
    // Public, never reported: the province's public page lists it with no data for every year, not 0.
    const summary = await json<{ indicators: Array<{ code: string; points: Array<{ value: unknown }> }> }>(
      (await ctx.as(null)).request(`/api/public/summary?province=${SCOPE}`),
    );
    const points = summary.indicators.find((i) => i.code === 't15_own')?.points ?? [];
    expect(points.length).toBeGreaterThan(0);
    expect(points.every((p) => p.value === null)).toBe(true);
    await json(send('PATCH', '/api/indicators/t15_own', { nameEn: 'Model communes' }, province));
    // National entries, and entries that do not exist, are refused alike.
    const onNational = await send('PATCH', '/api/indicators/managed_addicts', { nameEn: 'x' }, province);
    const onMissing = await send('PATCH', '/api/indicators/t15_khong_co', { nameEn: 'x' }, province);
    expect(onNational.status).toBe(403);
    expect(onMissing.status).toBe(403);
    expect((await send('POST', '/api/indicators/t15_trained/retire', undefined, province)).status).toBe(403);
    // Its template carries the province's own column; another province's does not.
    const sonLa = await (
      await ctx.app.request(
        `/api/imports/templates/values?period=2026-Q1&scope=${SCOPE}&layout=wide&format=csv`,
      )
    ).text();
    const haNoi = await (
      await ctx.app.request('/api/imports/templates/values?period=2026-Q1&scope=01&layout=wide&format=csv')
    ).text();
    expect(sonLa).toContain('(t15_own)');
    expect(haNoi).not.toContain('(t15_own)');
  });
});
