import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Database } from '../../db/engine';
import { type GenerationWatch, generationsOf } from '../../lib/data-generations';
import { errorBody } from '../../lib/errors';
import { msg } from '../../lib/messages';
import { expectedOrigin, type OriginSettings, originOf } from '../../lib/public-origin';
import { ANONYMOUS, type Identity } from './identity';
import { loadSession } from './sessions.repo';

export const SESSION_COOKIE = 'pcmt_session';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Identities by session token, kept for a few seconds: a map view fires a dozen requests at once, and each
 * would otherwise cost three queries. A signed-out session, a disabled account, a changed role or
 * jurisdiction (accounts) and new unit versions (jurisdictions resolve on units) bump their generation
 * (data-generations.ts), and every cached identity filled before is dropped: in this process at once (it
 * also evicts the one session or user), in another process within the generations' staleness bound.
 */
export interface SessionCache {
  get(token: string): Promise<Identity | null>;
  /** Forget cached identities of one session, or of every session of a user. */
  evict(match: { sessionKey?: string; userId?: number }): void;
}

const KINDS = ['accounts', 'units'] as const;

export function createSessionCache(
  db: Database,
  maxAgeMs = 10_000,
  watch: GenerationWatch = generationsOf(db),
): SessionCache {
  const entries = new Map<string, { at: number; identity: Promise<Identity | null> }>();
  let filledAt = watch.stamp(KINDS);
  return {
    get(token) {
      const stamp = watch.stamp(KINDS);
      if (stamp !== filledAt) {
        entries.clear();
        filledAt = stamp;
      }
      const now = Date.now();
      const hit = entries.get(token);
      if (hit && now - hit.at < maxAgeMs) return hit.identity;
      if (entries.size > 10_000) entries.clear();
      const identity = loadSession(db, token);
      identity.catch(() => entries.delete(token));
      entries.set(token, { at: now, identity });
      return identity;
    },
    evict({ sessionKey, userId }) {
      for (const [token, e] of entries) {
        void e.identity.then((id) => {
          if (id && (id.sessionKey === sessionKey || id.user?.id === userId)) entries.delete(token);
        });
      }
    },
  };
}

/** Puts the caller's identity on the context: the session's user, or the anonymous public. */
export function sessionMiddleware(cache: SessionCache): MiddlewareHandler {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    c.set('identity', (token && (await cache.get(token))) || ANONYMOUS);
    return next();
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF protection for every write: a signed-in caller must echo the session's CSRF token in a header,
 * which another site cannot read or set. Writes without a session carry no authority (and login checks
 * the Origin), so they pass to access control, which refuses anything that is not public.
 */
export function csrfProtection(settings: OriginSettings = {}): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const identity = c.get('identity');
    // Signing in carries its own proof (the password) and must work from a stale or planted session,
    // which it replaces; its Origin is still checked below.
    const isLogin = c.req.path === '/api/auth/login';
    if (identity.csrfToken && !isLogin && c.req.header(CSRF_HEADER) !== identity.csrfToken) {
      return c.json(
        errorBody('csrf_failed', msg('access.csrf_header', { field: CSRF_HEADER }), CSRF_HEADER),
        403,
      );
    }
    // Browsers send Origin on every cross-site write; it must name this site: scheme, host and port (an
    // http:// page of the same host is another origin), the configured public origin when there is one.
    const origin = c.req.header('origin');
    if (origin && originOf(origin) !== expectedOrigin(settings, c.req.url, c.req.raw.headers)) {
      return c.json(
        errorBody('csrf_failed', msg('access.cross_origin', { origin: origin ?? '' }), 'origin'),
        403,
      );
    }
    return next();
  };
}
