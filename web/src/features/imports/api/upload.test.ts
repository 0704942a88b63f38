import type { Job } from '@pcmt/domain/contracts/jobs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type BoundariesUpload, commitBoundaries } from './upload';

/**
 * A boundary import (and a large values import) is written by the server as a job: the page follows it and
 * shows its progress bar until it ends. These tests play the server's answers and check what the page is told.
 */
const job = (over: Partial<Job>): Job => ({
  id: 'j1',
  kind: 'boundary-import',
  state: 'running',
  progress: 0,
  stage: 'Đang kiểm tra tệp',
  ownerName: 'Cán bộ dữ liệu',
  result: null,
  error: null,
  startedAt: '2026-12-07T10:00:00Z',
  finishedAt: null,
  runner: null,
  heartbeatAt: '2026-12-07T10:00:00Z',
  ...over,
});

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** Answers the import's POST with the first job, then each GET /api/jobs/j1 with the next one. */
function serverSays(states: Job[]) {
  const seen: string[] = [];
  const queue = [...states];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    seen.push(`${method} ${new URL(url, 'http://app').pathname}`);
    const next = queue.shift();
    if (!next) throw new Error(`unexpected ${method} ${url}`);
    return json(seen.length === 1 ? 202 : 200, next);
  });
  return seen;
}

const upload: BoundariesUpload = {
  file: new File(['{}'], 'ranh-gioi.geojson'),
  validFrom: '2026-04-01',
  level: 'commune',
  crs: null,
  scope: 'update',
  decree: '',
  decreeDate: '',
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('a boundary import followed as a job', () => {
  it('tells the page every progress step and ends with the import the job made', async () => {
    const report = { importId: 7 };
    const seen = serverSays([
      job({ progress: 0 }),
      job({ progress: 40, stage: 'Đang ghi đơn vị' }),
      job({ state: 'done', progress: 100, stage: 'Xong', result: report }),
    ]);
    const told: Job[] = [];
    const out = await commitBoundaries(upload, (j) => told.push(j));
    expect(out).toEqual({ ok: true, data: report });
    expect(told.map((j) => [j.state, j.progress, j.stage])).toEqual([
      ['running', 0, 'Đang kiểm tra tệp'],
      ['running', 40, 'Đang ghi đơn vị'],
      ['done', 100, 'Xong'],
    ]);
    // Asked as a job (RFC 7240's respond-async), then followed by its id.
    expect(seen).toEqual(['POST /api/imports/boundaries', 'GET /api/jobs/j1', 'GET /api/jobs/j1']);
  });

  it('says in Vietnamese that nothing was written when the job was cancelled, and why when it failed', async () => {
    serverSays([job({ progress: 10 }), job({ state: 'cancelled', progress: 10 })]);
    await expect(commitBoundaries(upload)).rejects.toThrow('Đã hủy: không có gì được ghi.');
    serverSays([job({ progress: 10 }), job({ state: 'failed', error: 'Tệp không đọc được' })]);
    await expect(commitBoundaries(upload)).rejects.toThrow('Tệp không đọc được');
  });
});
