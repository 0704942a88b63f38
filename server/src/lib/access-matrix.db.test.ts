import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mayReach } from '../features/auth/roles';
import { signIn, type TestClient, testApp, testEngine } from '../testing/test-db';
import { ROUTE_ACCESS, routeKey } from './access';
import { DATA_NAMING_FIELDS, type NamedInput, ROUTE_DATA } from './data-guard';
import { insertJob } from './jobs.repo';

/**
 * The authorization matrix: every API route the app registers × every role (and a user of another
 * jurisdiction). Routes come from the app itself, so a new route without an access rule or without a
 * sample request here fails this test until someone decides who may call it.
 *
 * A sample is a request that is valid and inside Hà Nội (01). `foreign` is the same kind of request for
 * Sơn La (14): a Hà Nội user must be refused it. Writes are sent with an empty body: a caller who may
 * write gets 400 (validation, nothing changed), one who may not gets 401/403 before validation.
 */
interface Sample {
  /**
   * `{hotspot}`, `{commune}`, `{plan}`, `{target}`, `{briefing}` are replaced by a Hà Nội unit of the test
   * data (`{briefing}`: a briefing of Hà Nội views the setup creates).
   */
  path: string;
  /** The same request about Sơn La, which Hà Nội users may not read. */
  foreign?: string;
  body?: unknown;
  /** What a caller who may call the route gets, when not 2xx (GET) or 400 (write with an empty body). */
  status?: number;
}

