import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { createApp } from './app';
import type { AppDeps } from './lib/context';

/**
 * The whole site on one origin: the API under /api and the built web app (web/dist) for everything else,
 * with index.html for client-side routes so a shared link opens the same view.
 */
export function createHttpApp(deps: AppDeps, webDist: string) {
  const site = new Hono();
  site.route('/', createApp(deps));
  if (existsSync(join(webDist, 'index.html'))) {
    const indexHtml = readFileSync(join(webDist, 'index.html'), 'utf8');
    site.use('/assets/*', serveStatic({ root: webDist, onFound: (_path, c) => immutable(c.header.bind(c)) }));
    site.use('/*', serveStatic({ root: webDist }));
    site.get('*', (c) => c.html(indexHtml));
  }
  return site;
}

/** Vite puts a content hash in every asset name, so browsers may keep them forever. */
function immutable(setHeader: (name: string, value: string) => void) {
  setHeader('Cache-Control', 'public, max-age=31536000, immutable');
}
