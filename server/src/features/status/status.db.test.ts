import { beforeAll, describe, expect, it } from 'vitest';
import { type ErrorJson, getJson } from '../../testing/http';
import { testApp } from '../../testing/test-db';

type App = Awaited<ReturnType<typeof testApp>>['app'];
let app: App;
beforeAll(async () => {
  ({ app } = await testApp());
});

interface StatusJson {
  meta: { period: string; at: string; count: number };
  rows: Array<{ code: string; status: string; effectiveDate: string; document: string; derived: boolean }>;
}

const STATUSES = ['khong_ma_tuy', 'co_ma_tuy', 'trong_diem_III', 'trong_diem_II', 'trong_diem_I'];

describe('GET /api/status', () => {
  it('gives each old commune of a province its decision in force at the end of 2023', async () => {
    const body = await getJson<StatusJson>(app, '/api/status?period=2023&parent=14');
    expect(body.rows.length).toBeGreaterThan(150);
    for (const r of body.rows) {
      expect(STATUSES).toContain(r.status);
      expect(r.effectiveDate <= '2023-12-31').toBe(true);
      expect(r.document).toMatch(/\//);
      expect(r.derived).toBe(false);
    }
  });

  it('shows today’s communes with their own decisions after 1/7/2025', async () => {
    const body = await getJson<StatusJson>(app, '/api/status?period=2026-Q1&parent=14');
    expect(body.rows.length).toBeGreaterThan(50);
    expect(body.rows.every((r) => !r.derived && r.effectiveDate >= '2025-07-01')).toBe(true);
  });

  it('derives a merged commune’s earlier status from the most serious of its predecessors', async () => {
    const old = await getJson<StatusJson>(app, '/api/status?period=2024&parent=14');
    const onToday = await getJson<StatusJson>(app, '/api/status?period=2024&parent=14&at=2026-01-01');
    expect(onToday.rows.length).toBeGreaterThan(0);
    expect(onToday.rows.every((r) => r.derived)).toBe(true);
    const worstOld = Math.max(...old.rows.map((r) => STATUSES.indexOf(r.status)));
    const worstNew = Math.max(...onToday.rows.map((r) => STATUSES.indexOf(r.status)));
    expect(worstNew).toBe(worstOld);
  });

  it('names the wrong parameter', async () => {
    expect((await getJson<ErrorJson>(app, '/api/status', 400)).error.field).toBe('period');
    expect((await getJson<ErrorJson>(app, '/api/status?period=2024&level=province', 400)).error.field).toBe(
      'level',
    );
    expect((await getJson<ErrorJson>(app, '/api/status?period=2031', 404)).error.field).toBe('period');
  });
});
