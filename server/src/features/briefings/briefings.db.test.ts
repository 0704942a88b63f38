import { classBreaks, classRanges } from '@pcmt/domain/class-breaks';
import type { Briefing, BriefingViewSpec } from '@pcmt/domain/contracts/briefings';
import { STATUS_LABELS, STATUS_ORDER } from '@pcmt/domain/status-classes';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine';
import { today } from '../../lib/sql';
import { type ErrorJson, getJson } from '../../testing/http';
import { openPdf, pageTexts } from '../../testing/pdf-text';
import { type TestClient, writableTestApp } from '../../testing/test-db';

/**
 * Briefings through the API on a database this file may write to: snapshots equal the dashboard's own
 * answers, stay frozen when data change, and follow the caller's jurisdiction. Every briefing this file
 * makes is removed in afterAll, so the shared postgres database is left as it was.
 */

type Writable = Awaited<ReturnType<typeof writableTestApp>>;
let app: Writable['app'];
let as: Writable['as'];
let db: Database;
let close: Writable['close'];

beforeAll(async () => {
  ({ app, as, db, close } = await writableTestApp());
});

const created: string[] = [];
afterAll(async () => {
  await db.query(`delete from briefings where id = any($1::text[])`, [created]);
  await close();
});

type ViewInput = Partial<BriefingViewSpec> & Pick<BriefingViewSpec, 'title' | 'period'>;

