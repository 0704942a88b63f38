import type { Briefing, BriefingCreate } from '@pcmt/domain/contracts/briefings';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine';
import { type DatasetInfo, readDatasetInfo } from '../../lib/context';
import { bump } from '../../lib/data-generations';
import { JobCancelled, type JobContext } from '../../lib/job-runner';
import { today } from '../../lib/sql';
import { type TestClient, testEngine, writableTestApp } from '../../testing/test-db';
import { EVERYWHERE } from '../auth/jurisdiction';
import { createReferenceCache, type ReferenceCache } from '../reference/reference-cache';
import { freezeBriefing, resolveBriefingViews } from './briefing-jobs';

/**
 * A national briefing is saved, and its PDF pack rendered, as jobs: answered at once, followed by progress
 * with a Vietnamese stage, cancellable, and other requests are answered while a freeze is half done — also
 * on the embedded engine, whose one connection the freeze must not hold.
 */

interface JobJson {
  id: string;
  kind: string;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  progress: number;
  stage: string;
  result: Record<string, unknown> | null;
  error: string | null;
}

let t: Awaited<ReturnType<typeof writableTestApp>>;
let db: Database;
let admin: TestClient;
let reference: ReferenceCache;
let dataset: DatasetInfo;
const briefings: string[] = [];
const jobs: string[] = [];

beforeAll(async () => {
  t = await writableTestApp();
  db = t.db;
  admin = t.app;
  reference = createReferenceCache(db);
  dataset = await readDatasetInfo(db);
});

afterAll(async () => {
  await db.query(`delete from briefings where id = any($1::text[])`, [briefings]);
  await db.query(`delete from jobs where id = any($1::text[])`, [jobs]);
  await t.close();
});

const nationalViews = (n: number): BriefingCreate['views'] =>
  Array.from({ length: n }, (_, i) => ({
    title: `Toàn quốc ${i + 1}`,
    note: '',
    province: null,
    period: i % 2 === 0 ? '2025-Q4' : '2026-Q1',
    indicator: i % 3 === 0 ? 'status' : 'managed_addicts',
    method: 'quantile' as const,
    classes: 5,
    todayUnits: false,
    map: null,
    bounds: null,
  }));

async function postJson(client: TestClient, path: string, body: unknown) {
  const res = await client.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as JobJson & { error: { field: string } } };
}

async function until(id: string, done: (j: JobJson) => boolean, seen?: Set<string>): Promise<JobJson> {
  for (let i = 0; i < 30_000; i++) {
    const res = await admin.request(`/api/jobs/${id}`);
    expect(res.status).toBe(200);
    const job = (await res.json()) as JobJson;
    seen?.add(job.stage);
    if (done(job)) return job;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`job ${id} never got there`);
}

/** A job context that records stages and, at a chosen stage, waits at a gate the test opens (or cancels). */
function gatedContext(stopAt: string) {
  const stages: string[] = [];
  let open!: (how: 'go' | 'cancel') => void;
  const gate = new Promise<'go' | 'cancel'>((r) => {
    open = r;
  });
  let reached!: () => void;
  const atGate = new Promise<void>((r) => {
    reached = r;
  });
  const controller = new AbortController();
  const ctx: JobContext = {
    signal: controller.signal,
    checkpoint() {
      if (controller.signal.aborted) throw new JobCancelled();
    },
    async progress(_percent, stage) {
      stages.push(stage);
      if (stage === stopAt) {
        reached();
        if ((await gate) === 'cancel') controller.abort();
      }
      ctx.checkpoint();
    },
  };
  return { ctx, stages, open, atGate };
}

async function briefingCount(title: string): Promise<number> {
  const rows = await db.query<{ n: number }>(`select count(*)::int as n from briefings where title = $1`, [
    title,
  ]);
  return rows[0]?.n ?? 0;
}

