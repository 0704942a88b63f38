import { HOTSPOT_STATES, hotspotStateOn, hotspotStateSql } from '@pcmt/domain/hotspot-states';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../../db/engine';
import { testDb } from '../../testing/test-db';

let db: Queryable;
beforeAll(async () => {
  db = await testDb();
});

interface Row {
  code: string;
  detectedOn: string;
  eliminatedOn: string | null;
  reemergedOn: string | null;
  state: string | null;
}

const DATES = [
  '2023-12-31',
  '2024-06-30',
  '2025-03-31',
  '2025-07-01',
  '2025-12-31',
  '2026-06-30',
  '2026-09-30',
];

describe('hotspot states in SQL and in @pcmt/domain/hotspot-states', () => {
  it('give every register hotspot the same state on each date, re-emerged ones included', async () => {
    let compared = 0;
    const seen = new Set<string>();
    for (const at of DATES) {
      const rows = await db.query<Row>(
        `select h.code, to_char(h.detected_on, 'YYYY-MM-DD') as "detectedOn",
                to_char(h.eliminated_on, 'YYYY-MM-DD') as "eliminatedOn",
                to_char(h.reemerged_on, 'YYYY-MM-DD') as "reemergedOn",
                case when h.detected_on > $1::date then null else ${hotspotStateSql('h', '$1')} end as state
           from hotspots h`,
        [at],
      );
      for (const r of rows) {
        expect(r.state, `${r.code} on ${at}`).toBe(hotspotStateOn(r, at));
        if (r.state) seen.add(r.state);
        if (r.reemergedOn !== null && r.reemergedOn <= at) seen.add('reemerged');
        compared++;
      }
    }
    // The register has hotspots in each state and re-emerged ones, so the comparison covers every branch.
    expect(compared).toBeGreaterThan(100);
    for (const s of [...HOTSPOT_STATES, 'reemerged']) expect(seen.has(s), s).toBe(true);
  });
});
