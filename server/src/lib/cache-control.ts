import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoute, ROUTE_ACCESS } from './access';

/**
 * What a response that depends on the caller's session says to caches: keep nothing. A shared cache (a
 * proxy, a CDN) must not hand one user's figures, hotspot positions or CSRF token to another, and the
 * browser must not show them from its cache after sign-out.
 */
export const PRIVATE_CACHE_CONTROL = 'no-store';

/**
 * `Cache-Control: no-store` on every API response that depends on the session: every route whose audience
 * (ROUTE_ACCESS, lib/access.ts) is not `public`, everything under /api/auth/ (the session and its CSRF
 * token), and the refusals and errors of any of them. A route may set a header of its own that is as strict
 * (`no-store`, or `private, no-cache` where revalidation matters); anything else it set is replaced. Public routes keep their own
 * caching (tiles, the public summary and its picture).
 */
export function privateResponsesUncached(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (!dependsOnSession(c)) return;
    const own = c.res.headers.get('cache-control');
    if (own && isPrivate(own)) return;
    c.header('Cache-Control', PRIVATE_CACHE_CONTROL);
  };
}

function dependsOnSession(c: Context): boolean {
  if (c.req.path.startsWith('/api/auth/')) return true;
  // None: the 404 of an unknown path.
  const route = matchedRoute(c);
  return route === null || ROUTE_ACCESS[route.key] !== 'public';
}

/** True for a Cache-Control that no shared cache may store and no browser may reuse without asking. */
export function isPrivate(cacheControl: string): boolean {
  const directives = cacheControl.split(',').map((d) => d.trim().toLowerCase().split('=')[0]);
  return (
    directives.includes('no-store') || (directives.includes('private') && directives.includes('no-cache'))
  );
}
