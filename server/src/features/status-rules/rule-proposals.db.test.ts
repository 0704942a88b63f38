import { QD_28_2025 } from '@pcmt/data/demo/status-rules';
import { Rules } from '@pcmt/domain/contracts/status-rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine';
import type { ErrorJson } from '../../testing/http';
import { type TestClient, testEngine, writableTestApp } from '../../testing/test-db';
import { DEMO_PASSWORD } from '../auth/demo-accounts';
import { createUser } from '../auth/users.repo';

/**
 * A province proposes thresholds for a national rule set; the national administrator sees the diff and
 * accepts (a new version, naming the proposer) or rejects (the rule set unchanged). The rule set is this
 * file's own (in force from 2100, so no other test reads it); the province administrators are created here.
 */

const tag = `${testEngine()}-${process.pid}`;
const CODE = `de-xuat-${tag}`;
const users = { hanoi: `qt-hanoi-${tag}`, sonla: `qt-sonla-${tag}` };

type Ctx = Awaited<ReturnType<typeof writableTestApp>>;
let ctx: Ctx;
let db: Database;
let admin: TestClient;
let hanoi: TestClient;
let sonla: TestClient;
const base = Rules.parse(QD_28_2025.rules);

interface ProposalJson {
  id: number;
  status: string;
  provinceCode: string;
  provinceName: string;
  baseVersion: number;
  latestVersion: number;
  proposedBy: string;
  decidedBy: string | null;
  decisionReason: string | null;
  acceptedVersion: number | null;
  changes: Array<{
    status: string;
    criterion: string | null;
    labelVi: string | null;
    field: string;
    from: unknown;
    to: unknown;
  }>;
}

