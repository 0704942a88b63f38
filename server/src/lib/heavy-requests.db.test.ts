import { describe, expect, it } from 'vitest';
import { testApp } from '../testing/test-db';
import { ROUTE_ACCESS } from './access';
import { HEAVY_PER_CALLER, HEAVY_ROUTES, heavyRequests } from './heavy-requests';
import { createRouter } from './openapi';

// Issue 13: one user's analyses must not take the server from everyone else.

describe('heavy requests limited per user', () => {
  it('names only routes that exist in the access table', () => {
    for (const key of HEAVY_ROUTES) expect(ROUTE_ACCESS[key], key).toBeDefined();
  });

  it('answers 429 with Retry-After past two at once for one user, while another user is served', async () => {
    const ctx = await testApp();
    const analyst = await ctx.as('bcd.quocgia');
    const other = await ctx.as('bcd.sonla');
    const national =
      '/api/analysis/emerging-hotspots?indicator=addicts_per_1000&from=2024-Q1&to=2025-Q4&weights=distance&distance=20000';
    const [burst, theirs] = await Promise.all([
      Promise.all(Array.from({ length: 8 }, () => analyst.request(national))),
      other.request(
        '/api/analysis/gi-star?indicator=addicts_per_1000&period=2025-Q4&province=14&weights=distance&distance=10000',
      ),
    ]);
    const statuses = burst.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(HEAVY_PER_CALLER);
    expect(statuses.filter((s) => s === 429)).toHaveLength(8 - HEAVY_PER_CALLER);
    const refused = burst.find((r) => r.status === 429) ?? new Response('{}');
    expect(refused.headers.get('retry-after')).toBe('2');
    expect(((await refused.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'too_many_requests',
      message: expect.stringContaining('tối đa cho một người'),
    });
    expect(theirs.status).toBe(200);
    // Once they finished, the same user is served again.
    expect((await analyst.request(national)).status).toBe(200);
  });

  it('caps heavy requests in all, and lets light ones through', async () => {
    const app = createRouter();
    let user = 0;
    app.use('/api/*', async (c, next) => {
      c.set('identity', {
        user: { id: ++user, username: `u${user}`, displayName: '', role: 'admin' },
      } as never);
      await next();
    });
    app.use('/api/*', heavyRequests({ perCaller: 2, inAll: 3 }));
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    app.get('/api/analysis/gi-star', async (c) => {
      await gate;
      return c.json({ ok: true });
    });
    app.get('/api/values', (c) => c.json({ ok: true }));
    const heavy = Array.from({ length: 5 }, () => app.request('/api/analysis/gi-star'));
    await new Promise((r) => setTimeout(r, 10));
    expect((await app.request('/api/values')).status).toBe(200);
    release();
    const statuses = (await Promise.all(heavy)).map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(2);
    expect((await app.request('/api/analysis/gi-star')).status).toBe(200);
  });
});
