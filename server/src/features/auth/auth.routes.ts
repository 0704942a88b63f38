import { createRoute, z } from '@hono/zod-openapi';
import { LoginBody, PasswordChangeBody, SessionResponse } from '@pcmt/domain/contracts/auth';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { readEnv } from '../../env';
import { recordAudit } from '../../lib/audit';
import type { RouteDeps } from '../../lib/context';
import { ApiError, badRequest } from '../../lib/errors';
import { msg } from '../../lib/messages';
import { createRouter, errorResponse } from '../../lib/openapi';
import { clientAddress, trustedProxies } from './client-address';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_PASSWORD_IS_DEFAULT } from './demo-accounts';
import type { Identity } from './identity';
import { beginAttempt, settleAttempt, throttleMessage } from './login-throttle';
import { dummyHash, hashPassword, passwordProblem, verifyPassword } from './passwords';
import { SESSION_COOKIE, type SessionCache } from './session-middleware';
import { createSession, endOtherSessions, endSession, SESSION_HOURS } from './sessions.repo';
import { activeUsernames, findLoginAccount, setPasswordHash } from './users.repo';

const json = (schema: typeof SessionResponse) => ({ content: { 'application/json': { schema } } });

const sessionRoute = createRoute({
  method: 'get',
  path: '/api/auth/session',
  summary: 'Who is signed in, and the CSRF token writes must send',
  responses: { 200: { description: 'The session, or user null', ...json(SessionResponse) } },
});

const loginRoute = createRoute({
  method: 'post',
  path: '/api/auth/login',
  summary: 'Sign in: starts a new session (httpOnly cookie) and returns its CSRF token',
  request: { body: { content: { 'application/json': { schema: LoginBody } }, required: true } },
  responses: {
    200: { description: 'Signed in', ...json(SessionResponse) },
    400: errorResponse('Bad body'),
    401: errorResponse('Wrong username or password'),
    429: errorResponse('Too many failed attempts'),
  },
});

const DemoResponse = z.object({
  accounts: z.array(z.object({ username: z.string(), displayName: z.string(), role: z.string() })),
  /** Shown only on synthetic data with the default demo password. */
  password: z.string().nullable(),
});

const demoRoute = createRoute({
  method: 'get',
  path: '/api/auth/demo',
  summary: 'The demo accounts of a synthetic-data deployment (none on real data)',
  responses: {
    200: { description: 'Demo accounts', content: { 'application/json': { schema: DemoResponse } } },
  },
});

const logoutRoute = createRoute({
  method: 'post',
  path: '/api/auth/logout',
  summary: 'Sign out: ends the session',
  responses: { 204: { description: 'Signed out' } },
});

const passwordRoute = createRoute({
  method: 'post',
  path: '/api/auth/password',
  summary: 'Change your password; other sessions end and this one is renewed',
  request: { body: { content: { 'application/json': { schema: PasswordChangeBody } }, required: true } },
  responses: {
    200: { description: 'Changed', ...json(SessionResponse) },
    400: errorResponse('Bad body or a weak new password'),
    401: errorResponse('Wrong current password'),
    429: errorResponse('Too many wrong current passwords'),
  },
});

function sessionBody(identity: Identity, csrfToken: string | null) {
  const u = identity.user;
  return {
    user: u
      ? {
          username: u.username,
          displayName: u.displayName,
          role: u.role,
          jurisdiction: [...identity.jurisdiction.grants],
        }
      : null,
    csrfToken,
  };
}

function setSessionCookie(c: Context, token: string) {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure: new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https',
    maxAge: SESSION_HOURS * 3600,
  });
}

/**
 * The caller's network address: the socket's peer, or the client named by `X-Forwarded-For` when the peer
 * is a proxy listed in PCMT_TRUSTED_PROXIES (a test request has no socket: 'unknown').
 */
function addressOf(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  const proxies = readEnv().PCMT_TRUSTED_PROXIES;
  return clientAddress(
    incoming?.socket?.remoteAddress,
    c.req.header('x-forwarded-for'),
    proxies.length > 0 ? trustedProxies(proxies) : NO_PROXIES,
  );
}
const NO_PROXIES = trustedProxies([]);

function tooManyAttempts(c: Context, retryAfterSeconds: number): ApiError {
  c.header('Retry-After', String(retryAfterSeconds));
  return new ApiError(429, 'too_many_attempts', throttleMessage(retryAfterSeconds));
}

