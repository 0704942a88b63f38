import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine';
import { beatNow, runningJobIds, startJob } from '../../lib/job-runner';
import { failInterruptedJobs, insertJob, newJobId } from '../../lib/jobs.repo';
import { type TestClient, writableTestApp } from '../../testing/test-db';
import { weightsKey } from '../spatial-stats/spatial-weights.repo';

/**
 * Long work runs as a job: started by a request that is answered at once, followed by GET /api/jobs/:id
 * (progress 0–100 and a Vietnamese stage), cancelled by DELETE, and marked failed when the process running
 * it stopped (its heartbeat went silent) — not when another server process starts beside it. Other requests are answered while it runs, also on the single-connection embedded engine.
 */

interface JobJson {
  id: string;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  progress: number;
  stage: string;
  result: unknown;
  error: string | null;
  runner: { host: string; pid: number; startedAt: string } | null;
}

let t: Awaited<ReturnType<typeof writableTestApp>>;
let db: Database;
let admin: TestClient;
let adminId: number;
const started: string[] = [];

beforeAll(async () => {
  t = await writableTestApp();
  db = t.db;
  admin = t.app;
  const [row] = await db.query<{ id: number }>(`select id from users where username = 'admin'`);
  if (!row) throw new Error('no demo admin');
  adminId = row.id;
});

let builtKey: string | null = null;

afterAll(async () => {
  if (builtKey) {
    await db.query(`delete from spatial_weights where set_key = $1`, [builtKey]);
    await db.query(`delete from spatial_weight_sets where key = $1`, [builtKey]);
  }
  await db.query(`delete from jobs where id = any($1::text[])`, [started]);
  await t.close();
});

/** A job whose work waits at a gate the test opens, reporting progress before and after it. */
async function gatedJob(kind: string) {
  let open!: () => void;
  const gate = new Promise<void>((r) => {
    open = r;
  });
  const reached = { end: false };
  const job = await startJob(db, {
    kind,
    owner: { id: adminId, name: 'admin' },
    params: {},
    stage: 'Bắt đầu',
    run: async (ctx) => {
      await ctx.progress(40, 'Đang chờ cổng');
      await gate;
      await ctx.progress(80, 'Sắp xong');
      reached.end = true;
      return { ok: true };
    },
  });
  started.push(job.id);
  return { id: job.id, open, reached };
}

async function jobOf(client: TestClient, id: string): Promise<JobJson> {
  const res = await client.request(`/api/jobs/${id}`);
  expect(res.status).toBe(200);
  return (await res.json()) as JobJson;
}

/** Polls the job until `done(job)` (each poll is a request: the job's steps run between them). */
async function until(client: TestClient, id: string, done: (j: JobJson) => boolean): Promise<JobJson> {
  for (let i = 0; i < 10_000; i++) {
    const job = await jobOf(client, id);
    if (done(job)) return job;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`job ${id} never got there`);
}

