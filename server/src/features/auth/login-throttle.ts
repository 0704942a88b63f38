import type { Queryable } from '../../db/engine';

/**
 * Guessing limits, counted in the database so a restart does not reset them: failed logins within the
 * window, per account (protects one account from slow guessing) and per address (protects all accounts
 * from one source). A success does not erase earlier failures: the window does.
 */
export const THROTTLE = { windowMinutes: 15, perAccount: 5, perAddress: 20 } as const;

export interface ThrottleVerdict {
  blocked: boolean;
  /** Seconds until the oldest counted failure leaves the window. */
  retryAfterSeconds: number;
  reason: 'account' | 'address' | null;
}

export async function checkThrottle(
  db: Queryable,
  username: string,
  address: string,
): Promise<ThrottleVerdict> {
  const [row] = await db.query<{
    account: number;
    address: number;
    accountRetry: number | null;
    addressRetry: number | null;
  }>(
    `with recent as (
       select username, address, at from login_attempts
        where not succeeded and at > now() - make_interval(mins => $3) and (username = $1 or address = $2))
     select count(*) filter (where username = $1)::int as account,
            count(*) filter (where address = $2)::int as address,
            ceil(extract(epoch from min(at) filter (where username = $1) + make_interval(mins => $3) - now()))::int
              as "accountRetry",
            ceil(extract(epoch from min(at) filter (where address = $2) + make_interval(mins => $3) - now()))::int
              as "addressRetry"
       from recent`,
    [username, address, THROTTLE.windowMinutes],
  );
  if (row && row.account >= THROTTLE.perAccount) {
    return { blocked: true, retryAfterSeconds: Math.max(1, row.accountRetry ?? 1), reason: 'account' };
  }
  if (row && row.address >= THROTTLE.perAddress) {
    return { blocked: true, retryAfterSeconds: Math.max(1, row.addressRetry ?? 1), reason: 'address' };
  }
  return { blocked: false, retryAfterSeconds: 0, reason: null };
}

export async function recordAttempt(db: Queryable, username: string, address: string, succeeded: boolean) {
  await db.query(`insert into login_attempts (username, address, succeeded) values ($1, $2, $3)`, [
    username,
    address,
    succeeded,
  ]);
  // Keep the table small: nothing older than a day is ever counted.
  if (Math.random() < 0.01) await db.query(`delete from login_attempts where at < now() - interval '1 day'`);
}