beforeAll(async () => {
  ctx = await writableTestApp();
  db = ctx.db;
  admin = ctx.app;
  for (const [province, username] of [
    ['01', users.hanoi],
    ['14', users.sonla],
  ] as const)
    await createUser(db, {
      username,
      displayName: `Quản trị tỉnh ${province}`,
      role: 'admin',
      jurisdiction: [province],
      password: DEMO_PASSWORD,
    });
  hanoi = await ctx.as(users.hanoi);
  sonla = await ctx.as(users.sonla);
  const res = await admin.request(`/api/status-rules/${CODE}/versions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      title: 'Bộ tiêu chí thử đề xuất',
      legalSource: 'Thử nghiệm',
      validFrom: '2100-01-01',
      rules: base,
    }),
  });
  expect(res.status, await res.text()).toBe(201);
});

afterAll(async () => {
  if (testEngine() === 'postgres') {
    await db.query(`delete from status_rule_proposals where rule_set_code = $1`, [CODE]);
    await db.query(`delete from status_rule_sets where code = $1`, [CODE]);
    await db.query(`delete from users where username = any($1::text[])`, [Object.values(users)]);
  }
  await ctx?.close();
});

const post = (client: TestClient, path: string, body?: unknown) =>
  client.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

/** The rules with loại I's first criterion at `threshold` and loại I needing `minCriteria` criteria. */
function proposed(threshold: number, minCriteria?: number): Rules {
  const rules = structuredClone(base);
  const typeI = rules.categories[0];
  const first = typeI?.criteria[0];
  if (!typeI || !first) throw new Error('QĐ 28/2025 has no first criterion');
  first.threshold = threshold;
  if (minCriteria !== undefined) typeI.minCriteria = minCriteria;
  return rules;
}

async function propose(client: TestClient, province: string, rules: Rules, reason = 'Thực tế địa bàn') {
  const res = await post(client, '/api/status-rule-proposals', { ruleSet: CODE, province, reason, rules });
  const text = await res.text();
  expect(res.status, text).toBe(201);
  return (JSON.parse(text) as { proposal: ProposalJson }).proposal;
}

const latest = async () => {
  const [row] = await db.query<{ version: number; rules: Rules }>(
    `select version, rules from status_rule_sets where code = $1 order by version desc limit 1`,
    [CODE],
  );
  if (!row) throw new Error('no test rule set');
  return row;
};

const firstCriterion = (rules: Rules) => rules.categories[0]?.criteria[0];

describe('a province proposes thresholds for a national rule set', () => {
  it('stores the proposal with its diff, audits it, and leaves the rule set as it was', async () => {
    const before = await latest();
    const criterion = firstCriterion(base);
    if (!criterion) throw new Error('no criterion');
    const p = await propose(hanoi, '01', proposed(criterion.threshold + 0.5, 4));
    expect(p).toMatchObject({
      status: 'pending',
      provinceCode: '01',
      proposedBy: users.hanoi,
      baseVersion: before.version,
      latestVersion: before.version,
    });
    expect(p.provinceName).not.toBe('01');
    expect(p.changes).toEqual([
      { status: 'trong_diem_I', criterion: null, labelVi: null, field: 'minCriteria', from: 3, to: 4 },
      {
        status: 'trong_diem_I',
        criterion: criterion.id,
        labelVi: criterion.labelVi,
        field: 'threshold',
        from: criterion.threshold,
        to: criterion.threshold + 0.5,
      },
    ]);
    expect(await latest()).toEqual(before);
    const audit = await db.query<{ actor: string }>(
      `select actor from audit_log where entity = 'status_rule_proposal' and entity_id = $1 and action = 'propose'`,
      [String(p.id)],
    );
    expect(audit.map((a) => a.actor)).toEqual([users.hanoi]);
    // The national administrator lists it among the pending proposals, with the same diff.
    const list = (await (await admin.request('/api/status-rule-proposals?status=pending')).json()) as {
      rows: ProposalJson[];
    };
    expect(list.rows.find((r) => r.id === p.id)?.changes).toEqual(p.changes);
  });

  it('refuses a bad proposal with 400 naming the field', async () => {
    const cases: Array<[unknown, string]> = [
      [{ ruleSet: CODE, province: '01', reason: '', rules: proposed(1) }, 'reason'],
      [{ ruleSet: CODE, province: '01', reason: 'x', rules: base }, 'rules'],
      [
        { ruleSet: CODE, province: '01', reason: 'x', rules: { ...proposed(1), otherwise: 'co_ma_tuy' } },
        'rules.otherwise',
      ],
      [
        { ruleSet: CODE, province: '01', reason: 'x', rules: proposed(-1) },
        'rules.categories[0].criteria[0].threshold',
      ],
    ];
    for (const [body, field] of cases) {
      const res = await post(hanoi, '/api/status-rule-proposals', body);
      const error = ((await res.json()) as ErrorJson).error;
      expect(res.status, JSON.stringify(error)).toBe(400);
      expect(error.field).toBe(field);
      expect(error.message.startsWith(`${field}: `)).toBe(true);
    }
  });

  it('shows a province only its own proposals; another province’s looks like one that does not exist', async () => {
    const p = await propose(hanoi, '01', proposed(2));
    const own = (await (await hanoi.request('/api/status-rule-proposals')).json()) as {
      rows: ProposalJson[];
    };
    expect(own.rows.map((r) => r.id)).toContain(p.id);
    expect(own.rows.every((r) => r.provinceCode === '01')).toBe(true);
    const other = (await (await sonla.request('/api/status-rule-proposals')).json()) as {
      rows: ProposalJson[];
    };
    expect(other.rows.map((r) => r.id)).not.toContain(p.id);
    const foreign = await sonla.request(`/api/status-rule-proposals/${p.id}`);
    const missing = await sonla.request('/api/status-rule-proposals/999999');
    expect(foreign.status).toBe(404);
    expect(missing.status).toBe(404);
    const text = async (r: Response) => ((await r.json()) as ErrorJson).error.message;
    expect((await text(foreign)).replace(String(p.id), '…')).toBe(
      (await text(missing)).replace('999999', '…'),
    );
    // Nor may it propose in Hà Nội's name.
    const res = await post(sonla, '/api/status-rule-proposals', {
      ruleSet: CODE,
      province: '01',
      reason: 'x',
      rules: proposed(3),
    });
    expect(res.status).toBe(403);
  });

  it('lets no province administrator accept or reject, not even its own proposal', async () => {
    const before = await latest();
    const p = await propose(hanoi, '01', proposed(5));
    expect((await post(hanoi, `/api/status-rule-proposals/${p.id}/accept`)).status).toBe(403);
    expect((await post(hanoi, `/api/status-rule-proposals/${p.id}/reject`, { reason: 'x' })).status).toBe(
      403,
    );
    expect(await latest()).toEqual(before);
    const detail = (await (await hanoi.request(`/api/status-rule-proposals/${p.id}`)).json()) as {
      proposal: ProposalJson;
    };
    expect(detail.proposal.status).toBe('pending');
  });

  it('rejecting leaves the rule set unchanged; the proposer sees the outcome and the reason', async () => {
    const before = await latest();
    const p = await propose(hanoi, '01', proposed(7));
    const missingReason = await post(admin, `/api/status-rule-proposals/${p.id}/reject`, {});
    expect(missingReason.status).toBe(400);
    expect(((await missingReason.json()) as ErrorJson).error.field).toBe('reason');
    const res = await post(admin, `/api/status-rule-proposals/${p.id}/reject`, { reason: 'Ngưỡng quá cao' });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await latest()).toEqual(before);
    const seen = (await (await hanoi.request(`/api/status-rule-proposals/${p.id}`)).json()) as {
      proposal: ProposalJson;
    };
    expect(seen.proposal).toMatchObject({
      status: 'rejected',
      decidedBy: 'admin',
      decisionReason: 'Ngưỡng quá cao',
      acceptedVersion: null,
    });
    // Decided once: accepting it afterwards is refused.
    expect((await post(admin, `/api/status-rule-proposals/${p.id}/accept`)).status).toBe(409);
  });

  it('accepting adopts the proposed rules as a new version, audited with the proposer', async () => {
    const before = await latest();
    const p = await propose(hanoi, '01', proposed(9, 4), 'Địa bàn miền núi');
    const older = await propose(hanoi, '01', proposed(11));
    const res = await post(admin, `/api/status-rule-proposals/${p.id}/accept`);
    const text = await res.text();
    expect(res.status, text).toBe(200);
    const after = await latest();
    expect(after.version).toBe(before.version + 1);
    expect(firstCriterion(after.rules)?.threshold).toBe(9);
    expect(after.rules.categories[0]?.minCriteria).toBe(4);
    const seen = (await (await hanoi.request(`/api/status-rule-proposals/${p.id}`)).json()) as {
      proposal: ProposalJson;
    };
    expect(seen.proposal).toMatchObject({
      status: 'accepted',
      decidedBy: 'admin',
      acceptedVersion: after.version,
    });
    const [audit] = await db.query<{
      actor: string;
      after: { proposal: { proposedBy: string; reason: string } };
    }>(`select actor, after from audit_log where entity = 'status_rule_set' and entity_id = $1`, [
      `${CODE}@${after.version}`,
    ]);
    expect(audit?.actor).toBe('admin');
    expect(audit?.after.proposal).toMatchObject({ proposedBy: users.hanoi, reason: 'Địa bàn miền núi' });
    // A proposal written on the version before cannot be adopted over the new one.
    const stale = await post(admin, `/api/status-rule-proposals/${older.id}/accept`);
    expect(stale.status).toBe(409);
    expect((await latest()).version).toBe(after.version);
  });
});
