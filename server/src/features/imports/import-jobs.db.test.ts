import type { FeatureCollection, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Queryable } from '../../db/engine';
import { cancelJob, JobCancelled, runningJobIds } from '../../lib/job-runner';
import { type TestClient, testEngine, writableTestApp } from '../../testing/test-db';
import { readBoundariesImport, writeBoundaries } from './boundaries-import';
import { startValuesImportJob, VALUES_JOB_MIN_VALUES } from './import-jobs';
import { readTable } from './read-table';
import { importTableCounts, uploadForm } from './testing';
import { readValuesImport, type ValuesImportInput } from './values-import';

/**
 * A boundary import's commit, and a large report's, run as jobs when the import page asks for it
 * (`Prefer: respond-async`): the file is checked in the request, the writing transaction runs on with its
 * progress recorded, one import of a kind at a time, and a cancel rolls everything back.
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
const jobs: string[] = [];
const PERIOD = '2026-Q3';
const VALID_FROM = '2026-01-01';

beforeAll(async () => {
  t = await writableTestApp();
  db = t.db;
  admin = t.app;
});

afterAll(async () => {
  await db.query(`delete from jobs where id = any($1::text[])`, [jobs]);
  await t.close();
});

const async = { prefer: 'respond-async' };

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

/** The national template (every commune of the country) with two indicators filled: 6,600+ values. */
async function nationalCsv(base: number): Promise<string> {
  const res = await admin.request(`/api/imports/templates/values?period=${PERIOD}&layout=wide&format=csv`);
  expect(res.status).toBe(200);
  const sheets = await readTable('t.csv', new Uint8Array(await res.arrayBuffer()));
  const rows = (sheets[0]?.rows ?? []).map((r) => r.map((c) => (c === null ? '' : String(c))));
  const header = rows[0] ?? [];
  const a = header.findIndex((h) => h.endsWith('(managed_addicts)'));
  const b = header.findIndex((h) => h.endsWith('(drug_arrests)'));
  const body = rows.slice(1).map((r, i) => {
    const copy = [...r];
    copy[a] = String(base + i);
    copy[b] = String(base + 1 + i);
    return copy;
  });
  return [header, ...body].map((r) => r.map((c) => (c.includes(',') ? `"${c}"` : c)).join(',')).join('\n');
}

const storedValue = async (q: Queryable, code: string) =>
  (
    await q.query<{ value: number }>(
      `select v.value from indicator_values v join admin_units u on u.id = v.unit_id
       where u.code = $1 and u.level = 'commune' and u.valid_to is null
         and v.indicator_code = 'managed_addicts' and v.period_id = $2`,
      [code, PERIOD],
    )
  )[0]?.value ?? null;

async function valuesInput(csv: string): Promise<ValuesImportInput> {
  return {
    fileName: 'bc-toan-quoc.csv',
    bytes: new TextEncoder().encode(csv),
    period: PERIOD,
    scope: null,
    actor: 'admin',
  };
}

/** A gate the test opens: the job's work waits at it (inside its transaction, or after it). */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => {
    open = r;
  });
  let reached!: () => void;
  const atGate = new Promise<void>((r) => {
    reached = r;
  });
  return {
    open,
    atGate,
    wait: async () => {
      reached();
      await opened;
    },
  };
}

const owner = { id: null, name: 'admin' };

