import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine';
import { getJson } from '../../testing/http';
import { testApp } from '../../testing/test-db';

/**
 * A count carried across a boundary change by area share (a partial crosswalk row) is an estimate and says
 * so: `estimated: true` on its row of /api/values and /api/series. A value reported on the unit itself, or
 * carried whole from old units that lie entirely inside it, is not.
 */

type App = Awaited<ReturnType<typeof testApp>>['app'];
let app: App;
let db: Database;
beforeAll(async () => {
  ({ app, db } = await testApp());
});

interface SeriesJson {
  rows: Array<{ period: string; value: number | null; estimated: boolean }>;
}
interface ValuesJson {
  rows: Array<{ code: string; value: number; estimated?: true }>;
}

/** Current Sơn La communes that take part of an old commune, and those made only of whole old communes. */
async function communesByCrosswalk(): Promise<{ partial: string[]; whole: string[] }> {
  const rows = await db.query<{ code: string; partial: boolean }>(
    `select n.code, bool_or(c.weight < 1) as partial
     from unit_crosswalk c join admin_units n on n.id = c.new_unit_id
     where n.level = 'commune' and n.province_code = '14' and n.valid_from = '2025-07-01'
     group by n.code order by n.code`,
  );
  return {
    partial: rows.filter((r) => r.partial).map((r) => r.code),
    whole: rows.filter((r) => !r.partial).map((r) => r.code),
  };
}

describe('estimates through the crosswalk', () => {
  it('flags a series period carried by a partial crosswalk row, not the periods reported on the unit', async () => {
    const { partial, whole } = await communesByCrosswalk();
    expect(partial.length).toBeGreaterThan(0);
    expect(whole.length).toBeGreaterThan(0);
    const estimated = await getJson<SeriesJson>(
      app,
      `/api/series?unit=${partial[0]}&indicator=drug_arrests&from=2025-Q1&to=2025-Q4&at=2026-11-01`,
    );
    expect(estimated.rows.map((r) => [r.period, r.estimated])).toEqual([
      ['2025-Q1', true],
      ['2025-Q2', true],
      ['2025-Q3', false],
      ['2025-Q4', false],
    ]);
    const exact = await getJson<SeriesJson>(
      app,
      `/api/series?unit=${whole[0]}&indicator=drug_arrests&from=2025-Q1&to=2025-Q2&at=2026-11-01`,
    );
    expect(exact.rows.map((r) => r.estimated)).toEqual([false, false]);
  });

  it('a computed share over estimated counts is an estimate too; a year of a stock follows its last quarter', async () => {
    const { partial } = await communesByCrosswalk();
    const share = await getJson<SeriesJson>(
      app,
      `/api/series?unit=${partial[0]}&indicator=treatment_reach_pct&from=2024-Q4&to=2025-Q3&at=2026-11-01`,
    );
    expect(share.rows.map((r) => r.estimated)).toEqual([true, true, true, false]);
    const year = await getJson<SeriesJson>(
      app,
      `/api/series?unit=${partial[0]}&indicator=managed_addicts&from=2024&to=2025&at=2026-11-01`,
    );
    // 2025's last quarter was reported on the current commune: its stock is not an estimate.
    expect(year.rows.map((r) => [r.period, r.estimated])).toEqual([
      ['2024', true],
      ['2025', false],
    ]);
  });

  it('marks exactly the communes with a partial predecessor in /api/values of an old quarter on today’s units', async () => {
    const { partial, whole } = await communesByCrosswalk();
    const body = await getJson<ValuesJson>(
      app,
      '/api/values?indicator=managed_addicts&period=2024-Q4&level=commune&parent=14&at=2026-11-01',
    );
    const flagged = body.rows.filter((r) => r.estimated === true).map((r) => r.code);
    expect(flagged).toEqual(partial.filter((code) => body.rows.some((r) => r.code === code)));
    expect(body.rows.filter((r) => whole.includes(r.code)).every((r) => r.estimated === undefined)).toBe(
      true,
    );
    // The province total sums estimated parts: an estimate.
    const province = await getJson<ValuesJson>(
      app,
      '/api/values?indicator=managed_addicts&period=2024-Q4&level=province&at=2026-11-01',
    );
    expect(province.rows.find((r) => r.code === '14')?.estimated).toBe(true);
    // A quarter reported on today's units is read as reported.
    const current = await getJson<ValuesJson>(
      app,
      '/api/values?indicator=managed_addicts&period=2025-Q4&level=commune&parent=14',
    );
    expect(current.rows.length).toBeGreaterThan(0);
    expect(current.rows.some((r) => r.estimated)).toBe(false);
  });
});
