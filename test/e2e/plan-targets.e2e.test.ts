import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserAvailable, screenshot, useBrowser } from './browser';

/**
 * Targets real plans write, entered through the plan form field by field (no JSON): a roadmap by year and
 * a named list of communes. Both appear on the plan page and on its scorecard, with their reasons in
 * Vietnamese. The plan is deleted at the end.
 */
const WAIT = { timeout: 30_000 };
const CODE = 'e2e-lo-trinh-danh-sach';
const ALLOCATED = 'e2e-phan-bo';

/** A commune's name typed as people type it: without its level nor diacritics ("Xã Mường La" as "muong la"). */
const typedName = (fullName: string) =>
  fullName
    .replace(/^(Xã|Phường|Đặc khu) /, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');

/** Deletes the test plan through the app's own session (CSRF token from the session, same origin). */
function removePlan(page: Page, plan = CODE): Promise<number> {
  return page.evaluate(async (code) => {
    const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
    const res = await fetch(`/api/plans/${code}`, {
      method: 'DELETE',
      headers: { 'x-csrf-token': session.csrfToken },
    });
    return res.status;
  }, plan);
}

describe.skipIf(!browserAvailable)('roadmap and named-list targets through the plan form', () => {
  const newPage = useBrowser();
  const baseUrl = inject('baseUrl');

  it('creates them in the form, reads them as sentences, and sees them judged on the plan and the scorecard', async () => {
    const page = await newPage();
    // Two communes of Sơn La in force today: the named list.
    const units = await page.request.get(`${baseUrl}/api/units?level=commune&parent=14`);
    expect(units.status()).toBe(200);
    const named = ((await units.json()) as { rows: Array<{ code: string; fullName: string }> }).rows.slice(
      0,
      2,
    );
    const communes = named.map((u) => u.code);
    expect(communes).toHaveLength(2);

    await page.goto(`${baseUrl}/ke-hoach/moi`);
    await page.getByTestId('plan-form-page').waitFor();
    // A plan left by an interrupted earlier run.
    expect([204, 200, 404]).toContain(await removePlan(page));
    await page.locator('input[name="code"]').fill(CODE);
    await page.locator('input[name="title"]').fill('Kế hoạch lộ trình xã không ma túy (thử nghiệm)');
    await page.locator('input[name="issuingBody"]').fill('UBND tỉnh Sơn La');
    await page.locator('input[name="documentNo"]').fill('2/KH-E2E');
    await page.locator('input[name="issuedOn"]').fill('10/01/2025');
    await page.locator('input[name="scopeCode"]').fill('son la');
    await page.locator('[role="option"] .unit-picker-name').getByText('Tỉnh Sơn La', { exact: true }).click();
    await page.locator('input[name="periodStart"]').fill('01/01/2025');
    await page.locator('input[name="periodEnd"]').fill('31/12/2027');

    // 1. A roadmap by year: 90 % drug-free communes in 2025 (out of reach on the demo), 95 % in 2026.
    await page.getByRole('button', { name: /Thêm chỉ tiêu/ }).click();
    const first = page.getByTestId('target-form-0');
    await first.locator('input[name="targets[0].code"]').fill('lo-trinh');
    await first.locator('input[name="targets[0].title"]').fill('Lộ trình tỷ lệ xã không ma túy');
    await first.locator('select').first().selectOption('roadmap');
    await first.locator('select[name="targets[0].definition.measure.type"]').selectOption('status_share');
    await first.locator('input[name="targets[0].definition.milestones[0].year"]').fill('2025');
    await first.locator('input[name="targets[0].definition.milestones[0].value"]').fill('90');
    await first.locator('input[name="targets[0].definition.milestones[1].year"]').fill('2026');
    await first.locator('input[name="targets[0].definition.milestones[1].value"]').fill('95');
    await expect
      .poll(() => page.getByTestId('target-sentence-0').textContent(), WAIT)
      .toContain('Lộ trình tỷ lệ xã không có ma túy: 90% (2025) → 95% (2026)');

    // 2. A named list of two communes to become drug-free by the end of 2026.
    await page.getByRole('button', { name: /Thêm chỉ tiêu/ }).click();
    const second = page.getByTestId('target-form-1');
    await second.locator('input[name="targets[1].code"]').fill('danh-sach-xa');
    await second.locator('input[name="targets[1].title"]').fill('Chuyển hóa hai xã thành xã không ma túy');
    await second.locator('input[name="targets[1].deadline"]').fill('31/12/2026');
    await second.locator('select').first().selectOption('named_units');
    // Each commune picked by its name typed without diacritics ("Xã Mường La" as "muong la").
    for (const u of named) {
      const typed = u.fullName
        .replace(/^(Xã|Phường|Đặc khu) /, '')
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/đ/g, 'd')
        .replace(/Đ/g, 'D');
      await second.locator('input[name="targets[1].definition.codes"]').fill(typed);
      await second
        .locator('[role="option"] .unit-picker-name')
        .getByText(u.fullName, { exact: true })
        .click();
    }
    expect(
      await second.locator('.unit-picker-chips li').evaluateAll((li) => li.map((l) => l.dataset.code)),
    ).toEqual(communes);
    await second.locator('input[name="targets[1].definition.validOn"]').fill('01/01/2026');
    await expect
      .poll(() => page.getByTestId('target-sentence-1').textContent(), WAIT)
      .toContain(
        `2 xã (${named.map((u) => u.fullName).join(', ')}) đạt phân loại không có ma túy đến 31/12/2026`,
      );
    expect(await page.locator('textarea[name^="targets"]').count()).toBe(0);
    await screenshot(page, 'plan-targets-form');
    await page.getByTestId('save-plan').click();

    // The plan page: both targets with a status and, for the missed 2025 milestone, a Vietnamese reason.
    await page.waitForURL(new RegExp(`/ke-hoach/${CODE}`), WAIT);
    await page.getByTestId('target-lo-trinh').waitFor(WAIT);
    await page.getByTestId('target-danh-sach-xa').waitFor(WAIT);
    const roadmapRow = page.getByTestId('target-lo-trinh');
    expect(await roadmapRow.locator('.status-badge').getAttribute('data-status')).toBe('missed');
    expect(await roadmapRow.locator('.status-badge').textContent()).toBe('Không đạt');
    expect(await roadmapRow.getByTestId('target-reason').textContent()).toBe('Không đạt trong năm 2025');
    const listRow = page.getByTestId('target-danh-sach-xa');
    const listStatus = await listRow.locator('.status-badge').textContent();
    expect(['Đạt', 'Đúng tiến độ', 'Có nguy cơ', 'Chậm tiến độ', 'Không đạt', 'Chưa đủ số liệu']).toContain(
      listStatus,
    );
    expect(await page.locator('main').textContent()).not.toMatch(/missed in|no data|baseline/i);
    await screenshot(page, 'plan-targets-plan-page');

    // The scorecard: one row each, the roadmap's cells say why in Vietnamese.
    await page.goto(`${baseUrl}/bang-diem/${CODE}`);
    const table = page.getByTestId('scorecard');
    await expect.poll(() => table.locator('tbody tr').count(), WAIT).toBe(2);
    const titles = await table
      .locator('tbody tr')
      .first()
      .locator('td button')
      .evaluateAll((cells) => cells.map((c) => c.getAttribute('title') ?? ''));
    expect(titles.length).toBeGreaterThan(1);
    expect(titles.some((t) => t.includes('Không đạt — Không đạt trong năm 2025'))).toBe(true);
    expect(titles.join(' ')).not.toMatch(/missed in|no data/i);
    await screenshot(page, 'plan-targets-scorecard');

    expect(await removePlan(page)).toBeLessThan(300);
  });

  it('allocates a province-wide count to communes picked by name, each judged on its own share on the scorecard', async () => {
    const page = await newPage();
    const units = await page.request.get(`${baseUrl}/api/units?level=commune&parent=14`);
    expect(units.status()).toBe(200);
    const rows = ((await units.json()) as { rows: Array<{ code: string; fullName: string }> }).rows;
    const named = rows.slice(0, 2);
    expect(named).toHaveLength(2);
    const shares = [6, 4];

    await page.goto(`${baseUrl}/ke-hoach/moi`);
    await page.getByTestId('plan-form-page').waitFor();
    expect([204, 200, 404]).toContain(await removePlan(page, ALLOCATED));
    await page.locator('input[name="code"]').fill(ALLOCATED);
    await page
      .locator('input[name="title"]')
      .fill('Kế hoạch cai nghiện bắt buộc phân bổ cho xã (thử nghiệm)');
    await page.locator('input[name="issuingBody"]').fill('UBND tỉnh Sơn La');
    await page.locator('input[name="documentNo"]').fill('3/KH-E2E');
    await page.locator('input[name="issuedOn"]').fill('10/01/2026');
    await page.locator('input[name="scopeCode"]').fill('son la');
    await page.locator('[role="option"] .unit-picker-name').getByText('Tỉnh Sơn La', { exact: true }).click();
    await page.locator('input[name="periodStart"]').fill('01/01/2026');
    await page.locator('input[name="periodEnd"]').fill('31/12/2026');

    // A count for the whole province (10 people in compulsory rehabilitation), split 6 + 4 between two
    // communes picked by name; the other communes get no share.
    await page.getByRole('button', { name: /Thêm chỉ tiêu/ }).click();
    const form = page.getByTestId('target-form-0');
    await form.locator('input[name="targets[0].code"]').fill('phan-bo');
    await form.locator('input[name="targets[0].title"]').fill('Đưa người nghiện đi cai nghiện bắt buộc');
    await form.locator('input[name="targets[0].deadline"]').fill('31/12/2026');
    await form.locator('select').first().selectOption('count');
    await form.locator('select[name="targets[0].definition.indicator"]').selectOption('rehab_compulsory');
    await form.locator('input[name="targets[0].definition.threshold"]').fill('10');
    await form.locator('select[name="targets[0].definition.allocation.type"]').selectOption('entered');
    for (const [i, u] of named.entries()) {
      if (i > 0) await form.getByRole('button', { name: 'Thêm đơn vị' }).click();
      await form
        .locator(`input[name="targets[0].definition.allocation.shares[${i}].code"]`)
        .fill(typedName(u.fullName));
      await form.locator('[role="option"] .unit-picker-name').getByText(u.fullName, { exact: true }).click();
      await form
        .locator(`input[name="targets[0].definition.allocation.shares[${i}].value"]`)
        .fill(String(shares[i]));
    }
    await expect
      .poll(() => page.getByTestId('target-sentence-0').textContent(), WAIT)
      .toContain(`phân bổ cho từng đơn vị: ${named[0]?.fullName} 6, ${named[1]?.fullName} 4`);
    expect(await page.locator('textarea[name^="targets"]').count()).toBe(0);
    await screenshot(page, 'plan-targets-allocation-form');
    await page.getByTestId('save-plan').click();

    await page.waitForURL(new RegExp(`/ke-hoach/${ALLOCATED}`), WAIT);
    await page.getByTestId('target-phan-bo').waitFor(WAIT);
    expect(
      await page.getByTestId('target-phan-bo').locator('.status-badge').getAttribute('data-status'),
    ).toBeTruthy();

    // The scorecard: the row says the target is allocated; each picked commune's cell is judged on its own
    // share (figure/share, the share in its title), a commune without a share says so in Vietnamese.
    await page.goto(`${baseUrl}/bang-diem/${ALLOCATED}`);
    const table = page.getByTestId('scorecard');
    await expect.poll(() => table.locator('tbody tr').count(), WAIT).toBe(1);
    const row = table.locator('tbody tr').first();
    expect(await row.getByTestId('allocation-note').textContent()).toBe(
      'Chỉ tiêu chung phân bổ cho từng đơn vị theo số nhập',
    );
    for (const [i, u] of named.entries()) {
      const cell = row.locator(`td[data-unit="${u.code}"] button`);
      expect(await cell.getAttribute('data-target')).toBe(String(shares[i]));
      expect(await cell.textContent()).toMatch(new RegExp(`/${shares[i]}$`));
      expect(await cell.getAttribute('title')).toContain(`Phần được phân bổ: ${shares[i]} người`);
      expect(await cell.getAttribute('data-status')).not.toBe('no_data');
    }
    const other = rows.find((u) => !named.some((n) => n.code === u.code));
    expect(other).toBeDefined();
    const without = row.locator(`td[data-unit="${other?.code}"] button`);
    expect(await without.getAttribute('data-status')).toBe('no_data');
    expect(await without.getAttribute('data-target')).toBeNull();
    expect(await without.getAttribute('title')).toBe(
      'Chưa đủ số liệu — Chưa nhập phần phân bổ của đơn vị này trong chỉ tiêu chung 10 người',
    );
    expect(await table.textContent()).not.toMatch(/no share|not entered|contribution/i);
    await screenshot(page, 'plan-targets-allocation-scorecard');

    expect(await removePlan(page, ALLOCATED)).toBeLessThan(300);
  });
});
