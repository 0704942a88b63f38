import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mayReach, type Role } from '../features/auth/roles';
import type { ErrorJson } from '../testing/http';
import { type TestClient, writableTestApp } from '../testing/test-db';
import { ROUTE_ACCESS, routeKey } from './access';

/**
 * Text the database cannot store — a NUL character, a lone UTF-16 surrogate (`"\ud800"` in JSON) — in any
 * string of any JSON body is a bad parameter: 400 naming the field, never a 500 from the database. The write
 * routes come from the app's route table, so a new route is covered without a change here.
 */
type Ctx = Awaited<ReturnType<typeof writableTestApp>>;
let ctx: Ctx;
let writeRoutes: Array<{ key: string; method: string; path: string }>;

interface OpenApiParameter {
  name: string;
  in: string;
  schema?: { type?: string; maximum?: number };
}
let doc: {
  paths: Record<
    string,
    Record<string, { parameters?: OpenApiParameter[]; requestBody?: { content?: Record<string, unknown> } }>
  >;
};

/** Write routes in the app's route table that the OpenAPI document does not list: their body is unknown. */
let undocumented: string[];

beforeAll(async () => {
  ctx = await writableTestApp();
  doc = (await (await ctx.app.request('/api/openapi.json')).json()) as typeof doc;
  const documented = new Map<string, boolean>();
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const key = routeKey(method.toUpperCase(), path.replace(/\{(\w+)\}/g, ':$1'));
      documented.set(key, op.requestBody?.content?.['application/json'] !== undefined);
    }
  }
  const seen = new Set<string>();
  writeRoutes = [];
  undocumented = [];
  for (const r of ctx.raw.routes) {
    if (r.method === 'ALL' || r.method === 'GET' || !r.path.startsWith('/api/')) continue;
    const key = routeKey(r.method, r.path);
    if (seen.has(key)) continue;
    seen.add(key);
    if (!documented.has(key)) undocumented.push(key);
    // Routes with no body (sign-out, deletes, rollbacks) or a multipart one (file imports) are not sent JSON.
    if (!documented.get(key)) continue;
    // Any value of the path's parameters: the body is refused before the route looks at them.
    writeRoutes.push({ key, method: r.method, path: r.path.replace(/:(\w+)(\{[^}]*\})?/g, 'x1') });
  }
});
afterAll(async () => {
  await ctx.db.query(`delete from hotspots where notes like $1`, [`%${MARK}%`]);
  await ctx.close();
});

/** In the notes of every hotspot this file may create, so that afterAll removes them (postgres is shared). */
const MARK = 'TEST-HOSTILE';

/** Bodies with one unstorable string each, and the field the answer must name. */
const HOSTILE_BODIES: Array<{ body: unknown; field: string; message: RegExp }> = [
  {
    body: { title: 'Giao ban', views: [{ title: 'Tình trạng', note: 'a\u0000b' }] },
    field: 'views[0].note',
    message: /NUL/,
  },
  { body: { title: 'x\u0000' }, field: 'title', message: /NUL/ },
  { body: { notes: 'ghi chú \ud800' }, field: 'notes', message: /UTF-16/ },
  { body: { name: '\udc00 tuần tra', hotspotCodes: ['HS-1'] }, field: 'name', message: /UTF-16/ },
  {
    body: {
      rows: [
        [1, 'ok'],
        [2, 'x\ud83d'],
      ],
    },
    field: 'rows[1][1]',
    message: /UTF-16/,
  },
  { body: { 'bad\u0000key': 1 }, field: '["bad\\u0000key"]', message: /NUL/ },
];

async function send(client: TestClient, method: string, path: string, body: unknown) {
  const res = await client.request(path, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, text: await res.text() };
}

