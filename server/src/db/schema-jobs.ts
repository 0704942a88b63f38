import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Long work run as a job (features/jobs): who started it, how far it got, how it ended. A row outlives
 * the process: a job still `running` when the server starts again was cut off by a crash or a stop and is
 * marked `failed` then, never left running or lost.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    /** The account that started it (null: a script); only it, or a national grant, reads or cancels it. */
    ownerUserId: integer('owner_user_id'),
    ownerName: text('owner_name').notNull(),
    state: text('state').notNull().default('running'),
    /** 0–100. */
    progress: integer('progress').notNull().default(0),
    /** What it is doing now, in Vietnamese, as the progress bar shows it. */
    stage: text('stage').notNull(),
    params: jsonb('params').notNull().default(sql`'{}'::jsonb`),
    result: jsonb('result'),
    error: text('error'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    check('jobs_state_ck', sql`${t.state} in ('running', 'done', 'failed', 'cancelled')`),
    check('jobs_progress_ck', sql`${t.progress} between 0 and 100`),
    index('jobs_running_idx').on(t.kind).where(sql`${t.state} = 'running'`),
  ],
);
