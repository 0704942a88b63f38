import { describe, expect, it } from 'vitest';
import type { Queryable } from '../../db/engine';
import { testDb } from '../../testing/test-db';
import { communeListsFor, communeValuesJson, isHotPath } from './commune-values';
import { type ValuesQuery, valuesJson } from './values.repo';

/**
 * The map's hot path (commune-values.ts) answers the same bytes as the general statement (valuesJson) for
 * every query it takes: the country, a province, a district, a jurisdiction, one commune, every stored
 * indicator, and a commune whose value a late report on an older commune carried through the crosswalk.
 */

class Rollback extends Error {}

const query = (over: Partial<ValuesQuery>): ValuesQuery => ({
  stored: [{ code: 'managed_addicts', areaAggregation: 'sum', timeAggregation: 'last' }],
  formula: null,
  direct: true,
  periodIds: ['2026-Q2'],
  at: '2026-06-30',
  level: 'commune',
  parent: null,
  parentLevel: null,
  unitCode: null,
  jurisdiction: null,
  ...over,
});

describe('the hot path of /api/values', () => {
  it('answers byte for byte what the general statement answers', async () => {
    const db = await testDb();
    const lists = communeListsFor(db);
    const indicators = await db.query<{ code: string; areaAggregation: 'sum' | 'max' }>(
      `select code, area_aggregation as "areaAggregation" from indicators
       where formula is null and reporting_level = 'commune' and retired_at is null order by code`,
    );
    expect(indicators.length).toBeGreaterThan(3);
    const [district] = await db.query<{ code: string }>(
      `select code from admin_units where level = 'district' and province_code = '14'
         and valid_from <= '2024-12-31' and (valid_to is null or valid_to > '2024-12-31') order by code limit 1`,
    );
    const [commune] = await db.query<{ id: number; code: string }>(
      `select id, code from admin_units where level = 'commune' and province_code = '01'
         and valid_from <= '2026-06-30' and (valid_to is null or valid_to > '2026-06-30') order by code limit 1`,
    );
    const cases: ValuesQuery[] = [
      // The country once; every stored indicator on a province.
      query({}),
      ...indicators.map((i) =>
        query({
          stored: [{ code: i.code, areaAggregation: i.areaAggregation, timeAggregation: 'sum' }],
          parent: '14',
          parentLevel: 'province',
        }),
      ),
      query({
        periodIds: ['2024-Q4'],
        at: '2024-12-31',
        parent: district?.code ?? '',
        parentLevel: 'district',
      }),
      query({ jurisdiction: { provinceCodes: ['14'], communeIds: [commune?.id ?? 0] } }),
      query({ unitCode: commune?.code ?? '' }),
      query({ parent: '99', parentLevel: 'province' }),
    ];
    let rows = 0;
    for (const q of cases) {
      expect(isHotPath(q)).toBe(true);
      const general = await valuesJson(db, q);
      const hot = await communeValuesJson(db, lists, q);
      expect(hot.json).toBe(general.json);
      expect(hot.count).toBe(general.count);
      rows += hot.count;
    }
    expect(rows).toBeGreaterThan(1000);
  }, 180_000);

  it('carries a late report on an older commune through the crosswalk, flagged as an estimate, like valuesJson', async () => {
    const db = await testDb();
    const [pair] = await db.query<{ newId: number; newCode: string; oldId: number }>(
      `select n.id as "newId", n.code as "newCode", c.old_unit_id as "oldId"
       from unit_crosswalk c join admin_units n on n.id = c.new_unit_id
       where n.level = 'commune' and n.province_code = '14' and n.valid_from = '2025-07-01' and c.weight < 1
       order by n.code limit 1`,
    );
    if (!pair) throw new Error('no partial crosswalk row in Sơn La');
    const q = query({
      stored: [{ code: 'drug_arrests', areaAggregation: 'sum', timeAggregation: 'sum' }],
      periodIds: ['2025-Q3'],
      at: '2026-11-01',
      parent: '14',
      parentLevel: 'province',
    });
    const seen: { general: string; hot: string } = { general: '', hot: '' };
    // The list is read on the database, not in the transaction (one connection on PGlite): read it first.
    const lists = communeListsFor(db);
    await lists.at(q.at);
    await db
      .transaction(async (tx: Queryable) => {
        await tx.query(
          `delete from indicator_values where unit_id = $1 and period_id = '2025-Q3' and indicator_code = 'drug_arrests'`,
          [pair.newId],
        );
        await tx.query(
          `insert into indicator_values (indicator_code, period_id, unit_id, value, source)
           values ('drug_arrests', '2025-Q3', $1, 40, 'test')
           on conflict (indicator_code, period_id, unit_id) do update set value = 40`,
          [pair.oldId],
        );
        seen.general = (await valuesJson(tx, q)).json;
        seen.hot = (await communeValuesJson(tx, lists, q)).json;
        throw new Rollback();
      })
      .catch((e: unknown) => {
        if (!(e instanceof Rollback)) throw e;
      });
    const row = (JSON.parse(seen.hot) as Array<{ code: string; value: number; estimated?: true }>).find(
      (r) => r.code === pair.newCode,
    );
    expect(row?.estimated).toBe(true);
    expect(row?.value).toBeGreaterThan(0);
    expect(seen.hot).toBe(seen.general);
  });
});
