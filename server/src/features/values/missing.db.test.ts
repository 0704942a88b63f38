import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine';
import { getJson } from '../../testing/http';
import { testApp } from '../../testing/test-db';

/**
 * Missing is not zero. A period whose quarters are not all reported says so (`partial`), instead of passing
 * a year so far off as the year; a share whose denominator is 0 is "no data", never 0 % or over 100 %.
 */

type App = Awaited<ReturnType<typeof testApp>>['app'];
let app: App;
let db: Database;
let commune = '';
beforeAll(async () => {
  ({ app, db } = await testApp());
  const rows = await db.query<{ code: string }>(
    `select code from admin_units where level = 'commune' and province_code = '14' and valid_from = '2025-07-01'
     order by code limit 1`,
  );
  commune = rows[0]?.code ?? '';
});

interface SeriesJson {
  rows: Array<{ period: string; value: number | null; partial: boolean }>;
}
interface ValuesJson {
  rows: Array<{ code: string; value: number; partial?: true }>;
}

describe('missing is not zero', () => {
  it('a year whose quarters are not all reported is marked partial, a whole year is not', async () => {
    // The demo runs to 2026-Q3: 2026 so far is three quarters of four.
    const body = await getJson<SeriesJson>(
      app,
      `/api/series?unit=${commune}&indicator=drug_arrests&from=2025&to=2026&at=2026-11-01`,
    );
    expect(body.rows.map((r) => [r.period, r.partial])).toEqual([
      ['2025', false],
      ['2026', true],
    ]);
    const province = await getJson<ValuesJson>(
      app,
      '/api/values?indicator=drug_arrests&period=2026&level=province&at=2026-11-01',
    );
    expect(province.rows.find((r) => r.code === '14')?.partial).toBe(true);
    const whole = await getJson<ValuesJson>(
      app,
      '/api/values?indicator=drug_arrests&period=2025&level=province&at=2026-11-01',
    );
    expect(whole.rows.find((r) => r.code === '14')?.partial).toBeUndefined();
  });

  it('a share whose denominator is 0 is no data, and no share passes 100 %', async () => {
    const detected = await db.query<{ code: string; detected: number }>(
      `select u.code, v.value as detected
       from admin_units u join indicator_values v on v.unit_id = u.id
       where u.level = 'commune' and u.province_code = '14' and u.valid_from = '2025-07-01'
         and v.indicator_code = 'drug_crops_detected_m2' and v.period_id = '2026-Q1'`,
    );
    const none = detected.filter((r) => r.detected === 0).map((r) => r.code);
    const some = detected.filter((r) => r.detected > 0).map((r) => r.code);
    expect(none.length).toBeGreaterThan(0);
    expect(some.length).toBeGreaterThan(0);
    const body = await getJson<ValuesJson>(
      app,
      '/api/values?indicator=crops_destroyed_pct&period=2026-Q1&level=commune&parent=14',
    );
    expect(body.rows.map((r) => r.code).sort()).toEqual([...some].sort());
    expect(body.rows.every((r) => r.value >= 0 && r.value <= 100)).toBe(true);
  });
});