const SAMPLES: Record<string, Sample> = {
  'GET /api/health': { path: '/api/health' },
  'GET /api/openapi.json': { path: '/api/openapi.json' },
  'GET /api/config': { path: '/api/config' },
  'GET /api/units': { path: '/api/units?level=commune&parent=01' },
  'GET /api/unit-versions': { path: '/api/unit-versions' },
  'GET /api/boundaries': { path: '/api/boundaries?level=commune&parent=01&at=2026-01-01' },
  'GET /api/tiles/:layer/:z/:x/:y': { path: '/api/tiles/provinces/5/25/14.mvt?at=2026-01-01' },
  'GET /api/indicators': { path: '/api/indicators' },
  'POST /api/indicators': { path: '/api/indicators', body: {} },
  'PATCH /api/indicators/:code': { path: '/api/indicators/managed_addicts', body: {} },
  'POST /api/indicators/:code/retire': { path: '/api/indicators/khong_co_chi_tieu/retire', status: 404 },
  'GET /api/values': {
    path: '/api/values?indicator=managed_addicts&period=2026-Q1&parent=01',
    foreign: '/api/values?indicator=managed_addicts&period=2026-Q1&parent=14',
  },
  'GET /api/values/missing': {
    path: '/api/values/missing?indicator=managed_addicts&period=2026-Q1&parent=01',
    foreign: '/api/values/missing?indicator=managed_addicts&period=2026-Q1&parent=14',
  },
  'GET /api/status': { path: '/api/status?period=2026-Q1&parent=01' },
  'GET /api/series': {
    path: '/api/series?unit=01&indicator=managed_addicts&from=2024&to=2025',
    foreign: '/api/series?unit=14&indicator=managed_addicts&from=2024&to=2025',
  },
  'GET /api/hotspots': { path: '/api/hotspots?at=2026-06-30' },
  'GET /api/hotspot-counts': {
    path: '/api/hotspot-counts?parent=01&at=2026-06-30',
    foreign: '/api/hotspot-counts?parent=14&at=2026-06-30',
  },
  'GET /api/public/summary': { path: '/api/public/summary?province=01' },
  'GET /api/public/preview.png': { path: '/api/public/preview.png?province=01' },
  'GET /api/hotspots/:code': { path: '/api/hotspots/{hotspot}', foreign: '/api/hotspots/{hotspot14}' },
  'POST /api/hotspots': { path: '/api/hotspots', body: {} },
  'PATCH /api/hotspots/:code': { path: '/api/hotspots/{hotspot}', body: {} },
  'POST /api/hotspots/:code/eliminate': { path: '/api/hotspots/{hotspot}/eliminate', body: {} },
  'POST /api/hotspots/:code/reopen': { path: '/api/hotspots/{hotspot}/reopen', body: {} },
  'GET /api/hotspot-eliminations': {
    path: '/api/hotspot-eliminations?year=2025&province=01',
    foreign: '/api/hotspot-eliminations?year=2025&province=14',
  },
  'GET /api/analysis/gi-star': {
    path: '/api/analysis/gi-star?province=01&indicator=managed_addicts&period=2025',
    foreign: '/api/analysis/gi-star?province=14&indicator=managed_addicts&period=2025',
  },
  'GET /api/analysis/local-moran': {
    path: '/api/analysis/local-moran?province=01&indicator=managed_addicts&period=2025&permutations=99',
    foreign: '/api/analysis/local-moran?province=14&indicator=managed_addicts&period=2025&permutations=99',
  },
  'GET /api/analysis/emerging-hotspots': {
    path: '/api/analysis/emerging-hotspots?province=01&indicator=managed_addicts&from=2024-Q1&to=2025-Q4',
    foreign: '/api/analysis/emerging-hotspots?province=14&indicator=managed_addicts&from=2024-Q1&to=2025-Q4',
  },
  'GET /api/analysis/hotspot-density': {
    path: '/api/analysis/hotspot-density?province=01',
    foreign: '/api/analysis/hotspot-density?province=14',
  },
  'GET /api/analysis/hotspot-clusters': {
    path: '/api/analysis/hotspot-clusters?province=01',
    foreign: '/api/analysis/hotspot-clusters?province=14',
  },
  'POST /api/patrol/plan': { path: '/api/patrol/plan', body: {} },
  'POST /api/patrol/plans': { path: '/api/patrol/plans', body: {} },
  'GET /api/patrol/plans/:id': { path: '/api/patrol/plans/999999', status: 404 },
  'GET /api/patrol/plans/:id/export': { path: '/api/patrol/plans/999999/export?format=gpx', status: 404 },
  'GET /api/patrol/sheet.css': { path: '/api/patrol/sheet.css' },
  'GET /api/patrol/plans/:id/sheet': { path: '/api/patrol/plans/999999/sheet', status: 404 },
  'GET /api/imports': { path: '/api/imports' },
  'GET /api/imports/templates/values': {
    path: '/api/imports/templates/values?period=2026-Q3&scope=01&format=csv',
  },
  // File uploads are multipart: a JSON body is refused as the wrong media type before anything is read.
  'POST /api/imports/values/preview': { path: '/api/imports/values/preview', body: {}, status: 415 },
  'POST /api/imports/values': { path: '/api/imports/values', body: {}, status: 415 },
  'POST /api/imports/values/:id/rollback': { path: '/api/imports/values/999999/rollback', status: 404 },
  'POST /api/imports/boundaries/preview': { path: '/api/imports/boundaries/preview', body: {}, status: 415 },
  'POST /api/imports/boundaries': { path: '/api/imports/boundaries', body: {}, status: 415 },
  'POST /api/imports/crosswalk': { path: '/api/imports/crosswalk', body: {}, status: 415 },
  'POST /api/imports/boundaries/:id/rollback': {
    path: '/api/imports/boundaries/999999/rollback',
    status: 404,
  },
  'POST /api/imports/crosswalk/:id/rollback': { path: '/api/imports/crosswalk/999999/rollback', status: 404 },
  'GET /api/plans': { path: '/api/plans' },
  // A national plan's figures cover every province: Hà Nội users may not read it.
  'GET /api/plans/:code': { path: '/api/plans/{plan}', foreign: '/api/plans/{nationalPlan}' },
  'POST /api/plans': { path: '/api/plans', body: {} },
  'PUT /api/plans/:code': { path: '/api/plans/{plan}', body: {} },
  'DELETE /api/plans/:code': { path: '/api/plans/no-such-plan', status: 404 },
  'POST /api/plans/:code/targets': { path: '/api/plans/{plan}/targets', body: {} },
  'PUT /api/plans/:code/targets/:target': { path: '/api/plans/{plan}/targets/{target}', body: {} },
  'DELETE /api/plans/:code/targets/:target': {
    path: '/api/plans/{plan}/targets/no-such-target',
    status: 404,
  },
  'GET /api/plans/:code/scorecard': {
    path: '/api/plans/{plan}/scorecard',
    foreign: '/api/plans/{nationalPlan}/scorecard',
  },
  'GET /api/plans/:code/targets/:target/detail': { path: '/api/plans/{plan}/targets/{target}/detail' },
  'GET /api/plans/:code/targets/:target/ranking': { path: '/api/plans/{plan}/targets/{target}/ranking' },
  'GET /api/status-rules': { path: '/api/status-rules' },
  'GET /api/status-rules/explain': {
    path: '/api/status-rules/explain?commune={commune}&period=2025',
    foreign: '/api/status-rules/explain?commune={commune14}&period=2025',
  },
  'GET /api/status-rules/differences': {
    path: '/api/status-rules/differences?period=2025&parent=01',
    foreign: '/api/status-rules/differences?period=2025&parent=14',
  },
  'GET /api/status-rules/:code': { path: '/api/status-rules/{ruleSet}' },
  'POST /api/status-rules/:code/versions': { path: '/api/status-rules/{ruleSet}/versions', body: {} },
  'GET /api/status-rule-proposals': { path: '/api/status-rule-proposals' },
  // A well-formed unknown id: Hà Nội has no proposal in the test data (Sơn La's is the foreign one).
  'GET /api/status-rule-proposals/:id': {
    path: '/api/status-rule-proposals/999999',
    foreign: '/api/status-rule-proposals/{proposal14}',
    status: 404,
  },
  'POST /api/status-rule-proposals': { path: '/api/status-rule-proposals', body: {} },
  'POST /api/status-rule-proposals/:id/accept': {
    path: '/api/status-rule-proposals/999999/accept',
    status: 404,
  },
  'POST /api/status-rule-proposals/:id/reject': {
    path: '/api/status-rule-proposals/999999/reject',
    body: {},
  },
  'GET /api/auth/session': { path: '/api/auth/session' },
  'GET /api/auth/demo': { path: '/api/auth/demo' },
  'POST /api/auth/login': { path: '/api/auth/login', body: {} },
  'POST /api/auth/logout': { path: '/api/auth/logout' },
  'POST /api/auth/password': { path: '/api/auth/password', body: {} },
  'GET /api/users': { path: '/api/users' },
  'POST /api/users': { path: '/api/users', body: {} },
  'PATCH /api/users/:id': { path: '/api/users/1', body: { role: 'no-such-role' } },
  'GET /api/audit': { path: '/api/audit?limit=5' },
  'GET /api/briefings': { path: '/api/briefings' },
  'POST /api/briefings': { path: '/api/briefings', body: {} },
  'GET /api/briefings/:id': { path: '/api/briefings/{briefing}', foreign: '/api/briefings/{briefing14}' },
  // Deleting the sample briefing would take it from the callers after this one: a well-formed unknown id.
  'DELETE /api/briefings/:id': { path: '/api/briefings/zzzzzzzzzz', status: 404 },
  'GET /api/briefings/:id/xlsx': {
    path: '/api/briefings/{briefing}/xlsx',
    foreign: '/api/briefings/{briefing14}/xlsx',
  },
  'GET /api/briefings/:id/pdf': {
    path: '/api/briefings/{briefing}/pdf?mat=1',
    foreign: '/api/briefings/{briefing14}/pdf',
  },
  // A job is its owner's: a well-formed id of no job (starting one would build the national weights).
  'POST /api/jobs/weights': { path: '/api/jobs/weights', body: { validFrom: '1900-01-01' }, status: 400 },
  'GET /api/jobs/:id': { path: '/api/jobs/zzzzzzzzzzzz', foreign: '/api/jobs/{jobOfOther}', status: 404 },
  'DELETE /api/jobs/:id': { path: '/api/jobs/zzzzzzzzzzzz', status: 404 },
  'GET /api/jobs/:id/file': {
    path: '/api/jobs/zzzzzzzzzzzz/file',
    foreign: '/api/jobs/{jobOfOther}/file',
    status: 404,
  },
  'POST /api/jobs/briefing': { path: '/api/jobs/briefing', body: {} },
  'POST /api/jobs/briefing-pdf': {
    path: '/api/jobs/briefing-pdf',
    body: { briefingId: 'zzzzzzzzzz' },
    status: 404,
  },
  'POST /api/exports/xlsx': { path: '/api/exports/xlsx', body: {} },
  'GET /api/reporting/forms': { path: '/api/reporting/forms' },
  'POST /api/reporting/forms': { path: '/api/reporting/forms', body: {} },
  'PUT /api/reporting/forms/:code': { path: '/api/reporting/forms/khong-co-bieu-mau', body: {} },
  'GET /api/reporting/entry': {
    path: '/api/reporting/entry?form={form}&commune={commune}&period=2026-Q1',
    foreign: '/api/reporting/entry?form={form}&commune={commune14}&period=2026-Q1',
  },
  'POST /api/reporting/submissions': { path: '/api/reporting/submissions', body: {} },
  'GET /api/reporting/submissions': {
    path: '/api/reporting/submissions?form={form}&period=2026-Q1&parent=01',
    foreign: '/api/reporting/submissions?form={form}&period=2026-Q1&parent=14',
  },
  // A well-formed unknown id: approving the sample report would change it for the callers after this one.
  'POST /api/reporting/submissions/:id/approve': {
    path: '/api/reporting/submissions/999999/approve',
    body: { comment: 'Mẫu ma trận' },
    status: 404,
  },
  'POST /api/reporting/submissions/:id/return': {
    path: '/api/reporting/submissions/999999/return',
    body: { comment: 'Mẫu ma trận' },
    status: 404,
  },
  'POST /api/reporting/submissions/:id/reopen': {
    path: '/api/reporting/submissions/999999/reopen',
    body: { comment: 'Mẫu ma trận' },
    status: 404,
  },
  'GET /api/reporting/completeness': {
    path: '/api/reporting/completeness?form={form}&period=2026-Q1&parent=01',
    foreign: '/api/reporting/completeness?form={form}&period=2026-Q1&parent=14',
  },
};

