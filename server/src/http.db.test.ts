import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp } from './http';
import { ROUTE_ACCESS, routeKey } from './lib/access';
import { readDatasetInfo } from './lib/context';
import { testApp, testDb } from './testing/test-db';

/** The site as `pnpm start` serves it: the API and the built web app on one origin. */
let site: ReturnType<typeof createHttpApp>;
beforeAll(async () => {
  const dist = mkdtempSync(join(tmpdir(), 'pcmt-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>PCMT Atlas</title>');
  writeFileSync(join(dist, 'assets', 'app-abc123.js'), 'console.log(1)');
  const db = await testDb();
  site = createHttpApp({ db, dataset: await readDatasetInfo(db) }, dist);
});

describe('the site on one origin', () => {
  it('serves the API, with its access rules and its error shape', async () => {
    expect((await site.request('/api/health')).status).toBe(200);
    const bad = await site.request('/api/units?level=province&at=2024-02-30');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { field: 'at' } });
    // Internal data needs a session: an anonymous caller learns nothing, not even whether the query was valid.
    const anonymous = await site.request('/api/values?indicator=managed_addicts&period=2024-Q9');
    expect(anonymous.status).toBe(401);
    const tile = await site.request('/api/tiles/provinces/5/25/14.mvt?at=2026-01-01');
    expect([200, 204]).toContain(tile.status);
  });

  it('tells the web app its run-time settings: no basemap unless configured', async () => {
    expect(await (await site.request('/api/config')).json()).toEqual({ basemapStyleUrl: null });
    const db = await testDb();
    const configured = createHttpApp(
      {
        db,
        dataset: await readDatasetInfo(db),
        client: { basemapStyleUrl: 'https://tiles.example.vn/style.json' },
      },
      tmpdir(),
    );
    expect(await (await configured.request('/api/config')).json()).toEqual({
      basemapStyleUrl: 'https://tiles.example.vn/style.json',
    });
  });

  it('sends security headers: a CSP of its own origin only, no framing', async () => {
    for (const path of ['/ban-do', '/api/health']) {
      const res = await site.request(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
    const db = await testDb();
    const withBasemap = createHttpApp(
      {
        db,
        dataset: await readDatasetInfo(db),
        client: { basemapStyleUrl: 'https://tiles.example.vn/s.json' },
      },
      tmpdir(),
    );
    const csp = (await withBasemap.request('/api/health')).headers.get('content-security-policy');
    expect(csp).toMatch(/connect-src 'self' https:\/\/tiles\.example\.vn/);
  });

  it('answers an unknown API path with a JSON 404, not the web app', async () => {
    const res = await site.request('/api/no-such-route');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('serves the web app for client-side routes and hashed assets for a year', async () => {
    const page = await site.request('/ban-do/tinh/14?period=2026-Q1');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>PCMT Atlas</title>');
    const asset = await site.request('/assets/app-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it('answers a missing asset with 404, never the app under its name with a year of caching', async () => {
    for (const path of ['/assets/nope.js', '/assets/app-old999.css', '/assets/deep/x.js']) {
      const res = await site.request(path);
      expect(res.status, path).toBe(404);
      const cacheControl = res.headers.get('cache-control') ?? '';
      expect(cacheControl, path).not.toContain('immutable');
      expect(cacheControl, path).not.toMatch(/max-age=[1-9]/);
      expect(await res.text(), path).not.toContain('<title>');
    }
  });
});

describe('caching of API responses', () => {
  const privateCaching = (res: Response) => {
    const directives = (res.headers.get('cache-control') ?? '').split(',').map((d) => d.trim());
    return (
      directives.includes('no-store') || (directives.includes('private') && directives.includes('no-cache'))
    );
  };

  it('forbids caches to keep any response that depends on the session, whatever its status', async () => {
    const { raw, app, as } = await testApp();
    const callers = { admin: app, anonymous: await as(null) };
    const seen = new Set<string>();
    const problems: string[] = [];
    let checked = 0;
    for (const r of raw.routes) {
      if (r.method === 'ALL' || !r.path.startsWith('/api/')) continue;
      const key = routeKey(r.method, r.path);
      if (seen.has(key) || key.endsWith('/logout')) continue;
      seen.add(key);
      if (ROUTE_ACCESS[key] === 'public' && !key.includes(' /api/auth/')) continue;
      // Any parameter value: a 200, a 400, a 404 or a refusal must all stay out of caches. Writes carry an
      // empty body (400) or an unknown id (404): nothing changes.
      const path = r.path.replace(/:(\w+)(\{[^}]*\})?/g, 'x1');
      for (const [name, client] of Object.entries(callers)) {
        const init: RequestInit = { method: r.method };
        if (r.method !== 'GET') init.headers = { 'content-type': 'application/json' };
        if (r.method !== 'GET') init.body = '{}';
        const res = await client.request(path, init);
        checked++;
        if (!privateCaching(res))
          problems.push(`${name} ${key} → ${res.status} cache-control: ${res.headers.get('cache-control')}`);
        await res.arrayBuffer();
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(problems).toEqual([]);
  });

  it('sends no-store on the private answers the review found cached: session, values, hotspots, users, audit', async () => {
    const { app, as } = await testApp();
    const anonymousSession = await (await as(null)).request('/api/auth/session');
    expect(anonymousSession.headers.get('cache-control')).toBe('no-store');
    for (const path of [
      '/api/auth/session',
      '/api/values?indicator=managed_addicts&period=2026-Q1&parent=01',
      '/api/hotspots?at=2026-06-30',
      '/api/hotspot-counts?parent=01&at=2026-06-30',
      '/api/users',
      '/api/audit?limit=5',
      '/api/briefings',
      '/api/plans',
    ]) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('no-store');
      await res.arrayBuffer();
    }
  });

  it('keeps the caching of public responses', async () => {
    const tile = await site.request('/api/tiles/provinces/5/25/14.mvt?at=2026-01-01');
    expect(tile.headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
    const summary = await site.request('/api/public/summary?province=01');
    expect(summary.status).toBe(200);
    expect(summary.headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
    expect((await site.request('/api/units?level=province')).headers.get('cache-control')).toBeNull();
  });
});

describe('the Origin check of writes', () => {
  /** A sign-in with an empty body: 400 once the Origin passes, 403 csrf_failed when it does not. */
  const login = (site: ReturnType<typeof createHttpApp>, url: string, headers: Record<string, string>) =>
    site.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: '{}',
    });

  it('compares scheme, host and port with the configured public origin', async () => {
    const db = await testDb();
    const site = createHttpApp(
      { db, dataset: await readDatasetInfo(db), origin: { publicOrigin: 'https://pcmt.example.gov.vn' } },
      tmpdir(),
    );
    const url = 'http://pcmt.example.gov.vn/api/auth/login';
    const host = 'pcmt.example.gov.vn';
    // The right host but http: another origin (a page on the network's plain-http side).
    const wrongScheme = await login(site, url, { host, origin: 'http://pcmt.example.gov.vn' });
    expect(wrongScheme.status).toBe(403);
    expect(await wrongScheme.json()).toMatchObject({ error: { code: 'csrf_failed', field: 'origin' } });
    expect((await login(site, url, { host, origin: 'https://pcmt.example.gov.vn:8443' })).status).toBe(403);
    expect((await login(site, url, { host, origin: 'https://evil.example' })).status).toBe(403);
    // Behind the proxy that ends TLS the request arrives as http: the configured origin is what counts.
    expect((await login(site, url, { host, origin: 'https://pcmt.example.gov.vn' })).status).toBe(400);
  });

  it("compares with the request's own origin when none is configured", async () => {
    const url = 'http://localhost:3000/api/auth/login';
    const host = 'localhost:3000';
    expect((await login(site, url, { host, origin: 'http://localhost:3000' })).status).toBe(400);
    expect((await login(site, url, { host, origin: 'https://localhost:3000' })).status).toBe(403);
    expect((await login(site, url, { host, origin: 'http://localhost:3001' })).status).toBe(403);
    // A proxy that ends TLS says so; a page cannot send this header to another origin.
    const proxied = { host, 'x-forwarded-proto': 'https' };
    expect((await login(site, url, { ...proxied, origin: 'https://localhost:3000' })).status).toBe(400);
    expect((await login(site, url, { ...proxied, origin: 'http://localhost:3000' })).status).toBe(403);
  });
});
