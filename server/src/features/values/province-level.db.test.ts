import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine';
import { testEngine, writableTestApp } from '../../testing/test-db';
import { uploadForm } from '../imports/testing';
import { createReferenceCache } from '../reference/reference-cache';
import { resolveIndicator } from './resolve-values-query';
import { combineAreasPerPeriod, valueRows } from './values.repo';

/**
 * Indicators reported at province level (issue 15: people in the provincial rehabilitation facility, loans
 * by the provincial bank): imported on the province's own row, they are read back at province level, per
 * province and combined over provinces, by period (a stock's year is its last quarter, a flow's the sum of
 * its quarters), with their source; a computed indicator over one of them is computed per province; asked at
 * commune level they have no data at that level (no rows, a flag), never a 0 spread over communes.
 */

type Ctx = Awaited<ReturnType<typeof writableTestApp>>;
let ctx: Ctx;
let db: Database;
/** Codes of this file only (the postgres test database is shared): removed again in afterAll. */
const CODES = ['t15p_rehab', 't15p_loans', 't15p_rehab_pct'];
const QUARTERS = ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4'] as const;
const AT = '2024-12-31';
const FILE = (period: string) => `t15p-${period}.csv`;
let provinces: [string, string] = ['', ''];
let commune = '';
const importIds: number[] = [];

/** People in the provincial facility at the end of quarter q (a stock) and loans in it (a flow). */
const rehab = (p: number, q: number) => 100 * (p + 1) + q;
const loans = (p: number, q: number) => 10 * (p + 1) * q;

interface Row {
  code: string;
  value: number;
}
interface ValuesBody {
  meta: { reportingLevel?: string; noDataAtLevel?: boolean; count: number; level: string };
  rows: Row[];
}
interface SeriesBody {
  meta: { reportingLevel?: string; noDataAtLevel?: boolean };
  rows: Array<{
    period: string;
    value: number | null;
    sources?: Array<{ kind: string; fileName: string | null; rows: number[]; importId: number | null }>;
  }>;
}

