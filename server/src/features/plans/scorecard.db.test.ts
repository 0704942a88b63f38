import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine';
import { type ErrorJson, getJson } from '../../testing/http';
import { writableTestApp } from '../../testing/test-db';

/**
 * Scorecards, cell details and rankings on the test dataset (values, statuses and hotspots for Hà Nội 01
 * and Sơn La 14 only). Figures are checked against the other endpoints that read the same data
 * (/api/status, /api/series, /api/values), never against numbers written here.
 */

type Writable = Awaited<ReturnType<typeof writableTestApp>>;
let app: Writable['app'];
let db: Database;
let close: Writable['close'];
beforeAll(async () => {
  ({ app, db, close } = await writableTestApp());
});
afterAll(async () => {
  await db.query(`delete from plans where code like 'test-sc-%'`);
  await close();
});

interface Summary {
  status: string;
  current: number | null;
  target: number;
  progressPct: number | null;
  projected: number | null;
}
interface ScorecardJson {
  unit: { code: string; level: string } | null;
  columns: Array<{ key: string; label: string; drill: boolean }>;
  rows: Array<{ target: { code: string }; total: Summary; cells: Array<Summary & { key: string }> }>;
}

const AS_OF = '2026-06-30';
const cell = (body: ScorecardJson, target: string, key: string) =>
  body.rows.find((r) => r.target.code === target)?.cells.find((c) => c.key === key);

