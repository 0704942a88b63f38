import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine';
import { type ErrorJson, getJson } from '../../testing/http';
import { writableTestApp } from '../../testing/test-db';

/**
 * Status rules through the API on the test dataset (Sơn La 14 has values and decisions). Measured values
 * are checked against /api/values and decided statuses against /api/status.
 */

type Writable = Awaited<ReturnType<typeof writableTestApp>>;
let app: Writable['app'];
let db: Database;
let close: Writable['close'];
beforeAll(async () => {
  ({ app, db, close } = await writableTestApp());
});
afterAll(async () => {
  await db.query(`delete from status_rule_sets where code = 'test-rules'`);
  await close();
});

interface DifferencesJson {
  meta: { count: number; differing: number; periodEnd: string };
  ruleSet: { code: string; version: number };
  rows: Array<{
    code: string;
    suggested: string;
    decided: string | null;
    differs: boolean;
    labelPoint: [number, number];
  }>;
}
interface ExplainJson {
  ruleSet: { code: string };
  suggested: string;
  decided: { status: string; document: string } | null;
  differs: boolean;
  categories: Array<{
    status: string;
    metCount: number;
    satisfied: boolean;
    criteria: Array<{
      id: string;
      measured: number | null;
      threshold: number;
      met: boolean | null;
      confirmed: boolean;
    }>;
  }>;
}

describe('suggested vs decided status of every commune (map-ready)', () => {
  it('lists every commune of the province with both statuses and counts the differences', async () => {
    const body = await getJson<DifferencesJson>(app, '/api/status-rules/differences?period=2025&parent=14');
    const communes = await getJson<{ rows: unknown[] }>(
      app,
      '/api/units?level=commune&parent=14&at=2025-12-31',
    );
    expect(body.ruleSet.code).toBe('qd-28-2025');
    expect(body.rows).toHaveLength(communes.rows.length);
    expect(body.meta.differing).toBe(body.rows.filter((r) => r.differs).length);
    const decided = await getJson<{ rows: Array<{ code: string; status: string }> }>(
      app,
      '/api/status?period=2025&parent=14',
    );
    const byCode = new Map(decided.rows.map((r) => [r.code, r.status]));
    for (const row of body.rows) {
      expect(row.decided).toBe(byCode.get(row.code) ?? null);
      expect(row.differs).toBe(row.decided !== null && row.decided !== row.suggested);
      expect(row.labelPoint).toHaveLength(2);
    }
  });

  it('before QĐ 28/2025 took effect the older basis applies', async () => {
    const body = await getJson<DifferencesJson>(app, '/api/status-rules/differences?period=2023&parent=14');
    expect(body.ruleSet.code).toBe('qd-3122-2010');
  });
});

