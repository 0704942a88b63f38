import type { Queryable } from '../../db/engine';
import { ApiError, badRequest } from '../../lib/errors';
import { msg } from '../../lib/messages';
import { hashPassword, passwordProblem } from './passwords';
import type { Role } from './roles';

export interface UserRecord {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  active: boolean;
  jurisdiction: string[];
  createdAt: string;
}

const SELECT_USERS = `
  select u.id, u.username, u.display_name as "displayName", u.role, u.active,
         coalesce((select array_agg(j.unit_code order by j.unit_code) from user_jurisdictions j
                    where j.user_id = u.id), '{}') as jurisdiction,
         to_char(u.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "createdAt"
    from users u`;

export const listUsers = (db: Queryable) => db.query<UserRecord>(`${SELECT_USERS} order by u.username`);

export async function getUser(db: Queryable, id: number): Promise<UserRecord | null> {
  const [row] = await db.query<UserRecord>(`${SELECT_USERS} where u.id = $1`, [id]);
  return row ?? null;
}

export async function findLoginAccount(db: Queryable, username: string) {
  const [row] = await db.query<{ id: number; passwordHash: string; active: boolean }>(
    `select id, password_hash as "passwordHash", active from users where username = $1`,
    [username],
  );
  return row ?? null;
}

/** Refuses jurisdiction codes that name no unit in force, so a typo cannot grant nothing (or the wrong thing). */
async function checkJurisdiction(db: Queryable, codes: readonly string[], field: string) {
  const units = codes.filter((c) => c !== 'VN');
  if (units.length === 0) return;
  const found = await db.query<{ code: string }>(
    `select code from admin_units where valid_to is null and level in ('province', 'commune') and code = any($1::text[])`,
    [units],
  );
  const known = new Set(found.map((r) => r.code));
  const unknown = units.filter((c) => !known.has(c));
  if (unknown.length > 0)
    throw badRequest(field, msg('auth.unknown_jurisdiction', { field, codes: unknown.join(', ') }));
}

async function setJurisdiction(db: Queryable, userId: number, codes: readonly string[]) {
  await db.query(`delete from user_jurisdictions where user_id = $1`, [userId]);
  await db.query(
    `insert into user_jurisdictions (user_id, unit_code) select $1, unnest($2::text[]) on conflict do nothing`,
    [userId, codes],
  );
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  jurisdiction: readonly string[];
  password: string;
}

export async function createUser(db: Queryable, u: NewUser): Promise<UserRecord> {
  const problem = passwordProblem(u.password, u.username, [u.displayName]);
  if (problem) throw badRequest('password', msg('auth.weak_password', { field: 'password', problem }));
  await checkJurisdiction(db, u.jurisdiction, 'jurisdiction');
  const [exists] = await db.query(`select 1 from users where username = $1`, [u.username]);
  if (exists)
    throw badRequest('username', msg('auth.username_taken', { field: 'username', username: u.username }));
  const [row] = await db.query<{ id: number }>(
    `insert into users (username, display_name, password_hash, role) values ($1, $2, $3, $4) returning id`,
    [u.username, u.displayName, await hashPassword(u.password), u.role],
  );
  if (!row) throw new Error('insert returned no row');
  await setJurisdiction(db, row.id, u.jurisdiction);
  const created = await getUser(db, row.id);
  if (!created) throw new Error('created user not found');
  return created;
}

export interface UserChanges {
  displayName?: string;
  role?: Role;
  jurisdiction?: readonly string[];
  active?: boolean;
  password?: string;
}

/**
 * Refuses a change that would leave no active administrator (an admin demoting or disabling itself, or the
 * last other one). Every such change takes the same transaction lock first, so two admins demoting each
 * other at the same moment cannot both succeed. Call inside the transaction that makes the change.
 */
async function keepAnAdmin(db: Queryable, before: UserRecord, ch: UserChanges): Promise<void> {
  const losesAdmin =
    before.role === 'admin' && before.active && ((ch.role ?? 'admin') !== 'admin' || ch.active === false);
  if (!losesAdmin) return;
  await db.query(`select pg_advisory_xact_lock(hashtext('pcmt-admins'))`);
  const [other] = await db.query(`select 1 from users where role = 'admin' and active and id <> $1 limit 1`, [
    before.id,
  ]);
  if (other) return;
  const field = (ch.role ?? 'admin') !== 'admin' ? 'role' : 'active';
  throw new ApiError(409, 'last_admin', msg('auth.last_admin', { field, username: before.username }), field);
}

export async function updateUser(db: Queryable, before: UserRecord, ch: UserChanges): Promise<UserRecord> {
  await keepAnAdmin(db, before, ch);
  if (ch.password !== undefined) {
    const problem = passwordProblem(ch.password, before.username, [ch.displayName ?? before.displayName]);
    if (problem) throw badRequest('password', msg('auth.weak_password', { field: 'password', problem }));
    await db.query(`update users set password_hash = $2, password_changed_at = now() where id = $1`, [
      before.id,
      await hashPassword(ch.password),
    ]);
  }
  if (ch.jurisdiction) {
    await checkJurisdiction(db, ch.jurisdiction, 'jurisdiction');
    await setJurisdiction(db, before.id, ch.jurisdiction);
  }
  await db.query(
    `update users set display_name = coalesce($2, display_name), role = coalesce($3, role),
            active = coalesce($4, active) where id = $1`,
    [before.id, ch.displayName ?? null, ch.role ?? null, ch.active ?? null],
  );
  const after = await getUser(db, before.id);
  if (!after) throw new Error('updated user not found');
  return after;
}

/** Which of these usernames belong to active accounts. */
export async function activeUsernames(db: Queryable, usernames: readonly string[]): Promise<string[]> {
  const rows = await db.query<{ username: string }>(
    `select username from users where active and username = any($1::text[])`,
    [usernames],
  );
  return rows.map((r) => r.username);
}

export async function setPasswordHash(tx: Queryable, userId: number, passwordHash: string): Promise<void> {
  await tx.query(`update users set password_hash = $2, password_changed_at = now() where id = $1`, [
    userId,
    passwordHash,
  ]);
}

export async function anyUserExists(db: Queryable): Promise<boolean> {
  const [any] = await db.query(`select 1 from users limit 1`);
  return any !== undefined;
}

/** The first commune (by code) of a province's current version, for a demo account's grant. */
export async function firstCurrentCommune(db: Queryable, provinceCode: string): Promise<string | undefined> {
  const [first] = await db.query<{ code: string }>(
    `select code from admin_units where level = 'commune' and valid_to is null and province_code = $1
      order by code limit 1`,
    [provinceCode],
  );
  return first?.code;
}

/** How many current units (any level) carry one of these codes. */
export async function countCurrentUnits(db: Queryable, codes: readonly string[]): Promise<number> {
  const [known] = await db.query<{ n: number }>(
    `select count(*)::int as n from admin_units where valid_to is null and code = any($1::text[])`,
    [codes],
  );
  return known?.n ?? 0;
}
