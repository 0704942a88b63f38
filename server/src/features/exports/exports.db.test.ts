import type { TableExportRequest } from '@pcmt/domain/contracts/briefings';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ErrorJson } from '../../testing/http';
import { type TestClient, testApp } from '../../testing/test-db';

/** The XLSX button of any table: what the page sends comes back as a spreadsheet, cell for cell. */

let app: TestClient;
let as: Awaited<ReturnType<typeof testApp>>['as'];
beforeAll(async () => {
  ({ app, as } = await testApp());
});

const send = (body: unknown, client: TestClient = app) =>
  client.request('/api/exports/xlsx', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

const table: TableExportRequest = {
  fileName: 'bang-xep-hang_2025-Q4',
  sheets: [
    {
      name: 'Xếp hạng xã, phường',
      caption:
        'Người nghiện có hồ sơ — Quý IV/2025 — Tỉnh Sơn La — Nguồn: demo — DỮ LIỆU MÔ PHỎNG (synthetic)',
      columns: ['Mã', 'Tên', 'Giá trị', 'Ghi chú'],
      rows: [
        ['04015', 'Phường Tô Hiệu', 120, 'Trọng điểm loại I'],
        ['04018', 'Xã Chiềng Đen', 3.25, null],
        ['04021', 'Xã Mường Bú', 0, '=1+1'],
      ],
    },
    { name: 'Ghi chú', caption: '', columns: ['Nội dung'], rows: [['Số liệu đến ngày 31/12/2025']] },
  ],
};

describe('POST /api/exports/xlsx', () => {
  it('returns the rows given, with caption, a bold frozen header and numbers as numbers', async () => {
    const res = await send(table);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/spreadsheetml/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="bang-xep-hang_2025-Q4.xlsx"');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Xếp hạng xã, phường', 'Ghi chú']);

    const sheet = wb.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    expect(sheet.getCell('A1').value).toBe(table.sheets[0]?.caption);
    expect(sheet.getRow(2).values).toEqual([undefined, 'Mã', 'Tên', 'Giá trị', 'Ghi chú']);
    expect(sheet.getRow(2).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    const body = (sheet.getRows(3, 3) ?? []).map((r) => [1, 2, 3, 4].map((c) => r.getCell(c).value));
    // Codes keep their leading zero (text); numbers stay numbers; a formula-looking text stays text.
    expect(body).toEqual([
      ['04015', 'Phường Tô Hiệu', 120, 'Trọng điểm loại I'],
      ['04018', 'Xã Chiềng Đen', 3.25, null],
      ['04021', 'Xã Mường Bú', 0, '=1+1'],
    ]);
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual('Phường Tô Hiệu'.length);

    // No caption: the header is the first row.
    const notes = wb.worksheets[1];
    expect(notes?.getRow(1).values).toEqual([undefined, 'Nội dung']);
    expect(notes?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('takes the whole country’s table, larger than other writes may be', async () => {
    // The ~10,600 communes before 2025 with a long name each: well over the 1 MiB limit of other writes.
    const rows = Array.from({ length: 10_600 }, (_, i) => [
      String(i).padStart(5, '0'),
      `Xã Thử nghiệm số ${i} — tên dài để giống một bảng thật của cả nước`,
      'Tỉnh Thử nghiệm',
      i / 7,
    ]);
    const body = {
      fileName: 'ca-nuoc',
      sheets: [{ name: 'Cả nước', caption: '', columns: ['Mã', 'Tên', 'Tỉnh', 'Giá trị'], rows }],
    };
    expect(JSON.stringify(body).length).toBeGreaterThan(1024 * 1024);
    const res = await send(body);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets[0]?.rowCount).toBe(1 + rows.length);
  });

  it('does not double the extension when the page names the file with it', async () => {
    const res = await send({ ...table, fileName: 'bang.xlsx' });
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="bang.xlsx"');
  });

  it('names the wrong field', async () => {
    const tooWide = { ...table, sheets: [{ ...table.sheets[0], rows: [['a'], ['a', 'b', 'c', 'd', 'e']] }] };
    const res = await send(tooWide);
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorJson).error.field).toBe('sheets[0].rows[1]');
    const longName = { ...table, sheets: [{ ...table.sheets[0], name: 'x'.repeat(32) }] };
    expect(((await (await send(longName)).json()) as ErrorJson).error.field).toBe('sheets[0].name');
    const badFile = { ...table, fileName: '../etc/passwd' };
    expect(((await (await send(badFile)).json()) as ErrorJson).error.field).toBe('fileName');
  });

  it('is for signed-in staff', async () => {
    expect((await send(table, await as(null))).status).toBe(401);
    expect((await send(table, await as('bcd.sonla'))).status).toBe(200);
  });
});