describe('national scorecard: rows = targets, columns = the 34 provinces', () => {
  it('has one column per province in force and a traffic light per cell', async () => {
    const body = await getJson<ScorecardJson>(app, `/api/plans/quoc-gia-2030/scorecard?asOf=${AS_OF}`);
    const provinces = await getJson<{ rows: Array<{ code: string }> }>(
      app,
      `/api/units?level=province&at=${AS_OF}`,
    );
    expect(body.columns.map((c) => c.key)).toEqual(provinces.rows.map((p) => p.code));
    expect(body.columns).toHaveLength(34);
    expect(body.rows.map((r) => r.target.code)).toEqual([
      'tren-20-xa-khong-ma-tuy',
      'it-nhat-50-xa-khong-ma-tuy',
      'tu-van-80',
      'sau-cai-ho-tro-90',
      'tang-nghien-duoi-1',
    ]);
    for (const row of body.rows) expect(row.cells).toHaveLength(34);
    // Only Hà Nội and Sơn La have data in the test dataset.
    expect(cell(body, 'tu-van-80', '04')?.status).toBe('no_data');
    for (const code of ['01', '14'])
      for (const row of body.rows)
        expect(cell(body, row.target.code, code)?.status, `${row.target.code} ${code}`).not.toBe('no_data');
  });

  it('a province’s drug-free share is the share of its communes decided không ma túy on the date', async () => {
    const body = await getJson<ScorecardJson>(app, `/api/plans/quoc-gia-2030/scorecard?asOf=${AS_OF}`);
    const statuses = await getJson<{ rows: Array<{ status: string; derived: boolean }> }>(
      app,
      '/api/status?period=2026-Q2&parent=14',
    );
    const own = statuses.rows.filter((r) => !r.derived);
    const share = (100 * own.filter((r) => r.status === 'khong_ma_tuy').length) / own.length;
    expect(cell(body, 'tren-20-xa-khong-ma-tuy', '14')?.current).toBeCloseTo(share, 1);
  });

  it('a province’s treatment reach is the ratio of its sums, as /api/values computes it', async () => {
    const body = await getJson<ScorecardJson>(app, `/api/plans/quoc-gia-2030/scorecard?asOf=${AS_OF}`);
    const values = await getJson<{ rows: Array<{ code: string; value: number }> }>(
      app,
      '/api/values?indicator=treatment_reach_pct&period=2026-Q2&level=province',
    );
    const sonLa = values.rows.find((r) => r.code === '14')?.value;
    expect(cell(body, 'tu-van-80', '14')?.current).toBeCloseTo(sonLa ?? Number.NaN, 1);
  });

  it('the national baseline (before 1/7/2025) equals the old values re-expressed on today’s provinces', async () => {
    const detail = await getJson<{ progress: { baseline: number; baselineDate: string } }>(
      app,
      `/api/plans/quoc-gia-2030/targets/tu-van-80/detail?asOf=${AS_OF}`,
    );
    expect(detail.progress.baselineDate).toBe('2024-12-31');
    const total = async (indicator: string) =>
      (
        await getJson<{ rows: Array<{ value: number }> }>(
          app,
          `/api/values?indicator=${indicator}&period=2024-Q4&level=province&at=${AS_OF}`,
        )
      ).rows.reduce((sum, r) => sum + r.value, 0);
    const expected = (100 * (await total('addicts_reached'))) / (await total('managed_addicts'));
    expect(detail.progress.baseline).toBeCloseTo(expected, 1);
  });

  it('columns=periods gives each year as known at its end', async () => {
    const body = await getJson<ScorecardJson>(
      app,
      `/api/plans/quoc-gia-2030/scorecard?asOf=${AS_OF}&columns=periods`,
    );
    expect(body.columns.map((c) => c.key)).toEqual(['2025-12-31', AS_OF]);
    const row = body.rows.find((r) => r.target.code === 'tren-20-xa-khong-ma-tuy');
    expect(row?.cells.at(-1)?.current).toBe(row?.total.current);
  });

  it('a cell’s detail gives its trend, the target trajectory and the units behind it', async () => {
    const detail = await getJson<{
      progress: {
        current: number;
        status: string;
        projection: { descriptionVi: string; value: number | null };
        trajectory: Array<{ date: string; value: number }>;
        series: unknown[];
      };
      units: Array<{ code: string; status: string }>;
    }>(app, `/api/plans/quoc-gia-2030/targets/tren-20-xa-khong-ma-tuy/detail?unit=14&asOf=${AS_OF}`);
    const card = await getJson<ScorecardJson>(app, `/api/plans/quoc-gia-2030/scorecard?asOf=${AS_OF}`);
    // The scorecard reads only today's inputs, the detail the whole series: same figures either way.
    const shown = cell(card, 'tren-20-xa-khong-ma-tuy', '14');
    expect(detail.progress.current).toBe(shown?.current);
    expect(detail.progress.projection.value).toBe(shown?.projected);
    expect(detail.progress.status).toBe(shown?.status);
    const reach = await getJson<{
      progress: { current: number; status: string; projection: { value: number } };
    }>(app, `/api/plans/quoc-gia-2030/targets/tu-van-80/detail?unit=14&asOf=${AS_OF}`);
    expect(reach.progress.projection.value).toBe(cell(card, 'tu-van-80', '14')?.projected);
    expect(reach.progress.status).toBe(cell(card, 'tu-van-80', '14')?.status);
    expect(detail.progress.trajectory.at(-1)).toEqual({ date: '2030-12-31', value: 20 });
    expect(detail.progress.series.length).toBeGreaterThan(1);
    expect(detail.progress.projection.descriptionVi).toMatch(/tuyến tính/);
    const communes = await getJson<{ rows: unknown[] }>(
      app,
      `/api/units?level=commune&parent=14&at=${AS_OF}`,
    );
    expect(detail.units).toHaveLength(communes.rows.length);
  });

  it('ranks the provinces for a target, those with data first', async () => {
    const body = await getJson<{
      rows: Array<{ rank: number; code: string; status: string; progressPct: number | null }>;
    }>(app, `/api/plans/quoc-gia-2030/targets/tu-van-80/ranking?asOf=${AS_OF}`);
    expect(body.rows.map((r) => r.rank)).toEqual(Array.from({ length: 34 }, (_, i) => i + 1));
    expect(new Set(body.rows.slice(0, 2).map((r) => r.code))).toEqual(new Set(['01', '14']));
    const [first, second] = body.rows;
    expect(first?.progressPct ?? 0).toBeGreaterThanOrEqual(second?.progressPct ?? 0);
  });
});

