import { describe, expect, inject, it } from 'vitest';
import { browserAvailable, screenshot, useBrowser } from './browser';

/**
 * The unit picker (import scope, plan scope, named communes): a name typed without diacritics finds the unit,
 * the list names level and province, it is used with the keyboard on a desktop and by touch on a 390 px phone,
 * and the choice is shown by name while the code goes to the server.
 */
describe.skipIf(!browserAvailable)('picking a unit by name', () => {
  const asOfficer = useBrowser({ as: 'thongke.hanoi' });
  const asAdmin = useBrowser({ as: 'admin' });

  it('on a 390 px phone: the officer starts on Hà Nội, "ba dinh" finds Phường Ba Đình, a tap picks it', async () => {
    const page = await asOfficer();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${inject('baseUrl')}/nhap-du-lieu`);
    const field = page.getByTestId('import-scope');
    await expect.poll(() => field.inputValue(), { timeout: 30_000 }).toBe('Thành phố Hà Nội');
    expect(await page.getByTestId('import-scope-chosen').textContent()).toBe('Cấp tỉnh');
    await field.fill('ba dinh');
    const first = page.locator('.unit-picker-list [role="option"]').first();
    await first.waitFor();
    expect(await first.textContent()).toBe('Phường Ba ĐìnhCấp xã · Thành phố Hà Nội');
    // The list fits the phone's width.
    const list = await page.getByRole('listbox').boundingBox();
    expect(list && list.x >= 0 && list.x + list.width <= 390).toBe(true);
    await screenshot(page, 'unit-picker-390');
    await first.click();
    expect(await field.inputValue()).toBe('Phường Ba Đình');
    expect(await page.getByTestId('import-scope-chosen').textContent()).toBe('Cấp xã · Thành phố Hà Nội');
    expect(await page.getByTestId('template-csv').getAttribute('href')).not.toContain('scope=01&');
    expect(await page.getByTestId('template-csv').getAttribute('href')).toMatch(/scope=\d{5}/);
  });

  it('on a 1366 px screen with the keyboard: arrows and Enter pick, the whole country can be chosen back', async () => {
    const page = await asAdmin();
    await page.goto(`${inject('baseUrl')}/nhap-du-lieu`);
    const field = page.getByTestId('import-scope');
    await field.waitFor();
    expect(await field.inputValue()).toBe('');
    await field.fill('son la');
    await page.locator('.unit-picker-list [role="option"]').first().waitFor();
    await screenshot(page, 'unit-picker-1366');
    const names = await page.locator('[role="option"] .unit-picker-name').allTextContents();
    expect(names[0]).toBe('Tỉnh Sơn La');
    await field.press('ArrowDown');
    await field.press('Enter');
    expect(await field.inputValue()).toBe(names[1]);
    await page.getByRole('button', { name: /Bỏ chọn/ }).click();
    expect(await field.inputValue()).toBe('');
    expect(await page.getByTestId('template-csv').getAttribute('href')).not.toContain('scope=');
  });
});
