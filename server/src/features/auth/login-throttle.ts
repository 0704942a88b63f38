import type { Database, Queryable } from '../../db/engine';
import { type Message, msg } from '../../lib/messages';

/**
 * Password guessing limits (sign-in and password change), counted in the database so a restart does not
 * reset them. Each rule lets a few failures through, then makes the next try wait, the wait doubling with
 * each further failure up to a cap — a back-off, never a lock that an attacker could use to keep someone out:
 *
 * - one account from one address: the guesser's own limit (5 free, then 30 s, 1 min, … up to 15 min);
 * - one account from every address: slows a guesser spread over many addresses (20 free, at most 1 min);
 * - one address for every account: slows spraying many accounts from one address, yet stays high enough
 *   for a whole office behind one NAT (100 free, at most 5 min).
 *
 * The last two skip an (account, address) pair that has signed in successfully in the last 30 days, so a
 * user at their usual place is never slowed by someone guessing from elsewhere. A success clears its own
 * pair's count; the other counts only leave with the window.
 *
 * Every attempt is recorded as a failure before the password is checked, in one transaction holding a lock
 * on the account name, and marked a success afterwards: concurrent attempts see each other, so N parallel
 * requests cannot all pass a limit meant for fewer (PostgreSQL: advisory lock; PGlite: one connection,
 * transactions run one at a time).
 */
export const THROTTLE = {
  windowMinutes: 60,
  pair: { free: 5, firstDelaySeconds: 30, capSeconds: 15 * 60 },
  account: { free: 20, firstDelaySeconds: 30, capSeconds: 60 },
  address: { free: 100, firstDelaySeconds: 30, capSeconds: 5 * 60 },
  knownPairDays: 30,
} as const;

export type ThrottleReason = 'pair' | 'account' | 'address';

interface Rule {
  free: number;
  firstDelaySeconds: number;
  capSeconds: number;
}

/** Seconds to wait after the last failure when `failures` have been counted (0 within the free tries). */
export function backoffSeconds(rule: Rule, failures: number): number {
  if (failures < rule.free) return 0;
  return Math.min(rule.capSeconds, rule.firstDelaySeconds * 2 ** Math.min(failures - rule.free, 30));
}

export type AttemptStart =
  | { blocked: false; attemptId: number }
  | { blocked: true; retryAfterSeconds: number; reason: ThrottleReason };

interface Counts {
  pairFailures: number;
  pairSince: number | null;
  accountFailures: number;
  accountSince: number | null;
  addressFailures: number;
  addressSince: number | null;
  known: boolean;
}

/**
 * Checks the limits and, when the attempt may go on, records it as a failure (to be settled by
 * `settleAttempt` once the password is checked). A refused attempt is not recorded: it checked nothing.
 */
export async function beginAttempt(db: Database, username: string, address: string): Promise<AttemptStart> {
  return db.transaction(async (tx) => {
    await tx.query(`select pg_advisory_xact_lock(hashtext('pcmt-login:' || $1))`, [username]);
    const [c] = await tx.query<Counts>(
      `with t as (select clock_timestamp() as now),
       recent as (
         select a.username = $1 as same_account, a.address = $2 as same_address, a.succeeded, a.at
           from login_attempts a, t
          where a.at > t.now - make_interval(mins => $3) and (a.username = $1 or a.address = $2)),
       pair_ok as (select max(at) as at from recent where same_account and same_address and succeeded),
       pair as (select * from recent
                 where same_account and same_address and not succeeded
                   and at > coalesce((select at from pair_ok), '-infinity'))
       select (select count(*) from pair)::int as "pairFailures",
              extract(epoch from (select now from t) - (select max(at) from pair))::float8 as "pairSince",
              count(*) filter (where same_account and not succeeded)::int as "accountFailures",
              extract(epoch from (select now from t) - max(at) filter (where same_account and not succeeded))::float8
                as "accountSince",
              count(*) filter (where same_address and not succeeded)::int as "addressFailures",
              extract(epoch from (select now from t) - max(at) filter (where same_address and not succeeded))::float8
                as "addressSince",
              exists (select 1 from login_attempts k, t
                       where k.username = $1 and k.address = $2 and k.succeeded
                         and k.at > t.now - make_interval(days => $4)) as known
         from recent`,
      [username, address, THROTTLE.windowMinutes, THROTTLE.knownPairDays],
    );
    const verdict = c ? judge(c) : null;
    if (verdict) return { blocked: true, ...verdict };
    const [row] = await tx.query<{ id: number }>(
      `insert into login_attempts (username, address, succeeded, at) values ($1, $2, false, clock_timestamp())
       returning id`,
      [username, address],
    );
    if (!row) throw new Error('insert returned no row');
    return { blocked: false, attemptId: row.id };
  });
}

function judge(c: Counts): { retryAfterSeconds: number; reason: ThrottleReason } | null {
  const rules: Array<[ThrottleReason, Rule, number, number | null]> = [
    ['pair', THROTTLE.pair, c.pairFailures, c.pairSince],
    ...(c.known
      ? []
      : ([
          ['account', THROTTLE.account, c.accountFailures, c.accountSince],
          ['address', THROTTLE.address, c.addressFailures, c.addressSince],
        ] as Array<[ThrottleReason, Rule, number, number | null]>)),
  ];
  let worst: { retryAfterSeconds: number; reason: ThrottleReason } | null = null;
  for (const [reason, rule, failures, since] of rules) {
    const wait = backoffSeconds(rule, failures) - (since ?? Number.POSITIVE_INFINITY);
    if (wait > 0 && (!worst || wait > worst.retryAfterSeconds)) {
      worst = { retryAfterSeconds: Math.max(1, Math.ceil(wait)), reason };
    }
  }
  return worst;
}

/** Marks a recorded attempt as a success (it stays a failure otherwise); sometimes drops old rows. */
export async function settleAttempt(db: Queryable, attemptId: number, succeeded: boolean): Promise<void> {
  if (succeeded) await db.query(`update login_attempts set succeeded = true where id = $1`, [attemptId]);
  // Keep the table small: failures count for an hour, successes mark a known pair for 30 days.
  if (Math.random() < 0.01) {
    await db.query(
      `delete from login_attempts
        where (not succeeded and at < now() - interval '1 day') or at < now() - make_interval(days => $1)`,
      [THROTTLE.knownPairDays],
    );
  }
}

/** "Quá nhiều lần nhập sai …" for the page, with the English words the sign-in page looks for. */
export function throttleMessage(retryAfterSeconds: number): Message {
  const wait =
    retryAfterSeconds < 120 ? `${retryAfterSeconds} giây` : `${Math.ceil(retryAfterSeconds / 60)} phút`;
  return msg('auth.too_many_attempts', { wait, seconds: retryAfterSeconds });
}
