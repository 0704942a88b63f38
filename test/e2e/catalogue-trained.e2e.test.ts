import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, inject, it } from 'vitest';
import { browserAvailable, screenshot, useBrowser } from './browser';

/**
 * A province measures what its plan names: an administrator adds "Cán bộ được tập huấn" (người, a flow,
 * internal) in Quản trị › Danh mục chỉ số; a data officer downloads the report template, which now has its
 * column, fills it and imports it; the map colours the communes by it and the table shows the imported
 * numbers. The administrator also adds the officers a commune has (a stock) and "Tỷ lệ cán bộ được tập huấn"
 * (%, computed: trained / officers × 100); the same import fills both columns, and the map is coloured by the share (the legend names it, the
 * table shows 12,5%). The import is rolled back and the indicators retired at the end (the e2e database is
 * reused), and each run uses codes of its own.
 */
const PERIOD = '2026-Q3';
const SCOPE = '01';
// Codes of one word: the administrators' audit log and import list name them, and the language check
// reads any snake_case word on a page as a leaked code.
const CODE = `canbotaphuan${Date.now().toString(36)}`;
const SHARE = `tyletaphuan${Date.now().toString(36)}`;
const TOTAL = `canbotong${Date.now().toString(36)}`;
const dir = mkdtempSync(join(tmpdir(), 'pcmt-catalogue-e2e-'));

