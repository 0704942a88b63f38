import type { Database, Queryable } from '../../db/engine';
import { type Message, msg } from '../../lib/messages';
import {
  type AttemptCounts as Counts,
  insertFailedAttempt,
  lockLoginName,
  markAttemptSucceeded,
  pruneAttempts,
  recentAttempts,
} from './login-attempts.repo';

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

/**
 * Checks the limits and, when the attempt may go on, records it as a failure (to be settled by
 * `settleAttempt` once the password is checked). A refused attempt is not recorded: it checked nothing.
 */
export async function beginAttempt(db: Database, username: string, address: string): Promise<AttemptStart> {
  return db.transaction(async (tx) => {
    await lockLoginName(tx, username);
    const c = await recentAttempts(tx, username, address, THROTTLE.windowMinutes, THROTTLE.knownPairDays);
    const verdict = c ? judge(c) : null;
    if (verdict) return { blocked: true, ...verdict };
    const attemptId = await insertFailedAttempt(tx, username, address);
    return { blocked: false, attemptId };
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
  if (succeeded) await markAttemptSucceeded(db, attemptId);
  // Keep the table small: failures count for an hour, successes mark a known pair for 30 days.
  if (Math.random() < 0.01) await pruneAttempts(db, THROTTLE.knownPairDays);
}

/** "Quá nhiều lần nhập sai …" for the page, with the English words the sign-in page looks for. */
export function throttleMessage(retryAfterSeconds: number): Message {
  const wait =
    retryAfterSeconds < 120 ? `${retryAfterSeconds} giây` : `${Math.ceil(retryAfterSeconds / 60)} phút`;
  return msg('auth.too_many_attempts', { wait, seconds: retryAfterSeconds });
}
