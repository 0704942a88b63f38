import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Long work run as a job (features/jobs): who started it, how far it got, how it ended. A row outlives
 * the process: a job still `running` whose heartbeat has stopped was cut off by a crash or a stop and is
 * marked `failed` when a server starts, never left running or lost (a live job of another server is left alone).
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
    /** The server process running it: host name, process id and when that process started. */
    runnerHost: text('runner_host'),
    runnerPid: integer('runner_pid'),
    runnerStartedAt: timestamp('runner_started_at', { withTimezone: true }),
    /**
     * Touched every few seconds by the process running it: a running job whose heartbeat is old was cut off
     * (a crash or a stop); one with a fresh heartbeat belongs to a live process, perhaps another server.
     */
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('jobs_state_ck', sql`${t.state} in ('running', 'done', 'failed', 'cancelled')`),
    check('jobs_progress_ck', sql`${t.progress} between 0 and 100`),
    index('jobs_running_idx').on(t.kind).where(sql`${t.state} = 'running'`),
  ],
);
