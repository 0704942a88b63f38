import { randomBytes } from 'node:crypto';
import type { Queryable } from '../../db/engine';

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
}

const COLUMNS = `id, kind, owner_user_id as "ownerUserId", owner_name as "ownerName", state, progress, stage,
  result, error,
  to_char(started_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "startedAt",
  to_char(finished_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "finishedAt"`;

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
  },
): Promise<void> {
  await db.query(
    `insert into jobs (id, kind, owner_user_id, owner_name, stage, params) values ($1, $2, $3, $4, $5, $6::jsonb)`,
    [job.id, job.kind, job.ownerUserId, job.ownerName, job.stage, JSON.stringify(job.params)],
  );
}

export async function findJob(db: Queryable, id: string): Promise<JobRow | null> {
  const rows = await db.query<JobRow>(`select ${COLUMNS} from jobs where id = $1`, [id]);
  return rows[0] ?? null;
}

/** The running job of a kind, if any: one at a time per kind. */
export async function runningJobOf(db: Queryable, kind: string): Promise<JobRow | null> {
  const rows = await db.query<JobRow>(`select ${COLUMNS} from jobs where kind = $1 and state = 'running'`, [
    kind,
  ]);
  return rows[0] ?? null;
}

export async function setProgress(db: Queryable, id: string, progress: number, stage: string): Promise<void> {
  await db.query(`update jobs set progress = $2, stage = $3 where id = $1 and state = 'running'`, [
    id,
    Math.max(0, Math.min(100, Math.round(progress))),
    stage,
  ]);
}

export async function finishJob(
  db: Queryable,
  id: string,
  end: { state: Exclude<JobState, 'running'>; stage: string; result?: unknown; error?: string },
): Promise<void> {
  await db.query(
    `update jobs set state = $2, stage = $3, result = $4::jsonb, error = $5, finished_at = now(),
       progress = case when $2 = 'done' then 100 else progress end
     where id = $1 and state = 'running'`,
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
 * At start: a job still `running` was cut off by a crash or a stop of the server that ran it. It is marked
 * failed, with what it was doing, so its owner sees it ended rather than waiting for it forever.
 * (One server process per database; with several processes, each one's start would end the others' jobs.)
 */
export async function failInterruptedJobs(db: Queryable): Promise<number> {
  const rows = await db.query<{ id: string }>(
    `update jobs set state = 'failed', finished_at = now(),
       error = 'Máy chủ đã dừng khi công việc đang chạy (' || stage || ', ' || progress || '%); hãy chạy lại.'
     where state = 'running' returning id`,
  );
  return rows.length;
}
