import type { Briefing, BriefingCreate } from '@pcmt/domain/contracts/briefings';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/engine';
import { type TestClient, writableTestApp } from '../../../testing/test-db';
import { loadBriefingGeometry } from './briefing-geometry';
import { renderBriefingPdf } from './render-briefing-pdf';
import { pdfRenderMode, renderBriefingPdfOffThread } from './render-off-thread';

/**
 * Drawing a national PDF pack takes seconds of CPU. It is drawn in a worker thread, so a request made
 * while it is drawn is answered before the pack is finished, and the pack is the same document the
 * drawing code makes on the calling thread.
 */

let t: Awaited<ReturnType<typeof writableTestApp>>;
let db: Database;
let admin: TestClient;
let briefing: Briefing;

beforeAll(async () => {
  t = await writableTestApp();
  db = t.db;
  admin = t.app;
  const input: BriefingCreate = {
    title: 'Giao ban toàn quốc (PDF trong luồng phụ)',
    confidential: false,
    views: [0, 1, 2].map((i) => ({
      title: `Toàn quốc ${i + 1}`,
      note: '',
      province: null,
      period: '2025-Q4',
      indicator: i === 0 ? 'status' : 'managed_addicts',
      method: 'quantile' as const,
      classes: 5,
      todayUnits: false,
      map: null,
      bounds: null,
    })),
  };
  const res = await admin.request('/api/briefings', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  expect(res.status).toBe(201);
  briefing = (await res.json()) as Briefing;
}, 300_000);

afterAll(async () => {
  if (briefing) await db.query(`delete from briefings where id = $1`, [briefing.id]);
  await t.close();
});

describe('a PDF pack drawn off the event loop', () => {
  it('answers a request made while a national pack is drawn, before the pack is finished', async () => {
    const geometry = await loadBriefingGeometry(db, briefing);
    expect(geometry.views[0]?.communes.length).toBeGreaterThan(3000);
    const options = { confidential: true, generatedAt: new Date('2026-12-07T06:00:00Z') };
    let finished = false;
    const drawing = renderBriefingPdfOffThread(briefing, geometry, options).then((bytes) => {
      finished = true;
      return bytes;
    });
    const health = await admin.request('/api/health');
    expect(health.status).toBe(200);
    // Drawn on this thread, the pack would be finished by now: its pages would have been drawn before the
    // health request could even be made, and its bytes flushed within the turn.
    await new Promise((r) => setImmediate(r));
    expect(finished).toBe(false);
    const bytes = await drawing;
    expect(pdfRenderMode()).toBe('worker');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    // The worker's document is the one the drawing code makes (same input, same creation date).
    expect(bytes.equals(await renderBriefingPdf(briefing, geometry, options))).toBe(true);
  }, 300_000);

  it('serves GET /api/briefings/{id}/pdf from the worker', async () => {
    const res = await admin.request(`/api/briefings/${briefing.id}/pdf?mat=1`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect(pdfRenderMode()).toBe('worker');
  }, 300_000);
});
