import type { Context, MiddlewareHandler } from 'hono';
import { readEnv } from '../env';
import { clientAddress, trustedProxies } from '../features/auth/client-address';
import { matchedRoute } from './access';
import { errorBody } from './errors';
import { msg } from './messages';

/**
 * Routes whose one request can cost seconds of CPU or hundreds of MB (statistics over a country's communes,
 * a PDF pack, a spreadsheet parse, a patrol route): keys as in `ROUTE_ACCESS` (lib/access.ts).
 */
export const HEAVY_ROUTES: ReadonlySet<string> = new Set([
  'GET /api/analysis/gi-star',
  'GET /api/analysis/local-moran',
  'GET /api/analysis/emerging-hotspots',
  'GET /api/analysis/hotspot-density',
  'GET /api/analysis/hotspot-clusters',
  'GET /api/briefings/:id/pdf',
  'GET /api/briefings/:id/xlsx',
  'POST /api/imports/values/preview',
  'POST /api/imports/values',
  'POST /api/imports/boundaries/preview',
  'POST /api/imports/boundaries',
  'POST /api/imports/crosswalk',
  'POST /api/patrol/plan',
]);

/**
 * At most this many heavy requests run at once per caller (a user, or an address when anonymous) and in
 * all: two let a user open a second tab; six keep the server's cores (two in the reference deployment)
 * free enough that everyone else's map and table requests keep their normal latency.
 */
export const HEAVY_PER_CALLER = 2;
export const HEAVY_IN_ALL = 6;
/** Seconds a refused caller is told to wait: a heavy request takes a few seconds at most. */
export const HEAVY_RETRY_AFTER_S = 2;

export interface HeavyLimits {
  perCaller: number;
  inAll: number;
}

/**
 * Refuses a heavy request with 429 (and `Retry-After`) while its caller already has `perCaller` of them in
 * flight, or the server `inAll`. Registered after the session and access checks, so the caller is known.
 * A response streamed after its handler returns counts until the handler returns.
 */
export function heavyRequests(
  limits: HeavyLimits = { perCaller: HEAVY_PER_CALLER, inAll: HEAVY_IN_ALL },
): MiddlewareHandler {
  const perCaller = new Map<string, number>();
  let inAll = 0;
  return async (c, next) => {
    const route = matchedRoute(c);
    if (!route || !HEAVY_ROUTES.has(route.key)) return next();
    const caller = callerOf(c);
    const mine = perCaller.get(caller) ?? 0;
    if (mine >= limits.perCaller || inAll >= limits.inAll) {
      c.header('Retry-After', String(HEAVY_RETRY_AFTER_S));
      const message =
        mine >= limits.perCaller
          ? msg('request.busy_caller', { count: mine, seconds: HEAVY_RETRY_AFTER_S })
          : msg('request.busy_server', { count: inAll, seconds: HEAVY_RETRY_AFTER_S });
      return c.json(errorBody('too_many_requests', message, null), 429);
    }
    perCaller.set(caller, mine + 1);
    inAll++;
    try {
      await next();
    } finally {
      inAll--;
      const left = (perCaller.get(caller) ?? 1) - 1;
      if (left > 0) perCaller.set(caller, left);
      else perCaller.delete(caller);
    }
  };
}

const NO_PROXIES = trustedProxies([]);
let proxies: ReturnType<typeof trustedProxies> | null = null;

/** The signed-in user, else the client's address (behind trusted proxies, the forwarded one). */
function callerOf(c: Context): string {
  const user = c.get('identity')?.user;
  if (user) return `user:${user.id}`;
  if (!proxies) {
    const list = readEnv().PCMT_TRUSTED_PROXIES;
    proxies = list.length > 0 ? trustedProxies(list) : NO_PROXIES;
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return `address:${clientAddress(incoming?.socket?.remoteAddress, c.req.header('x-forwarded-for'), proxies)}`;
}