const send = (method: string, path: string, body?: unknown) =>
  ctx.app.request(path, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

async function json<T>(res: Response | Promise<Response>, status = 200): Promise<T> {
  const r = await res;
  const text = await r.text();
  expect(r.status, text.slice(0, 400)).toBe(status);
  return JSON.parse(text) as T;
}

const values = (indicator: string, period: string, extra = '') =>
  json<ValuesBody>(ctx.app.request(`/api/values?indicator=${indicator}&period=${period}&at=${AT}${extra}`));

async function cleanUp() {
  await db.query(`delete from import_value_changes where indicator_code = any($1::text[])`, [CODES]);
  await db.query(`delete from imports where id = any($1::int[])`, [importIds]);
  await db.query(`delete from indicator_values where indicator_code = any($1::text[])`, [CODES]);
  await db.query(`delete from indicators where code = any($1::text[])`, [CODES]);
}

beforeAll(async () => {
  ctx = await writableTestApp();
  db = ctx.db;
  if (testEngine() === 'postgres') await cleanUp();
  // Two provinces of the 2024 units whose communes reported managed addicts in 2024-Q2 (the computed
  // indicator's denominator), and one of the first's communes.
  const rows = await db.query<{ code: string }>(
    `select p.code from admin_units p
     where p.level = 'province' and p.valid_from <= $1 and (p.valid_to is null or p.valid_to > $1)
       and exists (select 1 from admin_units c join indicator_values v on v.unit_id = c.id
                   where c.level = 'commune' and c.province_code = p.code
                     and c.valid_from <= $1 and (c.valid_to is null or c.valid_to > $1)
                     and v.indicator_code = 'managed_addicts' and v.period_id = '2024-Q2' and v.value > 0)
     order by p.code limit 2`,
    [AT],
  );
  expect(rows).toHaveLength(2);
  provinces = [rows[0]?.code ?? '', rows[1]?.code ?? ''];
  const [c] = await db.query<{ code: string }>(
    `select code from admin_units where level = 'commune' and province_code = $1
       and valid_from <= $2 and (valid_to is null or valid_to > $2) order by code limit 1`,
    [provinces[0], AT],
  );
  commune = c?.code ?? '';
});

afterAll(async () => {
  if (testEngine() === 'postgres') await cleanUp();
  await ctx?.close();
});

describe('indicators reported at province level', () => {
  it('are defined at province level and imported on the provinces’ own rows (two-digit codes)', async () => {
    await json(
      send('POST', '/api/indicators', {
        code: 't15p_rehab',
        nameVi: 'Người đang cai nghiện tại cơ sở cai nghiện của tỉnh',
        unitVi: 'người',
        kind: 'stock',
        sensitivity: 'internal',
        reportingLevel: 'province',
      }),
      201,
    );
    await json(
      send('POST', '/api/indicators', {
        code: 't15p_loans',
        nameVi: 'Hộ được vay vốn Ngân hàng Chính sách xã hội tỉnh',
        unitVi: 'hộ',
        kind: 'flow',
        sensitivity: 'internal',
        reportingLevel: 'province',
      }),
      201,
    );
    await json(
      send('POST', '/api/indicators', {
        code: 't15p_rehab_pct',
        nameVi: 'Tỷ lệ người cai nghiện tại cơ sở trên người nghiện được quản lý',
        unitVi: '%',
        kind: 'computed',
        formula: 't15p_rehab / managed_addicts * 100',
        sensitivity: 'internal',
      }),
      201,
    );
    for (const [k, period] of QUARTERS.entries()) {
      const q = k + 1;
      const lines = ['Mã đơn vị,Kỳ báo cáo,Mã chỉ tiêu,Giá trị'];
      provinces.forEach((code, p) => {
        lines.push(`${code},${period},t15p_rehab,${rehab(p, q)}`);
        lines.push(`${code},${period},t15p_loans,${loans(p, q)}`);
      });
      const commit = await json<{ importId: number; added: number }>(
        ctx.app.request('/api/imports/values', {
          method: 'POST',
          body: uploadForm(FILE(period), lines.join('\n'), { period }),
        }),
      );
      expect(commit.added).toBe(4);
      importIds.push(commit.importId);
    }
    // Stored on the province units, not on any commune.
    const stored = await db.query<{ level: string; n: number }>(
      `select u.level, count(*)::int as n from indicator_values v join admin_units u on u.id = v.unit_id
       where v.indicator_code = any($1::text[]) group by u.level`,
      [CODES],
    );
    expect(stored).toEqual([{ level: 'province', n: 16 }]);
  });

  it('refuses a province-level figure on a commune’s row and a commune figure on a province’s row', async () => {
    const lines = [
      'Mã đơn vị,Kỳ báo cáo,Mã chỉ tiêu,Giá trị',
      `${commune},2024-Q1,t15p_rehab,5`,
      `${provinces[0]},2024-Q1,managed_addicts,7`,
    ];
    const body = await json<{ problems: Array<{ row: number; message: string }> }>(
      ctx.app.request('/api/imports/values', {
        method: 'POST',
        body: uploadForm('sai-cap.csv', lines.join('\n'), { period: '2024-Q1' }),
      }),
      422,
    );
    expect(body.problems.map((p) => p.row)).toEqual([2, 3]);
    expect(body.problems[0]?.message).toContain('t15p_rehab được báo cáo cấp tỉnh');
    expect(body.problems[1]?.message).toContain('managed_addicts được báo cáo theo xã');
  });

  it('reads them per province from /api/values, a stock’s year as its last quarter, a flow’s as the sum', async () => {
    const q2 = await values('t15p_rehab', '2024-Q2', '&level=province');
    expect(q2.meta.reportingLevel).toBe('province');
    expect(q2.meta.noDataAtLevel).toBeUndefined();
    expect(q2.rows).toEqual([
      { code: provinces[0], value: rehab(0, 2) },
      { code: provinces[1], value: rehab(1, 2) },
    ]);
    const stockYear = await values('t15p_rehab', '2024', '&level=province');
    expect(stockYear.rows).toEqual([
      { code: provinces[0], value: rehab(0, 4) },
      { code: provinces[1], value: rehab(1, 4) },
    ]);
    const flowYear = await values('t15p_loans', '2024', '&level=province');
    const sum = (p: number) => [1, 2, 3, 4].reduce((s, q) => s + loans(p, q), 0);
    expect(flowYear.rows).toEqual([
      { code: provinces[0], value: sum(0) },
      { code: provinces[1], value: sum(1) },
    ]);
    // Inside one province: that province only.
    const one = await values('t15p_rehab', '2024-Q3', `&level=province&parent=${provinces[1]}`);
    expect(one.rows).toEqual([{ code: provinces[1], value: rehab(1, 3) }]);
  });

  it('combines the provinces into the national figure by the indicator’s rule', async () => {
    const ref = await createReferenceCache(db).get();
    for (const [code, expected] of [
      ['t15p_rehab', rehab(0, 4) + rehab(1, 4)],
      ['t15p_loans', [1, 2, 3, 4].reduce((s, q) => s + loans(0, q) + loans(1, q), 0)],
    ] as const) {
      const { stored } = resolveIndicator(ref, code);
      const rows = await valueRows(db, {
        stored,
        formula: null,
        direct: false,
        periodIds: ['2024'],
        at: AT,
        level: 'province',
        parent: null,
        parentLevel: null,
        unitCode: null,
        jurisdiction: null,
      });
      const national = combineAreasPerPeriod(rows, stored[0]?.areaAggregation ?? 'sum');
      expect(national.get('2024')).toBe(expected);
    }
  });

  it('says "no data at this level" at commune level: no rows, not zeros spread over communes', async () => {
    for (const code of ['t15p_rehab', 't15p_rehab_pct']) {
      const body = await values(code, '2024-Q2', `&parent=${provinces[0]}`);
      expect(body.meta).toMatchObject({ level: 'commune', reportingLevel: 'province', noDataAtLevel: true });
      expect(body.rows).toEqual([]);
    }
    const commune1 = await json<SeriesBody>(
      ctx.app.request(`/api/series?unit=${commune}&indicator=t15p_rehab&from=2024-Q1&to=2024-Q4&at=${AT}`),
    );
    expect(commune1.meta).toMatchObject({ reportingLevel: 'province', noDataAtLevel: true });
    expect(commune1.rows.map((r) => r.value)).toEqual([null, null, null, null]);
    // A commune indicator says where it is reported and has no such flag.
    const managed = await values('managed_addicts', '2024-Q2', `&parent=${provinces[0]}`);
    expect(managed.meta.reportingLevel).toBe('commune');
    expect(managed.meta.noDataAtLevel).toBeUndefined();
    expect(managed.rows.length).toBeGreaterThan(0);
  });

  it('gives a province’s series by period, each figure read back to its file and row', async () => {
    const body = await json<SeriesBody>(
      ctx.app.request(
        `/api/series?unit=${provinces[1]}&indicator=t15p_rehab&from=2024-Q1&to=2024-Q4&at=${AT}`,
      ),
    );
    expect(body.meta.noDataAtLevel).toBeUndefined();
    expect(body.rows.map((r) => r.value)).toEqual([1, 2, 3, 4].map((q) => rehab(1, q)));
    // Province 2's rehab value is the file's row 4 (header, then province 1's two rows, then its own).
    expect(body.rows.map((r) => r.sources?.map((s) => [s.kind, s.fileName, s.rows]))).toEqual(
      QUARTERS.map((period) => [['import', FILE(period), [4]]]),
    );
    const year = await json<SeriesBody>(
      ctx.app.request(`/api/series?unit=${provinces[0]}&indicator=t15p_loans&from=2024&to=2024&at=${AT}`),
    );
    expect(year.rows.map((r) => r.value)).toEqual([[1, 2, 3, 4].reduce((s, q) => s + loans(0, q), 0)]);
  });

  it('computes a formula over a province-level and a commune indicator per province', async () => {
    const managed = await values('managed_addicts', '2024-Q2', '&level=province');
    const pct = await values('t15p_rehab_pct', '2024-Q2', '&level=province');
    expect(pct.meta.reportingLevel).toBe('province');
    expect(pct.rows.map((r) => r.code)).toEqual(provinces);
    for (const [p, code] of provinces.entries()) {
      const denominator = managed.rows.find((r) => r.code === code)?.value ?? 0;
      expect(denominator).toBeGreaterThan(0);
      expect(pct.rows[p]?.value).toBeCloseTo((rehab(p, 2) / denominator) * 100, 3);
    }
  });
});
