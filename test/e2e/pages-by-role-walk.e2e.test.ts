/// <reference lib="dom" />
import { englishLines } from '@pcmt/domain/english-words';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserAvailable, screenshot, useBrowser } from './browser';

/**
 * Every page each role opens, at 1366×768, 1920×1080 and 390×844 (issue 18, Proof): a screenshot per page,
 * role and size under test/artifacts/ (`walk-<page>-<role>-<size>.png`) for a person to look at, and the
 * checks that keep what people stumbled on fixed: no English word or raw code on the page, the page no wider
 * than the screen (nothing cut off or scrolled sideways), the header on one line on a laptop and a projector,
 * and for a one-province user that province named and no refusal.
 */
const baseUrl = () => inject('baseUrl');
const WAIT = { timeout: 60_000 };

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 390, height: 844 },
] as const;

/** The indicator catalogue is where administrators read and write the codes: codes are its content. */
const CODES_ARE_CONTENT = new Set(['/quan-tri/chi-tieu']);

/** The server's English refusals and status lines, which must never reach a Vietnamese page. */
const RAW_ERRORS =
  /outside your jurisdiction|answered \d{3}|\b403\b|\b404\b|\/api\/|no plan with|no briefing/i;

/** The pages of each role's navigation (and those reached from them), as that role opens them. */
const PAGES_BY_ROLE: Record<string, readonly string[]> = {
  anon: ['/cong-khai', '/cong-khai/14', '/dang-nhap'],
  admin: [
    '/ban-do',
    '/so-sanh',
    '/phan-tich',
    '/ke-hoach',
    '/bang-diem/quoc-gia-2030',
    '/tieu-chi',
    '/trinh-chieu',
    '/bao-cao/tien-do',
    '/nhap-du-lieu',
    '/quan-tri',
    '/quan-tri/chi-tieu',
    '/bao-cao/bieu-mau',
  ],
  // One province: every page opens on Hà Nội and explains nothing is refused.
  'bcd.hanoi': [
    '/ban-do',
    '/so-sanh',
    '/phan-tich',
    '/ke-hoach',
    '/bang-diem/bac-tu-liem-2020',
    '/tieu-chi',
    '/trinh-chieu',
    '/bao-cao/tien-do',
    '/cong-khai',
  ],
  'congan.hanoi': ['/tuan-tra', '/ban-do'],
  'thongke.hanoi': ['/nhap-du-lieu', '/bao-cao', '/bao-cao/tien-do'],
};

/** One-province accounts and the name every page they open must show. */
const PROVINCE_OF: Record<string, string> = {
  'bcd.hanoi': 'Hà Nội',
  'congan.hanoi': 'Hà Nội',
  'thongke.hanoi': 'Hà Nội',
};

/**
 * Lists and forms of the user's whole area (the plans and briefings of the province, a commune's report):
 * their title names that area ("Kế hoạch và chỉ tiêu: Thành phố Hà Nội"; "…: Toàn quốc" for a national
 * account), from unit names, never codes.
 */
const AREA_IN_TITLE = new Set(['/ke-hoach', '/trinh-chieu', '/bao-cao']);

/**
 * Parts of a page that stick out past the right edge of the screen, where nobody can read them: every
 * element's box cut to the boxes of the ancestors that clip it (a map's offscreen labels are clipped by the
 * map), compared with the screen's width; and boxes that scroll sideways other than a table's wrapper (a
 * table may scroll sideways on a phone, a form or a text may not).
 */
const pastTheEdge = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const clips = (s: CSSStyleDeclaration) => s.overflowX !== 'visible';
    const describe = (e: Element) =>
      `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${
        typeof e.className === 'string' && e.className ? `.${e.className.trim().split(/\s+/).join('.')}` : ''
      } "${(e.textContent ?? '').trim().slice(0, 40)}"`;
    const past: string[] = [];
    for (const e of Array.from(document.body.querySelectorAll('*'))) {
      const r = e.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const style = getComputedStyle(e);
      if (style.visibility === 'hidden' || style.position === 'fixed') continue;
      let right = r.right;
      for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
        if (clips(getComputedStyle(a))) right = Math.min(right, a.getBoundingClientRect().right);
      }
      if (right > width + 1) past.push(`${describe(e)} ends at ${Math.round(right)}px`);
      const sideways =
        (style.overflowX === 'auto' || style.overflowX === 'scroll') && e.scrollWidth > e.clientWidth + 1;
      if (sideways && !e.querySelector(':scope > table')) past.push(`${describe(e)} scrolls sideways`);
    }
    return past;
  });

