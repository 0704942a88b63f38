import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/engine';

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface JobRow {
  id: string;
  kind: string;
  ownerUserId: number | null;
  ownerName: string;
  state: JobState;
  progress: number;
  stage: string;
  result: unknown;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
  /** The server process running it (null for a row written before 0016). */
  runner: JobRunner | null;
  /** Last sign of life from that process (ISO, UTC). */
  heartbeatAt: string;
}

/** A server process: host name, process id, and when it started (ISO, UTC). */
export interface JobRunner {
  host: string;
  pid: number;
  startedAt: string;
}

/** How long a running job's heartbeat may be silent before it is taken for cut off (a crash or a stop). */
export const STALE_AFTER_SECONDS = 60;

// A file a job made is kept in its result (`fileBase64`) but read only by `findJobFile`, never with the job.
const COLUMNS = `id, kind, owner_user_id as "ownerUserId", owner_name as "ownerName", state, progress, stage,
  case when jsonb_typeof(result) = 'object' then result - 'fileBase64' else result end as result, error,
  to_char(started_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "startedAt",
  to_char(finished_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "finishedAt",
  case when runner_pid is null then null else json_build_object('host', runner_host, 'pid', runner_pid,
    'startedAt', to_char(runner_started_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')) end as runner,
  to_char(heartbeat_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "heartbeatAt"`;

/** A job id: 12 letters and digits, not guessable (the route checks the owner too). */
export const newJobId = () => randomBytes(9).toString('base64url').replace(/[-_]/g, 'x').slice(0, 12);

export async function insertJob(
  db: Queryable,
  job: {
    id: string;
    kind: string;
    ownerUserId: number | null;
    ownerName: string;
    stage: string;
    params: unknown;
    runner?: JobRunner;
  },
): Promise<void> {
  await db.query(
    `insert into jobs (id, kind, owner_user_id, owner_name, stage, params, runner_host, runner_pid, runner_started_at)
     values ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9::timestamptz)`,
    [
      job.id,
      job.kind,
      job.ownerUserId,
      job.ownerName,
      job.stage,
      JSON.stringify(job.params),
      job.runner?.host ?? null,
      job.runner?.pid ?? null,
      job.runner?.startedAt ?? null,
    ],
  );
}

/**
 * Inserts a running job unless one of its kind is running (one at a time per kind, decided in the one
 * statement so two servers cannot both start one). False when refused.
 */
export async function insertJobUnlessRunning(
  db: Queryable,
  job: {
    id: string;
    kind: string;
    ownerUserId: number | null;
    ownerName: string;
    stage: string;
    params: unknown;
    runner: JobRunner;
  },
): Promise<boolean> {
  const rows = await db.query<{ id: string }>(
    `insert into jobs (id, kind, owner_user_id, owner_name, stage, params, runner_host, runner_pid, runner_started_at)
     select $1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9::timestamptz
     where not exists (select 1 from jobs where kind = $2 and state = 'running')
     returning id`,
    [
      job.id,
      job.kind,
      job.ownerUserId,
      job.ownerName,
      job.stage,
      JSON.stringify(job.params),
      job.runner.host,
      job.runner.pid,
      job.runner.startedAt,
    ],
  );
  return rows.length > 0;
}

export async function findJob(db: Queryable, id: string): Promise<JobRow | null> {
  const rows = await db.query<JobRow>(`select ${COLUMNS} from jobs where id = $1`, [id]);
  return rows[0] ?? null;
}

/** The file a finished job made (a PDF pack), if any. */
export async function findJobFile(
  db: Queryable,
  id: string,
): Promise<{ fileName: string; contentType: string; bytes: Buffer } | null> {
  const rows = await db.query<{ fileName: string | null; contentType: string | null; data: string | null }>(
    `select result->>'fileName' as "fileName", result->>'contentType' as "contentType",
       result->>'fileBase64' as data
     from jobs where id = $1 and state = 'done'`,
    [id],
  );
  const row = rows[0];
  if (!row?.data || !row.fileName || !row.contentType) return null;
  return { fileName: row.fileName, contentType: row.contentType, bytes: Buffer.from(row.data, 'base64') };
}

/** Whether the weights of this key are built already (a second build job is refused). */
export async function weightsBuilt(db: Queryable, key: string): Promise<boolean> {
  const rows = await db.query(`select 1 from spatial_weight_sets where key = $1`, [key]);
  return rows.length > 0;
}

/** The rest of the transaction reads one state of the data (its first statement). */
export async function readOneState(tx: Queryable): Promise<void> {
  await tx.query('set transaction isolation level repeatable read');
}

/** The running job of a kind, if any: one at a time per kind. */
export async function runningJobOf(db: Queryable, kind: string): Promise<JobRow | null> {
  const rows = await db.query<JobRow>(`select ${COLUMNS} from jobs where kind = $1 and state = 'running'`, [
    kind,
  ]);
  return rows[0] ?? null;
}

export async function setProgress(db: Queryable, id: string, progress: number, stage: string): Promise<void> {
  await db.query(
    `update jobs set progress = $2, stage = $3, heartbeat_at = now() where id = $1 and state = 'running'`,
    [id, Math.max(0, Math.min(100, Math.round(progress))), stage],
  );
}

/** The running process's sign of life for its jobs (those still running). */
export async function touchJobs(db: Queryable, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.query(`update jobs set heartbeat_at = now() where id = any($1::text[]) and state = 'running'`, [
    [...ids],
  ]);
}

/** Marks a running job cancelled (its work stops at its next step); an ended job is left as it is. */
export async function markCancelled(db: Queryable, id: string): Promise<void> {
  await db.query(
    `update jobs set state = 'cancelled', stage = 'Đã hủy', finished_at = now() where id = $1 and state = 'running'`,
    [id],
  );
}

/**
 * Ends a running job. A job cancelled too late (its work finished and committed before it could see the
 * cancel) ends `done`: what it made exists, and its owner must be told so.
 */
export async function finishJob(
  db: Queryable,
  id: string,
  end: { state: Exclude<JobState, 'running'>; stage: string; result?: unknown; error?: string },
): Promise<void> {
  await db.query(
    `update jobs set state = $2, stage = $3, result = $4::jsonb, error = $5, finished_at = now(),
       progress = case when $2 = 'done' then 100 else progress end
     where id = $1 and (state = 'running' or ($2 = 'done' and state = 'cancelled'))`,
    [
      id,
      end.state,
      end.stage,
      end.result === undefined ? null : JSON.stringify(end.result),
      end.error ?? null,
    ],
  );
}

/**
 * At a server's start (and before a job of a kind is started): a job still `running` whose heartbeat has
 * been silent for `staleAfterSeconds` was cut off by a crash or a stop of the process that ran it. It is
 * marked failed, with what it was doing, so its owner sees it ended rather than waiting for it forever.
 * A job whose process is alive keeps beating and is left alone, so a second server process on the same
 * PostgreSQL does not end the first one's jobs.
 */
export async function failInterruptedJobs(
  db: Queryable,
  opts: { staleAfterSeconds?: number; kind?: string } = {},
): Promise<number> {
  const rows = await db.query<{ id: string }>(
    `update jobs set state = 'failed', finished_at = now(),
       error = 'Công việc bị gián đoạn khi máy chủ khởi động lại (' || stage || ', ' || progress || '%); hãy chạy lại.'
     where state = 'running' and heartbeat_at < now() - make_interval(secs => $1)
       and ($2::text is null or kind = $2)
     returning id`,
    [opts.staleAfterSeconds ?? STALE_AFTER_SECONDS, opts.kind ?? null],
  );
  return rows.length;
}