/** One account per role, all scoped to Hà Nội except the admin; null is the anonymous public. */
const CALLERS = {
  anonymous: null,
  admin: 'admin',
  committee: 'bcd.hanoi',
  police: 'congan.hanoi',
  data_officer: 'thongke.hanoi',
} as const;
type CallerName = keyof typeof CALLERS;

let app: Awaited<ReturnType<typeof testApp>>;
const clients = new Map<CallerName, TestClient>();
let routes: Array<{ key: string; method: string }>;
/** Every hotspot coordinate, rounded: none may appear in a body a non-police caller receives. */
let hotspotCoordinates: Set<string>;
let placeholders: Record<string, string> = {};
const fill = (path: string) => path.replace(/\{(\w+)\}/g, (_, k: string) => placeholders[k] ?? `{${k}}`);

beforeAll(async () => {
  app = await testApp();
  for (const [name, username] of Object.entries(CALLERS) as Array<[CallerName, string | null]>) {
    clients.set(name, await signIn(app.raw, username));
  }
  const seen = new Set<string>();
  routes = [];
  for (const r of app.raw.routes) {
    if (r.method === 'ALL' || !r.path.startsWith('/api/')) continue;
    const key = routeKey(r.method, r.path);
    if (seen.has(key)) continue;
    seen.add(key);
    routes.push({ key, method: r.method });
  }
  const first = async (sql: string) => {
    const [row] = await app.db.query<{ v: string }>(sql);
    if (!row) throw new Error(`no sample value for: ${sql}`);
    return row.v;
  };
  const hotspotOf = (province: string) =>
    first(`select h.code as v from hotspots h join admin_units u on u.level = 'commune' and u.code = h.commune_code
            and u.valid_to is null where u.province_code = '${province}' order by h.code limit 1`);
  const communeOf = (province: string) =>
    first(`select code as v from admin_units where level = 'commune' and valid_to is null
            and province_code = '${province}' order by code limit 1`);
  placeholders = {
    hotspot: await hotspotOf('01'),
    hotspot14: await hotspotOf('14'),
    commune: await communeOf('01'),
    commune14: await communeOf('14'),
    plan: await first(`select p.code as v from plans p join admin_units u on u.id = p.scope_unit_id
                        where u.province_code = '01' order by p.code limit 1`),
    target: await first(`select t.code as v from plan_targets t join plans p on p.id = t.plan_id
                          join admin_units u on u.id = p.scope_unit_id where u.province_code = '01'
                          order by p.code, t.sort_order limit 1`),
    nationalPlan: await first(
      `select code as v from plans where scope_unit_id is null order by code limit 1`,
    ),
    ruleSet: await first(`select code as v from status_rule_sets order by code limit 1`),
    briefing: await createBriefing('01'),
    briefing14: await createBriefing('14'),
  };
  placeholders.patrolPlan14 = await createPatrolPlan(
    await first(`select h.code as v from hotspots h join admin_units u on u.level = 'commune'
                  and u.code = h.commune_code and u.valid_to is null
                 where u.province_code = '14' and h.eliminated_on is null and h.detected_on <= '2026-01-01'
                 order by h.code limit 1`),
  );
  placeholders.import14 = await createValuesImport('14');
  // A job someone else (a script) started.
  placeholders.jobOfOther = 'otherjob0001';
  await insertJob(app.db, {
    id: placeholders.jobOfOther,
    kind: 'test',
    ownerUserId: null,
    ownerName: 'cli:test',
    stage: 'Đang chạy',
    params: {},
  });
  placeholders.form = await createReportForm();
  placeholders.submission14 = await createSubmission(placeholders.form, '14');
  placeholders.proposal14 = await createRuleProposal('14');
  const points = await app.db.query<{ x: number; y: number }>(
    `select st_x(geom) as x, st_y(geom) as y from hotspots`,
  );
  hotspotCoordinates = new Set(points.map((p) => `${p.x.toFixed(5)},${p.y.toFixed(5)}`));
});