describe('hostile JSON bodies', () => {
  it('covers every write route of the app that takes a JSON body', () => {
    expect(undocumented, 'write routes missing from the OpenAPI document').toEqual([]);
    expect(writeRoutes.length).toBeGreaterThan(15);
    expect(writeRoutes.map((r) => r.key)).toEqual(
      expect.arrayContaining(['POST /api/briefings', 'POST /api/plans', 'PATCH /api/hotspots/:code']),
    );
  });

  it('answers NUL and lone surrogates in any body string with 400 naming the field, on every write route', async () => {
    const callers: Array<[Role | null, TestClient]> = [
      ['admin', ctx.app],
      ['police', await ctx.as('congan.hanoi')],
      [null, await ctx.as(null)],
    ];
    const problems: string[] = [];
    for (const [role, client] of callers) {
      for (const route of writeRoutes) {
        const audience = ROUTE_ACCESS[route.key];
        const mayWrite = audience !== undefined && mayReach(role, audience);
        for (const { body, field, message } of HOSTILE_BODIES) {
          const res = await send(client, route.method, route.path, body);
          const where = `${role ?? 'anonymous'} ${route.key} ${field}`;
          if (res.status === 400) {
            const error = (JSON.parse(res.text) as ErrorJson).error;
            if (
              error.field !== field ||
              !message.test(error.message) ||
              !error.message.startsWith(`${field}: `)
            )
              problems.push(`${where}: ${res.text.slice(0, 200)}`);
          } else if (mayWrite || ![401, 403].includes(res.status)) {
            problems.push(`${where}: ${res.status} ${res.text.slice(0, 200)}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('refuses them in the writes that failed with 500 (briefing title and note, plan title, hotspot notes)', async () => {
    const cases: Array<[string, string, unknown, string]> = [
      [
        'POST',
        '/api/briefings',
        { title: 'Họp\u0000', views: [{ title: 'Tình trạng', province: '01', period: '2025-Q4' }] },
        'title',
      ],
      [
        'POST',
        '/api/briefings',
        {
          title: 'Họp',
          views: [{ title: 'Tình trạng', province: '01', period: '2025-Q4', note: 'a\ud800' }],
        },
        'views[0].note',
      ],
      [
        'POST',
        '/api/plans',
        {
          code: 'test-hostile',
          title: 'Kế hoạch\u0000',
          issuingBody: 'UBND',
          documentNo: '1/KH',
          issuedOn: '2025-09-01',
          scope: { code: '01', validOn: '2026-01-01' },
          periodStart: '2025-07-01',
          periodEnd: '2026-12-31',
        },
        'title',
      ],
      [
        'POST',
        '/api/hotspots',
        {
          kind: 'diem',
          lon: 105.8342,
          lat: 21.0278,
          detectedOn: '2025-03-01',
          notes: `${MARK} tin báo\u0000`,
        },
        'notes',
      ],
      [
        'POST',
        '/api/hotspots',
        {
          kind: 'diem',
          lon: 105.8342,
          lat: 21.0278,
          detectedOn: '2025-03-01',
          notes: `${MARK} \udfff`,
        },
        'notes',
      ],
    ];
    const problems: string[] = [];
    for (const [method, path, body, field] of cases) {
      const res = await send(ctx.app, method, path, body);
      const error = res.status === 400 ? (JSON.parse(res.text) as ErrorJson).error : null;
      if (error?.field !== field)
        problems.push(`${method} ${path} ${field}: ${res.status} ${res.text.slice(0, 200)}`);
    }
    expect(problems).toEqual([]);
    const stored = await ctx.db.query(`select code from hotspots where notes like $1`, [`%${MARK}%`]);
    expect(stored).toEqual([]);
  });

  it('still accepts well-formed text: surrogate pairs (emoji) and Vietnamese', async () => {
    const res = await send(ctx.app, 'POST', '/api/hotspots', {
      kind: 'diem',
      lon: 105.8342,
      lat: 21.0278,
      detectedOn: '2025-03-01',
      notes: `${MARK} Điểm nóng 🚨 đã xác minh`,
    });
    expect(res.status, res.text.slice(0, 200)).toBe(201);
    expect(JSON.parse(res.text)).toMatchObject({ notes: `${MARK} Điểm nóng 🚨 đã xác minh` });
  });

  it('bounds every numeric path parameter (ids of serial rows) to PostgreSQL integer: 1 … 2147483647', () => {
    const unbounded: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        for (const p of op.parameters ?? []) {
          const numeric = p.schema?.type === 'integer' || p.schema?.type === 'number';
          if (
            p.in === 'path' &&
            numeric &&
            !(p.schema?.maximum !== undefined && p.schema.maximum <= 2147483647)
          )
            unbounded.push(`${method.toUpperCase()} ${path} ${p.name}`);
        }
      }
    }
    expect(unbounded, 'use IdParam of contracts/common.ts').toEqual([]);
  });
});
