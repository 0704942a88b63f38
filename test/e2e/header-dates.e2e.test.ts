/// <reference lib="dom" />
import { describe, expect, inject, it } from 'vitest';
import { browserAvailable, screenshot, useBrowser } from './browser';

/**
 * Issue 18: the header is one line at 390, 1366 and 1920 px (on a phone a menu button and the title, the
 * pages in its menu; at 1366 and 1920 the pages' groups, each opening its pages), and dates are typed and shown dd/mm/yyyy even in a browser set to American English.
 * Screenshots go to test/artifacts/.
 */
const baseUrl = () => inject('baseUrl');
const WAIT = { timeout: 30_000 };
const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

describe.skipIf(!browserAvailable)('the header, as the administrator (the longest menu)', () => {
  const newPage = useBrowser({ as: 'admin' });

  for (const viewport of VIEWPORTS) {
    it(`takes one line at ${viewport.width}×${viewport.height}`, async () => {
      const page = await newPage();
      await page.setViewportSize(viewport);
      await page.goto(`${baseUrl()}/quan-tri`);
      await page.locator('[data-testid=users] tbody tr').first().waitFor(WAIT);
      const header = page.locator('.app-header');
      // One line: every item shown in the header starts on the same row, and the header is one row high.
      const rows = await header.evaluate((el) => {
        const tops = new Set<number>();
        for (const child of Array.from(
          el.querySelectorAll(
            'h1, .menu-button, .notice, .app-nav a, .nav-group-button, .lang, .user-menu a',
          ),
        )) {
          const r = child.getBoundingClientRect();
          if (r.width > 0 && r.height > 0 && !child.closest('.app-menu[data-open="true"]'))
            tops.add(Math.round(r.top + r.height / 2));
        }
        return [...tops];
      });
      expect(Math.max(...rows) - Math.min(...rows), rows.join()).toBeLessThanOrEqual(6);
      expect((await header.boundingBox())?.height ?? 999).toBeLessThanOrEqual(52);
      expect(await header.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
      const compact = (await header.getAttribute('data-compact')) === 'true';
      // A phone keeps the pages in the menu sheet; at 1366 and 1920 the groups fit on the line.
      expect(compact).toBe(viewport.width <= 600);
      if (compact) {
        // The pages are in the menu: it opens under the header and each page can be opened from it.
        await page.getByTestId('menu-button').click();
        const links = page.locator('#app-menu .app-nav a');
        expect(await links.count()).toBeGreaterThan(5);
        await screenshot(page, `header-menu-${viewport.width}x${viewport.height}`);
        await links.filter({ hasText: 'Tuần tra' }).first().click();
        await page.waitForURL(/\/tuan-tra/);
        expect(await page.locator('#app-menu').getAttribute('data-open')).toBe('false');
      } else {
        expect(await page.getByTestId('menu-button').count()).toBe(0);
        // Every page is one group away: a group's button opens its pages under it, one click opens a page.
        const button = page.getByTestId('nav-group-admin');
        expect(await button.getAttribute('aria-expanded')).toBe('false');
        expect(await page.locator('#nav-group-admin a').first().isVisible()).toBe(false);
        await button.click();
        expect(await button.getAttribute('aria-expanded')).toBe('true');
        const catalogue = page.locator('#nav-group-admin a', { hasText: 'Danh mục chỉ số' });
        expect(await catalogue.isVisible()).toBe(true);
        await screenshot(page, `header-${viewport.width}x${viewport.height}`);
        await catalogue.click();
        await page.waitForURL(/\/quan-tri\/chi-tieu/);
        expect(await button.getAttribute('aria-expanded')).toBe('false');
        // By keyboard: ↓ on a group opens it on its first page, ↓ moves on, Escape closes it on its button,
        // → goes to the next group; Enter opens what has focus.
        const plans = page.getByTestId('nav-group-plans');
        await plans.focus();
        await page.keyboard.press('ArrowDown');
        expect(await plans.getAttribute('aria-expanded')).toBe('true');
        const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
        expect(await focused()).toBe('Kế hoạch');
        await page.keyboard.press('ArrowDown');
        expect(await focused()).toBe('Tiêu chí phân loại');
        await page.keyboard.press('Escape');
        expect(await plans.getAttribute('aria-expanded')).toBe('false');
        expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
          'nav-group-plans',
        );
        await page.keyboard.press('ArrowRight');
        expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
          'nav-group-reports',
        );
        await page.keyboard.press('Enter');
        expect(await page.getByTestId('nav-group-reports').getAttribute('aria-expanded')).toBe('true');
        await page.keyboard.press('Tab');
        await page.keyboard.press('Enter');
        await page.waitForURL(/\/bao-cao$/);
      }
      await page.close();
    });
  }
});

describe.skipIf(!browserAvailable)('dates in a browser set to American English (en-US)', () => {
  const newPage = useBrowser({ as: 'admin', locale: 'en-US' });

  it('shows and reads the patrol date day first, dd/mm/yyyy, and offers no mm/dd/yyyy field', async () => {
    const page = await newPage();
    expect(await page.evaluate(() => navigator.language)).toBe('en-US');
    await page.goto(`${baseUrl()}/tuan-tra`);
    const field = page.getByTestId('patrol-date');
    await field.waitFor(WAIT);
    expect(await field.inputValue()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(await field.getAttribute('placeholder')).toBe('dd/mm/yyyy');
    // 05/01/2026 is 5 January (not 1 May): typed day first, it stays as typed after leaving the field.
    await field.fill('5/1/2026');
    await field.blur();
    expect(await field.inputValue()).toBe('05/01/2026');
    expect(await field.getAttribute('aria-invalid')).toBe('false');
    // A US-order date is no date: the field says so and keeps the last good one.
    await field.fill('12/31/2026');
    await field.blur();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await field.fill('31/12/2026');
    await field.blur();
    expect(await field.inputValue()).toBe('31/12/2026');
    // No visible browser date field (which would show mm/dd/yyyy here).
    const visibleNative = await page
      .locator('input[type="date"]')
      .evaluateAll(
        (els) =>
          els.filter((e) => getComputedStyle(e).opacity !== '0' && e.getBoundingClientRect().width > 2)
            .length,
      );
    expect(visibleNative).toBe(0);
    await screenshot(page, 'date-input-en-US');
    await page.close();
  });
});
