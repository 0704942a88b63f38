import { bigint, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * One row per kind of data that processes cache (units, values, accounts…): its generation goes up by one in
 * the same transaction as every write of that kind, so every server process, and the command-line imports
 * beside them, can tell that its cached copy is out of date (server/src/lib/data-generations.ts).
 */
export const dataGenerations = pgTable('data_generations', {
  kind: text('kind').primaryKey(),
  generation: bigint('generation', { mode: 'number' }).notNull().default(0),
  changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
});