describe('a large report written as a job', () => {
  it('is answered 202 with the job, reports progress, and ends with what the synchronous answer says', async () => {
    const csv = await nationalCsv(30_000);
    const firstCode = csv.split('\n')[1]?.split(',')[0] ?? '';
    const res = await admin.request('/api/imports/values', {
      method: 'POST',
      headers: async,
      body: uploadForm('bc-toan-quoc.csv', csv, { period: PERIOD }),
    });
    expect(res.status).toBe(202);
    const started = (await res.json()) as JobJson;
    jobs.push(started.id);
    expect(started).toMatchObject({ kind: 'import-values', state: 'running' });
    const stages = new Set<string>([started.stage]);
    const done = await until(started.id, (j) => j.state !== 'running', stages);
    expect(done).toMatchObject({ state: 'done', progress: 100 });
    expect(done.result?.values).toBeGreaterThanOrEqual(VALUES_JOB_MIN_VALUES);
    expect(done.result?.importId).toEqual(expect.any(Number));
    expect(done.result).toHaveProperty('reports');
    expect([...stages].some((s) => s.startsWith('Đang chuẩn bị ghi') || s.startsWith('Đang ghi'))).toBe(true);
    expect(await storedValue(db, firstCode)).toBe(30_000);
    const rollback = await admin.request(`/api/imports/values/${done.result?.importId}/rollback`, {
      method: 'POST',
    });
    expect(rollback.status).toBe(200);

    // A file with problems is answered at once, 422 with its problems, and starts no job.
    const bad = await admin.request('/api/imports/values', {
      method: 'POST',
      headers: async,
      body: uploadForm('bc.csv', 'Mã đơn vị,Tên đơn vị\n03979,Xã Tân Phong\n', { period: PERIOD }),
    });
    expect(bad.status).toBe(422);
  }, 300_000);

  it('writes one large report at a time: a second is refused (409) naming the running one', async () => {
    const input = await valuesInput(await nationalCsv(40_000));
    const read = await readValuesImport(db, input);
    const held = gate();
    const job = await startValuesImportJob(
      db,
      owner,
      input,
      read,
      async () => undefined,
      async (committed) => {
        // Written and committed; the job has not ended yet.
        await held.wait();
        return committed;
      },
    );
    jobs.push(job.id);
    await held.atGate;
    const second = await admin.request('/api/imports/values', {
      method: 'POST',
      headers: async,
      body: uploadForm('bc-2.csv', await nationalCsv(50_000), { period: PERIOD }),
    });
    expect(second.status).toBe(409);
    expect(((await second.json()) as { error: { message: string } }).error.message).toContain(job.id);
    held.open();
    const done = await until(job.id, (j) => j.state !== 'running');
    expect(done.state).toBe('done');
    const undo = await admin.request(`/api/imports/values/${done.result?.importId}/rollback`, {
      method: 'POST',
    });
    expect(undo.status).toBe(200);
  }, 300_000);

  it('leaves nothing changed when cancelled while it writes', async () => {
    const csv = await nationalCsv(60_000);
    const firstCode = csv.split('\n')[1]?.split(',')[0] ?? '';
    const input = await valuesInput(csv);
    const read = await readValuesImport(db, input);
    const before = await importTableCounts(db);
    const valueBefore = await storedValue(db, firstCode);
    const held = gate();
    let writtenInTx: number | null = null;
    const job = await startValuesImportJob(
      db,
      owner,
      input,
      read,
      async (tx) => {
        // Inside the writing transaction, every value written: the job is cancelled here.
        writtenInTx = await storedValue(tx, firstCode);
        await held.wait();
      },
      (committed) => committed,
    );
    jobs.push(job.id);
    await held.atGate;
    expect(writtenInTx).toBe(60_000);
    if (testEngine() === 'postgres') {
      // Another connection answers while the transaction is open: the job's progress, and the cancel.
      const mid = (await (await admin.request(`/api/jobs/${job.id}`)).json()) as JobJson;
      expect(mid.state).toBe('running');
      expect(mid.progress).toBeGreaterThanOrEqual(50);
      expect(mid.stage).toMatch(/^Đang (ghi|hoàn tất)/i);
      const values = await admin.request(`/api/values?indicator=managed_addicts&period=${PERIOD}&parent=01`);
      expect(values.status).toBe(200);
      expect((await admin.request(`/api/jobs/${job.id}`, { method: 'DELETE' })).status).toBe(200);
    } else {
      // The embedded engine's one connection is the transaction's: the switch is thrown in this process.
      void cancelJob(db, job.id);
    }
    held.open();
    const ended = await until(job.id, (j) => j.state !== 'running');
    expect(ended.state).toBe('cancelled');
    while (runningJobIds().includes(job.id)) await new Promise((r) => setTimeout(r, 10));
    expect(await importTableCounts(db)).toEqual(before);
    expect(await storedValue(db, firstCode)).toBe(valueBefore);
  }, 300_000);
});

