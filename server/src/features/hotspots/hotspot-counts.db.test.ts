import { beforeAll, describe, expect, it } from 'vitest';
import { getJson } from '../../testing/http';
import { testApp } from '../../testing/test-db';

let ctx: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  ctx = await testApp();
});

interface Counts {
  meta: { count: number };
  rows: Array<{ code: string; active: number; eliminated: number }>;
}

describe('GET /api/hotspot-counts', () => {
  it('gives a committee the active hotspots per commune of its province, agreeing with the police map', async () => {
    const committee = await ctx.as('bcd.hanoi');
    const counts = await getJson<Counts>(committee, '/api/hotspot-counts?parent=01&at=2026-06-30');
    expect(counts.rows.length).toBeGreaterThan(5);
    const police = await getJson<{ features: Array<{ properties: { communeCode: string } }> }>(
      ctx.app,
      '/api/hotspots?at=2026-06-30&status=active',
    );
    const communes = new Set(counts.rows.map((r) => r.code));
    const inHanoi = police.features.filter((f) => communes.has(f.properties.communeCode));
    expect(counts.rows.reduce((s, r) => s + r.active, 0)).toBe(inHanoi.length);
    expect(JSON.stringify(counts)).not.toMatch(/coordinates|lon|lat/);
  });

  it('limits a national request to the caller’s jurisdiction and refuses another province', async () => {
    const committee = await ctx.as('bcd.hanoi');
    const all = await getJson<Counts>(committee, '/api/hotspot-counts?at=2026-06-30');
    const hanoi = await getJson<Counts>(committee, '/api/hotspot-counts?parent=01&at=2026-06-30');
    expect(all.rows).toEqual(hanoi.rows);
    const admin = await getJson<Counts>(ctx.app, '/api/hotspot-counts?at=2026-06-30');
    expect(admin.rows.length).toBeGreaterThan(hanoi.rows.length);
    await getJson(committee, '/api/hotspot-counts?parent=14', 403);
    await getJson(await ctx.as(null), '/api/hotspot-counts?parent=01', 401);
  });
});
