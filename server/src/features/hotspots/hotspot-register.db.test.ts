import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine';
import { type ErrorJson, getJson } from '../../testing/http';
import { writableTestApp } from '../../testing/test-db';

type Ctx = Awaited<ReturnType<typeof writableTestApp>>;
let app: Ctx['app'];
let db: Database;
let close: () => Promise<void>;

/** Codes the server gave this file's own hotspots (postgres shares one database between test files). */
let CODE = '';
let MOVED = '';

const send = async (method: string, path: string, body: unknown, status: number) => {
  const res = await app.request(path, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  expect(res.status, `${method} ${path} → ${text.slice(0, 300)}`).toBe(status);
  return JSON.parse(text);
};

beforeAll(async () => {
  ({ app, db, close } = await writableTestApp());
});
afterAll(async () => {
  // audit_log is append-only (a trigger refuses deletes): the test's audit rows stay, as any write's would.
  await db.query(`delete from hotspots where code = any($1::text[])`, [[CODE, MOVED]]);
  await close();
});

interface Detail {
  code: string;
  communeCode: string;
  status: string;
  eliminatedOn: string | null;
  reemergedOn: string | null;
  events: Array<{ action: string; occurredOn: string; note: string }>;
}

describe('hotspot register', () => {
  it('creates, edits, eliminates and re-opens a hotspot, keeping every change in history and the audit log', async () => {
    // Audit rows stay (append-only): on a shared database an earlier test's deleted hotspot may have had this code.
    const [mark] = await db.query<{ id: number }>(`select coalesce(max(id), 0)::int as id from audit_log`);
    const created = (await send(
      'POST',
      '/api/hotspots',
      { kind: 'diem', lon: 105.8342, lat: 21.0278, detectedOn: '2025-03-01', notes: 'tin báo' },
      201,
    )) as Detail;
    CODE = created.code;
    // The server numbers the place in its commune.
    expect(CODE).toBe(`HS-${created.communeCode}-${CODE.slice(-3)}`);
    expect(created.status).toBe('active');
    expect(created.communeCode).toMatch(/^\d{5}$/);

    const edited = (await send(
      'PATCH',
      `/api/hotspots/${CODE}`,
      { kind: 'tu_diem', notes: 'đã xác minh' },
      200,
    )) as Detail;
    expect(edited.events.map((e) => e.action)).toEqual(['create', 'update']);

    const eliminated = (await send(
      'POST',
      `/api/hotspots/${CODE}/eliminate`,
      { on: '2025-09-15', action: 'Bắt quả tang, khởi tố vụ án' },
      200,
    )) as Detail;
    expect(eliminated.status).toBe('eliminated');
    expect(eliminated.eliminatedOn).toBe('2025-09-15');

    const reopened = (await send(
      'POST',
      `/api/hotspots/${CODE}/reopen`,
      { on: '2026-01-10', note: 'tuần tra phát hiện hoạt động trở lại' },
      200,
    )) as Detail;
    expect(reopened.status).toBe('active');
    // History reads in the order things happened on the ground; the edit happened today.
    const dated = reopened.events.map((e) => [e.action, e.occurredOn]);
    expect(dated.filter(([a]) => a !== 'update')).toEqual([
      ['create', '2025-03-01'],
      ['eliminate', '2025-09-15'],
      ['reopen', '2026-01-10'],
    ]);
    expect(dated.map(([, d]) => d)).toEqual(dated.map(([, d]) => d).sort());
    expect(reopened.events.find((e) => e.action === 'eliminate')?.note).toContain('Bắt quả tang');

    const audit = await db.query<{ action: string }>(
      `select action from audit_log where entity = 'hotspot' and entity_id = $1 and id > $2 order by id`,
      [CODE, mark?.id ?? 0],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'hotspot.create',
      'hotspot.update',
      'hotspot.eliminate',
      'hotspot.reopen',
    ]);

    const read = await getJson<Detail>(app, `/api/hotspots/${CODE}`);
    expect(read.events).toHaveLength(4);
  });

  it('refuses impossible changes and leaves the register as it was', async () => {
    MOVED = (
      (await send(
        'POST',
        '/api/hotspots',
        { kind: 'diem', lon: 103.9, lat: 21.3, detectedOn: '2024-05-01' },
        201,
      )) as Detail
    ).code;
    const before = await getJson<Detail>(app, `/api/hotspots/${MOVED}`);
    const early = (await send(
      'POST',
      `/api/hotspots/${MOVED}/eliminate`,
      { on: '2024-04-01', action: 'triệt phá' },
      400,
    )) as ErrorJson;
    expect(early.error.field).toBe('on');
    const future = (await send(
      'POST',
      `/api/hotspots/${MOVED}/eliminate`,
      { on: '2999-01-01', action: 'triệt phá' },
      400,
    )) as ErrorJson;
    expect(future.error.field).toBe('on');
    const noAction = (await send(
      'POST',
      `/api/hotspots/${MOVED}/eliminate`,
      { on: '2024-06-01' },
      400,
    )) as ErrorJson;
    expect(noAction.error.field).toBe('action');
    const reopenActive = (await send(
      'POST',
      `/api/hotspots/${MOVED}/reopen`,
      { on: '2024-06-01', note: 'lại' },
      409,
    )) as ErrorJson;
    expect(reopenActive.error.code).toBe('conflict');
    const sea = (await send('PATCH', `/api/hotspots/${MOVED}`, { lon: 109.9, lat: 8.1 }, 400)) as ErrorJson;
    expect(sea.error.field).toBe('lon');
    // Codes are the server's to assign: a client-chosen one is refused, whatever it names.
    const chosen = (await send(
      'POST',
      '/api/hotspots',
      { code: MOVED, kind: 'diem', lon: 103.9, lat: 21.3, detectedOn: '2024-05-01' },
      400,
    )) as ErrorJson;
    expect(chosen.error.message).toMatch(/code/);
    const after = await getJson<Detail>(app, `/api/hotspots/${MOVED}`);
    expect(after).toEqual(before);
  });

  it('counts eliminations of a year from the register history', async () => {
    type S = { activeAtStart: number; eliminated: number; eliminatedShare: number | null };
    const s = await getJson<S>(app, '/api/hotspot-eliminations?year=2024&province=14');
    expect(s.activeAtStart).toBeGreaterThan(0);
    expect(s.eliminated).toBeGreaterThan(0);
    expect(s.eliminatedShare).toBeCloseTo(s.eliminated / s.activeAtStart, 10);
    // Cross-check against the register's own dates: the seeded history says the same.
    const [row] = await db.query<{ n: number }>(
      `select count(*)::int as n from hotspots h
       join admin_units u on u.level = 'commune' and u.code = h.commune_code and u.valid_to is null
       where u.province_code = '14' and h.eliminated_on between '2024-01-01' and '2024-12-31' and h.code not like 'TEST-%'`,
    );
    expect(s.eliminated).toBeGreaterThanOrEqual(row?.n ?? 0);
  });
});
