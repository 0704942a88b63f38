import type { Queryable } from '../../db/engine';

/** Sign-in attempts (login-throttle.ts): counts of recent failures, and the rows of attempts. */
export interface AttemptCounts {
  pairFailures: number;
  pairSince: number | null;
  accountFailures: number;
  accountSince: number | null;
  addressFailures: number;
  addressSince: number | null;
  known: boolean;
}

/** Holds the account name's lock until the transaction ends: concurrent attempts on it take turns. */
export async function lockLoginName(tx: Queryable, username: string): Promise<void> {
  await tx.query(`select pg_advisory_xact_lock(hashtext('pcmt-login:' || $1))`, [username]);
}

/** Failures within the window by pair, account and address, and whether the pair signed in recently. */
export async function recentAttempts(
  tx: Queryable,
  username: string,
  address: string,
  windowMinutes: number,
  knownPairDays: number,
): Promise<AttemptCounts | undefined> {
  const [c] = await tx.query<AttemptCounts>(
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
    [username, address, windowMinutes, knownPairDays],
  );
  return c;
}

/** Records an attempt as a failure; its id, to settle it once the password is checked. */
export async function insertFailedAttempt(tx: Queryable, username: string, address: string): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `insert into login_attempts (username, address, succeeded, at) values ($1, $2, false, clock_timestamp())
     returning id`,
    [username, address],
  );
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

export async function markAttemptSucceeded(db: Queryable, attemptId: number): Promise<void> {
  await db.query(`update login_attempts set succeeded = true where id = $1`, [attemptId]);
}

/** Drops failures older than a day and every attempt older than `knownPairDays`. */
export async function pruneAttempts(db: Queryable, knownPairDays: number): Promise<void> {
  await db.query(
    `delete from login_attempts
      where (not succeeded and at < now() - interval '1 day') or at < now() - make_interval(days => $1)`,
    [knownPairDays],
  );
}