describe('jobs', () => {
  it('reports progress, and a request made while it runs is answered before it ends', async () => {
    const job = await gatedJob('test-progress');
    const waiting = await until(admin, job.id, (j) => j.progress === 40);
    expect(waiting).toMatchObject({ state: 'running', stage: 'Đang chờ cổng' });
    const values = await admin.request('/api/values?indicator=managed_addicts&period=2026-Q2&parent=01');
    expect(values.status).toBe(200);
    expect(((await values.json()) as { rows: unknown[] }).rows.length).toBeGreaterThan(0);
    // Answered while the job still waits at its gate.
    expect((await jobOf(admin, job.id)).state).toBe('running');
    job.open();
    const done = await until(admin, job.id, (j) => j.state !== 'running');
    expect(done).toMatchObject({ state: 'done', progress: 100, stage: 'Hoàn tất', result: { ok: true } });
  });

  it('stops a cancelled job at its next step', async () => {
    const job = await gatedJob('test-cancel');
    await until(admin, job.id, (j) => j.progress === 40);
    const res = await admin.request(`/api/jobs/${job.id}`, { method: 'DELETE' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as JobJson).state).toBe('cancelled');
    job.open();
    const after = await until(admin, job.id, (j) => j.state !== 'running');
    expect(after.state).toBe('cancelled');
    // Once its work has returned, it must have refused to go past the gate.
    while (runningJobIds().includes(job.id)) await new Promise((r) => setTimeout(r, 10));
    expect(job.reached.end).toBe(false);
    expect((await jobOf(admin, job.id)).state).toBe('cancelled');
  });

  it('records the process running it; a server starting beside it leaves its live job alone and fails a silent one', async () => {
    const live = await gatedJob('test-restart-live');
    const seen = await until(admin, live.id, (j) => j.progress === 40);
    expect(seen.runner).toEqual({ host: hostname(), pid: process.pid, startedAt: expect.any(String) });
    // A job of a process that stopped 10 minutes ago: its heartbeat went silent then.
    const deadId = newJobId();
    await insertJob(db, {
      id: deadId,
      kind: 'test-restart-dead',
      ownerUserId: adminId,
      ownerName: 'admin',
      stage: 'Đang dựng tệp',
      params: {},
      runner: { host: 'may-khac', pid: 999_999, startedAt: '2026-01-01T00:00:00Z' },
    });
    started.push(deadId);
    await db.query(
      `update jobs set progress = 30, heartbeat_at = now() - interval '10 minutes' where id = $1`,
      [deadId],
    );
    // What a second server process does when it starts on the same database.
    expect(await failInterruptedJobs(db)).toBeGreaterThanOrEqual(1);
    const dead = await jobOf(admin, deadId);
    expect(dead.state).toBe('failed');
    expect(dead.error).toContain('bị gián đoạn khi máy chủ khởi động lại');
    expect(dead.error).toContain('Đang dựng tệp, 30%');
    expect((await jobOf(admin, live.id)).state).toBe('running');

    // The live job keeps beating: made to look silent, its next heartbeat brings it back to now.
    await db.query(`update jobs set heartbeat_at = now() - interval '10 minutes' where id = $1`, [live.id]);
    await beatNow();
    await failInterruptedJobs(db);
    expect((await jobOf(admin, live.id)).state).toBe('running');
    live.open();
    expect((await until(admin, live.id, (j) => j.state !== 'running')).state).toBe('done');
  });

  it('does not let a job cut off by a stopped process hold its kind', async () => {
    const deadId = newJobId();
    await insertJob(db, {
      id: deadId,
      kind: 'test-held',
      ownerUserId: adminId,
      ownerName: 'admin',
      stage: 'Bắt đầu',
      params: {},
    });
    started.push(deadId);
    await db.query(`update jobs set heartbeat_at = now() - interval '10 minutes' where id = $1`, [deadId]);
    const job = await gatedJob('test-held');
    expect((await jobOf(admin, deadId)).state).toBe('failed');
    job.open();
    expect((await until(admin, job.id, (j) => j.state !== 'running')).state).toBe('done');
  });

  it('refuses a second job of the same kind while one runs, naming it', async () => {
    const job = await gatedJob('test-one-at-a-time');
    await expect(gatedJob('test-one-at-a-time')).rejects.toThrow(job.id);
    job.open();
    await until(admin, job.id, (j) => j.state !== 'running');
  });

  it("is read only by its owner (or a national grant): another province's officer gets 404", async () => {
    const job = await gatedJob('test-owner');
    const officer = await t.as('bcd.hanoi');
    expect((await officer.request(`/api/jobs/${job.id}`)).status).toBe(404);
    expect((await officer.request(`/api/jobs/${job.id}`, { method: 'DELETE' })).status).toBe(404);
    expect((await jobOf(admin, job.id)).state).toBe('running');
    job.open();
    await until(admin, job.id, (j) => j.state !== 'running');
  });

  it('builds the national weights as a job with progress by province, then refuses to build them again', async () => {
    const bad = await admin.request('/api/jobs/weights', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ validFrom: '2020-02-02' }),
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('validFrom');

    // On PostgreSQL the test database is shared with the worker's other files, one of which may have built
    // these weights already (then the job is refused with 409): start from none, as a new version would.
    const existing = weightsKey('commune', '2025-07-01', { kind: 'contiguity', snapM: 50 });
    await db.query(`delete from spatial_weights where set_key = $1`, [existing]);
    await db.query(`delete from spatial_weight_sets where key = $1`, [existing]);
    const res = await admin.request('/api/jobs/weights', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ validFrom: '2025-07-01' }),
    });
    expect(res.status).toBe(202);
    const job = (await res.json()) as JobJson;
    started.push(job.id);
    const stages = new Set<string>();
    const done = await until(admin, job.id, (j) => {
      stages.add(j.stage);
      return j.state !== 'running';
    });
    expect(done).toMatchObject({ state: 'done', progress: 100 });
    expect([...stages].some((s) => s.startsWith('Đang tìm đơn vị liền kề'))).toBe(true);
    const key = (done.result as { key: string }).key;
    builtKey = key;
    const sets = await db.query<{ n: number }>(
      `select unit_count as n from spatial_weight_sets where key = $1`,
      [key],
    );
    expect(sets[0]?.n).toBeGreaterThan(3000);
    const again = await admin.request('/api/jobs/weights', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ validFrom: '2025-07-01' }),
    });
    expect(again.status).toBe(409);
  }, 300_000);
});