async function post(body: unknown, client: TestClient = app) {
  const res = await client.request('/api/briefings', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as Briefing & ErrorJson;
  if (res.status === 201) created.push(json.id);
  return { status: res.status, json };
}

async function createBriefing(
  title: string,
  views: ViewInput[],
  client: TestClient = app,
): Promise<Briefing> {
  const { status, json } = await post({ title, views }, client);
  expect(status, JSON.stringify(json).slice(0, 300)).toBe(201);
  return json;
}

interface StatusJson {
  rows: Array<{ code: string; status: string }>;
}
interface ValuesJson {
  meta: { at: string };
  rows: Array<{ code: string; value: number }>;
}
interface UnitsJson {
  rows: Array<{ code: string }>;
}

const count = async (sql: string) =>
  (await db.query<{ n: number }>(`select count(*)::int as n from ${sql}`))[0]?.n;

describe('creating a briefing', () => {
  let briefing: Briefing;
  const todayVn = today();

  beforeAll(async () => {
    briefing = await createBriefing('Giao ban Quý IV/2025 — Hà Nội và Sơn La', [
      {
        title: 'Tình trạng ma túy Hà Nội',
        note: 'Xem các phường trung tâm',
        province: '01',
        period: '2025-Q4',
      },
      {
        title: 'Người nghiện có hồ sơ, Sơn La',
        province: '14',
        period: '2025-Q4',
        indicator: 'managed_addicts',
        method: 'jenks',
        classes: 4,
      },
      {
        title: 'Tỷ lệ nghiện trên 1.000 dân, Sơn La 6 tháng đầu 2024 trên đơn vị hiện nay',
        province: '14',
        period: '2024-H1',
        indicator: 'addicts_per_1000',
        todayUnits: true,
      },
    ]);
  });

  it('freezes the figures the map shows for the same choices', async () => {
    expect(briefing.id).toMatch(/^[a-z2-9]{10}$/);
    expect(briefing.viewCount).toBe(3);
    expect(briefing.provinces).toEqual(['01', '14']);
    expect(briefing.createdBy).toBe('admin');
    const [statusView, valuesView, todayView] = briefing.views.map((v) => v.snapshot);
    if (!statusView || !valuesView || !todayView) throw new Error('three views expected');

    // Status: every commune of Hà Nội on 31/12/2025, each with the status /api/status gives it.
    const status = await getJson<StatusJson>(app, '/api/status?period=2025-Q4&parent=01');
    const units = await getJson<UnitsJson>(app, '/api/units?level=commune&parent=01&at=2025-12-31');
    expect(statusView.kind).toBe('status');
    expect(statusView.at).toBe('2025-12-31');
    expect(statusView.parentName).toMatch(/Hà Nội/);
    expect(statusView.rows.map((r) => r.code)).toEqual(units.rows.map((r) => r.code));
    const byCode = new Map(status.rows.map((r) => [r.code, r.status]));
    for (const r of statusView.rows) {
      expect(r.status).toBe(byCode.get(r.code) ?? null);
      expect(r.class).toBe(r.status ? STATUS_ORDER.indexOf(r.status) : -1);
    }
    expect(statusView.legend.map((l) => l.status)).toEqual(STATUS_ORDER);
    expect(statusView.legend.reduce((a, l) => a + l.count, 0)).toBe(status.rows.length);
    expect(statusView.noData).toBe(units.rows.length - status.rows.length);
    expect(statusView.legend[0]?.color).toBe('#2c7bb6');
    // Its trend ends with the view's period, whose counts are the legend's.
    expect(statusView.trend).toHaveLength(8);
    expect(statusView.trend.map((t) => t.period).at(-1)).toBe('2025-Q4');
    expect(statusView.trend.at(-1)?.counts).toEqual(
      Object.fromEntries(statusView.legend.map((l) => [l.status, l.count])),
    );

    // Indicator: the values /api/values gives, classed by the shared classification.
    const values = await getJson<ValuesJson>(
      app,
      '/api/values?indicator=managed_addicts&period=2025-Q4&level=commune&parent=14',
    );
    expect(values.rows.length).toBeGreaterThan(50);
    const snapValues = valuesView.rows
      .filter((r) => r.value !== null)
      .map((r) => ({ code: r.code, value: r.value }));
    // The slide freezes each unit's figure; whether /api/values marks it an estimate is not carried (yet).
    expect(snapValues).toEqual(values.rows.map(({ code, value }) => ({ code, value })));
    const expected = classBreaks(
      values.rows.map((r) => r.value),
      'jenks',
      4,
    );
    expect(valuesView.legend.map((l) => l.range)).toEqual(expected ? classRanges(expected) : []);
    expect(valuesView.legend.reduce((a, l) => a + l.count, 0)).toBe(values.rows.length);
    expect(valuesView.indicator?.nameVi).toBeTruthy();
    // The province's trend is its series.
    const series = await getJson<{ rows: Array<{ period: string; value: number | null }> }>(
      app,
      `/api/series?unit=14&indicator=managed_addicts&from=2024-Q1&to=2025-Q4&at=2025-12-31`,
    );
    expect(valuesView.trend.map((t) => ({ period: t.period, value: t.value }))).toEqual(
      series.rows.map(({ period, value }) => ({ period, value })),
    );

    // A 2024 period on today's units: the values on the units valid today, through the crosswalk.
    const onToday = await getJson<ValuesJson>(
      app,
      `/api/values?indicator=addicts_per_1000&period=2024-H1&level=commune&parent=14&at=${todayVn}`,
    );
    expect(todayView.at).toBe(todayVn);
    expect(
      todayView.rows.filter((r) => r.value !== null).map(({ code, value }) => ({ code, value })),
    ).toEqual(onToday.rows.map(({ code, value }) => ({ code, value })));
    expect(todayView.trend.map((t) => t.period)).toEqual([
      '2020-H2',
      '2021-H1',
      '2021-H2',
      '2022-H1',
      '2022-H2',
      '2023-H1',
      '2023-H2',
      '2024-H1',
    ]);
    expect(JSON.stringify(briefing)).toContain('synthetic');
  });

  it('keeps its figures when the data change afterwards', async () => {
    const statusView = briefing.views[0]?.snapshot;
    const valuesView = briefing.views[1]?.snapshot;
    const commune = statusView?.rows.find((r) => r.status !== null && r.status !== 'trong_diem_I');
    const valued = valuesView?.rows.find((r) => r.value !== null);
    if (!commune || !valued) throw new Error('a commune with a status and one with a value expected');
    // A new decision within the quarter, and a corrected report.
    await db.query(
      `insert into commune_status_decisions (unit_id, status, effective_date, deciding_body, document_no)
       select id, 'trong_diem_I', '2025-12-20', 'UBND thử nghiệm', '1/QĐ-TEST' from admin_units
        where code = $1 and level = 'commune' and valid_to is null`,
      [commune.code],
    );
    await db.query(
      `update indicator_values set value = value + 1000 where indicator_code = 'managed_addicts' and period_id = '2025-Q4'
         and unit_id = (select id from admin_units where code = $1 and level = 'commune' and valid_to is null)`,
      [valued.code],
    );
    const status = await getJson<StatusJson>(app, '/api/status?period=2025-Q4&parent=01');
    expect(status.rows.find((r) => r.code === commune.code)?.status).toBe('trong_diem_I');
    const values = await getJson<ValuesJson>(
      app,
      '/api/values?indicator=managed_addicts&period=2025-Q4&parent=14',
    );
    expect(values.rows.find((r) => r.code === valued.code)?.value).toBe((valued.value ?? 0) + 1000);

    const again = await getJson<Briefing>(app, `/api/briefings/${briefing.id}`);
    expect(again.views[0]?.snapshot.rows.find((r) => r.code === commune.code)?.status).toBe(commune.status);
    expect(again.views[1]?.snapshot.rows.find((r) => r.code === valued.code)?.value).toBe(valued.value);
    expect(again.views).toEqual(briefing.views);
  });

  it('exports a workbook with a summary and one sheet per view, Vietnamese intact', async () => {
    const res = await app.request(`/api/briefings/${briefing.id}/xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/spreadsheetml/);
    expect(res.headers.get('content-disposition')).toMatch(
      new RegExp(`^attachment; filename="Giao-ban-Quy-IV-2025-Ha-Noi-va-Son-La-${briefing.id}\\.xlsx"$`),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Tóm tắt',
      '1. Tình trạng ma túy Hà Nội',
      '2. Người nghiện có hồ sơ, Sơn…',
      '3. Tỷ lệ nghiện trên 1.000 dân…',
    ]);
    const summary = wb.getWorksheet('Tóm tắt');
    const summaryText = JSON.stringify(summary?.getSheetValues());
    expect(summaryText).toContain('Giao ban Quý IV/2025 — Hà Nội và Sơn La');
    expect(summaryText).toContain('Quản trị hệ thống');
    expect(summaryText).toContain('DỮ LIỆU MÔ PHỎNG (tổng hợp)');
    expect(summaryText).toContain('Trọng điểm loại I');

    const sheet = wb.worksheets[1];
    if (!sheet) throw new Error('no view sheet');
    const caption = String(sheet.getCell('A1').value);
    expect(caption).toContain('Tình trạng ma túy Hà Nội');
    expect(caption).toMatch(/Thành phố Hà Nội|Hà Nội/);
    expect(String(sheet.getCell('A2').value)).toContain('DỮ LIỆU MÔ PHỎNG (tổng hợp)');
    expect(sheet.getRow(3).values).toEqual([undefined, 'Mã', 'Tên', 'Tỉnh', 'Tình trạng']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    const snapshot = briefing.views[0]?.snapshot;
    expect(sheet.rowCount).toBe(3 + (snapshot?.rows.length ?? 0));
    const first = snapshot?.rows.find((r) => r.status !== null);
    const row = sheet.getRows(4, sheet.rowCount - 3)?.find((r) => r.getCell(1).value === first?.code);
    expect(row?.getCell(2).value).toBe(first?.name);
    expect(String(row?.getCell(3).value)).toMatch(/Hà Nội/);

    const values = wb.worksheets[2];
    expect(values?.getRow(3).values).toEqual([undefined, 'Mã', 'Tên', 'Tỉnh', 'Giá trị (người)', 'Lớp']);
    const numbers = values
      ?.getRows(4, 5)
      ?.map((r) => r.getCell(4).value)
      .filter((v) => v !== null);
    expect(numbers?.every((v) => typeof v === 'number')).toBe(true);
  });

  it('prints the briefing as a PDF with an ASCII file name', async () => {
    const res = await app.request(`/api/briefings/${briefing.id}/pdf?mat=1`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="[\x20-\x7e]+\.pdf"$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    // What a reader sees: the briefing's words with their diacritics, and the frozen figures.
    const pages = await pageTexts(await openPdf(bytes));
    expect(pages).toHaveLength(1 + briefing.views.length);
    expect(pages[0]).toContain('Giao ban Quý IV/2025 — Hà Nội và Sơn La');
    for (const [i, text] of pages.entries()) {
      expect(text).toContain(`Trang ${i + 1}/${pages.length}`);
      expect(text).toContain('MẬT');
    }
    const first = briefing.views[0];
    expect(pages[1]).toContain(first?.spec.title ?? '?');
    for (const entry of first?.snapshot.legend ?? []) {
      const label = entry.status ? STATUS_LABELS.vi[entry.status] : '';
      expect(pages[1]).toMatch(new RegExp(`${label} ${entry.count.toLocaleString('vi-VN')} `));
    }
  });
});

describe('refusing a bad briefing', () => {
  const valid = { title: 'Đúng', province: '14', period: '2025-Q4' };
  const cases: Array<[string, unknown, number, string]> = [
    ['an empty title', { title: '  ', views: [valid] }, 400, 'title'],
    ['no view', { title: 'T', views: [] }, 400, 'views'],
    ['31 views', { title: 'T', views: Array.from({ length: 31 }, () => valid) }, 400, 'views'],
    [
      'an unknown period',
      { title: 'T', views: [valid, { ...valid, period: '2031-Q1' }] },
      404,
      'views[1].period',
    ],
    [
      'a malformed period',
      { title: 'T', views: [valid, { ...valid, period: 'Q1-2025' }] },
      400,
      'views[1].period',
    ],
    [
      'an unknown indicator',
      { title: 'T', views: [valid, { ...valid, indicator: 'no_such_indicator' }] },
      404,
      'views[1].indicator',
    ],
    ['a malformed province', { title: 'T', views: [{ ...valid, province: '1' }] }, 400, 'views[0].province'],
    [
      'an unknown province',
      { title: 'T', views: [valid, valid, { ...valid, province: '99' }] },
      404,
      'views[2].province',
    ],
    ['too many classes', { title: 'T', views: [{ ...valid, classes: 9 }] }, 400, 'views[0].classes'],
  ];

  for (const [what, body, status, field] of cases) {
    it(`answers ${status} naming ${field} for ${what}, and writes nothing`, async () => {
      const before = [await count('briefings'), await count(`audit_log where entity = 'briefing'`)];
      const res = await post(body);
      expect(res.status, JSON.stringify(res.json)).toBe(status);
      expect(res.json.error.field).toBe(field);
      expect([await count('briefings'), await count(`audit_log where entity = 'briefing'`)]).toEqual(before);
    });
  }
});

describe('briefings and jurisdiction', () => {
  let hanoi: Briefing;
  let national: Briefing;

  beforeAll(async () => {
    hanoi = await createBriefing(
      'Hà Nội',
      [{ title: 'Hà Nội', province: '01', period: '2025-Q4' }],
      await as('bcd.hanoi'),
    );
    national = await createBriefing('Toàn quốc', [{ title: 'Cả nước', period: '2025' }]);
  });

  it('refuses a view its creator may not read, naming the view', async () => {
    const sonla = await as('bcd.sonla');
    const before = await count('briefings');
    const hanoiView = await post(
      {
        title: 'T',
        views: [
          { title: 'Sơn La', province: '14', period: '2025-Q4' },
          { title: 'HN', province: '01', period: '2025-Q4' },
        ],
      },
      sonla,
    );
    expect(hanoiView.status).toBe(403);
    expect(hanoiView.json.error.field).toBe('views[1].province');
    const nationalView = await post({ title: 'T', views: [{ title: 'VN', period: '2025-Q4' }] }, sonla);
    expect(nationalView.status).toBe(403);
    expect(nationalView.json.error.field).toBe('views[0].province');
    expect(await count('briefings')).toBe(before);
    // Its own province is fine.
    const own = await createBriefing(
      'Sơn La',
      [{ title: 'Sơn La', province: '14', period: '2025-Q4' }],
      sonla,
    );
    expect(own.provinces).toEqual(['14']);
  });

  it('lets only callers who may read every area read a briefing', async () => {
    const sonla = await as('bcd.sonla');
    const police = await as('congan.hanoi');
    // Another province's briefing answers exactly as one that does not exist.
    const foreign = await getJson<ErrorJson>(sonla, `/api/briefings/${hanoi.id}`, 404);
    const missing = await getJson<ErrorJson>(sonla, '/api/briefings/zzzzzzzzzz', 404);
    expect(foreign.error.field).toBe('id');
    expect(foreign.error.message.replace(hanoi.id, '…')).toBe(
      missing.error.message.replace('zzzzzzzzzz', '…'),
    );
    expect((await sonla.request(`/api/briefings/${hanoi.id}/xlsx`)).status).toBe(404);
    expect((await sonla.request(`/api/briefings/${hanoi.id}/pdf`)).status).toBe(404);
    expect((await getJson<Briefing>(police, `/api/briefings/${hanoi.id}`)).title).toBe('Hà Nội');
    expect((await police.request(`/api/briefings/${national.id}`)).status).toBe(404);
    expect((await (await as(null)).request(`/api/briefings/${hanoi.id}`)).status).toBe(401);
    await getJson(app, '/api/briefings/zzzzzzzzzz', 404);

    const listed = async (client: TestClient) =>
      (await getJson<{ rows: Array<{ id: string }> }>(client, '/api/briefings')).rows.map((r) => r.id);
    expect(await listed(police)).toContain(hanoi.id);
    expect(await listed(police)).not.toContain(national.id);
    expect(await listed(sonla)).not.toContain(hanoi.id);
    const all = await listed(app);
    expect(all).toContain(national.id);
    // Newest first.
    expect(all.indexOf(national.id)).toBeLessThan(all.indexOf(hanoi.id));
  });

  it('is deleted by its creator or an admin only, with an audit row', async () => {
    const police = await as('congan.hanoi');
    const refused = await police.request(`/api/briefings/${hanoi.id}`, { method: 'DELETE' });
    expect(refused.status).toBe(403);
    await getJson(app, `/api/briefings/${hanoi.id}`);
    const creator = await as('bcd.hanoi');
    expect((await creator.request(`/api/briefings/${hanoi.id}`, { method: 'DELETE' })).status).toBe(204);
    await getJson(app, `/api/briefings/${hanoi.id}`, 404);
    const audit = await db.query<{ actor: string; action: string }>(
      `select actor, action from audit_log where entity = 'briefing' and entity_id = $1 order by id`,
      [hanoi.id],
    );
    expect(audit).toEqual([
      { actor: 'bcd.hanoi', action: 'create' },
      { actor: 'bcd.hanoi', action: 'delete' },
    ]);
    const another = await createBriefing(
      'Xóa',
      [{ title: 'HN', province: '01', period: '2025-Q4' }],
      creator,
    );
    expect((await app.request(`/api/briefings/${another.id}`, { method: 'DELETE' })).status).toBe(204);
  });
});
