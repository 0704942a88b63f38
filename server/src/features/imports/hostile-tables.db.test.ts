import ExcelJS from 'exceljs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../testing/test-db';
import { farColumnWorkbook } from './hostile-files';
import { MAX_TABLE_COLUMNS, MAX_TABLE_ROWS, readTable } from './read-table';
import { importTableCounts, uploadForm } from './testing';
import { MAX_XLSX_UNZIPPED_BYTES } from './upload-limits';

// Issue 13, finding 2: a 23 KB workbook whose rows each hold one cell in column XFD (16,384) made the reader
// build 16,384 cells per row (400 rows: 1.5 GB and 16 s; 3,000 rows: the process died out of memory).

let ctx: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  ctx = await testApp();
});

interface Rejected {
  error: { code: string; message: string; field: string };
  problems: { sheet: string | null; row: number | null; column: string | null; message: string }[];
}

/** A real workbook whose first sheet's XML is padded with `padding` bytes of spaces: kilobytes zipped. */
async function zipBomb(padding: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Báo cáo').getRow(1).values = ['Mã đơn vị', 'Giá trị'];
  const parts = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
  const sheet = new TextDecoder().decode(parts['xl/worksheets/sheet1.xml']);
  const at = sheet.indexOf('<sheetData');
  const padded = new Uint8Array(at + padding + sheet.length - at);
  padded.set(strToU8(sheet.slice(0, at)));
  padded.fill(0x20, at, at + padding);
  padded.set(strToU8(sheet.slice(at)), at + padding);
  parts['xl/worksheets/sheet1.xml'] = padded;
  return zipSync(parts, { level: 9 });
}

/** Posts a file to the values preview and measures the answer's time and the heap it grew by. */
async function preview(name: string, bytes: Uint8Array | string) {
  let peak = process.memoryUsage().heapUsed;
  const base = peak;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 5);
  const started = performance.now();
  try {
    const res = await ctx.app.request('/api/imports/values/preview', {
      method: 'POST',
      body: uploadForm(name, bytes, { period: '2026-Q3' }),
    });
    const body = (await res.json()) as Rejected;
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    return { status: res.status, body, ms: performance.now() - started, heapMb: (peak - base) / 1e6 };
  } finally {
    clearInterval(sampler);
  }
}

describe('an import file never costs more than a few seconds and a bounded amount of memory', () => {
  it.each([400, 3000])(
    'refuses %i rows with a cell in column XFD as past the column limit, quickly',
    async (rows) => {
      const file = await farColumnWorkbook(rows);
      expect(file.length).toBeLessThan(40_000);
      const before = await importTableCounts(ctx.db);
      const { status, body, ms, heapMb } = await preview('bao-cao.xlsx', file);
      expect(status).toBe(422);
      expect(body.error).toMatchObject({ code: 'invalid_file', field: 'file' });
      expect(body.problems[0]).toMatchObject({ sheet: 'Báo cáo', row: 2, column: 'XFD' });
      expect(body.error.message).toContain(`giới hạn ${MAX_TABLE_COLUMNS} cột`);
      expect(ms).toBeLessThan(5000);
      expect(heapMb).toBeLessThan(200);
      expect(await importTableCounts(ctx.db)).toEqual(before);
    },
  );

  it('reads a sheet formatted out to column XFD by its values only', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Báo cáo');
    ws.getRow(1).values = ['Mã đơn vị', 'Giá trị'];
    ws.getRow(2).values = ['03979', 5];
    for (let r = 1; r <= 2000; r++)
      ws.getCell(`XFD${r}`).fill = {
        type: 'pattern',
        pattern: 'solid',
        fgColor: { argb: 'FFFFFF00' },
      };
    const started = performance.now();
    const [sheet] = await readTable('x.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(performance.now() - started).toBeLessThan(5000);
    expect(sheet?.rows).toEqual([
      ['Mã đơn vị', 'Giá trị'],
      ['03979', 5],
    ]);
  });

  it('refuses a workbook that unzips past the limit (a zip bomb) without unpacking it', async () => {
    const file = await zipBomb(MAX_XLSX_UNZIPPED_BYTES * 4);
    expect(file.length).toBeLessThan(1_000_000);
    const { status, body, ms, heapMb } = await preview('bom.xlsx', file);
    expect(status).toBe(422);
    expect(body.error.field).toBe('file');
    expect(body.error.message).toMatch(/giải nén ra lớn hơn giới hạn 32 MB/);
    expect(ms).toBeLessThan(5000);
    expect(heapMb).toBeLessThan(200);
  });

  it('refuses a CSV past the column or row limit, naming the limit', async () => {
    const wide = `Mã đơn vị,Giá trị\n03979,1${',x'.repeat(MAX_TABLE_COLUMNS)}\n`;
    const w = await preview('rong.csv', wide);
    expect(w.status).toBe(422);
    expect(w.body.problems[0]).toMatchObject({ row: 2, column: 'IW' });
    expect(w.body.error.message).toContain(`giới hạn ${MAX_TABLE_COLUMNS} cột`);
    // Empty fields past the last column are dropped, not refused: Excel pads rows with commas.
    expect(
      (await readTable('a.csv', new TextEncoder().encode(`a,b${','.repeat(5000)}\n1,2\n`)))[0]?.rows[0],
    ).toHaveLength(MAX_TABLE_COLUMNS);
    const long = await preview('dai.csv', `Mã đơn vị,Giá trị\n${'03979,1\n'.repeat(MAX_TABLE_ROWS)}`);
    expect(long.status).toBe(422);
    expect(long.body.error.message).toContain(`giới hạn ${MAX_TABLE_ROWS.toLocaleString('de-DE')} dòng`);
  });
});