/** A briefing of one province (a status view and an indicator view), created by the admin for the samples. */
async function createBriefing(province: string): Promise<string> {
  const res = await app.app.request('/api/briefings', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      title: `Mẫu ${province}`,
      views: [
        { title: 'Tình trạng', province, period: '2025-Q4' },
        { title: 'Người nghiện', province, period: '2025-Q4', indicator: 'managed_addicts' },
      ],
    }),
  });
  const body = (await res.json()) as { id?: string };
  if (res.status !== 201 || !body.id)
    throw new Error(`sample briefing: ${res.status} ${JSON.stringify(body)}`);
  return body.id;
}

/** A saved patrol plan of one hotspot (the admin's), for the foreign samples. */
async function createPatrolPlan(hotspot: string): Promise<string> {
  const res = await app.app.request('/api/patrol/plans', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'Mẫu',
      date: '2026-01-15',
      shiftStart: '20:00',
      shiftEnd: '23:00',
      hotspotCodes: [hotspot],
    }),
  });
  const body = (await res.json()) as { id?: number };
  if (res.status !== 201 || !body.id)
    throw new Error(`sample patrol plan: ${res.status} ${JSON.stringify(body)}`);
  return String(body.id);
}

/** A committed values import that changed one value of a commune of `province` (written directly). */
async function createValuesImport(province: string): Promise<string> {
  const [row] = await app.db.query<{ id: number }>(
    `insert into imports (kind, file_name, file_sha256, target, actor, summary)
     values ('values', 'mau.xlsx', 'test-matrix', '2025-Q4', 'admin', '{}'::jsonb) returning id`,
  );
  if (!row) throw new Error('sample import');
  await app.db.query(
    `insert into import_value_changes (import_id, indicator_code, period_id, unit_id, new_value)
     select $1, 'managed_addicts', '2025-Q4', id, 1 from admin_units
      where level = 'commune' and valid_to is null and province_code = $2 order by code limit 1`,
    [row.id, province],
  );
  return String(row.id);
}

