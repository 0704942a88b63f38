import { describe, expect, inject, it } from 'vitest';
import { browserAvailable, useBrowser } from './browser';

describe.skipIf(!browserAvailable)('a page that fails', () => {
  const newPage = useBrowser();
  const baseUrl = inject('baseUrl');

  it('shows "Trang này gặp lỗi" in place of the page; the header still navigates; retry shows the page', async () => {
    const page = await newPage();
    // The plan list receives an answer it cannot read (no `rows`): rendering it throws.
    const isPlanList = (url: URL) => url.pathname === '/api/plans';
    await page.route(isPlanList, (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: '{}' }),
    );
    await page.goto(`${baseUrl}/ke-hoach`);
    const failure = page.getByTestId('page-error');
    await failure.waitFor();
    expect(await failure.textContent()).toContain('Trang này gặp lỗi');
    expect(await page.getByTestId('plan-list').count()).toBe(0);

    // The shell survived: its navigation opens another page.
    const nav = page.getByRole('navigation');
    // When the header's line does not fit (the administrator's), its pages are in the menu.
    const openMenu = async () => {
      const menu = page.getByTestId('menu-button');
      if (await menu.isVisible()) await menu.click();
    };
    await openMenu();
    await nav.getByRole('link', { name: 'Bản đồ', exact: true }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/ban-do');
    await expect.poll(() => failure.count()).toBe(0);

    // Back on the plans, still failing; once the server answers properly, "Thử lại" shows the list.
    await openMenu();
    await nav.getByRole('link', { name: 'Kế hoạch', exact: true }).click();
    await failure.waitFor();
    await page.unroute(isPlanList);
    await page.getByTestId('page-retry').click();
    await page.getByTestId('plan-list').waitFor();
    expect(await failure.count()).toBe(0);
    // Fetched anew (the bad answer was dropped): the demo's plans are listed.
    await expect.poll(() => page.locator('.plan-list li').count()).toBeGreaterThan(0);
  });
});
