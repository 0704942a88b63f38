import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserAvailable, screenshot, useBrowser } from './browser';

/**
 * A data officer's quarter: download the report template, fill it in, upload it with two mistakes and see
 * them listed by row, fix them and import, see the new values in the map's table, then roll the import back
 * (which also leaves the reused e2e database as it was).
 */
const PERIOD = '2026-Q3';
const SCOPE = '14';
const dir = mkdtempSync(join(tmpdir(), 'pcmt-import-e2e-'));

/** The CSV template with managed_addicts filled for the first communes; `edit` adds mistakes. */
async function report(
  page: Page,
  edit: (rows: string[][], col: number) => void,
): Promise<{ path: string; code: string; value: number }> {
  const res = await page.request.get(
    `${inject('baseUrl')}/api/imports/templates/values?period=${PERIOD}&scope=${SCOPE}&layout=wide&format=csv`,
  );
  expect(res.status()).toBe(200);
  const text = (await res.text()).replace(/^\uFEFF/, '');
  const rows = text
    .trim()
    .split(/\r?\n/)
    .map((l) => l.split(','));
  const header = rows[0] ?? [];
  const col = header.findIndex((h) => h.endsWith('(managed_addicts)'));
  // Values no seeded commune has, so the table can only show them if the import reached the map.
  const base = 7000 + Math.floor(Math.random() * 1000);
  for (let i = 1; i <= 3; i++) {
    const r = rows[i];
    if (r) r[col] = String(base + i);
  }
  edit(rows, col);
  const path = join(dir, `bao-cao-${Date.now()}.csv`);
  writeFileSync(path, `${rows.map((r) => r.join(',')).join('\r\n')}\r\n`);
  return { path, code: rows[1]?.[0] ?? '', value: base + 1 };
}

describe.skipIf(!browserAvailable)('importing a quarterly report in the app', () => {
  const newPage = useBrowser({ as: 'admin' });

  it('lists two mistakes by row, imports the fixed file, shows the values on the map, rolls back', async () => {
    const page = await newPage();
    await page.goto(`${inject('baseUrl')}/nhap-du-lieu`);
    await page.getByTestId('import-page').waitFor();
    await page.getByTestId('import-period').selectOption(PERIOD);
    // The scope is picked by its name typed without diacritics; the template then carries its code.
    await page.getByTestId('import-scope').fill('son la');
    await page.locator('[role="option"] .unit-picker-name').getByText('Tỉnh Sơn La', { exact: true }).click();
    expect(await page.getByTestId('import-scope').inputValue()).toBe('Tỉnh Sơn La');
    expect(await page.getByTestId('template-csv').getAttribute('href')).toContain(`scope=${SCOPE}`);
    await screenshot(page, 'import-scope-picked');

    const bad = await report(page, (rows, col) => {
      const r3 = rows[3];
      const r4 = rows[4];
      if (r3) r3[0] = '99999';
      if (r4) r4[col] = '-5';
    });
    // The file field speaks Vietnamese (not Chromium's "Choose File / No file chosen") and names the file.
    const fileName = page.getByTestId('values-file-name');
    expect(await fileName.textContent()).toBe('Chưa chọn tệp');
    await page.getByTestId('values-file').setInputFiles(bad.path);
    expect(await fileName.textContent()).toBe(basename(bad.path));
    await page.getByTestId('values-check').click();
    const problems = page.getByTestId('import-problems');
    await problems.waitFor();
    const listed = await problems
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-row'), tr.textContent ?? '']));
    expect(listed.map(([row]) => row)).toEqual(['4', '5']);
    expect(listed[0]?.[1]).toContain('99999');
    expect(listed[1]?.[1]).toContain('-5');
    await screenshot(page, 'import-problems');

    const good = await report(page, () => undefined);
    await page.getByTestId('values-file').setInputFiles(good.path);
    await page.getByTestId('values-check').click();
    await page.getByTestId('values-preview').waitFor();
    expect(await page.getByTestId('values-preview-counts').textContent()).toMatch(
      /3 (thêm mới|added)|3 thay đổi|changed/,
    );
    await page.getByTestId('values-commit').click();
    const result = page.getByTestId('import-result');
    await result.waitFor();
    const importId = /(\d+):/.exec((await result.textContent()) ?? '')?.[1];
    expect(importId).toBeTruthy();
    await screenshot(page, 'import-committed');

    const map = await newPage();
    await map.goto(
      `${inject('baseUrl')}/ban-do/tinh/${SCOPE}?period=${PERIOD}&indicator=managed_addicts&view=table`,
    );
    const table = map.getByTestId('data-table');
    const row = table.locator('tbody tr', { hasText: good.code });
    await expect.poll(() => row.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const shown = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }).format(good.value);
    await expect.poll(() => row.first().textContent(), { timeout: 30_000 }).toContain(shown);
    await screenshot(map, 'import-on-map');
    // Where the figure came from opens in place, on the cell: this import's file and its number, by whom.
    const before = map.url();
    await row.first().getByTestId('value-source-button').first().click();
    const source = row.first().getByTestId('value-source-popover');
    await expect
      .poll(() => source.textContent(), { timeout: 20_000 })
      .toContain(`Nhập từ tệp ${basename(good.path)}`);
    expect(await source.textContent()).toContain(`lần nhập số ${importId}`);
    expect(map.url()).toBe(before);
    await screenshot(map, 'import-value-source');
    await map.keyboard.press('Escape');
    await expect.poll(() => source.count()).toBe(0);
    await map.close();

    await page.getByTestId(`rollback-${importId}`).click();
    await expect
      .poll(() => page.locator(`[data-import-id="${importId}"]`).getAttribute('data-status'), {
        timeout: 20_000,
      })
      .toBe('rolled_back');
    const after = await page.request.get(
      `${inject('baseUrl')}/api/values?indicator=managed_addicts&period=${PERIOD}&parent=${SCOPE}`,
    );
    const rows = ((await after.json()) as { rows: { code: string; value: number }[] }).rows;
    expect(rows.find((r) => r.code === good.code)?.value).not.toBe(good.value);
    await page.close();
  });
});

