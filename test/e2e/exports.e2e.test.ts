import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserAvailable, useBrowser } from './browser';

/**
 * Tables leave the app as spreadsheets a secretary can file: the XLSX of a table on screen has its caption,
 * its header and every row, numbers as numbers, codes as text with their leading zeros, Vietnamese intact.
 */
const WAIT = { timeout: 30_000 };

async function downloadXlsx(page: Page): Promise<ExcelJS.Worksheet> {
  const download = page.waitForEvent('download', WAIT);
  await page.getByTestId('export-xlsx').first().click();
  const file = await (await download).path();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0];
  if (!sheet) throw new Error('the workbook has no sheet');
  return sheet;
}

/** The rows under the header (the header is the first row whose first cell is the given heading). */
function bodyRows(sheet: ExcelJS.Worksheet, firstHeading: string): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  let header = 0;
  sheet.eachRow((row, n) => {
    const values = (row.values as ExcelJS.CellValue[]).slice(1);
    if (!header && values[0] === firstHeading) header = n;
    else if (header) rows.push(values);
  });
  return rows;
}

describe.skipIf(!browserAvailable)('table exports in Chromium', () => {
  const newPage = useBrowser();
  const baseUrl = inject('baseUrl');

  it('exports the map’s table of a province as XLSX with every commune', async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/ban-do/tinh/01?period=2025-Q4&indicator=managed_addicts&view=table`);
    const table = page.getByTestId('data-table');
    await expect.poll(() => table.locator('tbody tr').count(), WAIT).toBeGreaterThan(50);
    const api = await page.evaluate(async () => {
      const r = await fetch('/api/units?level=commune&parent=01&at=2025-12-31');
      return ((await r.json()) as { rows: { code: string }[] }).rows.length;
    });
    const sheet = await downloadXlsx(page);
    const rows = bodyRows(sheet, 'Mã');
    expect(rows).toHaveLength(api);
    // Codes stay text (01001 …), values are numbers, names keep their diacritics.
    expect(rows.every((r) => typeof r[0] === 'string' && /^\d{5}$/.test(r[0]))).toBe(true);
    expect(rows.filter((r) => typeof r[3] === 'number').length).toBeGreaterThan(api / 2);
    expect(rows.some((r) => typeof r[1] === 'string' && /[ăâđêôơư]/i.test(r[1]))).toBe(true);
  });

  it('exports the national scorecard as one line per target and province', async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/bang-diem/quoc-gia-2030`);
    const card = page.getByTestId('scorecard');
    await card.waitFor(WAIT);
    const targets = await card.locator('tbody tr').count();
    const columns = (await card.locator('thead th').count()) - 1;
    const sheet = await downloadXlsx(page);
    const caption = String(sheet.getRow(1).getCell(1).value);
    expect(caption).toContain('Bảng theo dõi thực hiện chỉ tiêu');
    const rows = bodyRows(sheet, 'Chỉ tiêu');
    // Each target: its total and each province.
    expect(rows).toHaveLength(targets * columns);
    expect(new Set(rows.map((r) => r[0])).size).toBe(targets);
    expect(rows.filter((r) => typeof r[3] === 'number').length).toBeGreaterThan(rows.length / 2);
  });
});