describe.skipIf(!browserAvailable)('an indicator the province adds, reported and mapped', () => {
  const asAdmin = useBrowser({ as: 'admin' });
  const asOfficer = useBrowser({ as: 'thongke.hanoi' });

  it('adds "Cán bộ được tập huấn" and its share, imports them from the template, colours the map by both and fills the table', async () => {
    const admin = await asAdmin();
    await admin.goto(`${inject('baseUrl')}/quan-tri/chi-tieu`);
    const form = admin.getByTestId('indicator-form');
    await form.waitFor();
    await form.getByLabel('Mã (chữ thường, số, dấu gạch dưới)').fill(CODE);
    await form.getByLabel('Tên tiếng Việt').fill('Cán bộ được tập huấn');
    await form.getByLabel(/^Đơn vị tính/).fill('người');
    await form.getByLabel('Loại').selectOption('flow');
    await form.getByLabel('Mức độ').selectOption('internal');
    await form.locator('button[type="submit"]').click();
    await expect
      .poll(async () => (await admin.request.get(`${inject('baseUrl')}/api/indicators`)).text(), {
        timeout: 20_000,
      })
      .toContain(CODE);
    // The denominator, a stock: the officers a commune has. Then the share: trained over them, × 100.
    await form.getByLabel('Mã (chữ thường, số, dấu gạch dưới)').fill(TOTAL);
    await form.getByLabel('Tên tiếng Việt').fill('Tổng số cán bộ làm công tác cai nghiện');
    await form.getByLabel(/^Đơn vị tính/).fill('người');
    await form.getByLabel('Loại').selectOption('stock');
    await form.getByLabel('Mức độ').selectOption('internal');
    await form.locator('button[type="submit"]').click();
    await expect
      .poll(async () => (await admin.request.get(`${inject('baseUrl')}/api/indicators`)).text(), {
        timeout: 20_000,
      })
      .toContain(TOTAL);
    await form.getByLabel('Mã (chữ thường, số, dấu gạch dưới)').fill(SHARE);
    await form.getByLabel('Tên tiếng Việt').fill('Tỷ lệ cán bộ được tập huấn');
    await form.getByLabel(/^Đơn vị tính/).fill('%');
    await form.getByLabel('Loại').selectOption('computed');
    await form.getByRole('textbox', { name: 'Công thức' }).fill(`${CODE} / ${TOTAL} * 100`);
    await form.getByLabel('Mức độ').selectOption('internal');
    await form.locator('button[type="submit"]').click();
    await expect
      .poll(async () => (await admin.request.get(`${inject('baseUrl')}/api/indicators`)).text(), {
        timeout: 20_000,
      })
      .toContain(SHARE);
    await screenshot(admin, 'catalogue-added');

    const officer = await asOfficer();
    const template = await officer.request.get(
      `${inject('baseUrl')}/api/imports/templates/values?period=${PERIOD}&scope=${SCOPE}&layout=wide&format=csv`,
    );
    expect(template.status()).toBe(200);
    const lines0 = (await template.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    // Header cells may hold commas inside quotes ("…, cộng đồng"); the commune rows do not.
    const header =
      (lines0[0] ?? '').match(/("([^"]|"")*"|[^,]*)(,|$)/g)?.map((c) => c.replace(/,$/, '')) ?? [];
    const rows = lines0.map((l) => l.split(','));
    const col = header.findIndex((h) => h.endsWith(`(${CODE})`));
    expect(col, header.join(' | ')).toBeGreaterThan(0);
    expect(header[col]).toContain('Cán bộ được tập huấn');
    // The computed share has no column: it is computed from the two it reads.
    expect(header.some((h) => h.endsWith(`(${SHARE})`))).toBe(false);
    const totalCol = header.findIndex((h) => h.endsWith(`(${TOTAL})`));
    expect(totalCol, header.join(' | ')).toBeGreaterThan(0);
    // Numbers different per commune so the map has classes to draw: 25, 30, … of 200 officers, i.e. a share
    // of 12,5 %, 15 %, … 30 %.
    const filled = rows.slice(1, 9).map((r, i) => {
      r[col] = String(25 + 5 * i);
      r[totalCol] = '200';
      return { code: r[0] ?? '', value: 25 + 5 * i };
    });
    // Only the new column and the officers are reported: every other cell is left empty ("not reported").
    const lines = [
      lines0[0] ?? '',
      ...rows
        .slice(1, 9)
        .map((r) => r.map((cell, k) => (k <= 2 || k === col || k === totalCol ? cell : '')).join(',')),
    ];
    const path = join(dir, `tap-huan-${CODE}.csv`);
    writeFileSync(path, `${lines.join('\r\n')}\r\n`);

    await officer.goto(`${inject('baseUrl')}/nhap-du-lieu`);
    await officer.getByTestId('import-page').waitFor();
    await officer.getByTestId('import-period').selectOption(PERIOD);
    // The Hà Nội officer's import starts on their own province, shown by name (no national template).
    await expect
      .poll(() => officer.getByTestId('import-scope').inputValue(), { timeout: 30_000 })
      .toBe('Thành phố Hà Nội');
    expect(await officer.getByTestId('template-csv').getAttribute('href')).toContain(`scope=${SCOPE}`);
    await officer.getByTestId('values-file').setInputFiles(path);
    await officer.getByTestId('values-check').click();
    const preview = officer.getByTestId('values-preview');
    const problems = officer.getByTestId('import-problems');
    await preview.or(problems).waitFor();
    expect(await problems.count(), (await problems.textContent().catch(() => '')) ?? '').toBe(0);
    await officer.getByTestId('values-commit').click();
    const result = officer.getByTestId('import-result');
    await result.waitFor();
    const importId = /(\d+):/.exec((await result.textContent()) ?? '')?.[1];
    expect(importId).toBeTruthy();

    const map = await asOfficer();
    await map.goto(`${inject('baseUrl')}/ban-do/tinh/${SCOPE}?period=${PERIOD}&indicator=${CODE}`);
    const legend = map.getByTestId('indicator-legend');
    await legend.waitFor({ timeout: 90_000 });
    expect(await legend.textContent()).toContain('Cán bộ được tập huấn');
    // Every commune reported is in a class: the legend's counts add up to them.
    const counted = await legend
      .locator('li:not(:last-child) .count')
      .evaluateAll((els) => els.map((e) => Number((e.textContent ?? '').replace(/\D/g, ''))));
    expect(counted.reduce((a, b) => a + b, 0)).toBe(filled.length);
    await screenshot(map, 'catalogue-map');

    await map.goto(`${inject('baseUrl')}/ban-do/tinh/${SCOPE}?period=${PERIOD}&indicator=${CODE}&view=table`);
    const table = map.getByTestId('data-table');
    const first = filled[0];
    const row = table.locator('tbody tr', { hasText: first?.code ?? '' });
    await expect.poll(() => row.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(() => row.first().textContent(), { timeout: 30_000 }).toContain(String(first?.value));

    // The map coloured by the share: the legend names it, the eight communes are in its classes, and the
    // first commune's share is 12,5% (25 of 200).
    await map.goto(`${inject('baseUrl')}/ban-do/tinh/${SCOPE}?period=${PERIOD}&indicator=${SHARE}`);
    const shareLegend = map.getByTestId('indicator-legend');
    await shareLegend.waitFor({ timeout: 90_000 });
    await expect
      .poll(() => shareLegend.textContent(), { timeout: 30_000 })
      .toContain('Tỷ lệ cán bộ được tập huấn');
    const shareCounted = await shareLegend
      .locator('li:not(:last-child) .count')
      .evaluateAll((els) => els.map((e) => Number((e.textContent ?? '').replace(/\D/g, ''))));
    expect(shareCounted.reduce((a, b) => a + b, 0)).toBe(filled.length);
    await screenshot(map, 'catalogue-share-map');
    await map.goto(
      `${inject('baseUrl')}/ban-do/tinh/${SCOPE}?period=${PERIOD}&indicator=${SHARE}&view=table`,
    );
    const shareRow = map.getByTestId('data-table').locator('tbody tr', { hasText: first?.code ?? '' });
    await expect.poll(() => shareRow.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    // 25 of 200 officers: the share with its unit, "12,5%".
    await expect.poll(() => shareRow.first().textContent(), { timeout: 30_000 }).toMatch(/Hà Nội12,5%$/);
    // The table as XLSX: the share a number (12.5), a commune that did not report an empty cell noted
    // "chưa có số liệu" (never 0).
    const download = map.waitForEvent('download', { timeout: 30_000 });
    await map.getByTestId('export-xlsx').first().click();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(await (await download).path()) as unknown as ArrayBuffer);
    const sheetRows: ExcelJS.CellValue[][] = [];
    workbook.worksheets[0]?.eachRow((row) => {
      sheetRows.push((row.values as ExcelJS.CellValue[]).slice(1));
    });
    const sheetHeader = sheetRows.find((r) => r[0] === 'Mã');
    expect(sheetHeader?.at(-1)).toBe('Ghi chú');
    expect(sheetRows.find((r) => r[0] === first?.code)?.slice(3)).toEqual([12.5]);
    const unreported = sheetRows.filter(
      (r) => /^\d{5}$/.test(String(r[0])) && !filled.some((f) => f.code === r[0]),
    );
    expect(unreported.length).toBeGreaterThan(0);
    expect(unreported.every((r) => (r[3] ?? null) === null && r[4] === 'chưa có số liệu')).toBe(true);
    await map.close();

    // Leave the reused database as it was: roll the import back, retire the indicator.
    await officer.getByTestId(`rollback-${importId}`).click();
    await expect
      .poll(() => officer.locator(`[data-import-id="${importId}"]`).getAttribute('data-status'), {
        timeout: 20_000,
      })
      .toBe('rolled_back');
    // The share first: it reads the count.
    const retired = await admin.evaluate(
      async (codes) => {
        const session = await (await fetch('/api/auth/session')).json();
        const statuses: number[] = [];
        for (const code of codes) {
          const res = await fetch(`/api/indicators/${code}/retire`, {
            method: 'POST',
            headers: { 'x-csrf-token': session?.csrfToken ?? '' },
          });
          statuses.push(res.status);
        }
        return statuses;
      },
      [SHARE, CODE, TOTAL],
    );
    expect(retired).toEqual([200, 200, 200]);
    await officer.close();
    await admin.close();
  }, 300_000);
});