describe('a briefing saved as a job', () => {
  it('checks its views before starting: a bad view is answered at once, naming its field', async () => {
    const views = nationalViews(2);
    const { status, json } = await postJson(admin, '/api/jobs/briefing', {
      title: 'Sai',
      views: [views[0], { ...views[1], period: '2031-Q1' }],
    });
    expect(status).toBe(404);
    expect(json.error.field).toBe('views[1].period');
  });

  it('answers other requests while its views are frozen one by one, then saves every view', async () => {
    const input: BriefingCreate = {
      title: 'Giao ban toàn quốc (job, cổng)',
      confidential: false,
      views: nationalViews(4),
    };
    const ref = await reference.get();
    const resolved = await resolveBriefingViews(db, ref, input, EVERYWHERE, today());
    const gated = gatedContext('Đang chốt số liệu trang 3/4');
    const freezing = freezeBriefing(db, gated.ctx, { input, resolved, ref, dataset, actor: 'admin' });
    await gated.atGate;
    // Half the views frozen: the country's values and a province's status are answered meanwhile.
    const values = await admin.request('/api/values?indicator=managed_addicts&period=2026-Q1');
    expect(values.status).toBe(200);
    expect(((await values.json()) as { rows: unknown[] }).rows.length).toBeGreaterThan(0);
    const status = await admin.request('/api/status?period=2025-Q4&parent=01');
    expect(status.status).toBe(200);
    expect(await briefingCount(input.title)).toBe(0);
    gated.open('go');
    const { briefingId } = await freezing;
    briefings.push(briefingId);
    expect(gated.stages).toEqual([
      'Đang chốt số liệu trang 1/4',
      'Đang chốt số liệu trang 2/4',
      'Đang chốt số liệu trang 3/4',
      'Đang chốt số liệu trang 4/4',
      'Đang lưu bản trình chiếu',
    ]);
    const saved = (await (await admin.request(`/api/briefings/${briefingId}`)).json()) as Briefing;
    expect(saved.views.map((v) => v.spec.title)).toEqual(input.views.map((v) => v.title));
    expect(saved.views[0]?.snapshot.rows.length).toBeGreaterThan(3000);
  }, 300_000);

  it('saves nothing when cancelled half way', async () => {
    const input: BriefingCreate = {
      title: 'Giao ban toàn quốc (job, hủy)',
      confidential: false,
      views: nationalViews(3),
    };
    const ref = await reference.get();
    const resolved = await resolveBriefingViews(db, ref, input, EVERYWHERE, today());
    const gated = gatedContext('Đang chốt số liệu trang 2/3');
    const freezing = freezeBriefing(db, gated.ctx, { input, resolved, ref, dataset, actor: 'admin' });
    await gated.atGate;
    gated.open('cancel');
    await expect(freezing).rejects.toBeInstanceOf(JobCancelled);
    expect(gated.stages).not.toContain('Đang lưu bản trình chiếu');
    expect(await briefingCount(input.title)).toBe(0);
  }, 300_000);

  it('freezes one state of the data: a value written between two views is in every view or in none', async () => {
    const views = nationalViews(3).map((v, i) => ({
      ...v,
      title: `Một trạng thái ${i + 1}`,
      indicator: 'managed_addicts',
      period: '2026-Q1',
    }));
    const input: BriefingCreate = {
      title: 'Giao ban toàn quốc (một trạng thái)',
      confidential: false,
      views,
    };
    const ref = await reference.get();
    const resolved = await resolveBriefingViews(db, ref, input, EVERYWHERE, today());
    const [target] = await db.query<{ unitId: number; code: string; value: number }>(
      `select v.unit_id as "unitId", u.code, v.value from indicator_values v join admin_units u on u.id = v.unit_id
       where v.indicator_code = 'managed_addicts' and v.period_id = '2026-Q1'
         and u.level = 'commune' and u.valid_to is null
       order by u.code limit 1`,
    );
    if (!target) throw new Error('no value to change');
    const written = target.value + 7_777;
    const setValue = (value: number) =>
      db.transaction(async (tx) => {
        await tx.query(
          `update indicator_values set value = $3
           where indicator_code = 'managed_addicts' and period_id = '2026-Q1' and unit_id = $1 and value = $2`,
          [target.unitId, value === written ? target.value : written, value],
        );
        // As every write does: the data's generation moves in the write's own transaction.
        await bump(tx, 'values');
      });
    const gated = gatedContext('Đang chốt số liệu trang 2/3');
    const freezing = freezeBriefing(db, gated.ctx, { input, resolved, ref, dataset, actor: 'admin' });
    try {
      await gated.atGate;
      // View 1 is frozen, views 2 and 3 are not: a value is written now.
      await setValue(written);
      gated.open('go');
      const { briefingId } = await freezing;
      briefings.push(briefingId);
      const saved = (await (await admin.request(`/api/briefings/${briefingId}`)).json()) as Briefing;
      const seen = saved.views.map((v) => v.snapshot.rows.find((r) => r.code === target.code)?.value);
      // PostgreSQL reads every view in one snapshot taken before the write; the embedded engine notices
      // the write and freezes every view again after it.
      const expected = testEngine() === 'postgres' ? target.value : written;
      expect(seen).toEqual([expected, expected, expected]);
    } finally {
      await setValue(target.value);
    }
  }, 300_000);

  it('runs through the API with progress, then its PDF pack is rendered as a job and downloaded', async () => {
    const title = 'Giao ban toàn quốc (job, API)';
    const start = await postJson(admin, '/api/jobs/briefing', { title, views: nationalViews(2) });
    expect(start.status).toBe(202);
    jobs.push(start.json.id);
    const stages = new Set<string>([start.json.stage]);
    const done = await until(start.json.id, (j) => j.state !== 'running', stages);
    expect(done).toMatchObject({ state: 'done', progress: 100, kind: 'briefing-freeze' });
    expect(stages).toContain('Đang chốt số liệu trang 1/2');
    const briefingId = done.result?.briefingId as string;
    briefings.push(briefingId);
    expect((await admin.request(`/api/briefings/${briefingId}`)).status).toBe(200);

    const pdf = await postJson(admin, '/api/jobs/briefing-pdf', { briefingId, mat: true });
    expect(pdf.status).toBe(202);
    jobs.push(pdf.json.id);
    expect((await admin.request(`/api/jobs/${pdf.json.id}/file`)).status).toBe(404);
    const rendered = await until(pdf.json.id, (j) => j.state !== 'running');
    expect(rendered.state).toBe('done');
    // The job's answer names its file, without carrying its bytes.
    expect(rendered.result).toMatchObject({ contentType: 'application/pdf', briefingId });
    expect(rendered.result).not.toHaveProperty('fileBase64');
    const file = await admin.request(`/api/jobs/${pdf.json.id}/file`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await file.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.length).toBe(rendered.result?.size);

    const missing = await postJson(admin, '/api/jobs/briefing-pdf', { briefingId: 'zzzzzzzzzz' });
    expect(missing.status).toBe(404);
    expect(missing.json.error.field).toBe('briefingId');
  }, 300_000);
});
