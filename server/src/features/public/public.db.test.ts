import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PublicSummaryResponse } from '@pcmt/domain/contracts/public';
import { periodLabel } from '@pcmt/domain/format';
import { STATUS_COLORS } from '@pcmt/domain/status-classes';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import type { Database } from '../../db/engine';
import { createHttpApp } from '../../http';
import { readDatasetInfo } from '../../lib/context';
import { today } from '../../lib/sql';
import { type ErrorJson, getJson } from '../../testing/http';
import { testApp } from '../../testing/test-db';
import { listPeriods } from '../periods/periods.repo';
import { DEFAULT_PUBLIC_PAGES, lastClosedQuarter } from './closed-period';

type Summary = PublicSummaryResponse;
type Requester = { request(path: string): Response | Promise<Response> };

let db: Database;
/** The admin, to read the same data through the staff routes. */
let admin: Requester;
/** Anonymous callers of the app as `pnpm start` builds it (default delay and threshold). */
let anonymous: Requester;
let closedPeriod: string;
let closedEnd: string;

beforeAll(async () => {
  const t = await testApp();
  db = t.db;
  admin = t.app;
  anonymous = await t.as(null);
  const closed = lastClosedQuarter(await listPeriods(db), today(), DEFAULT_PUBLIC_PAGES.delayDays);
  if (!closed) throw new Error('the test dataset has no closed quarter today');
  closedPeriod = closed.id;
  closedEnd = closed.endDate;
});

/** An app with other public-page settings, called anonymously. */
async function appWith(publicPages: { delayDays: number; minCount: number }): Promise<Requester> {
  return createApp({ db, dataset: await readDatasetInfo(db), publicPages });
}

const STATUSES = ['khong_ma_tuy', 'co_ma_tuy', 'trong_diem_III', 'trong_diem_II', 'trong_diem_I'] as const;

