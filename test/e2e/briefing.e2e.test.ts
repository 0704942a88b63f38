import { describe, expect, inject, it } from 'vitest';
import { browserAvailable, recordRequests, screenshot, useBrowser } from './browser';

/**
 * Meeting mode in Chromium: three views collected from the map become a briefing; its link reopens it on any
 * slide; the keyboard (and a clicker's PageDown/PageUp) steps through it; each slide's figures equal what
 * the API reported when the briefing was made; presentation screenshots at projector and 4K sizes.
 */
const WAIT = { timeout: 30_000 };

describe.skipIf(!browserAvailable)('briefings in Chromium', () => {
  const newPage = useBrowser();
  const baseUrl = inject('baseUrl');

  it('collects three views, saves them, reopens the link and steps through the slides', async () => {
    const page = await newPage();
    const requests = recordRequests(page);
    const views = [
      '/ban-do/tinh/01?period=2025-Q3',
      '/ban-do/tinh/01?period=2025-Q2&indicator=addicts_per_1000',
      '/ban-do?period=2024',
    ];
    for (const [i, v] of views.entries()) {
      await page.goto(`${baseUrl}${v}`);
      await page.locator('[data-testid="atlas-map"][data-rendered]:not([data-rendered=""])').waitFor(WAIT);
      await page.getByTestId('add-to-briefing').click();
      await expect.poll(() => page.getByTestId('briefing-draft-count').textContent()).toContain(`(${i + 1})`);
    }

    await page.goto(`${baseUrl}/trinh-chieu`);
    await expect.poll(() => page.getByTestId('draft-view').count()).toBe(3);
    // Default titles name the area, what is shown and the period.
    const firstTitle = await page.getByTestId('draft-view').nth(0).locator('input').inputValue();
    expect(firstTitle).toContain('Hà Nội');
    expect(firstTitle).toContain('Quý III/2025');
    await page
      .getByTestId('draft-view')
      .nth(1)
      .locator('textarea')
      .fill('Số người nghiện/1.000 dân trước sắp xếp.');
    // The national view goes first: order is the secretary's choice.
    await page.getByTestId('draft-view').nth(2).getByRole('button', { name: /Lên/ }).click();
    await page.getByTestId('draft-view').nth(1).getByRole('button', { name: /Lên/ }).click();
    await page.getByTestId('briefing-title').fill('Giao ban Ban Chỉ đạo quý III/2025');
    await page.getByTestId('briefing-confidential').check();
    await page.getByTestId('save-briefing').click();
    await page.waitForURL(/\/trinh-chieu\/[A-Za-z0-9_-]+$/, WAIT);
    const link = page.url();
    const id = new URL(link).pathname.split('/')[2] ?? '';

    const presenter = page.getByTestId('presenter');
    await presenter.waitFor(WAIT);
    expect(await page.getByTestId('slide-title').textContent()).toContain('Toàn quốc');
    expect(await page.getByTestId('slide-period').textContent()).toContain('Năm 2024');
    expect(await page.getByTestId('mat-mark').textContent()).toBe('MẬT');
    await page.locator(`[data-testid="atlas-map"][data-rendered="${id}|0"]`).waitFor(WAIT);

    // The legend's counts are the API's counts for the same view.
    const api = await page.evaluate(async () => {
      const r = await fetch('/api/status?period=2024');
      return ((await r.json()) as { rows: { status: string }[] }).rows;
    });
    const drugFree = api.filter((r) => r.status === 'khong_ma_tuy').length;
    const legendDrugFree = await page
      .getByTestId('slide-legend')
      .locator('tr[data-key="khong_ma_tuy"] td.num')
      .first()
      .textContent();
    expect(Number(legendDrugFree?.replaceAll('.', ''))).toBe(drugFree);

    // A clicker's PageDown, then the arrow keys, Home and End.
    await page.keyboard.press('PageDown');
    await expect.poll(() => presenter.getAttribute('data-slide')).toBe('2');
    expect(await page.getByTestId('slide-title').textContent()).toContain('Hà Nội');
    await page.locator(`[data-testid="atlas-map"][data-rendered="${id}|1"]`).waitFor(WAIT);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => presenter.getAttribute('data-slide')).toBe('3');
    expect(await page.getByTestId('slide-note').textContent()).toContain('trước sắp xếp');
    expect(await page.getByTestId('slide-period').textContent()).toContain('đơn vị trước 01/07/2025');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => presenter.getAttribute('data-slide')).toBe('3');
    await page.keyboard.press('Home');
    await expect.poll(() => presenter.getAttribute('data-slide')).toBe('1');
    await page.keyboard.press('End');
    await expect.poll(() => presenter.getAttribute('data-slide')).toBe('3');
    expect(page.url()).toContain('trang=3');

    // The shared link opens the same briefing on the slide it names, in a fresh page.
    const second = await newPage();
    await second.goto(`${link}?trang=2`);
    await second.getByTestId('presenter').waitFor(WAIT);
    expect(await second.getByTestId('presenter').getAttribute('data-slide')).toBe('2');
    expect(await second.getByTestId('slide-counter').textContent()).toContain('2/3');
    await second.keyboard.press('PageUp');
    await expect.poll(() => second.getByTestId('presenter').getAttribute('data-slide')).toBe('1');

    // Nothing left the app's origin: the meeting room needs no internet.
    expect(
      requests.filter((u) => !u.startsWith(baseUrl) && !u.startsWith('data:') && !u.startsWith('blob:')),
    ).toEqual([]);

    // Projector and 4K wall: the same slide, type in proportion, the area framed again for the screen.
    const zoom = () =>
      second.evaluate(() =>
        (
          window as unknown as { __pcmtTest: { lastMap: { getZoom(): number } } }
        ).__pcmtTest.lastMap.getZoom(),
      );
    const zooms: number[] = [];
    for (const [w, h] of [
      [1366, 768],
      [3840, 2160],
    ] as const) {
      await second.setViewportSize({ width: w, height: h });
      await second.locator(`[data-testid="atlas-map"][data-rendered="${id}|0"]`).waitFor(WAIT);
      // Twice the width fits the country about one zoom level closer.
      if (zooms.length > 0) await expect.poll(zoom, WAIT).toBeGreaterThan((zooms[0] ?? 0) + 1);
      zooms.push(await zoom());
      await second.waitForTimeout(500);
      const titleBox = await second.getByTestId('slide-title').boundingBox();
      // The title stays on screen and grows with the screen.
      expect(titleBox?.height ?? 0).toBeGreaterThan(w > 2000 ? 60 : 25);
      const legendBox = await second.getByTestId('slide-legend').boundingBox();
      expect((legendBox?.x ?? 0) + (legendBox?.width ?? 0)).toBeLessThanOrEqual(w);
      await screenshot(second, `presentation-${w}x${h}`);
    }
  });

  it('renders a saved briefing’s PDF pack as a job: a progress bar, then the file to download', async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/trinh-chieu`);
    const row = page.getByTestId('briefing-list').locator('li').first();
    await row.waitFor(WAIT);
    await row.getByTestId('briefing-pdf-job').click();
    // The bar (not a spinner) with the server's stage, until the file is offered.
    const bar = row.getByTestId('briefing-pdf-progress');
    await bar.waitFor(WAIT);
    expect(await bar.locator('progress').count()).toBe(1);
    expect(await bar.getByTestId('job-stage').textContent()).toMatch(/\S/);
    const file = row.getByTestId('briefing-pdf-file');
    await file.waitFor(WAIT);
    const href = (await file.getAttribute('href')) ?? '';
    const got = await page.evaluate(async (h) => {
      const r = await fetch(h);
      const bytes = new Uint8Array(await r.arrayBuffer());
      return { type: r.headers.get('content-type'), head: String.fromCharCode(...bytes.slice(0, 5)) };
    }, href);
    expect(got).toEqual({ type: 'application/pdf', head: '%PDF-' });
  });

  it('starts the PDF pack from the presenter as a job too: its bar in the slide footer, then the file', async () => {
    const page = await newPage();
    const requests = recordRequests(page);
    await page.goto(`${baseUrl}/trinh-chieu`);
    const link = page.getByTestId('briefing-list').locator('li a').first();
    await link.waitFor(WAIT);
    await page.goto(`${baseUrl}${(await link.getAttribute('href')) ?? ''}`);
    await page.getByTestId('presenter').waitFor(WAIT);
    await page.getByTestId('briefing-pdf-job').click();
    const bar = page.getByTestId('briefing-pdf-progress');
    await bar.waitFor(WAIT);
    expect(await bar.locator('progress').count()).toBe(1);
    const file = page.getByTestId('briefing-pdf-file');
    await file.waitFor(WAIT);
    await screenshot(page, 'presenter-pdf-job');
    const href = (await file.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/api\/jobs\/[^/]+\/file$/);
    const got = await page.evaluate(async (h) => {
      const r = await fetch(h);
      const bytes = new Uint8Array(await r.arrayBuffer());
      return { type: r.headers.get('content-type'), head: String.fromCharCode(...bytes.slice(0, 5)) };
    }, href);
    expect(got).toEqual({ type: 'application/pdf', head: '%PDF-' });
    // The job, never the synchronous render on the request path.
    expect(requests.filter((u) => /\/api\/briefings\/[^/]+\/pdf/.test(u))).toEqual([]);
    expect(requests.some((u) => u.endsWith('/api/jobs/briefing-pdf'))).toBe(true);
  });
});
