import type { Briefing } from '@pcmt/domain/contracts/briefings';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine';
import { getJson } from '../../testing/http';
import { writableTestApp } from '../../testing/test-db';

/**
 * A briefing freezes which of its figures are estimates: a commune's count carried to today's units by a
 * partial crosswalk row is `estimated` in the frozen snapshot exactly where /api/values says so (the slide
 * shows "ước tính" beside it), and nowhere else.
 */

type Writable = Awaited<ReturnType<typeof writableTestApp>>;
let ctx: Writable;
let db: Database;
const created: string[] = [];

beforeAll(async () => {
  ctx = await writableTestApp();
  db = ctx.db;
});

afterAll(async () => {
  await db.query(`delete from briefings where id = any($1::text[])`, [created]);
  await ctx.close();
});

interface ValuesJson {
  rows: Array<{ code: string; value: number; estimated?: true }>;
}

describe('estimates in a frozen briefing', () => {
  it('marks the same communes as /api/values, for an old quarter on today’s units', async () => {
    const res = await ctx.app.request('/api/briefings', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'Sơn La Quý IV/2024 trên đơn vị hiện nay',
        views: [
          {
            title: 'Người nghiện',
            province: '14',
            period: '2024-Q4',
            indicator: 'managed_addicts',
            todayUnits: true,
          },
        ],
      }),
    });
    const text = await res.text();
    expect(res.status, text.slice(0, 300)).toBe(201);
    const briefing = JSON.parse(text) as Briefing;
    created.push(briefing.id);
    const snapshot = briefing.views[0]?.snapshot;
    const values = await getJson<ValuesJson>(
      ctx.app,
      `/api/values?indicator=managed_addicts&period=2024-Q4&level=commune&parent=14&at=${snapshot?.at}`,
    );
    const expected = values.rows.filter((r) => r.estimated).map((r) => r.code);
    expect(expected.length).toBeGreaterThan(0);
    const frozen = (snapshot?.rows ?? []).filter((r) => r.estimated).map((r) => r.code);
    expect(frozen).toEqual(expected);
    expect(snapshot?.rows.filter((r) => r.estimated && r.value === null)).toEqual([]);
  });
});