describe.skipIf(!browserAvailable)('a value that reads two ways, in the preview', () => {
  const newPage = useBrowser({ as: 'admin' });

  it('shows "96.163" as read (a whole number, the Vietnamese way) and reads it as a decimal when the officer says so', async () => {
    const page = await newPage();
    await page.goto(`${inject('baseUrl')}/nhap-du-lieu`);
    await page.getByTestId('import-page').waitFor();
    await page.getByTestId('import-period').selectOption(PERIOD);
    await page.getByTestId('import-scope').fill('son la');
    await page.locator('[role="option"] .unit-picker-name').getByText('Tỉnh Sơn La', { exact: true }).click();
    const file = await report(page, (rows, col) => {
      // Only one value, written so that it reads either way; nothing else in the file tells.
      for (const r of rows.slice(1)) r[col] = '';
      const r1 = rows[1];
      if (r1) r1[col] = '96.163';
    });
    await page.getByTestId('values-file').setInputFiles(file.path);
    await page.getByTestId('values-check').click();
    const numbers = page.getByTestId('values-preview-numbers');
    await numbers.waitFor();
    expect(await numbers.textContent()).toContain(
      'dấu phẩy thập phân (1.234,5), theo cách viết của Việt Nam',
    );
    expect(await numbers.textContent()).toContain('“96.163” đọc là 96.163 (số nguyên)');
    await screenshot(page, 'import-numbers-ambiguous');
    await page.getByTestId('values-decimal-mark').selectOption('dot');
    await expect.poll(() => numbers.textContent(), { timeout: 30_000 }).toContain('theo lựa chọn của bạn');
    expect(await numbers.textContent()).toContain('“96.163” đọc là 96,163 (số thập phân)');
    const sample = page.getByTestId('values-preview').locator('tbody tr', { hasText: '96,163' });
    expect(await sample.count()).toBe(1);
    await page.close();
  });
});