describe('GET /api/public/summary', () => {
  it('answers anonymous callers for a province as of the last closed quarter, cacheable', async () => {
    const res = await anonymous.request('/api/public/summary?province=14');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toMatch(/public, max-age=\d+/);
    const body = (await res.json()) as Summary;
    expect(body.meta).toMatchObject({
      period: closedPeriod,
      periodEnd: closedEnd,
      delayDays: 45,
      minCount: 5,
    });
    expect(body.area).toMatchObject({ code: '14', level: 'province' });
    expect(body.area.name).toMatch(/Sơn La/);
    // Sơn La lies in the north-west, roughly 103–105.5° E, 20.5–22° N.
    const [west, south, east, north] = body.area.bounds ?? [0, 0, 0, 0];
    expect(west).toBeGreaterThan(102.5);
    expect(east).toBeLessThan(106);
    expect(south).toBeGreaterThan(20);
    expect(north).toBeLessThan(22.5);
    expect(east - west).toBeGreaterThan(1);
  });

  it('counts communes by status exactly as the status map shows them for that quarter', async () => {
    for (const province of ['01', '14']) {
      const body = await getJson<Summary>(anonymous, `/api/public/summary?province=${province}`);
      const map = await getJson<{ rows: Array<{ status: (typeof STATUSES)[number] }> }>(
        anonymous,
        `/api/status?period=${closedPeriod}&parent=${province}`,
      );
      for (const s of STATUSES) {
        expect(body.status.counts[s], `${province} ${s}`).toBe(map.rows.filter((r) => r.status === s).length);
      }
      expect(body.status.withStatus).toBe(map.rows.length);
      expect(body.status.communes).toBeGreaterThanOrEqual(map.rows.length);
      const current = body.drugFree.current;
      expect(current.drugFree).toBe(body.status.counts.khong_ma_tuy);
      expect(current.total).toBe(map.rows.length);
      expect(current.sharePct).toBeCloseTo((100 * current.drugFree) / current.total, 1);
    }
  });

  it('gives the national summary the communes of every province, and a yearly drug-free trend ending now', async () => {
    const national = await getJson<Summary>(anonymous, '/api/public/summary');
    expect(national.area).toEqual({ code: null, name: 'Toàn quốc', level: 'country', bounds: null });
    const provinces = await Promise.all(
      ['01', '14'].map((p) => getJson<Summary>(anonymous, `/api/public/summary?province=${p}`)),
    );
    // The test dataset decides statuses in provinces 01 and 14 only.
    for (const s of STATUSES) {
      expect(national.status.counts[s]).toBe(provinces.reduce((sum, p) => sum + p.status.counts[s], 0));
    }
    expect(national.status.communes).toBeGreaterThan(3000);
    const trend = national.drugFree.trend;
    expect(trend.length).toBeGreaterThanOrEqual(2);
    expect(trend.map((p) => p.date)).toEqual([...trend.map((p) => p.date)].sort());
    expect(trend.at(-1)).toEqual(national.drugFree.current);
    for (const point of trend.slice(0, -1)) {
      expect(point.period).toMatch(/^\d{4}$/);
      expect(point.date <= closedEnd).toBe(true);
    }
  });

  it('shows only indicators the catalogue marks public, with the values the staff series gives', async () => {
    const catalogue = await db.query<{ code: string; sensitivity: string }>(
      'select code, sensitivity from indicators',
    );
    const publicCodes = catalogue.filter((i) => i.sensitivity === 'public').map((i) => i.code);
    expect(publicCodes.length).toBeGreaterThan(0);
    const res = await anonymous.request('/api/public/summary?province=01');
    const text = await res.text();
    const body = JSON.parse(text) as Summary;
    expect(body.indicators.map((i) => i.code).sort()).toEqual([...publicCodes].sort());
    for (const hidden of catalogue.filter((i) => i.sensitivity !== 'public')) {
      expect(text, `${hidden.code} (${hidden.sensitivity})`).not.toContain(`"${hidden.code}"`);
    }
    const population = body.indicators.find((i) => i.code === 'population');
    expect(population?.points.length).toBeGreaterThan(3);
    const series = await getJson<{ rows: Array<{ period: string; value: number | null }> }>(
      admin,
      `/api/series?unit=01&indicator=population&from=2019&at=${closedEnd}`,
    );
    for (const point of population?.points ?? []) {
      const staff = series.rows.find((r) => r.period === point.period)?.value;
      expect(staff, point.period).not.toBeNull();
      expect(point.value).toEqual({ suppressed: false, value: staff });
    }
  });

  it('never puts a count below the threshold in the body: it says "< N" instead', async () => {
    const shown = await getJson<Summary>(anonymous, '/api/public/summary?province=14');
    const values = shown.indicators.flatMap((i) =>
      i.points.flatMap((p) => (p.value?.value ? [p.value.value] : [])),
    );
    expect(values.length).toBeGreaterThan(0);
    // A threshold above every figure: each one must disappear.
    const minCount = Math.ceil(Math.max(...values)) + 1;
    const strict = await appWith({ delayDays: 45, minCount });
    const res = await strict.request('/api/public/summary?province=14');
    const text = await res.text();
    const body = JSON.parse(text) as Summary;
    expect(body.meta.minCount).toBe(minCount);
    for (const indicator of body.indicators) {
      for (const point of indicator.points) {
        if (point.value)
          expect(point.value).toEqual({ suppressed: true, value: null, display: `< ${minCount}` });
      }
    }
    // As a figure anywhere in the body (small counts also occur inside years and status counts).
    for (const v of values) expect(text).not.toMatch(new RegExp(`"(value|display)":"?${v}[",}]`));
  });

  it('moves the closed period with the publication delay', async () => {
    const late = await appWith({ delayDays: 400, minCount: 5 });
    const body = await getJson<Summary>(late, '/api/public/summary?province=01');
    const expected = lastClosedQuarter(await listPeriods(db), today(), 400);
    expect(body.meta.period).toBe(expected?.id);
    expect(body.meta.period < closedPeriod).toBe(true);
    expect(body.drugFree.trend.every((p) => p.date <= body.meta.periodEnd)).toBe(true);
  });

  it('shows progress only toward public targets computed from public data', async () => {
    const body = await getJson<Summary>(anonymous, '/api/public/summary');
    const targets = await db.query<{
      plan: string;
      code: string;
      isPublic: boolean;
      indicator: string | null;
    }>(
      `select p.code as plan, t.code, t.is_public as "isPublic",
         coalesce(t.definition->>'indicator', t.definition->'measure'->>'indicator') as indicator
       from plan_targets t join plans p on p.id = t.plan_id where p.scope_unit_id is null`,
    );
    const sensitivity = new Map(
      (await db.query<{ code: string; s: string }>('select code, sensitivity as s from indicators')).map(
        (r) => [r.code, r.s],
      ),
    );
    const publishable = targets.filter(
      (t) => t.isPublic && (t.indicator === null || sensitivity.get(t.indicator) === 'public'),
    );
    expect(publishable.length).toBeGreaterThan(0);
    expect(body.targets.map((t) => `${t.plan}/${t.code}`).sort()).toEqual(
      publishable.map((t) => `${t.plan}/${t.code}`).sort(),
    );
    for (const t of body.targets) {
      expect(['achieved', 'on_track', 'at_risk', 'off_track', 'missed', 'no_data']).toContain(t.status);
    }
  });

  it('names the province parameter when it is malformed or unknown', async () => {
    for (const bad of ['abc', '1', '01001', "01' or 1=1--"]) {
      const body = await getJson<ErrorJson>(
        anonymous,
        `/api/public/summary?province=${encodeURIComponent(bad)}`,
        400,
      );
      expect(body.error.field).toBe('province');
      expect(body.error.message).toMatch(/province/);
    }
    const unknown = await getJson<ErrorJson>(anonymous, '/api/public/summary?province=99', 404);
    expect(unknown.error).toMatchObject({ code: 'not_found', field: 'province' });
    expect(unknown.error.message).toContain('99');
  });

  it('leaves the staff data routes closed to the same anonymous caller', async () => {
    expect((await anonymous.request(`/api/values?indicator=population&period=${closedPeriod}`)).status).toBe(
      401,
    );
    expect((await anonymous.request('/api/hotspots')).status).toBe(401);
  });
});

