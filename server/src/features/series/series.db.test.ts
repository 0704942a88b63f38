import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine';
import { type ErrorJson, getJson } from '../../testing/http';
import { testApp } from '../../testing/test-db';

type App = Awaited<ReturnType<typeof testApp>>['app'];
let app: App;
let db: Database;
beforeAll(async () => {
  ({ app, db } = await testApp());
});

interface SeriesJson {
  meta: { unit: string; level: string; unitVersion: string };
  rows: Array<{ period: string; value: number | null; method: string }>;
}

/** A current commune of Sơn La formed from several old communes. */
async function mergedCommune(): Promise<string> {
  const rows = await db.query<{ code: string }>(
    `select n.code from unit_crosswalk c join admin_units n on n.id = c.new_unit_id
     where n.level = 'commune' and n.province_code = '14' and n.valid_from = '2025-07-01'
     group by n.code having count(*) >= 3 order by n.code limit 1`,
  );
  const code = rows[0]?.code;
  if (!code) throw new Error('no merged commune in Sơn La');
  return code;
}

describe('GET /api/series', () => {
  it('runs from 2019 to the latest quarter across 1/7/2025 with no gap', async () => {
    const unit = await mergedCommune();
    const body = await getJson<SeriesJson>(
      app,
      `/api/series?unit=${unit}&indicator=managed_addicts&at=2026-11-01`,
    );
    expect(body.rows[0]?.period).toBe('2019-Q1');
    expect(body.rows.at(-1)?.period).toBe('2026-Q3');
    expect(body.rows).toHaveLength(31);
    expect(body.rows.every((r) => r.value !== null)).toBe(true);
    expect(body.rows.find((r) => r.period === '2025-Q2')?.method).toBe('crosswalk');
    expect(body.rows.find((r) => r.period === '2025-Q3')?.method).toBe('direct');
  });

  it('gives a merged commune’s history as the weighted sum of its old communes', async () => {
    const unit = await mergedCommune();
    const body = await getJson<SeriesJson>(
      app,
      `/api/series?unit=${unit}&indicator=managed_addicts&from=2023-Q1&to=2023-Q4&at=2026-11-01`,
    );
    const expected = await db.query<{ period_id: string; v: number }>(
      `select v.period_id, sum(v.value * c.weight) as v
       from admin_units n join unit_crosswalk c on c.new_unit_id = n.id
       join indicator_values v on v.unit_id = c.old_unit_id and v.indicator_code = 'managed_addicts'
       where n.code = $1 and n.valid_from = '2025-07-01' and v.period_id like '2023-Q%'
       group by v.period_id order by v.period_id`,
      [unit],
    );
    expect(body.rows.map((r) => r.period)).toEqual(['2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4']);
    body.rows.forEach((r, i) => {
      expect(r.value).toBeCloseTo(Number(expected[i]?.v), 3);
    });
  });

  it('steps by years when asked for years', async () => {
    const body = await getJson<SeriesJson>(
      app,
      '/api/series?unit=14&indicator=drug_arrests&from=2019&to=2026',
    );
    expect(body.meta.level).toBe('province');
    expect(body.rows.map((r) => r.period)).toEqual([
      '2019',
      '2020',
      '2021',
      '2022',
      '2023',
      '2024',
      '2025',
      '2026',
    ]);
  });

  it('names the wrong parameter', async () => {
    expect(
      (await getJson<ErrorJson>(app, '/api/series?unit=14&indicator=drug_arrests&from=2019&to=2024-Q1', 400))
        .error.field,
    ).toBe('to');
    expect(
      (await getJson<ErrorJson>(app, '/api/series?unit=14&indicator=drug_arrests&from=2024&to=2019', 400))
        .error.field,
    ).toBe('to');
    expect((await getJson<ErrorJson>(app, '/api/series?indicator=drug_arrests', 400)).error.field).toBe(
      'unit',
    );
    expect(
      (await getJson<ErrorJson>(app, '/api/series?unit=98765&indicator=drug_arrests', 404)).error.field,
    ).toBe('unit');
  });
});
