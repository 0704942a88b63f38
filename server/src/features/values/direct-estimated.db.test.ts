import { describe, expect, it } from 'vitest';
import type { Queryable } from '../../db/engine';
import { testDb } from '../../testing/test-db';
import { type ValuesQuery, valuesJson } from './values.repo';

/**
 * The map's fast path (one quarter on its own units, valuesJson with `direct`) says `estimated` like the
 * crosswalk path: a late report on an older commune, carried to today's commune by a partial crosswalk row,
 * is an estimate on both paths, and the two paths answer the same rows.
 */

class Rollback extends Error {}

describe('the direct path flags estimates like the crosswalk path', () => {
  it('answers the same rows, estimated included, for a quarter read through a partial crosswalk row', async () => {
    const db = await testDb();
    // A current Sơn La commune taking part of an old commune (weight < 1), and that old commune.
    const [pair] = await db.query<{ newId: number; newCode: string; oldId: number }>(
      `select n.id as "newId", n.code as "newCode", c.old_unit_id as "oldId"
       from unit_crosswalk c join admin_units n on n.id = c.new_unit_id
       where n.level = 'commune' and n.province_code = '14' and n.valid_from = '2025-07-01' and c.weight < 1
       order by n.code limit 1`,
    );
    expect(pair).toBeDefined();
    if (!pair) return;
    const query = (direct: boolean): ValuesQuery => ({
      stored: [{ code: 'drug_arrests', areaAggregation: 'sum', timeAggregation: 'sum' }],
      formula: null,
      direct,
      periodIds: ['2025-Q3'],
      at: '2026-11-01',
      level: 'commune',
      parent: '14',
      parentLevel: 'province',
      unitCode: null,
      jurisdiction: null,
    });
    type Row = { code: string; value: number; estimated?: true };
    const read = async (q: ValuesQuery, tx: Queryable = db) =>
      JSON.parse((await valuesJson(tx, q)).json) as Row[];

    // As reported: 2025-Q3 on today's communes, nothing estimated on either path.
    const [directBefore, slowBefore] = [await read(query(true)), await read(query(false))];
    expect(directBefore.length).toBeGreaterThan(10);
    expect(directBefore).toEqual(slowBefore);
    expect(directBefore.some((r) => r.estimated)).toBe(false);

    const seen: { direct: Row[]; slow: Row[] } = { direct: [], slow: [] };
    await db
      .transaction(async (tx) => {
        // The commune's own 2025-Q3 report is missing; a late report arrived on the old commune instead.
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
        seen.direct = await read(query(true), tx);
        seen.slow = await read(query(false), tx);
        throw new Rollback();
      })
      .catch((e: unknown) => {
        if (!(e instanceof Rollback)) throw e;
      });
    const { direct, slow } = seen;
    const row = direct.find((r) => r.code === pair.newCode);
    expect(row?.estimated).toBe(true);
    expect(row?.value).toBeGreaterThan(0);
    expect(row?.value).toBeLessThan(40);
    expect(direct).toEqual(slow);
    expect(direct.filter((r) => r.estimated).map((r) => r.code)).toEqual(
      slow.filter((r) => r.estimated).map((r) => r.code),
    );
  });
});