/** Three Sơn La communes as squares around their label points (WGS 84), a partial update. */
async function sonLaFile(): Promise<string> {
  const units = await db.query<{ code: string; fullName: string; lon: number; lat: number }>(
    `select code, full_name as "fullName", ST_X(label_point) as lon, ST_Y(label_point) as lat from admin_units
     where level = 'commune' and province_code = '14' and valid_to is null order by code limit 3`,
  );
  const d = 0.01;
  const fc: FeatureCollection<Polygon> = {
    type: 'FeatureCollection',
    features: units.map((u) => ({
      type: 'Feature' as const,
      properties: { ma_xa: u.code, ten_xa: u.fullName, ma_tinh: '14' },
      geometry: {
        type: 'Polygon' as const,
        coordinates: [
          [
            [u.lon - d, u.lat - d],
            [u.lon + d, u.lat - d],
            [u.lon + d, u.lat + d],
            [u.lon - d, u.lat + d],
            [u.lon - d, u.lat - d],
          ],
        ],
      },
    })),
  };
  return JSON.stringify(fc);
}

describe('a boundary import written as a job', () => {
  it('checks the file at once, then builds the version as a job with progress; other requests are answered', async () => {
    const bad = await admin.request('/api/imports/boundaries', {
      method: 'POST',
      headers: async,
      body: uploadForm('x.geojson', '{"type":"FeatureCollection","features":[]}', { validFrom: VALID_FROM }),
    });
    expect(bad.status).toBe(422);

    const res = await admin.request('/api/imports/boundaries', {
      method: 'POST',
      headers: async,
      body: uploadForm('xa_sonla.geojson', await sonLaFile(), { validFrom: VALID_FROM }),
    });
    expect(res.status, await res.clone().text()).toBe(202);
    const started = (await res.json()) as JobJson;
    jobs.push(started.id);
    expect(started.kind).toBe('import-boundaries');
    const stages = new Set<string>([started.stage]);
    // Asked while the import runs: answered (on the embedded engine, between the job's statements).
    const health = await admin.request('/api/health');
    expect(health.status).toBe(200);
    const done = await until(started.id, (j) => j.state !== 'running', stages);
    expect(done, JSON.stringify(done)).toMatchObject({ state: 'done', progress: 100 });
    expect(done.result?.importId).toEqual(expect.any(Number));
    expect(done.result?.changed).toHaveLength(3);
    if (testEngine() === 'postgres') {
      // Steps inside the transaction are recorded through another connection of the pool.
      expect([...stages].some((s) => s.startsWith('Đang'))).toBe(true);
    }
    const undo = await admin.request(`/api/imports/boundaries/${done.result?.importId}/rollback`, {
      method: 'POST',
    });
    expect(undo.status, await undo.clone().text()).toBe(200);
  }, 300_000);

  it('leaves nothing changed when cancelled at any step of its transaction', async () => {
    const input = {
      fileName: 'xa_sonla.geojson',
      bytes: new TextEncoder().encode(await sonLaFile()),
      validFrom: VALID_FROM,
      level: 'commune' as const,
      crs: null,
      crosswalk: true,
      scope: 'update' as const,
      decree: null,
      decreeDate: null,
      actor: 'admin',
    };
    const read = await readBoundariesImport(db, input);
    const before = await importTableCounts(db);
    const stages: string[] = [];
    await expect(
      writeBoundaries(db, input, read, 'commit', (_percent, stage) => {
        stages.push(stage);
        // Cancelled once the version is applied and the crosswalk computed: late, with much written.
        if (stage === 'Đang kiểm tra chồng lấn') throw new JobCancelled();
      }),
    ).rejects.toBeInstanceOf(JobCancelled);
    expect(stages).toContain('Đang áp dụng phiên bản mới');
    expect(await importTableCounts(db)).toEqual(before);
    const versions = await db.query(`select 1 from admin_units where valid_from = $1`, [VALID_FROM]);
    expect(versions).toEqual([]);
  }, 300_000);
});
