import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { errorBody } from './errors';

/**
 * The one place where every API route's access is decided. Accounts and roles arrive with access control;
 * until then every rule says who the route is meant for, and a route with no rule is refused, so a new
 * route cannot be reachable without someone deciding who may call it.
 */
export type Audience =
  /** Anyone, signed in or not; only public fields and suppressed small counts. */
  | 'public'
  /** Signed-in staff of the unit's jurisdiction: internal indicators and statuses, hotspot counts. */
  | 'internal'
  /** Police of the jurisdiction: hotspot coordinates, register reads. */
  | 'police'
  /** Police writes: hotspot register edits, patrol plans. */
  | 'police_write'
  /** Plans, targets and status rule sets: committee and admin writes. */
  | 'planning'
  /** Indicator values and imports: data officers and admin. */
  | 'data_entry'
  /** Accounts, audit log, boundaries and unit versions. */
  | 'admin';

export const ROUTE_ACCESS: Readonly<Record<string, Audience>> = {
  'GET /api/health': 'public',
  'GET /api/openapi.json': 'public',
  'GET /api/config': 'public',
  'GET /api/units': 'public',
  'GET /api/boundaries': 'public',
  'GET /api/tiles/:layer/:z/:x/:y': 'public',
  'GET /api/indicators': 'public',
  // Values of internal and police indicators are filtered per role when roles exist.
  'GET /api/values': 'internal',
  'GET /api/status': 'public',
  'GET /api/series': 'internal',
  // Coordinates are police-sensitive.
  'GET /api/hotspots': 'police',
};

/** Key of a matched route in ROUTE_ACCESS: method and the path pattern as registered. */
export const routeKey = (method: string, path: string) => `${method} ${path.replace(/\{[^}]*\}/g, '')}`;

export function accessControl(): MiddlewareHandler {
  return async (c, next) => {
    // The API handler this request reached: middleware registers as ALL, the web app's fallback lies outside /api.
    const handler = matchedRoutes(c).find((r) => r.method !== 'ALL' && r.path.startsWith('/api/'));
    // No API route matched: the 404 handler answers.
    if (!handler) return next();
    const audience = ROUTE_ACCESS[routeKey(c.req.method === 'HEAD' ? 'GET' : c.req.method, handler.path)];
    if (!audience) {
      return c.json(errorBody('forbidden', `no access rule for ${c.req.method} ${handler.path}`, null), 403);
    }
    return next();
  };
}
