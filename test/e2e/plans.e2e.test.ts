import { describe, expect, inject, it } from 'vitest';
import { browserAvailable, screenshot, useBrowser } from './browser';

/**
 * Plans, scorecards and the official status criteria in Chromium, on the full demo data, signed in as the
 * demo admin: a scorecard with traffic-light cells whose trend chart opens on click, a plan page with
 * progress bars, the form refusing a bad target with the field named, and a rule explanation on its map.
 */
/** API answers on the full demo take a second or two on a busy machine: poll patiently. */
const WAIT = { timeout: 30_000 };

describe.skipIf(!browserAvailable)('plans and status criteria in Chromium', () => {
  const newPage = useBrowser();
  const baseUrl = inject('baseUrl');

  it('opens the national scorecard, a cell’s trend chart and the units behind it', async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/bang-diem/quoc-gia-2030`);
    const table = page.getByTestId('scorecard');
    await table.waitFor();
    // Rows = the five national targets, columns = the 34 provinces (plus target and total).
    expect(await table.locator('tbody tr').count()).toBe(5);
    expect(await table.locator('thead th').count()).toBe(36);
    const statuses = await table
      .locator('td button')
      .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-status')));
    expect(statuses).toHaveLength(5 * 35);
    // The full demo has data everywhere: every cell has a real status.
    expect(statuses.filter((s) => s === 'no_data')).toEqual([]);
    await screenshot(page, 'plans-scorecard');

    // The Sơn La cell of "≥ 80 % counselled".
    const cell = table.getByRole('button', { name: /Ít nhất 80% người nghiện.*Sơn La/ });
    await cell.click();
    const detail = page.getByTestId('cell-detail');
    await detail.getByTestId('trend-chart').waitFor();
    await expect
      .poll(() => detail.locator('.recharts-line path.recharts-curve').count(), WAIT)
      .toBeGreaterThanOrEqual(2);
    expect(await detail.getByTestId('projection-method').textContent()).toContain('Xu hướng tuyến tính');
    await expect
      .poll(() => detail.getByTestId('units-behind').locator('tr').count(), WAIT)
      .toBeGreaterThan(20);
    expect(page.url()).toContain('o=tu-van-80%3A14');
    await screenshot(page, 'plans-scorecard-trend');
  });

  it('shows a plan’s targets with progress bars and statuses, and a province ranking', async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/ke-hoach/bac-tu-liem-2020`);
    await page.getByTestId('target-methadone-170').waitFor();
    // One bar per target the plan holds (the seed's quantified targets: at least the seven first entered).
    const stored = await page.request.get(`${baseUrl}/api/plans/bac-tu-liem-2020`);
    const targets = ((await stored.json()) as { plan: { targets: unknown[] } }).plan.targets.length;
    expect(targets).toBeGreaterThanOrEqual(7);
    expect(await page.getByRole('progressbar').count()).toBe(targets);
    // The deadline (end of 2020) has passed: each target is achieved or missed.
    const badges = await page
      .locator('td .status-badge')
      .evaluateAll((b) => b.map((x) => x.getAttribute('data-status')));
    expect(badges.length).toBe(targets);
    for (const b of badges) expect(['achieved', 'missed']).toContain(b);
    await screenshot(page, 'plans-plan-page');

    await page.goto(`${baseUrl}/bang-diem/quoc-gia-2030?xep-hang=tren-20-xa-khong-ma-tuy`);
    const ranking = page.getByTestId('ranking');
    await expect.poll(() => ranking.locator('tbody tr').count(), WAIT).toBe(34);
    expect(await ranking.locator('tbody tr').first().locator('td').first().textContent()).toBe('1');
  });

  it('refuses a bad target in the form and names its field beside the input', async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/ke-hoach/moi`);
    await page.getByTestId('plan-form-page').waitFor();
    await page.locator('input[name="code"]').fill('e2e-thu-nghiem');
    await page.locator('input[name="title"]').fill('Kế hoạch thử nghiệm');
    await page.locator('input[name="issuingBody"]').fill('UBND tỉnh Sơn La');
    await page.locator('input[name="documentNo"]').fill('1/KH-E2E');
    await page.locator('input[name="issuedOn"]').fill('05/01/2026');
    await page.locator('input[name="scopeCode"]').fill('son la');
    await page.locator('[role="option"] .unit-picker-name').getByText('Tỉnh Sơn La', { exact: true }).click();
    await page.locator('input[name="periodStart"]').fill('01/01/2026');
    await page.locator('input[name="periodEnd"]').fill('31/12/2026');
    await page.getByRole('button', { name: /Thêm chỉ tiêu/ }).click();
    await page.locator('input[name="targets[0].title"]').fill('Tỷ lệ tư vấn, điều trị');
    // Field by field (no JSON): a share of 180 %.
    const definition = page.locator('input[name="targets[0].definition.threshold"]');
    await definition.fill('180');
    await page.getByTestId('save-plan').click();
    const error = page.getByTestId('target-form-0').getByRole('alert');
    await expect.poll(() => error.textContent(), WAIT).toContain('targets[0].definition.threshold');
    expect(await definition.getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'plans-form-error');
    // Nothing was created.
    const res = await page.request.get(`${baseUrl}/api/plans/e2e-thu-nghiem`);
    expect(res.status()).toBe(404);
  });

  it('explains a commune’s suggested status criterion by criterion beside the decided one, on a map', async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/tieu-chi?tinh=14&nam=2025`);
    const list = page.getByTestId('differences');
    await expect.poll(() => list.locator('tbody tr').count(), WAIT).toBeGreaterThan(0);
    const map = page.getByTestId('atlas-map');
    await expect.poll(() => map.getAttribute('data-rendered'), WAIT).toMatch(/^14:2025:suggested:\d+$/);

    await list.locator('tbody tr a').first().click();
    const explanation = page.getByTestId('rule-explanation');
    await explanation.locator('table.criteria').first().waitFor();
    const text = (await explanation.getByTestId('suggested-vs-decided').textContent()) ?? '';
    expect(text).toContain('Đề xuất theo tiêu chí');
    expect(text).toContain('Đã quyết định công nhận');
    expect(text).toContain('khác nhau');
    // Loại I: 5 criteria, each with a measured value (or "not measurable") beside its threshold.
    const firstTable = explanation.locator('table.criteria').first();
    expect(await firstTable.locator('tbody tr').count()).toBe(5);
    expect(await firstTable.locator('tbody tr').first().locator('td').nth(2).textContent()).toMatch(/≥ 0,5/);
    expect(await explanation.locator('.unconfirmed').count()).toBeGreaterThan(0);
    expect(page.url()).toMatch(/xa=\d{5}/);
    await screenshot(page, 'status-rules-explanation');
  });
});
