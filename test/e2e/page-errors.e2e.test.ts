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
    // The header's pages are in groups (or in the menu on a narrow screen): open the group, then the page.
    const openPage = async (group: string, name: string) => {
      const menu = page.getByTestId('menu-button');
      if (await menu.isVisible()) await menu.click();
      else await page.getByTestId(`nav-group-${group}`).click();
      await nav.getByRole('link', { name, exact: true }).click();
    };
    await openPage('maps', 'Bản đồ');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/ban-do');
    await expect.poll(() => failure.count()).toBe(0);

    // Back on the plans, still failing; once the server answers properly, "Thử lại" shows the list.
    await openPage('plans', 'Kế hoạch');
    await failure.waitFor();
    await page.unroute(isPlanList);
    await page.getByTestId('page-retry').click();
    await page.getByTestId('plan-list').waitFor();
    expect(await failure.count()).toBe(0);
    // Fetched anew (the bad answer was dropped): the demo's plans are listed.
    await expect.poll(() => page.locator('.plan-list li').count()).toBeGreaterThan(0);
  });
});
