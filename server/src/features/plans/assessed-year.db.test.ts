import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine';
import { getJson } from '../../testing/http';
import { writableTestApp } from '../../testing/test-db';

/**
 * A status decision assesses a year: recognitions of January–February are about the previous year, and a
 * target for year Y reads the decisions that assess Y. The test dataset has no statuses for Kon Tum (62) or
 * Đồng Tháp (87), so each case writes its own decisions (document "TEST-ASSESSED", removed afterwards).
 */

type Writable = Awaited<ReturnType<typeof writableTestApp>>;
let app: Writable['app'];
let db: Database;
let close: Writable['close'];
const DOC = 'TEST-ASSESSED';

beforeAll(async () => {
  ({ app, db, close } = await writableTestApp());
});

afterAll(async () => {
  await db.query('delete from commune_status_decisions where document_no = $1', [DOC]);
  await close();
});

interface Progress {
  status: string;
  current: number | null;
  currentDate: string | null;
  baseline: number | null;
  reasonCode: string | null;
}

/** Old communes (the 2019 version) of a province, or of one of its districts, by code. */
async function oldCommunes(where: string, params: unknown[], n: number): Promise<number[]> {
  const rows = await db.query<{ id: number }>(
    `select c.id from admin_units c
     where c.level = 'commune' and c.valid_from <= '2020-01-01' and c.valid_to is not null and ${where}
     order by c.code limit ${n}`,
    params,
  );
  expect(rows.length).toBe(n);
  return rows.map((r) => r.id);
}

/** One decision per commune on `date`, the status of commune i given by `status(i)`. */
async function decide(ids: readonly number[], date: string, status: (i: number) => string) {
  await db.query(
    `insert into commune_status_decisions (unit_id, status, effective_date, deciding_body, document_no)
     select id, st, $2::date, 'UBND thử nghiệm', $4 from unnest($1::int[], $3::text[]) as s(id, st)`,
    [ids, date, ids.map((_, i) => status(i)), DOC],
  );
}

describe('targets read the decisions that assess their year', () => {
  it('the stored assessed year follows the January–February rule', async () => {
    const [id] = await oldCommunes(`c.province_code = '62'`, [], 1);
    await decide([id as number], '2018-02-28', () => 'co_ma_tuy');
    await decide([id as number], '2018-03-01', () => 'co_ma_tuy');
    const rows = await db.query<{ date: string; year: number }>(
      `select to_char(effective_date, 'YYYY-MM-DD') as date, assessed_year as year
       from commune_status_decisions where unit_id = $1 and document_no = $2 order by effective_date`,
      [id, DOC],
    );
    expect(rows).toEqual([
      { date: '2018-02-28', year: 2017 },
      { date: '2018-03-01', year: 2018 },
    ]);
    await db.query('delete from commune_status_decisions where unit_id = $1 and document_no = $2', [id, DOC]);
  });

  it('Kon Tum 2020: the reduction compares the decision about 2020 (1/2021) with the one about 2019 (1/2020)', async () => {
    const ids = await oldCommunes(`c.province_code = '62'`, [], 20);
    // About 2018 (1/2019): 18 communes with drugs; about 2019 (1/2020): 16; about 2020 (1/2021): 12.
    await decide(ids, '2019-01-15', (i) => (i < 18 ? 'co_ma_tuy' : 'khong_ma_tuy'));
    await decide(ids, '2020-01-15', (i) => (i < 16 ? 'co_ma_tuy' : 'khong_ma_tuy'));
    await decide(ids, '2021-01-15', (i) => (i < 12 ? 'trong_diem_III' : 'khong_ma_tuy'));
    const body = await getJson<{ progress: Array<{ target: string; progress: Progress }> }>(
      app,
      '/api/plans/kon-tum-2019-2020?asOf=2021-06-30',
    );
    const reduction = body.progress.find((p) => p.target === 'giam-5-xa-co-ma-tuy')?.progress;
    // (16 − 12) / 16 = 25 %; read by effective date it would be (18 − 16) / 18 = 11,1 %.
    expect(reduction?.current).toBe(25);
    expect(reduction?.currentDate).toBe('2020-12-31');
    expect(reduction?.status).toBe('achieved');
    const yearly = body.progress.find((p) => p.target === 'giam-xa-co-ma-tuy-tung-nam')?.progress;
    expect(yearly?.current).toBe(25);
    // Before the decision about 2020 is issued, the end of 2020 still stands on the one about 2019.
    const early = await getJson<{ progress: Array<{ target: string; progress: Progress }> }>(
      app,
      '/api/plans/kon-tum-2019-2020?asOf=2021-01-10',
    );
    const before = early.progress.find((p) => p.target === 'giam-5-xa-co-ma-tuy')?.progress;
    expect(before?.current).toBe(0);
  });

  it('Đồng Tháp 2023: the conversion counts the decision about 2023 (1/2024), not the one about 2022 (1/2023)', async () => {
    const [district] = await db.query<{ code: string }>(
      `select d.code from admin_units d
       where d.level = 'district' and d.province_code = '87' and d.valid_from <= '2023-06-30'
         and (d.valid_to is null or d.valid_to > '2023-06-30')
       order by d.code limit 1`,
    );
    if (!district) throw new Error('an old district of Đồng Tháp expected');
    const ids = await oldCommunes(`c.parent_code = $1`, [district.code], 3);
    // About 2021: all three with drugs. About 2022 (1/2023): the 2nd and 3rd became drug-free in 2022.
    // About 2023 (1/2024): the 1st became drug-free in 2023.
    await decide(ids, '2022-01-15', () => 'co_ma_tuy');
    await decide(ids, '2023-01-15', (i) => (i === 0 ? 'co_ma_tuy' : 'khong_ma_tuy'));
    await decide(ids, '2024-01-15', () => 'khong_ma_tuy');
    const card = await getJson<{
      rows: Array<{ target: { code: string }; cells: Array<Progress & { key: string }> }>;
    }>(app, '/api/plans/dong-thap-2023/scorecard?asOf=2024-06-30');
    const cell = card.rows
      .find((r) => r.target.code === 'moi-huyen-chuyen-1-xa')
      ?.cells.find((c) => c.key === district.code);
    // The district converted one commune in 2023 (≥ 1: Đạt); read by effective date it would count the two
    // of 2022 and miss the one of 2023.
    expect([cell?.current, cell?.status]).toEqual([1, 'achieved']);
  });
});