describe('explanation of one commune', () => {
  it('gives each criterion with the commune’s measured value beside the threshold', async () => {
    const list = await getJson<DifferencesJson>(app, '/api/status-rules/differences?period=2025&parent=14');
    const code = list.rows[0]?.code ?? '';
    const body = await getJson<ExplainJson>(app, `/api/status-rules/explain?commune=${code}&period=2025`);
    expect(body.suggested).toBe(list.rows[0]?.suggested);
    const value = async (indicator: string) =>
      (
        await getJson<{ rows: Array<{ code: string; value: number }> }>(
          app,
          `/api/values?indicator=${indicator}&period=2025&parent=14&at=2025-12-31`,
        )
      ).rows.find((r) => r.code === code)?.value ?? Number.NaN;
    const arrests = body.categories
      .find((c) => c.status === 'trong_diem_I')
      ?.criteria.find((c) => c.id === 'bat-giu-i');
    expect(arrests?.threshold).toBe(0.1);
    expect(arrests?.measured).toBeCloseTo(
      (100 * (await value('drug_arrests'))) / (await value('population')),
      3,
    );
    expect(arrests?.met).toBe((arrests?.measured ?? 0) >= 0.1);
    const typeI = body.categories.find((c) => c.status === 'trong_diem_I');
    expect(typeI?.metCount).toBe(typeI?.criteria.filter((c) => c.met === true).length);
    expect(body.decided?.status).toBe(list.rows[0]?.decided);
  });

  it('says which classes the rule set in force cannot produce (QĐ 3122/2010: loại II and III)', async () => {
    const old = await getJson<{ ruleSet: { code: string; cannotProduce: Array<{ status: string }> } }>(
      app,
      '/api/status-rules/differences?period=2023&parent=14',
    );
    expect(old.ruleSet.code).toBe('qd-3122-2010');
    expect(old.ruleSet.cannotProduce.map((c) => c.status)).toEqual(['trong_diem_II', 'trong_diem_III']);
    const quarter = await getJson<ErrorJson>(
      app,
      '/api/status-rules/differences?period=2025-Q4&parent=14',
      400,
    );
    expect(quarter.error.message).toContain('số liệu cả năm');
  });

  it('names the wrong parameter', async () => {
    for (const [query, status, field] of [
      ['commune=99999&period=2025', 404, 'commune'],
      ['commune=04045&period=2025-Q9', 400, 'period'],
      // Yearly thresholds are not applied to a quarter.
      ['commune=04045&period=2025-Q4', 400, 'period'],
      ['commune=04045&period=2025&ruleSet=no-such-rules', 404, 'ruleSet'],
    ] as const) {
      const body = await getJson<ErrorJson>(app, `/api/status-rules/explain?${query}`, status);
      expect(body.error.field).toBe(field);
    }
  });
});

describe('rule sets are versioned data', () => {
  it('a new version is stored beside the old one, audited, and used from then on', async () => {
    const current = await getJson<{
      ruleSet: { rules: { categories: Array<{ criteria: Array<{ threshold: number }> }> } };
    }>(app, '/api/status-rules/qd-28-2025');
    const rules = structuredClone(current.ruleSet.rules);
    const first = rules.categories[0]?.criteria[0];
    if (first) first.threshold = 0.4;
    const res = await app.request('/api/status-rules/qd-28-2025/versions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'QĐ 28/2025 (ngưỡng hiệu chỉnh)',
        legalSource: 'Quyết định 28/2025/QĐ-TTg',
        validFrom: '2025-08-24',
        rules,
      }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const after = await getJson<{ versions: Array<{ version: number }> }>(
      app,
      '/api/status-rules/qd-28-2025',
    );
    expect(after.versions.map((v) => v.version)).toEqual([2, 1]);
    const explained = await getJson<ExplainJson & { ruleSet: { version: number } }>(
      app,
      '/api/status-rules/explain?commune=04045&period=2026',
    );
    expect(explained.ruleSet.version).toBe(2);
    expect(explained.categories[0]?.criteria[0]?.threshold).toBe(0.4);
    const audit = await db.query(
      `select 1 from audit_log where entity = 'status_rule_set' and entity_id = 'qd-28-2025@2'`,
    );
    expect(audit).toHaveLength(1);
    // Leave the shared database as seeded.
    await db.query(`delete from status_rule_sets where code = 'qd-28-2025' and version = 2`);
  });

  it('refuses a criterion on an indicator that is not stored, naming it', async () => {
    const res = await app.request('/api/status-rules/test-rules/versions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'x',
        legalSource: 'y',
        validFrom: '2026-01-01',
        rules: {
          otherwise: 'khong_ma_tuy',
          categories: [
            {
              status: 'co_ma_tuy',
              minCriteria: 1,
              criteria: [
                {
                  id: 'a',
                  labelVi: 'a',
                  labelEn: 'a',
                  measure: { type: 'value', indicator: 'addicts_per_1000' },
                  op: 'gt',
                  threshold: 0,
                  confirmed: false,
                },
              ],
            },
          ],
        },
      }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorJson).error.field).toBe('rules.categories[0].criteria[0].measure');
    const bad = await app.request('/api/status-rules/test-rules/versions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'x',
        legalSource: 'y',
        validFrom: '2026-01-01',
        rules: { otherwise: 'khong_ma_tuy', categories: [] },
      }),
    });
    expect(((await bad.json()) as ErrorJson).error.field).toBe('rules.categories');
  });
});