/** A quarterly report form of one indicator (written directly; its code is this file's own). */
async function createReportForm(): Promise<string> {
  const code = `ma-tran-${testEngine()}-${process.pid}`;
  await app.db.query(
    `insert into report_forms (code, name_vi, period_kind, items, created_by)
     values ($1, 'Mẫu ma trận', 'quarter', '["managed_addicts"]'::jsonb, 'admin')`,
    [code],
  );
  return code;
}

/** A pending proposal of `province` on the first rule set, its rules unchanged (written directly). */
async function createRuleProposal(province: string): Promise<string> {
  const [row] = await app.db.query<{ id: number }>(
    `insert into status_rule_proposals (rule_set_code, base_version, province_code, rules, reason, proposed_by)
     select code, version, $1, rules, 'Mẫu ma trận', 'admin' from status_rule_sets
      order by code, version desc limit 1
     returning id`,
    [province],
  );
  if (!row) throw new Error('sample rule proposal');
  return String(row.id);
}

/** A draft report of that form by the first commune of `province`. */
async function createSubmission(form: string, province: string): Promise<string> {
  const [row] = await app.db.query<{ id: number }>(
    `insert into report_submissions (form_code, unit_id, period_id, values, updated_by)
     select $1, id, '2026-Q1', '{}'::jsonb, 'admin' from admin_units
      where level = 'commune' and valid_to is null and province_code = $2 order by code limit 1
     returning id`,
    [form, province],
  );
  if (!row) throw new Error('sample submission');
  return String(row.id);
}

afterAll(async () => {
  await app.db.query(`delete from report_submissions where form_code = $1`, [placeholders.form]);
  await app.db.query(`delete from report_forms where code = $1`, [placeholders.form]);
  // The briefings are the only other rows this file adds to the worker's shared database.
  await app.db.query(`delete from briefings where id = any($1::text[])`, [
    [placeholders.briefing, placeholders.briefing14],
  ]);
  await app.db.query(`delete from patrol_plans where id = $1`, [Number(placeholders.patrolPlan14)]);
  await app.db.query(`delete from imports where id = $1`, [Number(placeholders.import14)]);
  await app.db.query(`delete from status_rule_proposals where id = $1`, [Number(placeholders.proposal14)]);
  await app.db.query('delete from jobs where id = $1', [placeholders.jobOfOther]);
  if (testEngine() === 'postgres') await app.db.query(`delete from sessions`);
});

function send(client: TestClient, method: string, sample: Sample, path = fill(sample.path)) {
  const init: RequestInit = { method };
  if (method !== 'GET') {
    init.headers = { 'content-type': 'application/json' };
    init.body = sample.body === undefined ? undefined : JSON.stringify(sample.body);
  }
  return client.request(path, init);
}

/** Coordinate pairs in a JSON body that are a hotspot's position (to 5 decimals, about a metre). */
function leakedCoordinates(body: string): string[] {
  const leaked: string[] = [];
  for (const m of body.matchAll(/\[\s*(-?\d+\.\d+)\s*,\s*(-?\d+\.\d+)\s*\]/g)) {
    const pair = `${Number(m[1]).toFixed(5)},${Number(m[2]).toFixed(5)}`;
    if (hotspotCoordinates.has(pair)) leaked.push(pair);
  }
  return leaked;
}

