import { hostname } from 'node:os';
import type { Database } from '../db/engine';
import { ApiError } from './errors';
import {
  failInterruptedJobs,
  findJob,
  finishJob,
  insertJobUnlessRunning,
  type JobRow,
  type JobRunner,
  markCancelled,
  newJobId,
  runningJobOf,
  setProgress,
  touchJobs,
} from './jobs.repo';

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

/** This process, as written on the jobs it runs. */
export const thisRunner: JobRunner = {
  host: hostname(),
  pid: process.pid,
  startedAt: new Date(Date.now() - Math.round(process.uptime() * 1000)).toISOString(),
};

/** This process's running jobs: their cancel switches and their database. */
const running = new Map<string, { controller: AbortController; db: Database }>();

/** How often this process's running jobs beat (well within the staleness limit of jobs.repo). */
const HEARTBEAT_MS = 5_000;
let heartbeat: ReturnType<typeof setInterval> | null = null;

/** Touches the heartbeat of every job this process runs (what the timer does; tests call it directly). */
export async function beatNow(): Promise<void> {
  const byDb = new Map<Database, string[]>();
  for (const [id, job] of running) byDb.set(job.db, [...(byDb.get(job.db) ?? []), id]);
  await Promise.all(
    [...byDb].map(([db, ids]) =>
      touchJobs(db, ids).catch((err: unknown) => {
        console.error('job heartbeat failed:', err instanceof Error ? err.message : String(err));
      }),
    ),
  );
}

function keepBeating() {
  if (heartbeat || running.size === 0) return;
  heartbeat = setInterval(() => {
    if (running.size === 0) {
      if (heartbeat) clearInterval(heartbeat);
      heartbeat = null;
      return;
    }
    void beatNow();
  }, HEARTBEAT_MS);
  // A running job does not keep a stopping process alive.
  heartbeat.unref();
}

/**
 * Starts long work as a job and returns at once with its row: the work runs on, between other requests'
 * statements (each of its steps is a statement of its own, so the single-connection embedded engine serves
 * others in between), and records its progress in `jobs`. One job of a kind at a time: a second start is
 * refused (409) naming the running one.
 */
export async function startJob(db: Database, spec: JobSpec): Promise<JobRow> {
  const id = newJobId();
  // A job of this kind left `running` by a process that stopped no longer holds the kind.
  await failInterruptedJobs(db, { kind: spec.kind });
  const inserted = await insertJobUnlessRunning(db, {
    id,
    kind: spec.kind,
    ownerUserId: spec.owner.id,
    ownerName: spec.owner.name,
    stage: spec.stage,
    params: spec.params,
    runner: thisRunner,
  });
  if (!inserted) {
    const other = await runningJobOf(db, spec.kind);
    throw new ApiError(
      409,
      'job_running',
      `Công việc này đang chạy (mã ${other?.id ?? '?'}, do ${other?.ownerName ?? '?'} bắt đầu, ${other?.progress ?? 0}%): hãy chờ nó xong hoặc hủy nó`,
      'kind',
    );
  }
  const controller = new AbortController();
  running.set(id, { controller, db });
  keepBeating();
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
 * through its switch, in another when it next reports progress). A job already ended is left as it is; one
 * whose work had passed its last step and was committed when the cancel came ends `done` all the same.
 */
export async function cancelJob(db: Database, id: string): Promise<JobRow | null> {
  // This process's job first: its switch needs no statement, so a job holding the embedded engine's one
  // connection in a transaction sees it at its next step and rolls back.
  running.get(id)?.controller.abort();
  await markCancelled(db, id);
  return findJob(db, id);
}

/** Jobs of this process still working (tests, and a clean stop). */
export const runningJobIds = (): string[] => [...running.keys()];
