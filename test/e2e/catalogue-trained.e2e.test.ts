import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { browserAvailable, screenshot, useBrowser } from './browser';

/**
 * A province measures what its plan names: an administrator adds "Cán bộ được tập huấn" (người, a flow,
 * internal) in Quản trị › Danh mục chỉ số; a data officer downloads the report template, which now has its
 * column, fills it and imports it; the map colours the communes by it and the table shows the imported
 * numbers. The import is rolled back and the indicator retired at the end (the e2e database is reused), and
 * each run uses a code of its own.
 */
const PERIOD = '2026-Q3';
const SCOPE = '01';
const CODE = `can_bo_tap_huan_${Date.now().toString(36)}`;
const dir = mkdtempSync(join(tmpdir(), 'pcmt-catalogue-e2e-'));

describe.skipIf(!browserAvailable)('an indicator the province adds, reported and mapped', () => {
  const asAdmin = useBrowser({ as: 'admin' });
  const asOfficer = useBrowser({ as: 'thongke.hanoi' });

  it('adds "Cán bộ được tập huấn", imports it from the template, colours the map and fills the table', async () => {
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
    // Numbers no other column holds, different per commune so the map has classes to draw.
    const filled = rows.slice(1, 9).map((r, i) => {
      r[col] = String(311 + 17 * i);
      return { code: r[0] ?? '', value: 311 + 17 * i };
    });
    // Only the new column is reported: every other cell is left empty ("not reported").
    const lines = [
      lines0[0] ?? '',
      ...rows.slice(1, 9).map((r) => r.map((cell, k) => (k <= 2 || k === col ? cell : '')).join(',')),
    ];
    const path = join(dir, `tap-huan-${CODE}.csv`);
    writeFileSync(path, `${lines.join('\r\n')}\r\n`);

    await officer.goto(`${inject('baseUrl')}/nhap-du-lieu`);
    await officer.getByTestId('import-page').waitFor();
    await officer.getByTestId('import-period').selectOption(PERIOD);
    await officer.getByTestId('import-scope').fill(SCOPE);
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
    await legend.waitFor({ timeout: 30_000 });
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
    await map.close();

    // Leave the reused database as it was: roll the import back, retire the indicator.
    await officer.getByTestId(`rollback-${importId}`).click();
    await expect
      .poll(() => officer.locator(`[data-import-id="${importId}"]`).getAttribute('data-status'), {
        timeout: 20_000,
      })
      .toBe('rolled_back');
    const retired = await admin.evaluate(async (code) => {
      const session = await (await fetch('/api/auth/session')).json();
      const res = await fetch(`/api/indicators/${code}/retire`, {
        method: 'POST',
        headers: { 'x-csrf-token': session?.csrfToken ?? '' },
      });
      return res.status;
    }, CODE);
    expect(retired).toBe(200);
    await officer.close();
    await admin.close();
  });
});