describe('the authorization matrix', () => {
  it('has an access rule and a sample request for every API route', () => {
    expect(routes.length).toBeGreaterThan(15);
    const missingRule = routes.filter((r) => !ROUTE_ACCESS[r.key]).map((r) => r.key);
    const missingSample = routes.filter((r) => !SAMPLES[r.key]).map((r) => r.key);
    expect(missingRule, 'routes without a rule in ROUTE_ACCESS').toEqual([]);
    expect(missingSample, 'routes without a sample request in this test').toEqual([]);
  });

  for (const caller of Object.keys(CALLERS) as CallerName[]) {
    it(`answers ${caller} on every route as the rules say, and leaks no hotspot coordinate`, async () => {
      const client = clients.get(caller);
      if (!client) throw new Error(`no client for ${caller}`);
      const role = caller === 'anonymous' ? null : caller;
      const problems: string[] = [];
      // Sign-out last: it ends the caller's session.
      const ordered = [...routes].sort(
        (a, b) => Number(a.key.endsWith('logout')) - Number(b.key.endsWith('logout')),
      );
      for (const route of ordered) {
        const sample = SAMPLES[route.key];
        const audience = ROUTE_ACCESS[route.key];
        if (!sample || !audience) continue;
        const res = await send(client, route.method, sample);
        const body = await res.text();
        const allowed = mayReach(role, audience);
        if (!allowed) {
          const expected = role === null ? 401 : 403;
          if (res.status !== expected) problems.push(`${route.key}: ${res.status}, expected ${expected}`);
          continue;
        }
        if (res.status === 401 || res.status === 403 || res.status >= 500) {
          problems.push(`${route.key}: ${res.status} ${body.slice(0, 160)}`);
        }
        if (sample.status !== undefined) {
          if (res.status !== sample.status)
            problems.push(`${route.key}: ${res.status}, expected ${sample.status}`);
        } else if (route.method === 'GET' && res.status >= 400) {
          problems.push(`${route.key}: ${res.status} on a valid sample ${body.slice(0, 120)}`);
        } else if (route.method !== 'GET' && !route.key.endsWith('logout') && res.status !== 400) {
          problems.push(`${route.key}: ${res.status} for an empty body, expected 400`);
        }
        if (role !== 'police' && role !== 'admin' && res.status === 200) {
          const leaked = leakedCoordinates(body);
          if (leaked.length > 0)
            problems.push(`${route.key}: hotspot coordinates in the body (${leaked[0]})`);
        }
      }
      expect(problems).toEqual([]);
    });
  }

  it('refuses users data of units outside their jurisdiction', async () => {
    const problems: string[] = [];
    for (const caller of ['committee', 'police', 'data_officer'] as const) {
      // A fresh session: the matrix above ended each caller's session with its sign-out sample.
      const client = await signIn(app.raw, CALLERS[caller]);
      for (const [key, sample] of Object.entries(SAMPLES)) {
        const audience = ROUTE_ACCESS[key];
        if (!sample.foreign || !audience || !mayReach(caller, audience)) continue;
        const res = await client.request(fill(sample.foreign));
        if (res.status !== 403 && res.status !== 404)
          problems.push(`${caller} ${key}: ${res.status} for Sơn La`);
      }
    }
    expect(problems).toEqual([]);
  });
});

/**
 * Values of each kind of named data: one of Sơn La (outside every Hà Nội caller's jurisdiction) and one
 * that does not exist. The guard must refuse both with the same answer, so a caller cannot tell them apart.
 */
const OUTSIDE: Record<NamedInput['kind'], { foreign: string; missing: string }> = {
  unit: { foreign: '14', missing: '98' },
  area: { foreign: '14', missing: '98' },
  province: { foreign: '14', missing: '98' },
  commune: { foreign: '{commune14}', missing: '99999' },
  grant: { foreign: '14', missing: '98' },
  plan: { foreign: '{nationalPlan}', missing: 'khong-co-ke-hoach' },
  hotspot: { foreign: '{hotspot14}', missing: 'HS-99999-999' },
  briefing: { foreign: '{briefing14}', missing: 'zzzzzzzzzz' },
  patrolPlan: { foreign: '{patrolPlan14}', missing: '999999' },
  valuesImport: { foreign: '{import14}', missing: '999999' },
  unitsImport: { foreign: '999998', missing: '999999' },
  ruleSetWrite: { foreign: '{ruleSet}', missing: 'khong-co-bo-tieu-chi' },
  // A national entry: outside every province's grant, as a code that does not exist.
  indicatorWrite: { foreign: 'managed_addicts', missing: 'khong_co_chi_tieu' },
  job: { foreign: '{jobOfOther}', missing: 'zzzzzzzzzzzz' },
  submission: { foreign: '{submission14}', missing: '999999' },
  ruleProposal: { foreign: '{proposal14}', missing: '999999' },
};

/** A JSON body holding only `value` at a guard field path (`views[].province` → {views:[{province}]}). */
function bodyWith(path: string, value: string): unknown {
  const [step, ...rest] = path.split('.');
  if (step === undefined) return value;
  const inner = rest.length === 0 ? value : bodyWith(rest.join('.'), value);
  return step.endsWith('[]') ? { [step.slice(0, -2)]: [inner] } : { [step]: inner };
}

/** The sample request of a route with one named input set to `value`. */
function requestWith(key: string, input: NamedInput, value: string): { path: string; body?: unknown } {
  const sample = SAMPLES[key];
  if (!sample) throw new Error(`no sample for ${key}`);
  const url = new URL(fill(sample.path), 'http://x');
  if (input.in === 'query') url.searchParams.set(input.field, value);
  if (input.in === 'param') {
    const pattern = key.slice(key.indexOf(' ') + 1).split('/');
    const segments = url.pathname.split('/');
    const at = pattern.indexOf(`:${input.field}`);
    if (at < 0) throw new Error(`${key} has no path parameter ${input.field}`);
    segments[at] = encodeURIComponent(value);
    url.pathname = segments.join('/');
  }
  const body = input.in === 'body' ? bodyWith(input.field, value) : sample.body;
  return { path: url.pathname + url.search, ...(body === undefined ? {} : { body }) };
}

