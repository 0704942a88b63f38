import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { createApp } from './app';
import type { AppDeps } from './lib/context';
import { errorBody } from './lib/errors';

/**
 * The whole site on one origin: the API under /api and the built web app (web/dist) for everything else,
 * with index.html for client-side routes so a shared link opens the same view.
 */
export function createHttpApp(deps: AppDeps, webDist: string) {
  const site = new Hono();
  site.route('/', createApp(deps));
  // Mounted apps do not bring their 404 handler: an unknown API path must not fall through to index.html.
  site.all('/api/*', (c) =>
    c.json(errorBody('not_found', `no route ${c.req.method} ${c.req.path}`, null), 404),
  );
  if (existsSync(join(webDist, 'index.html'))) {
    const indexHtml = readFileSync(join(webDist, 'index.html'), 'utf8');
    // Vite puts a content hash in every asset name, so browsers may keep them forever.
    site.use('/assets/*', async (c, next) => {
      await next();
      if (c.res.status === 200) c.res.headers.set('Cache-Control', 'public, max-age=31536000, immutable');
    });
    site.use('/*', serveStatic({ root: webDist }));
    site.get('*', (c) => c.html(indexHtml));
  }
  return site;
}
