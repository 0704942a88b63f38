import type { Database } from '../../db/engine';
import { ApiError } from '../../lib/errors';
import { findJob, finishJob, type JobRow, newJobId, setProgress } from './jobs.repo';

/** What a job's work is given: report progress (which also learns of a cancel) and check for a cancel. */
export interface JobContext {
  /** Records progress (0–100) and what is being done, in Vietnamese; throws JobCancelled once cancelled. */
  progress(percent: number, stage: string): Promise<void>;
  /** Throws JobCancelled when the job was cancelled (here or by another process). */
  checkpoint(): void;
  readonly signal: AbortSignal;
}

export class JobCancelled extends Error {
  constructor() {
    super('job cancelled');
    this.name = 'JobCancelled';
  }
}

export interface JobSpec {
  kind: string;
  owner: { id: number | null; name: string };
  params: unknown;
  /** Vietnamese label of the first stage. */
  stage: string;
  run(ctx: JobContext): Promise<unknown>;
}

/** This process's running jobs: their cancel switches. */
const running = new Map<string, AbortController>();

/**
 * Starts long work as a job and returns at once with its row: the work runs on, between other requests'
 * statements (each of its steps is a statement of its own, so the single-connection embedded engine serves
 * others in between), and records its progress in `jobs`. One job of a kind at a time: a second start is
 * refused (409) naming the running one.
 */
export async function startJob(db: Database, spec: JobSpec): Promise<JobRow> {
  const id = newJobId();
  const inserted = await db.query<{ id: string }>(
    `insert into jobs (id, kind, owner_user_id, owner_name, stage, params)
     select $1, $2, $3, $4, $5, $6::jsonb
     where not exists (select 1 from jobs where kind = $2 and state = 'running')
     returning id`,
    [id, spec.kind, spec.owner.id, spec.owner.name, spec.stage, JSON.stringify(spec.params)],
  );
  if (inserted.length === 0) {
    const other = await db.query<{ id: string; ownerName: string; progress: number }>(
      `select id, owner_name as "ownerName", progress from jobs where kind = $1 and state = 'running' limit 1`,
      [spec.kind],
    );
    throw new ApiError(
      409,
      'job_running',
      `Công việc này đang chạy (mã ${other[0]?.id ?? '?'}, do ${other[0]?.ownerName ?? '?'} bắt đầu, ${other[0]?.progress ?? 0}%): hãy chờ nó xong hoặc hủy nó`,
      'kind',
    );
  }
  const controller = new AbortController();
  running.set(id, controller);
  const ctx: JobContext = {
    signal: controller.signal,
    checkpoint() {
      if (controller.signal.aborted) throw new JobCancelled();
    },
    async progress(percent, stage) {
      ctx.checkpoint();
      await setProgress(db, id, percent, stage);
      // Cancelled by another process (or a request of this one) while the step ran.
      const row = await findJob(db, id);
      if (row?.state !== 'running') {
        controller.abort();
        throw new JobCancelled();
      }
    },
  };
  // Not awaited: the request that started the job is answered now.
  void (async () => {
    try {
      const result = await spec.run(ctx);
      await finishJob(db, id, { state: 'done', stage: 'Hoàn tất', result: result ?? null });
    } catch (err) {
      if (err instanceof JobCancelled || controller.signal.aborted) {
        await finishJob(db, id, { state: 'cancelled', stage: 'Đã hủy' }).catch(() => undefined);
      } else {
        const message = err instanceof Error ? err.message : String(err);
        console.error(`job ${id} (${spec.kind}) failed:`, message);
        await finishJob(db, id, { state: 'failed', stage: 'Lỗi', error: message }).catch(() => undefined);
      }
    } finally {
      running.delete(id);
    }
  })();
  const row = await findJob(db, id);
  if (!row) throw new Error(`job ${id} vanished`);
  return row;
}

/**
 * Cancels a running job: marked `cancelled` at once; its work stops at its next step (in this process
 * through its switch, in another when it next reports progress). A job already ended is left as it is.
 */
export async function cancelJob(db: Database, id: string): Promise<JobRow | null> {
  await db.query(
    `update jobs set state = 'cancelled', stage = 'Đã hủy', finished_at = now() where id = $1 and state = 'running'`,
    [id],
  );
  running.get(id)?.abort();
  return findJob(db, id);
}

/** Jobs of this process still working (tests, and a clean stop). */
export const runningJobIds = (): string[] => [...running.keys()];