describe('jurisdiction of every input that names data (generated from the route table)', () => {
  interface OpenApiOp {
    parameters?: Array<{ name: string; in: string }>;
    requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
  }

  it('lists every data-naming parameter and body field of every staff route in the guard', async () => {
    const doc = (await (await app.app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, OpenApiOp>>;
    };
    // Inputs that name data but need no jurisdiction check, each with the reason.
    const exempt: Record<string, string> = {
      // Rule sets are national and public reading (the criteria of QĐ 28/2025).
      'GET /api/status-rules/:code code': 'reading a rule set',
      // A target code is looked up inside the plan the guard checked.
      'GET /api/plans/:code/targets/:target/detail target': 'inside the plan',
      'GET /api/plans/:code/targets/:target/ranking target': 'inside the plan',
      'PUT /api/plans/:code/targets/:target target': 'inside the plan',
      'DELETE /api/plans/:code/targets/:target target': 'inside the plan',
      // A new plan's own code and the codes of its targets are chosen by its author.
      'POST /api/plans code': 'new code',
      'PUT /api/plans/:code code': 'checked as the path parameter',
      'POST /api/plans/:code/targets code': 'new code',
      'PUT /api/plans/:code/targets/:target code': 'new code',
      'PUT /api/plans/:code definition': 'inside targets[]',
      'POST /api/plans definition': 'inside targets[]',
      'POST /api/plans targets': 'checked as targets[].definition.units.codes[]',
      'PUT /api/plans/:code targets': 'checked as targets[].definition.units.codes[]',
      'POST /api/plans scope': 'checked as scope.code',
      'PUT /api/plans/:code scope': 'checked as scope.code',
      'POST /api/plans/:code/targets definition': 'checked as definition.units.codes[]',
      'PUT /api/plans/:code/targets/:target definition': 'checked as definition.units.codes[]',
      'POST /api/briefings views': 'checked as views[].province',
      // A new indicator's own code is chosen by its author.
      'POST /api/indicators code': 'new code',
      // The account being changed: accounts are the (national) administrator's.
      'PATCH /api/users/:id id': 'an account, admin only',
      // A new report form's own code is chosen by its author.
      'POST /api/reporting/forms code': 'new code',
      // A report form: forms are the (national) administrator's, like accounts.
      'PUT /api/reporting/forms/:code code': 'a report form, admin only',
    };
    const missing: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const key = routeKey(method.toUpperCase(), path.replace(/\{(\w+)\}/g, ':$1'));
        if (ROUTE_ACCESS[key] === 'public' || key.includes('/api/auth/')) continue;
        const listed = ROUTE_DATA[key] ?? [];
        const names = [
          ...(op.parameters ?? []).map((p) => p.name),
          ...Object.keys(op.requestBody?.content?.['application/json']?.schema?.properties ?? {}),
        ];
        for (const name of names) {
          if (!(DATA_NAMING_FIELDS as readonly string[]).includes(name)) continue;
          const covered = listed.some(
            (i) => i.field === name || i.field.startsWith(`${name}.`) || i.field.startsWith(`${name}[`),
          );
          if (!covered && !exempt[`${key} ${name}`]) missing.push(`${key} ${name}`);
        }
      }
    }
    expect(missing, 'inputs that name data but are not checked by the data guard').toEqual([]);
  });

  it('refuses data outside the jurisdiction exactly as data that does not exist, for every role', async () => {
    const problems: string[] = [];
    let checked = 0;
    const sessions = new Map<CallerName, TestClient>();
    for (const caller of ['committee', 'police', 'data_officer'] as const) {
      sessions.set(caller, await signIn(app.raw, CALLERS[caller]));
    }
    for (const [key, inputs] of Object.entries(ROUTE_DATA)) {
      const audience = ROUTE_ACCESS[key];
      if (!audience) {
        problems.push(`${key}: in the guard but not in the route table`);
        continue;
      }
      const method = key.slice(0, key.indexOf(' '));
      for (const caller of ['committee', 'police', 'data_officer'] as const) {
        if (!mayReach(caller, audience)) continue;
        const client = sessions.get(caller);
        if (!client) continue;
        for (const input of inputs) {
          const answers: Array<{ status: number; message: string }> = [];
          for (const which of ['foreign', 'missing'] as const) {
            const value = fill(OUTSIDE[input.kind][which]);
            const req = requestWith(key, input, value);
            const init: RequestInit = { method };
            if (method !== 'GET') {
              init.headers = { 'content-type': 'application/json' };
              if (req.body !== undefined) init.body = JSON.stringify(req.body);
            }
            const res = await client.request(req.path, init);
            const body = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
            answers.push({ status: res.status, message: (body.error?.message ?? '').replace(value, '…') });
          }
          checked++;
          const [foreign, missing] = answers;
          const what = `${caller} ${key} ${input.in}:${input.field}`;
          if (!foreign || !missing) continue;
          if (foreign.status !== 403 && foreign.status !== 404)
            problems.push(`${what}: ${foreign.status} for Sơn La's (${foreign.message})`);
          if (foreign.status !== missing.status || foreign.message !== missing.message)
            problems.push(
              `${what}: Sơn La's → ${foreign.status} "${foreign.message}", none → ${missing.status} "${missing.message}"`,
            );
        }
      }
    }
    expect(checked).toBeGreaterThan(60);
    expect(problems).toEqual([]);
  });

  it('ranks only the units of the caller’s jurisdiction', async () => {
    const client = await signIn(app.raw, CALLERS.committee);
    const res = await client.request(fill('/api/plans/{plan}/targets/{target}/ranking'));
    expect(res.status).toBe(200);
    const { rows } = (await res.json()) as { rows: Array<{ code: string }> };
    expect(rows.map((r) => r.code)).toEqual(['01']);
  });

  it('lists only imports of the caller’s jurisdiction, and rolls back none outside it', async () => {
    const client = await signIn(app.raw, CALLERS.data_officer);
    const { rows } = (await (await client.request('/api/imports')).json()) as { rows: Array<{ id: number }> };
    expect(rows.map((r) => String(r.id))).not.toContain(placeholders.import14);
    const res = await client.request(`/api/imports/values/${placeholders.import14}/rollback`, {
      method: 'POST',
    });
    expect(res.status).toBe(404);
    const [row] = await app.db.query<{ status: string }>(`select status from imports where id = $1`, [
      Number(placeholders.import14),
    ]);
    expect(row?.status).toBe('committed');
  });

  it('lets only a national administrator change a status rule set', async () => {
    const client = await signIn(app.raw, 'bcd.quocgia');
    const res = await client.request(fill('/api/status-rules/{ruleSet}/versions'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(403);
    const admin = await app.app.request(fill('/api/status-rules/{ruleSet}/versions'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(admin.status).toBe(400);
  });
});

/** Hostile values for every parameter: SQL and script injection, traversal, NUL, huge and odd encodings. */
const HOSTILE = [
  "' OR 1=1 --",
  "01'; drop table admin_units; --",
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '%00',
  '\u0000',
  'NaN',
  '-1e309',
  '9'.repeat(400),
  'x'.repeat(5000),
  'Hà Nội 🚨',
  '0000-01-01',
  '2147483648',
  '99999999999',
  '2025-02-30',
];

describe('hostile input', () => {
  interface OpenApiDoc {
    paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }> }>>;
  }

  it('answers every parameter of every route with a 4xx or a normal answer, never a 5xx', async () => {
    const doc = (await (await app.app.request('/api/openapi.json')).json()) as OpenApiDoc;
    const failures: string[] = [];
    let requests = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const key = routeKey(method.toUpperCase(), path.replace(/\{(\w+)\}/g, ':$1'));
        const sample = SAMPLES[key];
        if (!sample || key.endsWith('logout')) continue;
        const base = new URL(fill(sample.path), 'http://x');
        for (const param of op.parameters ?? []) {
          for (const value of HOSTILE) {
            let target: string;
            if (param.in === 'path') {
              const template = path.replace(`{${param.name}}`, encodeURIComponent(value));
              target = fill(template.replace(/\{(\w+)\}/g, (_, k: string) => `{${k}}`));
              target = target.replace(/\{(\w+)\}/g, '1');
              target += base.search;
            } else {
              const url = new URL(base);
              url.searchParams.set(param.name, value);
              target = url.pathname + url.search;
            }
            const res = await send(app.app, method.toUpperCase(), sample, target);
            requests++;
            if (res.status >= 500)
              failures.push(`${key} ${param.name}=${value.slice(0, 20)} → ${res.status}`);
            await res.arrayBuffer();
          }
        }
      }
    }
    expect(requests).toBeGreaterThan(200);
    expect(failures).toEqual([]);
  });

  it('refuses request bodies over the limit with 413 on every write route', async () => {
    // Over every limit: 1 MiB for writes, 8 MiB for a table sent for export.
    const huge = JSON.stringify({ pad: 'x'.repeat(9 * 1024 * 1024) });
    const failures: string[] = [];
    for (const r of routes) {
      if (r.method === 'GET' || r.key.includes('/api/imports')) continue;
      const sample = SAMPLES[r.key];
      if (!sample) continue;
      const res = await app.app.request(fill(sample.path), {
        method: r.method,
        headers: { 'content-type': 'application/json', 'content-length': String(huge.length) },
        body: huge,
      });
      if (res.status !== 413) failures.push(`${r.key} → ${res.status}`);
    }
    expect(failures).toEqual([]);
  });
});