export const authRoutes = ({ db, dataset }: RouteDeps, sessions: SessionCache) =>
  createRouter()
    .openapi(demoRoute, async (c) => {
      if (!dataset.synthetic) return c.json({ accounts: [], password: null }, 200);
      const present = new Set(
        await activeUsernames(
          db,
          DEMO_ACCOUNTS.map((a) => a.username),
        ),
      );
      const accounts = DEMO_ACCOUNTS.filter((a) => present.has(a.username)).map(
        ({ username, displayName, role }) => ({
          username,
          displayName,
          role,
        }),
      );
      return c.json({ accounts, password: DEMO_PASSWORD_IS_DEFAULT ? DEMO_PASSWORD : null }, 200);
    })
    .openapi(sessionRoute, (c) => {
      const identity = c.get('identity');
      return c.json(sessionBody(identity, identity.csrfToken), 200);
    })
    .openapi(loginRoute, async (c) => {
      const { username, password } = c.req.valid('json');
      const address = addressOf(c);
      // Counted before the password is checked, so parallel guesses cannot pass the limit together.
      const attempt = await beginAttempt(db, username, address);
      if (attempt.blocked) throw tooManyAttempts(c, attempt.retryAfterSeconds);
      const account = await findLoginAccount(db, username);
      // Verify against a dummy hash for unknown accounts so timing does not tell which accounts exist.
      const ok =
        (await verifyPassword(account?.passwordHash ?? (await dummyHash()), password)) && !!account?.active;
      await settleAttempt(db, attempt.attemptId, ok);
      if (!ok || !account) {
        await recordAudit(db, {
          actor: username,
          action: 'login_failed',
          entity: 'session',
          entityId: account?.id ?? '',
          after: { address },
        });
        throw new ApiError(401, 'invalid_credentials', msg('auth.wrong_credentials', {}));
      }
      // A new session id at every login: a token planted before sign-in is worthless after it.
      const previous = c.get('identity').sessionKey;
      if (previous) {
        await endSession(db, previous);
        sessions.evict({ sessionKey: previous });
      }
      const { token, csrfToken } = await createSession(db, account.id);
      setSessionCookie(c, token);
      await recordAudit(db, {
        actor: username,
        action: 'login',
        entity: 'session',
        entityId: account.id,
        after: { address },
      });
      const identity = await sessions.get(token);
      if (!identity) throw new Error('new session not found');
      return c.json(sessionBody(identity, csrfToken), 200);
    })
    .openapi(logoutRoute, async (c) => {
      const identity = c.get('identity');
      if (identity.sessionKey) {
        await endSession(db, identity.sessionKey);
        sessions.evict({ sessionKey: identity.sessionKey });
        if (identity.user) {
          await recordAudit(db, {
            actor: identity.user.username,
            action: 'logout',
            entity: 'session',
            entityId: identity.user.id,
            after: { address: addressOf(c) },
          });
        }
      }
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    })
    .openapi(passwordRoute, async (c) => {
      const identity = c.get('identity');
      const user = identity.user;
      if (!user) throw new ApiError(401, 'unauthenticated', msg('auth.sign_in_first', {}));
      const body = c.req.valid('json');
      // A stolen session must not become a way to guess the password: the same limits as signing in.
      const address = addressOf(c);
      const attempt = await beginAttempt(db, user.username, address);
      if (attempt.blocked) throw tooManyAttempts(c, attempt.retryAfterSeconds);
      const account = await findLoginAccount(db, user.username);
      const ok = !!account && (await verifyPassword(account.passwordHash, body.currentPassword));
      await settleAttempt(db, attempt.attemptId, ok);
      if (!ok) {
        await recordAudit(db, {
          actor: user.username,
          action: 'password_change_failed',
          entity: 'user',
          entityId: user.id,
          after: { address },
        });
        throw new ApiError(
          401,
          'invalid_credentials',
          msg('auth.wrong_current_password', { field: 'currentPassword' }),
          'currentPassword',
        );
      }
      const problem = passwordProblem(body.newPassword, user.username, [user.displayName]);
      if (problem)
        throw badRequest('newPassword', msg('auth.weak_password', { field: 'newPassword', problem }));
      const hashed = await hashPassword(body.newPassword);
      const { token, csrfToken } = await db.transaction(async (tx) => {
        await setPasswordHash(tx, user.id, hashed);
        await endOtherSessions(tx, user.id, null);
        await recordAudit(tx, {
          actor: user.username,
          action: 'password_change',
          entity: 'user',
          entityId: user.id,
        });
        return createSession(tx, user.id);
      });
      sessions.evict({ userId: user.id });
      setSessionCookie(c, token);
      return c.json(sessionBody(identity, csrfToken), 200);
    });