describe('a pre-2025 scope', () => {
  it('Bắc Từ Liêm’s cumulative methadone target reads the district’s own series and is decided at its deadline', async () => {
    const plan = await getJson<{ plan: { scope: { code: string } } }>(
      app,
      '/api/plans/bac-tu-liem-2020?asOf=2021-06-30',
    );
    const district = plan.plan.scope.code;
    const series = await getJson<{ rows: Array<{ period: string; value: number | null }> }>(
      app,
      `/api/series?unit=${district}&indicator=methadone_patients&at=2020-12-31&from=2020-Q4&to=2020-Q4`,
    );
    const atDeadline = series.rows[0]?.value ?? Number.NaN;
    const body = await getJson<ScorecardJson>(app, '/api/plans/bac-tu-liem-2020/scorecard?asOf=2021-06-30');
    // A district is named with its province (the page's title: "Quận Bắc Từ Liêm, Thành phố Hà Nội").
    expect(body.unit).toMatchObject({ code: district, level: 'district', provinceName: 'Thành phố Hà Nội' });
    const total = body.rows.find((r) => r.target.code === 'methadone-170')?.total;
    expect(total?.current).toBeCloseTo(atDeadline, 2);
    expect(total?.status).toBe(atDeadline >= 170 ? 'achieved' : 'missed');
  });

  it('keeps working after 1/7/2025: old districts’ estimates add up to the new province', async () => {
    const res = await app.request('/api/plans', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        code: 'test-sc-ha-noi-cu',
        title: 'Hà Nội (đơn vị cũ) đến 2026',
        issuingBody: 'UBND TP Hà Nội',
        documentNo: '2/KH-TEST',
        issuedOn: '2024-01-10',
        scope: { code: '01', validOn: '2024-01-01' },
        periodStart: '2024-01-01',
        periodEnd: '2026-12-31',
        targets: [
          {
            code: 'methadone',
            title: 'Methadone',
            definition: { kind: 'cumulative', indicator: 'methadone_patients', threshold: 100 },
            deadline: '2026-12-31',
          },
        ],
      }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const asOf = '2026-10-15';
    const card = await getJson<ScorecardJson>(app, `/api/plans/test-sc-ha-noi-cu/scorecard?asOf=${asOf}`);
    expect(card.columns.length).toBeGreaterThan(25); // the old districts of Hà Nội
    const cells = card.rows[0]?.cells ?? [];
    const sumOfDistricts = cells.reduce((s, c) => s + (c.current ?? 0), 0);
    const province = await getJson<{ rows: Array<{ code: string; value: number }> }>(
      app,
      '/api/values?indicator=methadone_patients&period=2026-Q3&level=province',
    );
    const newHaNoi = province.rows.find((r) => r.code === '01')?.value ?? Number.NaN;
    expect(sumOfDistricts / newHaNoi).toBeCloseTo(1, 2);

    const detail = await getJson<{ progress: { series: Array<{ date: string; estimated: boolean }> } }>(
      app,
      `/api/plans/test-sc-ha-noi-cu/targets/methadone/detail?asOf=${asOf}`,
    );
    const flags = new Map(detail.progress.series.map((p) => [p.date, p.estimated]));
    expect(flags.get('2025-06-30')).toBe(false);
    expect(flags.get('2025-09-30')).toBe(true);
    expect(flags.get('2026-09-30')).toBe(true);
  });
});

describe('scorecard: bad input', () => {
  const cases: Array<[string, number, string]> = [
    ['/api/plans/quoc-gia-2030/scorecard?unit=77', 404, 'unit'],
    ['/api/plans/quoc-gia-2030/scorecard?columns=rows', 400, 'columns'],
    ['/api/plans/quoc-gia-2030/scorecard?asOf=2026-13-01', 400, 'asOf'],
    ['/api/plans/no-such-plan/scorecard', 404, 'code'],
    ['/api/plans/quoc-gia-2030/targets/no-such-target/detail', 404, 'target'],
  ];
  it.each(cases)('%s → %i naming %s', async (path, status, field) => {
    const body = await getJson<ErrorJson>(app, path, status);
    expect(body.error.field).toBe(field);
  });
});