describe('GET /api/public/preview.png', () => {
  it('draws the province’s communes in their status colours on a 1200 × 630 PNG, cacheable', async () => {
    const res = await anonymous.request('/api/public/preview.png?province=14');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toMatch(/public, max-age=\d+/);
    const png = PNG.sync.read(Buffer.from(await res.arrayBuffer()));
    expect([png.width, png.height]).toEqual([1200, 630]);
    const summary = await getJson<Summary>(anonymous, '/api/public/summary?province=14');
    const colours = new Map<string, number>();
    for (let i = 0; i < png.data.length; i += 4) {
      const hex = `#${[png.data[i], png.data[i + 1], png.data[i + 2]].map((v) => (v ?? 0).toString(16).padStart(2, '0')).join('')}`;
      colours.set(hex, (colours.get(hex) ?? 0) + 1);
    }
    // Every status the province has is drawn (on the map and in the share bar); absent ones are not.
    for (const s of STATUSES) {
      const drawn = colours.get(STATUS_COLORS[s]) ?? 0;
      if (summary.status.counts[s] > 0) expect(drawn, s).toBeGreaterThan(100);
      else expect(drawn, s).toBe(0);
    }
  });

  it('refuses a malformed province with a 400 naming it', async () => {
    const body = await getJson<ErrorJson>(anonymous, '/api/public/preview.png?province=x', 400);
    expect(body.error.field).toBe('province');
  });
});

