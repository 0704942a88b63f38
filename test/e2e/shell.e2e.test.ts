import { describe, expect, inject, it } from 'vitest';
import { browserAvailable, recordRequests, screenshot, useBrowser } from './browser';

describe.skipIf(!browserAvailable)('the web app in Chromium', () => {
  const newPage = useBrowser();
  const baseUrl = inject('baseUrl');

  it('opens in Vietnamese, reaches the API on its own origin and says the data is synthetic', async () => {
    const page = await newPage();
    const requests = recordRequests(page);
    await page.goto(baseUrl);
    await expect.poll(() => page.getByTestId('api-status').textContent()).toMatch(/PostGIS 3\.\d/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('PCMT Atlas');
    expect(await page.getByRole('note').textContent()).toContain('Dữ liệu minh họa');
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    await screenshot(page, 'shell');
    const foreign = requests.filter((u) => !u.startsWith(baseUrl) && !u.startsWith('data:'));
    expect(foreign).toEqual([]);
  });

  it('serves index.html for client-side routes so shared links open the app', async () => {
    const page = await newPage();
    const res = await page.goto(`${baseUrl}/ban-do/tinh/14`);
    expect(res?.status()).toBe(200);
    expect(await page.title()).toContain('PCMT Atlas');
  });
});
