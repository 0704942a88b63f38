import { gpx } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine';
import { type ErrorJson, getJson } from '../../testing/http';
import { writableTestApp } from '../../testing/test-db';

type Ctx = Awaited<ReturnType<typeof writableTestApp>>;
let app: Ctx['app'];
let db: Database;
let close: () => Promise<void>;
let codes: string[] = [];
const NAME = 'TEST-PATROL ca đêm';

const post = async (path: string, body: unknown, status: number) => {
  const res = await app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  expect(res.status, `${path} → ${text.slice(0, 300)}`).toBe(status);
  return JSON.parse(text);
};

beforeAll(async () => {
  ({ app, db, close } = await writableTestApp());
  // Six active hotspots of one commune of Sơn La: a commune-sized plan.
  const rows = await db.query<{ code: string }>(
    `select h.code from hotspots h
     where h.commune_code = (select commune_code from hotspots where eliminated_on is null group by commune_code order by count(*) desc, commune_code limit 1)
       and h.eliminated_on is null and h.detected_on <= '2026-06-30' order by h.code limit 6`,
  );
  codes = rows.map((r) => r.code);
});
afterAll(async () => {
  // audit_log is append-only (a trigger refuses deletes): the test's audit rows stay.
  await db.query(`delete from patrol_plans where name = $1`, [NAME]);
  await close();
});

const request = () => ({
  name: NAME,
  date: '2026-06-30',
  shiftStart: '20:00',
  shiftEnd: '02:00',
  radiusM: 300,
  topCount: 2,
  seed: 3,
  hotspotCodes: codes,
});

describe('patrol plans', () => {
  it('builds a plan with a route no longer than the chosen order, zones and 10–16 minute visits', async () => {
    expect(codes.length).toBeGreaterThanOrEqual(3);
    const plan = await post('/api/patrol/plan', request(), 200);
    expect(plan.stops).toHaveLength(codes.length);
    expect(plan.routeLengthM).toBeLessThanOrEqual(plan.inputLengthM);
    expect(plan.zones.coordinates.length).toBeGreaterThan(0);
    expect(plan.visits.every((v: { minutes: number }) => v.minutes >= 10 && v.minutes <= 16)).toBe(true);
    expect(plan.stops.filter((s: { top: boolean }) => s.top)).toHaveLength(2);
  });

  it('saves a plan (audited) and serves its GPX, KML, GeoJSON and printable sheet', async () => {
    const saved = await post('/api/patrol/plans', request(), 201);
    const audit = await db.query(`select 1 from audit_log where entity = 'patrol_plan' and entity_id = $1`, [
      String(saved.id),
    ]);
    expect(audit).toHaveLength(1);
    const res = await app.request(`/api/patrol/plans/${saved.id}/export?format=gpx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('.gpx');
    const fc = gpx(
      new DOMParser().parseFromString(await res.text(), 'text/xml') as unknown as Parameters<typeof gpx>[0],
    );
    expect(fc.features.filter((f) => f.geometry?.type === 'Point')).toHaveLength(codes.length);
    const kml = await app.request(`/api/patrol/plans/${saved.id}/export?format=kml`);
    expect(await kml.text()).toContain('<kml');
    const geojson = await getJson<{ features: unknown[] }>(
      app,
      `/api/patrol/plans/${saved.id}/export?format=geojson`,
    );
    expect(geojson.features.length).toBe(codes.length + 2);
    const sheet = await app.request(`/api/patrol/plans/${saved.id}/sheet`);
    const html = await sheet.text();
    expect(sheet.headers.get('content-type')).toContain('text/html');
    expect(html).toContain('MẬT');
    expect(html).toContain('Ngày 30/06/2026');
    // The map shows the communes round the stops (the stops' own commune among them, by name), and the
    // table names each place by the register's note, not only its code.
    expect(html.match(/class="commune"/g)?.length ?? 0).toBeGreaterThan(0);
    const communeOf = saved.plan.stops.map((s: { communeName: string }) => s.communeName);
    expect(communeOf.some((name: string) => html.includes(`>${name}</text>`))).toBe(true);
    expect(saved.plan.stops.every((s: { description: string }) => s.description.length > 0)).toBe(true);
    for (const s of saved.plan.stops as { description: string }[]) expect(html).toContain(s.description);
  });

  it('rejects unknown hotspots, bad times and an unknown plan, naming the field', async () => {
    const unknown = (await post(
      '/api/patrol/plan',
      { ...request(), hotspotCodes: ['HS-NOPE-001'] },
      404,
    )) as ErrorJson;
    expect(unknown.error.field).toBe('hotspotCodes');
    const badTime = (await post('/api/patrol/plan', { ...request(), shiftStart: '25:00' }, 400)) as ErrorJson;
    expect(badTime.error.field).toBe('shiftStart');
    const twice = (await post(
      '/api/patrol/plan',
      { ...request(), hotspotCodes: [codes[0], codes[0]] },
      400,
    )) as ErrorJson;
    expect(twice.error.field).toBe('hotspotCodes');
    const missing = await getJson<ErrorJson>(app, '/api/patrol/plans/999999', 404);
    expect(missing.error.field).toBe('id');
  });
});