describe('link preview of /cong-khai pages', () => {
  const webDist = mkdtempSync(join(tmpdir(), 'pcmt-public-web-'));
  afterAll(() => rmSync(webDist, { recursive: true, force: true }));

  it('writes title, description and og/twitter tags about the province into the served HTML', async () => {
    writeFileSync(
      join(webDist, 'index.html'),
      '<!doctype html><html lang="vi"><head><title>PCMT Atlas</title></head><body><div id="root"></div></body></html>',
    );
    const site = createHttpApp(
      { db, dataset: await readDatasetInfo(db), origin: { publicOrigin: 'http://atlas.test' } },
      webDist,
    );
    const summary = await getJson<Summary>(anonymous, '/api/public/summary?province=14');
    const res = await site.request('http://atlas.test/cong-khai/14');
    expect(res.status).toBe(200);
    const html = await res.text();
    const meta = (attr: string, name: string) =>
      new RegExp(`<meta ${attr}="${name}" content="([^"]*)"`).exec(html)?.[1];
    expect(html.match(/<title>/g)).toHaveLength(1);
    expect(/<title>([^<]*)<\/title>/.exec(html)?.[1]).toContain('Sơn La');
    const description = meta('name', 'description') ?? '';
    expect(description).toContain(`${summary.drugFree.current.drugFree}/${summary.drugFree.current.total}`);
    expect(description).toContain(periodLabel(summary.meta.period, 'vi'));
    expect(description).toMatch(/Quý (I|II|III|IV)\/\d{4}/);
    expect(meta('property', 'og:title')).toContain('Sơn La');
    expect(meta('property', 'og:description')).toBe(description);
    expect(meta('property', 'og:image')).toBe('http://atlas.test/api/public/preview.png?province=14');
    expect(meta('name', 'twitter:card')).toBe('summary_large_image');

    const english = await (await site.request('http://atlas.test/cong-khai?lang=en')).text();
    expect(english).toMatch(/<meta property="og:title" content="Vietnam — /);
    expect(english).toContain('communes drug-free');

    const other = await (await site.request('http://atlas.test/ban-do')).text();
    expect(other).not.toContain('og:image');
  });

  it('points og:image and og:url at the public origin, never at a Host header the client chose', async () => {
    const dataset = await readDatasetInfo(db);
    const ogImage = async (site: ReturnType<typeof createHttpApp>, url: string, host?: string) => {
      const res = await site.request(url, host ? { headers: { host } } : undefined);
      expect(res.status).toBe(200);
      const html = await res.text();
      return {
        image: /<meta property="og:image" content="([^"]*)"/.exec(html)?.[1] ?? null,
        url: /<meta property="og:url" content="([^"]*)"/.exec(html)?.[1] ?? null,
      };
    };
    const configured = createHttpApp(
      { db, dataset, origin: { publicOrigin: 'https://pcmt.example.gov.vn', listenHost: '0.0.0.0' } },
      webDist,
    );
    expect(await ogImage(configured, 'http://evil.example/cong-khai/14', 'evil.example')).toEqual({
      image: 'https://pcmt.example.gov.vn/api/public/preview.png?province=14',
      url: 'https://pcmt.example.gov.vn/cong-khai/14',
    });

    // Not configured: the request's own origin only on a loopback address or the address listened on.
    const unconfigured = createHttpApp({ db, dataset, origin: { listenHost: '10.0.0.5' } }, webDist);
    const evil = await ogImage(unconfigured, 'http://evil.example/cong-khai/14', 'evil.example');
    expect(evil).toEqual({ image: null, url: null });
    expect((await ogImage(unconfigured, 'http://127.0.0.1:3000/cong-khai', '127.0.0.1:3000')).image).toBe(
      'http://127.0.0.1:3000/api/public/preview.png',
    );
    expect((await ogImage(unconfigured, 'http://10.0.0.5:3000/cong-khai/14', '10.0.0.5:3000')).image).toBe(
      'http://10.0.0.5:3000/api/public/preview.png?province=14',
    );
  });
});
