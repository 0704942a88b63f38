import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Briefing } from '@pcmt/domain/contracts/briefings';
import { englishLines } from '@pcmt/domain/english-words';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine';
import { openPdf, pageTexts } from '../../testing/pdf-text';
import { writableTestApp } from '../../testing/test-db';

/**
 * Issue 18: nothing the Vietnamese product hands out is in English — the briefing's PDF pack and workbook, a
 * table's workbook, the patrol sheet and the plan's warnings are read back as a reader gets them and checked
 * against the same list of English words as the pages (@pcmt/domain/english-words).
 */

type Ctx = Awaited<ReturnType<typeof writableTestApp>>;
let app: Ctx['app'];
let db: Database;
let close: Ctx['close'];
const briefings: string[] = [];
const PATROL = 'TEST-ENGLISH ca đêm';
const artifactsDir = join(import.meta.dirname, '../../../../test/artifacts');

beforeAll(async () => {
  ({ app, db, close } = await writableTestApp());
});
afterAll(async () => {
  await db.query(`delete from briefings where id = any($1::text[])`, [briefings]);
  await db.query(`delete from patrol_plans where name = $1`, [PATROL]);
  await close();
});

async function post<T>(path: string, body: unknown, status: number): Promise<T> {
  const res = await app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  expect(res.status, `${path} → ${text.slice(0, 300)}`).toBe(status);
  return JSON.parse(text) as T;
}

/** Every string of every cell of a workbook, one per line. */
async function workbookText(bytes: ArrayBuffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  const lines: string[] = [];
  wb.eachSheet((sheet) => {
    lines.push(sheet.name);
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') lines.push(cell.value);
        else if (cell.value && typeof cell.value === 'object' && 'richText' in cell.value)
          lines.push(cell.value.richText.map((t) => t.text).join(''));
      });
    });
  });
  return lines.join('\n');
}

/** The text a reader sees on an HTML page: no markup, style or script. */
const htmlText = (html: string) =>
  html
    .replace(/<(style|script)[^>]*>[\s\S]*?<\/\1>/g, '')
    .replace(/<br\s*\/?>|<\/(p|div|tr|h\d|li|table|text)>/g, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ');

describe('exports in Vietnamese', () => {
  let briefing: Briefing;
  beforeAll(async () => {
    briefing = await post<Briefing>(
      '/api/briefings',
      {
        title: 'Giao ban Quý IV/2025',
        views: [
          { title: 'Toàn quốc', period: '2025-Q4' },
          { title: 'Sơn La', province: '14', period: '2025-Q4', indicator: 'managed_addicts' },
          { title: 'Hà Nội', province: '01', period: '2025-Q4', indicator: 'addicts_per_1000' },
        ],
      },
      201,
    );
    briefings.push(briefing.id);
  });

  it('the briefing PDF pack has no English word or raw code on any page', async () => {
    const res = await app.request(`/api/briefings/${briefing.id}/pdf`);
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (process.env.PCMT_BRIEFING_PDF_DUMP) {
      mkdirSync(artifactsDir, { recursive: true });
      writeFileSync(join(artifactsDir, 'english-briefing.pdf'), bytes);
    }
    const pages = await pageTexts(await openPdf(bytes));
    expect(pages.length).toBeGreaterThanOrEqual(4);
    // The pack says who made it and what it shows, in Vietnamese (the check reads real text).
    expect(pages.join(' ')).toContain('Sơn La');
    pages.forEach((text, i) => {
      expect(englishLines(text), `page ${i + 1}`).toEqual([]);
    });
    // The national view's map names the archipelagos; Sơn La's names some of its communes (those that fit).
    const national = pages.find((t) => t.includes('Toàn quốc') && t.includes('Quần đảo Hoàng Sa'));
    expect(national, 'a national page naming Hoàng Sa').toBeDefined();
    expect(national).toContain('Quần đảo Trường Sa');
    const communes = await db.query<{ name: string }>(
      `select name from admin_units where level = 'commune' and province_code = '14' and valid_to is null`,
    );
    const named = pages.map((t) => communes.filter((c) => t.includes(c.name)).length);
    expect(Math.max(...named)).toBeGreaterThan(3);
  });

  it("the briefing's workbook and a table's workbook have no English word", async () => {
    const res = await app.request(`/api/briefings/${briefing.id}/xlsx`);
    expect(res.status).toBe(200);
    const text = await workbookText(await res.arrayBuffer());
    expect(text).toContain('Sơn La');
    // Codes are a workbook's content (a column of indicator codes lets a reader join sheets).
    expect(englishLines(text, { codesShown: true })).toEqual([]);
    const table = await app.request('/api/exports/xlsx', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        fileName: 'bang',
        sheets: [
          { name: 'Bảng', caption: 'Xã, phường', columns: ['Mã', 'Tên'], rows: [['04015', 'Tô Hiệu']] },
        ],
      }),
    });
    expect(table.status).toBe(200);
    expect(englishLines(await workbookText(await table.arrayBuffer()), { codesShown: true })).toEqual([]);
  });

  it('the patrol sheet and the plan it prints have no English word', async () => {
    const rows = await db.query<{ code: string }>(
      `select h.code from hotspots h
       where h.commune_code = (select commune_code from hotspots where eliminated_on is null
                               group by commune_code order by count(*) desc, commune_code limit 1)
         and h.eliminated_on is null and h.detected_on <= '2026-06-30' order by h.code limit 6`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(3);
    // A long shift for few stops: the plan warns of hours without a visit (a warning once written in English).
    const saved = await post<{ id: number; plan: { warnings?: unknown } }>(
      '/api/patrol/plans',
      {
        name: PATROL,
        date: '2026-06-30',
        shiftStart: '18:00',
        shiftEnd: '06:00',
        radiusM: 300,
        topCount: 2,
        seed: 3,
        hotspotCodes: rows.map((r) => r.code),
      },
      201,
    );
    const res = await app.request(`/api/patrol/plans/${saved.id}/sheet`);
    expect(res.status).toBe(200);
    const text = htmlText(await res.text());
    expect(text).toContain('MẬT');
    expect(englishLines(text)).toEqual([]);
    expect(englishLines(JSON.stringify(saved.plan.warnings ?? []))).toEqual([]);
  });
});
