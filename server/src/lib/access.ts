import { type Audience, mayReach } from '@pcmt/domain/roles';
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { errorBody } from './errors';
import { msg, ROLE_NAMES } from './messages';

/**
 * The one place where every API route's access is decided: each route names its audience, and
 * `AUDIENCE_ROLES` (@pcmt/domain/roles; the web's pages read it too) says which roles reach which audience.
 * A route with no rule is refused, so a new route cannot be reachable without someone deciding who may call it. Jurisdiction
 * (which units) is checked by the routes themselves, from the identity this middleware's caller set.
 */
export type { Audience };

export const ROUTE_ACCESS: Readonly<Record<string, Audience>> = {
  'GET /api/health': 'public',
  'GET /api/openapi.json': 'public',
  'GET /api/config': 'public',
  'GET /api/units': 'public',
  'GET /api/unit-versions': 'public',
  'GET /api/boundaries': 'public',
  'GET /api/tiles/:layer/:z/:x/:y': 'public',
  'GET /api/indicators': 'public',
  // The catalogue is the administrators' (national entries: national grant; a province's own: its admins).
  'POST /api/indicators': 'admin',
  'PATCH /api/indicators/:code': 'admin',
  'POST /api/indicators/:code/retire': 'admin',
  // Values of internal and police indicators are filtered per role when roles exist.
  'GET /api/values': 'internal',
  // Which communes an area total lacks (names only, as the values' own audience).
  'GET /api/values/missing': 'internal',
  'GET /api/status': 'public',
  'GET /api/series': 'internal',
  // Coordinates are police-sensitive.
  'GET /api/hotspots': 'police',
  // Hotspot register (issue 5): reads and every coordinate-bearing analysis for police, writes police_write;
  // commune-level statistics on indicators and the yearly elimination counts for staff.
  'GET /api/hotspots/:code': 'police',
  'POST /api/hotspots': 'police_write',
  'PATCH /api/hotspots/:code': 'police_write',
  'POST /api/hotspots/:code/eliminate': 'police_write',
  'POST /api/hotspots/:code/reopen': 'police_write',
  'GET /api/hotspot-eliminations': 'internal',
  'GET /api/analysis/gi-star': 'internal',
  'GET /api/analysis/local-moran': 'internal',
  'GET /api/analysis/emerging-hotspots': 'internal',
  'GET /api/analysis/hotspot-density': 'police',
  'GET /api/analysis/hotspot-clusters': 'police',
  'POST /api/patrol/plan': 'police',
  'POST /api/patrol/plans': 'police_write',
  'GET /api/patrol/plans/:id': 'police',
  'GET /api/patrol/plans/:id/export': 'police',
  'GET /api/patrol/plans/:id/sheet': 'police',
  // Only the print stylesheet of the sheet: no data.
  'GET /api/patrol/sheet.css': 'public',
  // Imports: reports are data officers' work; boundaries and the crosswalk change unit versions (admin).
  'GET /api/imports': 'data_entry',
  'GET /api/imports/templates/values': 'data_entry',
  'POST /api/imports/values/preview': 'data_entry',
  'POST /api/imports/values': 'data_entry',
  'POST /api/imports/values/:id/rollback': 'data_entry',
  'POST /api/imports/boundaries/preview': 'admin',
  'POST /api/imports/boundaries': 'admin',
  'POST /api/imports/boundaries/:id/rollback': 'admin',
  'POST /api/imports/crosswalk': 'admin',
  'POST /api/imports/crosswalk/:id/rollback': 'admin',
  // Counts per commune, never positions: what committees see of the register.
  'GET /api/hotspot-counts': 'internal',
  'GET /api/auth/session': 'public',
  'GET /api/auth/demo': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'public',
  'POST /api/auth/password': 'internal',
  'GET /api/users': 'admin',
  'POST /api/users': 'admin',
  'PATCH /api/users/:id': 'admin',
  'GET /api/audit': 'admin',
  // Plans, scorecards and status rules: staff reads (public targets reach public pages through their own
  // routes later); plan and rule-set edits are the committee's.
  'GET /api/plans': 'internal',
  'GET /api/plans/:code': 'internal',
  'GET /api/plans/:code/scorecard': 'internal',
  'GET /api/plans/:code/targets/:target/detail': 'internal',
  'GET /api/plans/:code/targets/:target/ranking': 'internal',
  'POST /api/plans': 'planning',
  'PUT /api/plans/:code': 'planning',
  'DELETE /api/plans/:code': 'planning',
  'POST /api/plans/:code/targets': 'planning',
  'PUT /api/plans/:code/targets/:target': 'planning',
  'DELETE /api/plans/:code/targets/:target': 'planning',
  'GET /api/status-rules': 'internal',
  'GET /api/status-rules/:code': 'internal',
  // Rule sets decide every province's suggested statuses: national administrators only (the data guard).
  'POST /api/status-rules/:code/versions': 'admin',
  'GET /api/status-rules/explain': 'internal',
  'GET /api/status-rules/differences': 'internal',
  // A province proposes thresholds for a national rule set (committee and admins); deciding is a national
  // administrator's (the data guard's ruleSetWrite), like changing the rule set.
  'GET /api/status-rule-proposals': 'planning',
  'GET /api/status-rule-proposals/:id': 'planning',
  'POST /api/status-rule-proposals': 'planning',
  'POST /api/status-rule-proposals/:id/accept': 'admin',
  'POST /api/status-rule-proposals/:id/reject': 'admin',
  // Public pages: as of the last closed period, public-sensitivity indicators only, small counts suppressed.
  'GET /api/public/summary': 'public',
  'GET /api/public/preview.png': 'public',
  // Long work as jobs: starting the national weights build is the administrators'; a job is read and cancelled
  // by its owner or a national grant (the data guard's 'job').
  'POST /api/jobs/weights': 'admin',
  'GET /api/jobs/:id': 'internal',
  'DELETE /api/jobs/:id': 'internal',
  'GET /api/jobs/:id/file': 'internal',
  // Saving a briefing or rendering its PDF pack as a job: staff, checked like the briefings routes.
  'POST /api/jobs/briefing': 'internal',
  'POST /api/jobs/briefing-pdf': 'internal',
  // Briefings hold internal figures: staff only, and each route checks the briefing's areas against the
  // caller's jurisdiction (deletes: its creator or an admin).
  'GET /api/briefings': 'internal',
  'POST /api/briefings': 'internal',
  'GET /api/briefings/:id': 'internal',
  'DELETE /api/briefings/:id': 'internal',
  'GET /api/briefings/:id/xlsx': 'internal',
  'GET /api/briefings/:id/pdf': 'internal',
  // The XLSX button of any table: the page sends what it shows; no data is added.
  'POST /api/exports/xlsx': 'internal',
  // Reporting cycle (issue 17): forms are the administrators'; communes' data officers fill and submit,
  // the province's approve, return and reopen (checked in the handler: a grant covering the province);
  // completeness (who has not reported) is every staff member's.
  'GET /api/reporting/forms': 'internal',
  'POST /api/reporting/forms': 'admin',
  'PUT /api/reporting/forms/:code': 'admin',
  'GET /api/reporting/entry': 'data_entry',
  'POST /api/reporting/submissions': 'data_entry',
  'GET /api/reporting/submissions': 'data_entry',
  'POST /api/reporting/submissions/:id/approve': 'data_entry',
  'POST /api/reporting/submissions/:id/return': 'data_entry',
  'POST /api/reporting/submissions/:id/reopen': 'data_entry',
  'GET /api/reporting/completeness': 'internal',
};