/** What a person sees: innerText leaves out hidden elements, which textContent would include. */
// biome-ignore lint/performance/useDomNodeTextContent: the visible text is the point
const visibleText = (page: Page) => page.evaluate(() => document.body.innerText);

/** The text below the header (the header names the account's province anyway). */
const pageText = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('.app > :not(header)'))
      // biome-ignore lint/performance/useDomNodeTextContent: the visible text is the point
      .map((e) => e.innerText)
      .join('\n'),
  );

/** A period id or an ISO date, which the one formatter says as Quý III/2026 or 01/07/2026. */
const RAW_PERIOD = /\b\d{4}-(?:Q[1-4]|H[12]|\d{2}-\d{2})\b/;

/** The choice each visible drop-down list shows. */
const selectedOptions = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('select'))
      .filter((s) => s.offsetParent !== null)
      .map((s) => s.selectedOptions[0]?.textContent ?? ''),
  );

/** The file name part of a path: `/bao-cao/tien-do` → `bao-cao-tien-do`. */
const slug = (path: string) => path.slice(1).replace(/\//g, '-') || 'home';

describe.skipIf(!browserAvailable)('every page as its users see it', () => {
  for (const [role, paths] of Object.entries(PAGES_BY_ROLE)) {
    describe(role, () => {
      const newPage = useBrowser({ as: role === 'anon' ? null : role });
      for (const size of SIZES) {
        const sizeName = `${size.width}x${size.height}`;
        for (const path of paths) {
          it(`${path} at ${sizeName}`, async () => {
            const page = await newPage();
            await page.setViewportSize(size);
            await page.goto(`${baseUrl()}${path}`, WAIT);
            await page.locator('.app-header').first().waitFor(WAIT);
            await page.waitForLoadState('networkidle', WAIT);
            // A public map is photographed once it has drawn its communes' statuses (the map's rendered
            // callback, mirrored as data-rendered: status|<province or all>|<date>|<communes coloured>).
            if (path.startsWith('/cong-khai'))
              await expect
                .poll(() => page.getByTestId('public-map').getAttribute('data-rendered'), {
                  ...WAIT,
                  message: `${path}: the map has not drawn`,
                })
                .toMatch(/^status\|[^|]+\|[^|]+\|[1-9]\d*$/);
            const province = PROVINCE_OF[role];
            if (province)
              await expect.poll(() => pageText(page), { ...WAIT, message: path }).toContain(province);
            if (AREA_IN_TITLE.has(path))
              await expect
                .poll(() => page.locator('main h2').first().textContent(), { ...WAIT, message: path })
                .toContain(province ?? 'Toàn quốc');
            await screenshot(page, `walk-${slug(path)}-${role.replace('.', '-')}-${sizeName}`);

            const text = await visibleText(page);
            expect(englishLines(text, { codesShown: CODES_ARE_CONTENT.has(path) }), path).toEqual([]);
            // Periods and dates as a reader says them (Quý III/2026, 01/07/2026), in the text and in the
            // choices shown in drop-down lists: never a period id (2026-Q3) or an ISO date.
            const shown = [text, ...(await selectedOptions(page))].join('\n');
            expect(
              shown.split('\n').filter((l) => RAW_PERIOD.test(l)),
              path,
            ).toEqual([]);
            if (province) {
              expect(await page.getByTestId('api-error').count(), path).toBe(0);
              expect(text, path).not.toMatch(RAW_ERRORS);
            }
            // Nothing runs off the right edge: the page is never wider than the screen.
            const overflow = await page.evaluate(
              () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
            );
            expect(overflow, `${path} is ${overflow}px wider than the screen`).toBeLessThanOrEqual(1);
            // …and nothing inside it runs past the edge or makes a form or a text scroll sideways.
            expect(await pastTheEdge(page), path).toEqual([]);
            // On a phone a map comes first and spans the screen, or the card it sits in (no 50 px strip beside a
            // form's panel).
            if (size.width < 600) {
              const maps = await page
                .locator('[data-testid=atlas-map], [data-testid=public-map]')
                .evaluateAll((els) =>
                  els
                    .filter((e) => (e as HTMLElement).offsetParent !== null)
                    .map((e) => Math.round(e.getBoundingClientRect().width)),
                );
              for (const w of maps)
                expect(w, `${path}: a map ${w}px wide`).toBeGreaterThanOrEqual(0.8 * size.width);
            }
            // The header keeps to one line on a laptop and a projector (its controls share one row).
            if (size.width >= 1366) {
              const rows = await page.evaluate(() => {
                const items = Array.from(
                  document.querySelectorAll<HTMLElement>(
                    '.app-header h1, .app-header .app-nav [data-nav-top], .app-header .user-menu, .app-header .lang',
                  ),
                ).filter((e) => e.offsetParent !== null);
                const mids = items.map((e) => {
                  const r = e.getBoundingClientRect();
                  return r.top + r.height / 2;
                });
                return Math.max(...mids) - Math.min(...mids);
              });
              expect(rows, `${path}: the header wraps`).toBeLessThan(12);
            }
            await page.close();
          });
        }
      }
    });
  }
});

describe.skipIf(!browserAvailable)('the area panel, beside what it describes', () => {
  const newPage = useBrowser({ as: 'bcd.hanoi' });
  for (const size of [SIZES[0], SIZES[2]]) {
    it(`opens beside the map (or under it on a phone), never over it, at ${size.width}x${size.height}`, async () => {
      const page = await newPage();
      await page.setViewportSize(size);
      await page.goto(`${baseUrl()}/ban-do/tinh/01?unit=00004`, WAIT);
      await page.locator('[data-testid=atlas-map][data-rendered*="|01|"]').waitFor(WAIT);
      const panel = page.getByTestId('area-panel');
      await panel.waitFor(WAIT);
      // The map makes room: the panel lies beside it (a laptop) or under it (a phone), never over it.
      const box = async (testId: string) =>
        (await page.getByTestId(testId).boundingBox()) ?? { x: 0, y: 0, width: 0, height: 0 };
      await expect
        .poll(async () => {
          const [map, p] = [await box('atlas-map'), await box('area-panel')];
          return size.width > 600 ? map.x + map.width <= p.x : map.y + map.height <= p.y;
        }, WAIT)
        .toBe(true);
      const map = await box('atlas-map');
      expect(map.width).toBeGreaterThanOrEqual(300);
      expect(map.height).toBeGreaterThanOrEqual(250);
      // Both on the screen at once: the map is not scrolled away to read the panel.
      expect(map.y).toBeGreaterThanOrEqual(0);
      expect(map.y + map.height).toBeLessThanOrEqual(size.height);
      await screenshot(page, `walk-area-panel-bcd-hanoi-${size.width}x${size.height}`);
      await page.close();
    });
  }
});

describe.skipIf(!browserAvailable)('the admin creates an account', () => {
  const newPage = useBrowser({ as: 'admin' });

  it('picks its area by name ("son la"), never typing a code, and lists it as Tỉnh Sơn La', async () => {
    const page = await newPage();
    await page.goto(`${baseUrl()}/quan-tri`);
    const form = page.getByTestId('new-user-form');
    await form.waitFor(WAIT);
    const username = `thu.${Date.now() % 1_000_000}`;
    const inputs = form.locator('label > input:not([type=checkbox]):not([type=password])');
    await inputs.nth(0).fill(username);
    await inputs.nth(1).fill('Cán bộ thử Sơn La');
    await page.getByTestId('new-user-area').fill('son la');
    await page
      .getByRole('option', { name: /Tỉnh Sơn La/ })
      .first()
      .click();
    await form.locator('input[type=password]').fill('mat-khau-thu-12345');
    await page.getByTestId('create-user').click();
    const row = page.locator('[data-testid=users] tbody tr', { hasText: username });
    await row.waitFor(WAIT);
    expect(await row.textContent()).toContain('Tỉnh Sơn La');
    await page.close();
  });
});

describe.skipIf(!browserAvailable)('the public page on a projector (1920×1080)', () => {
  const newPage = useBrowser({ as: null });
  for (const path of ['/cong-khai', '/cong-khai/14']) {
    it(`${path} fills the screen: the map tall beside the figures, no blank band under them`, async () => {
      const page = await newPage();
      await page.setViewportSize(SIZES[1]);
      await page.goto(`${baseUrl()}${path}`, WAIT);
      await expect
        .poll(() => page.getByTestId('public-map').getAttribute('data-rendered'), WAIT)
        .toMatch(/^status\|[^|]+\|[^|]+\|[1-9]\d*$/);
      const boxes = await page.evaluate(() => {
        const box = (e: Element) => {
          const r = e.getBoundingClientRect();
          return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
        };
        return {
          cards: Array.from(document.querySelectorAll('.public-card')).map(box),
          map: box(document.querySelector('[data-testid=public-map]') as Element),
          share: box(document.querySelector('[data-testid=public-drug-free]') as Element),
          height: document.documentElement.clientHeight,
        };
      });
      const lowest = Math.max(...boxes.cards.map((c) => c.bottom));
      // Everything on the one screen (nothing to scroll to in a meeting room)…
      expect(lowest, 'the cards run below the screen').toBeLessThanOrEqual(boxes.height);
      // …and the cards reach the bottom of it (the band under them was 40% of the screen).
      expect(boxes.height - lowest, 'blank band under the cards').toBeLessThanOrEqual(48);
      // The map beside the share of drug-free communes, and tall: most of the screen's height.
      expect(boxes.share.left).toBeGreaterThanOrEqual(boxes.map.right);
      expect(boxes.map.bottom - boxes.map.top).toBeGreaterThanOrEqual(0.6 * boxes.height);
      await screenshot(page, `walk-projector-${slug(path)}-1920x1080`);
      await page.close();
    });
  }
});

describe.skipIf(!browserAvailable)('the accounts table on a phone (390×844)', () => {
  const newPage = useBrowser({ as: 'admin' });

  it('keeps each account on one line, scrolls sideways with the account name kept in view', async () => {
    const page = await newPage();
    await page.setViewportSize(SIZES[2]);
    await page.goto(`${baseUrl()}/quan-tri`, WAIT);
    const table = page.getByTestId('users');
    await table.locator('tbody tr').first().waitFor(WAIT);
    // One line a cell: no name, role or area broken over three or four lines in a 60 px column (one line
    // and its padding is under 2.4 times the type size, two lines are over it).
    const tallest = await table.evaluate((t) =>
      Math.max(
        ...Array.from(t.querySelectorAll('tbody td')).map(
          (td) => td.getBoundingClientRect().height / Number.parseFloat(getComputedStyle(td).fontSize),
        ),
      ),
    );
    expect(tallest, 'a cell wraps').toBeLessThan(2.4);
    // Scrolled to its right end, the names stay at the left edge, readable (the element there is the name).
    const scroller = table.locator('xpath=..');
    await scroller.evaluate((e) => {
      e.scrollLeft = e.scrollWidth;
    });
    const name = table.locator('tbody tr td').first();
    const [sb, nb] = [await scroller.boundingBox(), await name.boundingBox()];
    expect(Math.abs((nb?.x ?? -99) - (sb?.x ?? 0))).toBeLessThanOrEqual(1);
    const atName = await page.evaluate(
      ([x, y]) => document.elementFromPoint(x, y)?.closest('td')?.textContent ?? '',
      [(nb?.x ?? 0) + 8, (nb?.y ?? 0) + (nb?.height ?? 0) / 2] as const,
    );
    expect(atName).toBe(await name.textContent());
    await screenshot(page, 'walk-quan-tri-accounts-scrolled-390x844');
    await page.close();
  });
});
