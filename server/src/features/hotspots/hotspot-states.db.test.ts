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

  it('agree on records the demo register lacks: re-opened on the elimination day, eliminated again', async () => {
    const records = [
      { code: 'same-day', detectedOn: '2025-03-10', eliminatedOn: '2026-04-01', reemergedOn: '2026-04-01' },
      { code: 'again', detectedOn: '2025-03-10', eliminatedOn: '2026-04-01', reemergedOn: '2026-01-15' },
      { code: 'back', detectedOn: '2025-03-10', eliminatedOn: '2025-06-30', reemergedOn: '2026-01-15' },
    ];
    const states: Record<string, Array<string | null>> = Object.fromEntries(records.map((r) => [r.code, []]));
    for (const at of ['2026-01-15', '2026-03-31', '2026-04-01', '2026-09-30']) {
      const rows = await db.query<{ code: string; state: string }>(
        `select h.code, ${hotspotStateSql('h', '$1')} as state
           from (values ${records.map((_, i) => `($${4 * i + 2}, $${4 * i + 3}::date, $${4 * i + 4}::date, $${4 * i + 5}::date)`).join(', ')})
             as h(code, detected_on, eliminated_on, reemerged_on)`,
        [at, ...records.flatMap((r) => [r.code, r.detectedOn, r.eliminatedOn, r.reemergedOn])],
      );
      for (const r of records) {
        const sql = rows.find((x) => x.code === r.code)?.state;
        expect(sql, `${r.code} on ${at}`).toBe(hotspotStateOn(r, at));
        states[r.code]?.push(sql ?? null);
      }
    }
    expect(states).toEqual({
      'same-day': ['active', 'active', 'active', 'active'],
      again: ['active', 'active', 'eliminated', 'eliminated'],
      back: ['active', 'active', 'active', 'active'],
    });
  });
});