/** Key of a matched route in ROUTE_ACCESS: method and the path pattern as registered. */
export const routeKey = (method: string, path: string) => `${method} ${path.replace(/\{[^}]*\}/g, '')}`;

/**
 * The API route a request reached, as its key in the route tables (`GET /api/plans/:code`) with the path
 * pattern; null when no API route matched (the 404 handler answers). Every middleware that decides by route
 * (access, data guard, heavy requests, caching) asks this one function.
 */
export function matchedRoute(c: Context): { key: string; path: string } | null {
  // Middleware registers as ALL, and the web app's fallback lies outside /api.
  const handler = matchedRoutes(c).find((r) => r.method !== 'ALL' && r.path.startsWith('/api/'));
  if (!handler) return null;
  return { key: routeKey(c.req.method === 'HEAD' ? 'GET' : c.req.method, handler.path), path: handler.path };
}

export function accessControl(): MiddlewareHandler {
  return async (c, next) => {
    const route = matchedRoute(c);
    if (!route) return next();
    const audience = ROUTE_ACCESS[route.key];
    if (!audience) {
      return c.json(
        errorBody('forbidden', msg('access.no_rule', { method: c.req.method, path: route.path }), null),
        403,
      );
    }
    const user = c.get('identity').user;
    if (mayReach(user?.role ?? null, audience)) return next();
    return user
      ? c.json(
          errorBody(
            'forbidden',
            msg('access.role_refused', {
              role: ROLE_NAMES[user.role] ?? user.role,
              method: c.req.method,
              path: route.path,
            }),
            null,
          ),
          403,
        )
      : c.json(
          errorBody(
            'unauthenticated',
            msg('access.sign_in', { method: c.req.method, path: route.path }),
            null,
          ),
          401,
        );
  };
}
