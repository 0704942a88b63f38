import { DEMO_PASSWORD } from '@pcmt/server/demo';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { browserAvailable, launch, screenshot, signInContext } from './browser';

/**
 * Issue 17 in the browser: a commune's data officer on a phone (390×844) fills the quarter's report, fixes
 * a blocking error, confirms an outlier with a comment and submits while offline — nothing is lost, it is
 * sent when the connection is back; the province's officer returns it, the commune submits again, the
 * province approves it. The commune is one with no report of the quarter yet (the e2e database is reused).
 */
const FORM = 'bc-quy-xa';
const PERIOD = '2026-Q2';
const vi = (n: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 3 }).format(n);

let admin: BrowserContext;
let commune: BrowserContext;
let province: BrowserContext;
let code = '';
const base = () => inject('baseUrl') as string;

describe.skipIf(!browserAvailable)('the reporting cycle in the app', () => {
  beforeAll(async () => {
    admin = await launch();
    const login = await admin.request.post(`${base()}/api/auth/login`, {
      data: { username: 'admin', password: DEMO_PASSWORD },
    });
    const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
    const units = (await (await admin.request.get(`${base()}/api/units?level=commune&parent=01`)).json()) as {
      rows: { code: string }[];
    };
    const taken = (await (
      await admin.request.get(`${base()}/api/reporting/submissions?form=${FORM}&period=${PERIOD}&parent=01`)
    ).json()) as { rows: { unitCode: string }[] };
    const used = new Set(taken.rows.map((r) => r.unitCode));
    code = units.rows.map((u) => u.code).find((c) => !used.has(c)) ?? '';
    expect(code).not.toBe('');
    const username = `e2e.xa.${code}`;
    const created = await admin.request.post(`${base()}/api/users`, {
      headers: { 'x-csrf-token': csrf },
      data: {
        username,
        displayName: `Cán bộ số liệu xã ${code} (e2e)`,
        role: 'data_officer',
        jurisdiction: [code],
        password: DEMO_PASSWORD,
      },
    });
    expect([201, 200, 400]).toContain(created.status());
    commune = await launch();
    await signInContext(commune, username, base());
    province = await launch();
    await signInContext(province, 'thongke.hanoi', base());
  });
  afterAll(async () => {
    await Promise.all([admin?.close(), commune?.close(), province?.close()]);
  });

  const stateOf = async (page: Page) => page.getByTestId('report-state').textContent();

  /**
   * What the province's map says about the quarter: "Số liệu đã nhận x/y xã" under the period picker, and
   * the legend of the layer "Tình hình báo cáo" (communes per report state) for the form.
   */
  const mapReports = async () => {
    const map = await province.newPage();
    await map.setViewportSize({ width: 1366, height: 768 });
    await map.goto(`${base()}/ban-do/tinh/01?period=${PERIOD}`);
    const text = (await map.getByTestId('received-count').textContent({ timeout: 60_000 })) ?? '';
    const [, x, y] = /Số liệu đã nhận ([\d.]+)\/([\d.]+) xã/.exec(text) ?? [];
    await map.getByTestId('layer-completeness').check();
    const legend = map.getByTestId('completeness-legend');
    const pick = legend.locator('xpath=ancestor::*[@data-testid="completeness-layer"]').locator('select');
    if ((await pick.count()) > 0) await pick.selectOption(FORM);
    const count = async (state: string) => {
      const cell = legend.locator(`li[data-state="${state}"] .count`);
      await expect.poll(() => cell.textContent(), { timeout: 60_000 }).toMatch(/^[\d.]+$/);
      return Number(((await cell.textContent()) ?? '').replaceAll('.', ''));
    };
    const missing = await count('missing');
    let reported = 0;
    for (const state of ['late', 'returned', 'submitted', 'approved']) reported += await count(state);
    await screenshot(map, 'reporting-map-layer');
    await map.close();
    const num = (v: string | undefined) => Number((v ?? '').replaceAll('.', ''));
    return { received: num(x), expected: num(y), missing, reported };
  };

  it('a commune fills and submits on a phone (an error fixed, a warning confirmed, offline), the province returns then approves', async () => {
    const before = await mapReports();
    expect(before.expected).toBeGreaterThan(0);
    const page = await commune.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${base()}/bao-cao`);
    await page.getByTestId('report-period').selectOption(PERIOD);
    await page.getByTestId('field-managed_addicts').waitFor();
    const entry = (await (
      await page.request.get(`${base()}/api/reporting/entry?form=${FORM}&commune=${code}&period=${PERIOD}`)
    ).json()) as { items: { code: string; previous: number | null }[] };
    const prev = Object.fromEntries(entry.items.map((i) => [i.code, i.previous ?? 0]));
    const addicts = prev.managed_addicts ?? 0;
    const values: Record<string, number> = {
      ...prev,
      methadone_patients: Math.min(prev.methadone_patients ?? 0, addicts),
      addicts_reached: Math.min(prev.addicts_reached ?? 0, addicts),
      drug_arrests: (prev.drug_arrests ?? 0) * 10 + 60,
    };
    // The previous quarter is written beside each field, the Vietnamese way.
    expect(await page.getByTestId('previous-managed_addicts').textContent()).toContain(vi(addicts));
    for (const [k, v] of Object.entries(values)) await page.getByTestId(`field-${k}`).fill(vi(v));
    // One blocking error: more methadone patients than addicts.
    await page.getByTestId('field-methadone_patients').fill(vi(addicts + 5));
    await page.getByTestId('submit-report').click();
    await page.getByTestId('error-methadone_patients').waitFor();
    expect(await page.getByTestId('report-notice').textContent()).toContain('methadone');
    await page.getByTestId('field-methadone_patients').fill(vi(values.methadone_patients ?? 0));
    await page.getByTestId('submit-report').click();
    // The outlier needs a comment.
    await page.getByTestId('warning-drug_arrests').waitFor();
    expect(await page.getByTestId('warning-drug_arrests').textContent()).toContain('Cảnh báo');
    await page.getByTestId('warning-comment').fill('Đợt cao điểm truy quét trong quý');
    await screenshot(page, 'reporting-phone-warning');

    // Offline when submitting: kept, and sent once the connection is back.
    await commune.setOffline(true);
    await page.getByTestId('submit-report').click();
    await page.getByText('sẽ gửi khi có mạng').waitFor();
    await commune.setOffline(false);
    await page.getByText('Đã gửi báo cáo lên tỉnh.').waitFor();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="report-state"]')?.textContent === 'Đã gửi, chờ tỉnh duyệt',
    );

    // The province returns it with a comment.
    const review = await province.newPage();
    await review.goto(`${base()}/bao-cao/duyet`);
    await review.getByTestId('review-period').selectOption(PERIOD);
    const row = review.getByTestId(`review-row-${code}`);
    await row.waitFor();
    await row.getByTestId('review-comment').fill('Xem lại số người bị bắt');
    await row.getByTestId('return').click();
    await row.getByText('Đã trả lại').waitFor();

    // The commune sees why, and submits again (its figures and comment kept).
    await page.reload();
    await page.getByTestId('report-period').selectOption(PERIOD);
    await page.getByTestId('return-comment').waitFor();
    expect(await page.getByTestId('field-drug_arrests').inputValue()).toBe(vi(values.drug_arrests ?? 0));
    await page.getByTestId('submit-report').click();
    await page.getByText('Đã gửi báo cáo lên tỉnh.').waitFor();

    // Approved: locked for the commune.
    await review.reload();
    await review.getByTestId('review-period').selectOption(PERIOD);
    await row.getByTestId('approve').click();
    await row.getByText('Đã duyệt').waitFor();
    await page.reload();
    await page.getByTestId('report-period').selectOption(PERIOD);
    await page.waitForFunction(
      () => document.querySelector('[data-testid="report-state"]')?.textContent === 'Đã duyệt (khoá)',
    );
    expect(await page.getByTestId('field-drug_arrests').isDisabled()).toBe(true);
    expect(await stateOf(page)).toBe('Đã duyệt (khoá)');
    // The approved value is the one the map reads.
    const stored = (await (
      await page.request.get(`${base()}/api/values?indicator=drug_arrests&period=${PERIOD}&parent=01`)
    ).json()) as { rows?: { code: string; value: number | null }[] };
    const mine = stored.rows?.find((r) => r.code === code);
    if (mine) expect(mine.value).toBe(values.drug_arrests);

    // The map counts the commune: one more report received, one commune fewer coloured "Chưa báo cáo".
    const after = await mapReports();
    expect(after).toEqual({
      received: before.received + 1,
      expected: before.expected,
      missing: before.missing - 1,
      reported: before.reported + 1,
    });
  });
});
