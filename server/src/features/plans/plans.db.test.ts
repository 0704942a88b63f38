import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine';
import { type ErrorJson, getJson } from '../../testing/http';
import { writableTestApp } from '../../testing/test-db';

/**
 * Plans and targets through the API on a database this file may write to. Codes start with "test-" so the
 * shared postgres database is left as it was (afterAll removes them).
 */

type Writable = Awaited<ReturnType<typeof writableTestApp>>;
let app: Writable['app'];
let as: Writable['as'];
let db: Database;
let close: Writable['close'];

beforeAll(async () => {
  ({ app, as, db, close } = await writableTestApp());
});

afterAll(async () => {
  await db.query(`delete from plans where code like 'test-%'`);
  await close();
});

const send = (method: string, path: string, body?: unknown, client = app) =>
  client.request(path, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

/** A valid plan for Sơn La (province 14 of today's units) with two targets. */
function sonLaPlan(code: string) {
  return {
    code,
    title: 'Kế hoạch thử nghiệm Sơn La',
    issuingBody: 'UBND tỉnh Sơn La',
    documentNo: '1/KH-TEST',
    issuedOn: '2025-09-01',
    scope: { code: '14', validOn: '2026-01-01' },
    periodStart: '2025-07-01',
    periodEnd: '2026-12-31',
    targets: [
      {
        code: 'khong-ma-tuy-30',
        title: '30 % xã không ma túy',
        definition: { kind: 'status_share', statuses: ['khong_ma_tuy'], threshold: 30 },
        deadline: '2026-12-31',
        isPublic: true,
      },
      {
        code: 'cai-bat-buoc',
        title: 'Mỗi xã đưa ít nhất 1 người vào cai nghiện bắt buộc',
        definition: {
          kind: 'count',
          indicator: 'rehab_compulsory',
          threshold: 1,
          window: { from: '2025-07-01' },
          eachChild: true,
        },
        deadline: '2026-12-31',
      },
    ],
  };
}

interface PlanJson {
  plan: {
    id: number;
    code: string;
    scope: { code: string; level: string; validTo: string | null } | null;
    targets: Array<{ id: number; code: string; isPublic: boolean; definition: Record<string, unknown> }>;
  };
}

interface ProgressJson {
  progress: Array<{
    target: string;
    progress: {
      status: string;
      current: number | null;
      children: { met: number; total: number } | null;
      projection: { method: string; descriptionVi: string };
    };
  }>;
}

const planCount = async () => (await db.query<{ n: number }>(`select count(*)::int as n from plans`))[0]?.n;

describe('plans: the seed plans', () => {
  it('lists the seed plans with their scopes, a pre-2025 district among them', async () => {
    const body = await getJson<{
      rows: Array<{
        code: string;
        title: string;
        documentNo: string;
        issuedOn: string;
        targetCount: number;
        scope: PlanJson['plan']['scope'];
      }>;
    }>(app, '/api/plans');
    const byCode = new Map(body.rows.map((r) => [r.code, r]));
    for (const code of [
      'dong-thap-2023',
      'kon-tum-2019-2020',
      'quang-binh-2025',
      'bac-tu-liem-2020',
      'quoc-gia-2030',
      'son-la-bao-cao-2021',
      'son-la-lo-trinh-2030',
    ])
      expect(byCode.has(code), code).toBe(true);
    expect(byCode.get('bac-tu-liem-2020')?.scope).toMatchObject({ level: 'district', validTo: '2025-07-01' });
    expect(byCode.get('quoc-gia-2030')?.scope).toBeNull();
    expect(byCode.get('quoc-gia-2030')?.targetCount).toBe(5);
    // Document numbers and dates as the seeds give them.
    expect(byCode.get('kon-tum-2019-2020')).toMatchObject({
      documentNo: '2632/KH-UBND',
      issuedOn: '2019-10-10',
    });
    expect(byCode.get('bac-tu-liem-2020')).toMatchObject({
      documentNo: '165/KH-BCĐ',
      issuedOn: '2020-03-18',
    });
    expect(byCode.get('quang-binh-2025')?.title).toContain(
      'Nâng cao hiệu quả công tác cai nghiện ma túy và phòng ngừa nghiện ma túy',
    );
  });
});

describe('plans: create, read, replace, delete', () => {
  it('creates a plan with its targets, audited, and computes their progress', async () => {
    const res = await send('POST', '/api/plans', sonLaPlan('test-son-la'));
    expect(res.status, await res.clone().text()).toBe(201);
    const created = (await res.json()) as PlanJson;
    expect(created.plan.scope).toMatchObject({ code: '14', level: 'province', validTo: null });
    expect(created.plan.targets.map((t) => t.code)).toEqual(['khong-ma-tuy-30', 'cai-bat-buoc']);
    // Defaults of the contract are stored, so the computation never guesses.
    expect(created.plan.targets[0]?.definition).toMatchObject({ op: 'gte', eachChild: false });

    const audit = await db.query<{ action: string; actor: string }>(
      `select action, actor from audit_log where entity = 'plan' and entity_id = $1`,
      [String(created.plan.id)],
    );
    // The actor is whoever actorOf names (the signed-in user once accounts exist): never blank.
    expect(audit.map((a) => a.action)).toEqual(['create']);
    expect(audit[0]?.actor).toMatch(/\S/);

    const body = await getJson<ProgressJson>(app, '/api/plans/test-son-la?asOf=2026-06-30');
    const share = body.progress.find((p) => p.target === 'khong-ma-tuy-30')?.progress;
    expect(share?.status).not.toBe('no_data');
    expect(share?.current).toBeGreaterThanOrEqual(0);
    expect(share?.projection.method).toBe('linear_trend');
    const each = body.progress.find((p) => p.target === 'cai-bat-buoc')?.progress;
    // Every commune of Sơn La is a child: met + not met = communes with data.
    const communes = await db.query<{ n: number }>(
      `select count(*)::int as n from admin_units where level = 'commune' and province_code = '14' and valid_to is null`,
    );
    expect(each?.children?.total).toBe(communes[0]?.n);
  });

  it('refuses a second plan with the same code (409) and changes nothing', async () => {
    const before = await planCount();
    const res = await send('POST', '/api/plans', sonLaPlan('test-son-la'));
    expect(res.status).toBe(409);
    const body = (await res.json()) as ErrorJson & { error: { messageCode?: string } };
    // Said in Vietnamese from the server's message catalogue, naming the field.
    expect(body.error).toMatchObject({
      field: 'code',
      messageCode: 'plan.code_exists',
      message: 'code: đã có kế hoạch mã test-son-la',
    });
    expect(await planCount()).toBe(before);
  });

  it('a missing plan, target or unit is refused in Vietnamese (404 naming it)', async () => {
    const plan = (await (await send('GET', '/api/plans/test-khong-co')).json()) as ErrorJson;
    expect(plan.error.message).toBe('code: không có kế hoạch mã test-khong-co');
    const target = await send('DELETE', '/api/plans/test-son-la/targets/khong-co');
    expect(target.status).toBe(404);
    expect(((await target.json()) as ErrorJson).error.message).toBe(
      'target: kế hoạch test-son-la không có chỉ tiêu mã khong-co',
    );
    const unit = (await (
      await send('GET', '/api/plans/test-son-la/scorecard?unit=99999&asOf=2026-06-30')
    ).json()) as ErrorJson;
    expect(unit.error.message).toBe('unit: không có đơn vị mã 99999 còn hiệu lực ngày 30/06/2026');
  });

  it('replaces a plan: targets matched by code keep their ids, others are added or removed', async () => {
    const before = (await getJson<PlanJson>(app, '/api/plans/test-son-la?asOf=2026-06-30')) as unknown as {
      plan: PlanJson['plan'];
    };
    const kept = before.plan.targets.find((t) => t.code === 'khong-ma-tuy-30');
    const original = sonLaPlan('test-son-la');
    const next = {
      ...original,
      title: 'Kế hoạch thử nghiệm Sơn La (sửa)',
      targets: [
        { ...original.targets[0], isPublic: false },
        {
          code: 'methadone',
          title: 'Methadone 500 người',
          definition: { kind: 'cumulative', indicator: 'methadone_patients', threshold: 500 },
          deadline: '2026-12-31',
          isPublic: false,
        },
      ],
    };
    const res = await send('PUT', '/api/plans/test-son-la', next);
    expect(res.status, await res.clone().text()).toBe(200);
    const after = (await res.json()) as PlanJson;
    expect(after.plan.targets.map((t) => t.code)).toEqual(['khong-ma-tuy-30', 'methadone']);
    expect(after.plan.targets[0]).toMatchObject({ id: kept?.id, isPublic: false });
  });

  it('adds, replaces and deletes one target', async () => {
    const target = {
      code: 'triet-xoa',
      title: 'Triệt xóa 10 % điểm, tụ điểm',
      definition: { kind: 'hotspot_elimination', minPct: 10, window: { from: '2026-01-01' } },
      deadline: '2026-12-31',
    };
    expect((await send('POST', '/api/plans/test-son-la/targets', target)).status).toBe(201);
    expect((await send('POST', '/api/plans/test-son-la/targets', target)).status).toBe(409);
    const put = await send('PUT', '/api/plans/test-son-la/targets/triet-xoa', {
      ...target,
      title: 'Triệt xóa 15 %',
      definition: { ...target.definition, minPct: 15 },
    });
    expect(put.status).toBe(200);
    const plan = ((await put.json()) as PlanJson).plan;
    expect(plan.targets.find((t) => t.code === 'triet-xoa')?.definition).toMatchObject({ minPct: 15 });
    expect((await send('DELETE', '/api/plans/test-son-la/targets/triet-xoa')).status).toBe(200);
    expect((await send('DELETE', '/api/plans/test-son-la/targets/triet-xoa')).status).toBe(404);
    const audit = await db.query<{ action: string }>(
      `select action from audit_log where entity = 'plan_target' and entity_id = 'test-son-la/triet-xoa' order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
  });

  it('deletes a plan with its targets', async () => {
    expect((await send('POST', '/api/plans', sonLaPlan('test-to-delete'))).status).toBe(201);
    expect((await send('DELETE', '/api/plans/test-to-delete')).status).toBe(200);
    await getJson(app, '/api/plans/test-to-delete', 404);
    const orphans = await db.query(
      `select 1 from plan_targets t where not exists (select 1 from plans p where p.id = t.plan_id)`,
    );
    expect(orphans).toHaveLength(0);
  });
});

describe('plans: bad input answers 400 naming the field, and writes nothing', () => {
  const withTarget = (i: number, patch: (t: Record<string, unknown>) => Record<string, unknown>) => {
    const plan = sonLaPlan('test-invalid');
    const targets = plan.targets.map((t, k) =>
      k === i ? patch(t as unknown as Record<string, unknown>) : t,
    );
    return { ...plan, targets };
  };
  const cases: Array<[string, unknown, string]> = [
    [
      'a negative threshold',
      withTarget(1, (t) => ({ ...t, definition: { ...(t.definition as object), threshold: -3 } })),
      'targets[1].definition.threshold',
    ],
    [
      'an unknown kind',
      withTarget(0, (t) => ({ ...t, definition: { kind: 'wishes', threshold: 3 } })),
      'targets[0].definition.kind',
    ],
    [
      'an unknown indicator',
      withTarget(1, (t) => ({
        ...t,
        definition: { ...(t.definition as object), indicator: 'no_such_indicator' },
      })),
      'targets[1].definition.indicator',
    ],
    [
      'a stock counted as a flow',
      withTarget(1, (t) => ({
        ...t,
        definition: { ...(t.definition as object), indicator: 'managed_addicts' },
      })),
      'targets[1].definition.indicator',
    ],
    [
      'a deadline that is not a date',
      withTarget(0, (t) => ({ ...t, deadline: '2026-02-30' })),
      'targets[0].deadline',
    ],
    ['a duplicate target code', withTarget(1, (t) => ({ ...t, code: 'khong-ma-tuy-30' })), 'targets[1].code'],
    [
      'a range the wrong way round',
      withTarget(0, (t) => ({
        ...t,
        definition: { kind: 'hotspot_elimination', minPct: 10, maxPct: 5, window: { from: '2025-07-01' } },
      })),
      'targets[0].definition.maxPct',
    ],
    [
      'a commune to keep that does not exist',
      withTarget(0, (t) => ({
        ...t,
        definition: {
          kind: 'keep_status',
          units: { type: 'codes', codes: ['04045', '99999'], validOn: '2026-01-15' },
          statuses: ['khong_ma_tuy'],
        },
      })),
      'targets[0].definition.units.codes[1]',
    ],
    [
      'a period ending before it starts',
      { ...sonLaPlan('test-invalid'), periodEnd: '2024-01-01' },
      'periodEnd',
    ],
    [
      'an unknown scope',
      { ...sonLaPlan('test-invalid'), scope: { code: '77', validOn: '2026-01-01' } },
      'scope.code',
    ],
    ['a missing title', { ...sonLaPlan('test-invalid'), title: undefined }, 'title'],
    [
      'a roadmap naming one year twice',
      withTarget(0, (t) => ({
        ...t,
        definition: {
          kind: 'roadmap',
          measure: { type: 'status_count', statuses: ['khong_ma_tuy'] },
          milestones: [
            { year: 2026, value: 12 },
            { year: 2026, value: 18 },
          ],
        },
      })),
      'targets[0].definition.milestones[1].year',
    ],
    [
      'a roadmap share above 100 %',
      withTarget(0, (t) => ({
        ...t,
        definition: {
          kind: 'roadmap',
          measure: { type: 'status_share', statuses: ['khong_ma_tuy'] },
          milestones: [{ year: 2026, value: 130 }],
        },
      })),
      'targets[0].definition.milestones[0].value',
    ],
    [
      'a named list with a commune that does not exist',
      withTarget(0, (t) => ({
        ...t,
        definition: {
          kind: 'named_units',
          codes: ['04045', '99999'],
          validOn: '2026-01-15',
          statuses: ['khong_ma_tuy'],
        },
      })),
      'targets[0].definition.codes[1]',
    ],
    [
      'a yearly change starting after the deadline',
      withTarget(0, (t) => ({
        ...t,
        definition: {
          kind: 'yearly_change',
          measure: { type: 'indicator', indicator: 'managed_addicts' },
          limit: 'max_growth',
          pct: 1,
          fromYear: 2031,
        },
      })),
      'targets[0].definition.fromYear',
    ],
  ];
  it.each(cases)('%s', async (_, body, field) => {
    const before = await planCount();
    const res = await send('POST', '/api/plans', body);
    const error = ((await res.json()) as ErrorJson).error;
    expect(res.status, JSON.stringify(error)).toBe(400);
    expect(error.field).toBe(field);
    expect(error.message).toContain(field);
    // Said in Vietnamese: no English sentence after the field.
    expect(error.message).not.toMatch(/\b(is|must|the|no) [a-z]+/);
    expect(await planCount()).toBe(before);
  });
});

describe('plans: access', () => {
  it('reads need a signed-in user and writes the planning audience', async () => {
    const anonymous = await as(null);
    expect((await anonymous.request('/api/plans')).status).toBe(401);
    const police = await as('congan.sonla');
    expect((await police.request('/api/plans')).status).toBe(200);
    expect((await send('POST', '/api/plans', sonLaPlan('test-by-police'), police)).status).toBe(403);
    const committee = await as('bcd.quocgia');
    const res = await send('POST', '/api/plans', sonLaPlan('test-by-committee'), committee);
    expect(res.status).toBe(201);
  });
});
