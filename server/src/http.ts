import { existsSync, readFileSync } from 'node:fs';
import { createServer, type RequestListener, type ServerOptions } from 'node:http';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { createApp } from './app';
import { publicPageHtml, summaryFromApi } from './features/public/link-preview';
import { type NodeHandler, tileFastPath } from './features/tiles/tile-fast-path';
import type { AppDeps } from './lib/context';
import { errorBody } from './lib/errors';
import { msg } from './lib/messages';
import { linkOrigin } from './lib/public-origin';
import { securityHeaders } from './lib/security-headers';

/** What the app is made with (the database, the dataset, settings): `pnpm start` builds it from the environment. */
export type { AppDeps } from './lib/context';

/**
 * The whole site on one origin: the API under /api and the built web app (web/dist) for everything else,
 * with index.html for client-side routes so a shared link opens the same view.
 */
export function createHttpApp(deps: AppDeps, webDist: string) {
  const site = new Hono();
  site.use('*', siteSecurityHeaders(deps));
  const api = createApp(deps);
  site.route('/', api);
  // Mounted apps do not bring their 404 handler: an unknown API path must not fall through to index.html.
  site.all('/api/*', (c) =>
    c.json(
      errorBody('not_found', msg('request.no_route', { method: c.req.method, path: c.req.path }), null),
      404,
    ),
  );
  if (existsSync(join(webDist, 'index.html'))) {
    const indexHtml = readFileSync(join(webDist, 'index.html'), 'utf8');
    // Vite puts a content hash in every asset name, so browsers may keep them forever.
    site.use('/assets/*', async (c, next) => {
      await next();
      if (c.res.status === 200) c.res.headers.set('Cache-Control', 'public, max-age=31536000, immutable');
    });
    site.use('/*', serveStatic({ root: webDist }));
    // An asset that is not there (an old build's hashed name, a typo) is a 404, not the app under its name:
    // index.html with a year of `immutable` would stick in browsers and caches under that name.
    site.all('/assets/*', (c) => c.text('Not found', 404, { 'cache-control': 'no-store' }));
    // Public pages carry their link preview in the HTML: crawlers run no script.
    const summaryOf = summaryFromApi(api);
    site.get('*', async (c) => {
      const origin = linkOrigin(deps.origin ?? {}, c.req.url, c.req.raw.headers);
      return c.html((await publicPageHtml(indexHtml, new URL(c.req.url), origin, summaryOf)) ?? indexHtml);
    });
  }
  return site;
}

const siteSecurityHeaders = (deps: AppDeps) =>
  securityHeaders({
    basemapStyleUrl: deps.client?.basemapStyleUrl ?? null,
    extraConnectSrc: deps.client?.extraConnectSrc,
  });

/**
 * The `createServer` option of @hono/node-server's serve() for the site: a node:http server that answers
 * map tiles itself (features/tiles/tile-fast-path.ts), with the site's security headers, and hands every
 * other request to the app. Until those headers are known (a microtask after start) every
 * request goes to the app.
 */
export function serverWithTileFastPath(deps: AppDeps): typeof createServer {
  let handle: NodeHandler | null = null;
  void securityHeaderList(deps).then((headers) => {
    handle = tileFastPath(deps.db, headers);
  });
  const create = (options: ServerOptions, app: RequestListener) =>
    createServer(options, (req, res) => {
      if (handle) handle(req, res, app);
      else app(req, res);
    });
  return create as typeof createServer;
}

/** The headers the site's security middleware puts on a response, as it puts them. */
async function securityHeaderList(deps: AppDeps): Promise<[string, string][]> {
  const probe = new Hono();
  probe.use('*', siteSecurityHeaders(deps));
  probe.get('*', (c) => c.body(null, 204));
  const headers: [string, string][] = [];
  (await probe.request('/')).headers.forEach((value, name) => {
    headers.push([name, value]);
  });
  return headers;
}
