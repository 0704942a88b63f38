import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

/** A staff account. Anonymous visitors have none: they are the `public` role. */
export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    /** Lower-case login name. */
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    /** argon2id PHC string (salt and parameters included). */
    passwordHash: text('password_hash').notNull(),
    role: text('role').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('users_role_ck', sql`${t.role} in ('admin', 'committee', 'police', 'data_officer')`)],
);

/**
 * The units a user may see beyond public data: `VN` (the whole country), a province code or a commune code
 * of the units in force. Data of pre-2025 units is visible when they lie in (crosswalk to) these units.
 */
export const userJurisdictions = pgTable(
  'user_jurisdictions',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    unitCode: text('unit_code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.unitCode] })],
);

/**
 * A signed-in session. Only the SHA-256 of the cookie's token is stored, so a leaked table cannot be
 * replayed; the CSRF token is returned to the page and must come back in a header on every write.
 */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Login attempts, kept to rate-limit guessing per account and per address across restarts. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: serial('id').primaryKey(),
    username: text('username').notNull(),
    address: text('address').notNull(),
    succeeded: boolean('succeeded').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('login_attempts_user_idx').on(t.username, t.at),
    index('login_attempts_addr_idx').on(t.address, t.at),
  ],
);
