import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../../db/engine';
import { bump } from '../../lib/data-generations';
import type { Identity } from './identity';
import { resolveJurisdiction } from './jurisdiction';
import { isRole } from './roles';

export const SESSION_HOURS = 12;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const token = () => randomBytes(32).toString('base64url');

/** Starts a session: a fresh random token every time (no session fixation), stored only as its hash. */
export async function createSession(
  db: Queryable,
  userId: number,
): Promise<{ token: string; csrfToken: string }> {
  const t = token();
  const csrfToken = token();
  await db.query(
    `insert into sessions (token_hash, user_id, csrf_token, expires_at)
     values ($1, $2, $3, now() + make_interval(hours => $4))`,
    [sha256(t), userId, csrfToken, SESSION_HOURS],
  );
  return { token: t, csrfToken };
}

/** Ends one session; other processes drop it from their session caches too (data-generations.ts). */
export async function endSession(db: Queryable, sessionKey: string): Promise<void> {
  await db.query(`delete from sessions where token_hash = $1`, [sessionKey]);
  await bump(db, 'accounts');
}

/** Ends every session of a user but one (after a password change, the others may be an attacker's). */
export async function endOtherSessions(db: Queryable, userId: number, keep: string | null): Promise<void> {
  await db.query(`delete from sessions where user_id = $1 and token_hash is distinct from $2`, [
    userId,
    keep,
  ]);
  await bump(db, 'accounts');
}

interface SessionRow {
  userId: number;
  username: string;
  displayName: string;
  role: string;
  csrfToken: string;
  grants: string[];
}

/** The identity behind a cookie's token, or null when it is unknown, expired or its account disabled. */
export async function loadSession(db: Queryable, t: string): Promise<Identity | null> {
  const key = sha256(t);
  const [row] = await db.query<SessionRow>(
    `select u.id as "userId", u.username, u.display_name as "displayName", u.role, s.csrf_token as "csrfToken",
            coalesce((select array_agg(j.unit_code order by j.unit_code) from user_jurisdictions j
                       where j.user_id = u.id), '{}') as grants
       from sessions s join users u on u.id = s.user_id
      where s.token_hash = $1 and s.expires_at > now() and u.active`,
    [key],
  );
  if (!row || !isRole(row.role)) return null;
  return {
    user: { id: row.userId, username: row.username, displayName: row.displayName, role: row.role },
    jurisdiction: await resolveJurisdiction(db, row.grants),
    csrfToken: row.csrfToken,
    sessionKey: key,
  };
}

/** Drops expired sessions; run at start so the table does not grow without bound. */
export async function purgeExpiredSessions(db: Queryable): Promise<void> {
  await db.query(`delete from sessions where expires_at <= now()`);
}
