import { describe, expect, inject, it } from 'vitest';
import { browserAvailable, screenshot, useBrowser } from './browser';
import { waitForRendered } from './pixels';

/**
 * Who sees what, in the browser: the server decides, and the app shows each role what it may see.
 * Each describe block is one browser signed in as one demo account (test/e2e/browser.ts).
 */
const baseUrl = () => inject('baseUrl');

describe.skipIf(!browserAvailable)('an anonymous visitor', () => {
  const newPage = useBrowser({ as: null });

  it('is asked to sign in on the dashboard and cannot read its data from the API', async () => {
    const page = await newPage();
    await page.goto(`${baseUrl()}/ban-do/tinh/01`);
    await page.getByTestId('sign-in-required').waitFor();
    expect(await page.getByTestId('sign-in-link').isVisible()).toBe(true);
    await screenshot(page, 'access-anonymous');
    const values = await page.request.get(
      `${baseUrl()}/api/values?indicator=managed_addicts&period=2026-Q1&parent=01`,
    );
    expect(values.status()).toBe(401);
    expect((await page.request.get(`${baseUrl()}/api/hotspots`)).status()).toBe(401);
    expect((await page.request.get(`${baseUrl()}/api/hotspot-counts`)).status()).toBe(401);
  });

  it('signs in through the form and lands on the page it asked for', async () => {
    const page = await newPage();
    await page.goto(`${baseUrl()}/dang-nhap?next=${encodeURIComponent('/ban-do/tinh/14')}`);
    await page.getByLabel('Tên đăng nhập').fill('bcd.sonla');
    await page.getByLabel('Mật khẩu').fill('wrong-password');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Sai tên đăng nhập');
    await page.getByLabel('Mật khẩu').fill(process.env.PCMT_DEMO_PASSWORD || 'pcmt-demo-2025');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/ban-do\/tinh\/14/);
    await expect.poll(() => page.getByTestId('user-name').textContent()).toContain('Sơn La');
    await page.context().clearCookies();
  });
});

describe.skipIf(!browserAvailable)('a police officer of Hà Nội', () => {
  const newPage = useBrowser({ as: 'congan.hanoi' });

  it('sees hotspot positions on the map', async () => {
    const page = await newPage();
    await page.goto(`${baseUrl()}/ban-do/tinh/01?layers=hotspots,labels`);
    await waitForRendered(page, (k) => k.split('|')[2] === '01');
    await expect
      .poll(() => page.getByTestId('hotspot-count').textContent(), { timeout: 20_000 })
      .toMatch(/\d/);
    await screenshot(page, 'access-police');
  });
});

describe.skipIf(!browserAvailable)('a steering committee of Hà Nội', () => {
  const newPage = useBrowser({ as: 'bcd.hanoi' });

  it('starts on its province, sees hotspot counts but no hotspot positions', async () => {
    const page = await newPage();
    const hotspotRequests: number[] = [];
    page.on('response', (r) => {
      if (new URL(r.url()).pathname === '/api/hotspots') hotspotRequests.push(r.status());
    });
    await page.goto(`${baseUrl()}/ban-do?layers=hotspots,labels`);
    await page.waitForURL(/\/ban-do\/tinh\/01/);
    await waitForRendered(page, (k) => k.split('|')[2] === '01');
    await expect
      .poll(() => page.getByTestId('hotspot-counts').textContent(), { timeout: 20_000 })
      .toMatch(/\d/);
    expect(await page.getByTestId('layer-hotspots').count()).toBe(0);
    expect(hotspotRequests).toEqual([]);
    expect((await page.request.get(`${baseUrl()}/api/hotspots`)).status()).toBe(403);
    await screenshot(page, 'access-committee');
  });
});
