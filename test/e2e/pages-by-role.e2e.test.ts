/// <reference lib="dom" />
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { openPdf, pageTexts } from '@pcmt/server/fixtures';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { artifactsDir, browserAvailable, screenshot, useBrowser } from './browser';
import { waitForRendered } from './pixels';

/**
 * Pages as their users meet them (issue 18, first section), on a laptop and on a phone: the admin page's
 * controls can be clicked, a one-province user opens on their province and reads refusals in Vietnamese, and
 * the patrol planner works at 390×844. Screenshots of each page and size go to test/artifacts/.
 */
const baseUrl = () => inject('baseUrl');
const WAIT = { timeout: 30_000 };
const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 390, height: 844 },
] as const;
const sizeName = (v: { width: number; height: number }) => `${v.width}x${v.height}`;

/** The server's English refusals, and status lines, that must never reach a Vietnamese page. */
const RAW_ERRORS =
  /outside your jurisdiction|answered \d{3}|\b403\b|\b404\b|\/api\/|no plan with|no briefing/i;

/**
 * Whether a person clicking at the centre of the control reaches it: the element at that point is the control
 * or inside it (nothing such as a table or a label is drawn over it).
 */
async function reachable(control: Locator): Promise<boolean> {
  await control.scrollIntoViewIfNeeded();
  return control.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit !== null && (hit === el || el.contains(hit));
  });
}

/** What a person sees: innerText leaves out hidden elements, which textContent would include. */
// biome-ignore lint/performance/useDomNodeTextContent: the visible text is the point
const visibleText = (page: Page) => page.evaluate(() => document.body.innerText);

describe.skipIf(!browserAvailable)('the admin page, as the admin', () => {
  const newPage = useBrowser({ as: 'admin' });

  for (const viewport of VIEWPORTS) {
    it(`lays the accounts, the form and the audit log out in the page at ${sizeName(viewport)}`, async () => {
      const page = await newPage();
      await page.setViewportSize(viewport);
      await page.goto(`${baseUrl()}/quan-tri`);
      await page.locator('[data-testid=users] tbody tr').first().waitFor(WAIT);
      await page.locator('[data-testid=audit-log] tbody tr').first().waitFor(WAIT);

      // A compact header (a phone) keeps the pages in its menu: open it, every entry can be tapped.
      const menu = page.getByTestId('menu-button');
      if (await menu.isVisible()) {
        await menu.click();
        // (The server line and the API description are not shown on a phone.)
        for (const link of [
          ...(await page.locator('.app-nav a:visible').all()),
          page.getByTestId('lang-switch'),
        ]) {
          expect(await reachable(link), (await link.getAttribute('href')) ?? 'lang').toBe(true);
        }
        await page.keyboard.press('Escape');
      }
      const controls = [
        ...((await menu.isVisible())
          ? [menu]
          : // The line: each group's button and each single page's link (a group's pages open under it).
            [...(await page.locator('.app-nav [data-nav-top]').all()), page.getByTestId('lang-switch')]),
        ...(await page
          .locator('[data-testid=new-user-form] input, [data-testid=new-user-form] select')
          .all()),
        page.getByTestId('create-user'),
        page.locator('[data-testid=users] tbody button').first(),
      ];
      expect(controls.length).toBeGreaterThanOrEqual(8);
      for (const control of controls) {
        const name = (await control.getAttribute('href')) ?? (await control.textContent()) ?? '';
        expect(await reachable(control), name).toBe(true);
      }
      expect(await page.getByTestId('create-user').textContent()).toBe('Tạo tài khoản');
      // The tables flow in the page: accounts, then the form, then the audit log, one under the other.
      const box = async (l: Locator) => (await l.boundingBox()) ?? { x: 0, y: 0, width: 0, height: 0 };
      const header = await box(page.locator('.app-header'));
      const users = await box(page.getByTestId('users'));
      const form = await box(page.getByTestId('new-user-form'));
      const audit = await box(page.getByTestId('audit-log'));
      expect(users.y).toBeGreaterThanOrEqual(header.y + header.height);
      expect(form.y).toBeGreaterThanOrEqual(users.y + users.height);
      expect(audit.y).toBeGreaterThanOrEqual(form.y + form.height);
      // Roles by their Vietnamese names, in the table and in the form.
      expect(await page.getByTestId('users').textContent()).not.toMatch(/\bdata_officer\b|\bcommittee\b/);
      expect(await page.locator('[data-testid=new-user-form] select option').allTextContents()).not.toContain(
        'committee',
      );
      await screenshot(page, `admin-${sizeName(viewport)}`);
      await page.close();
    });
  }
});

describe.skipIf(!browserAvailable)('a Hà Nội committee member (bcd.hanoi)', () => {
  const newPage = useBrowser({ as: 'bcd.hanoi' });

  for (const viewport of VIEWPORTS) {
    it(`opens the criteria page on Hà Nội, with no refusal, at ${sizeName(viewport)}`, async () => {
      const page = await newPage();
      await page.setViewportSize(viewport);
      await page.goto(`${baseUrl()}/tieu-chi`);
      await waitForRendered(page, (k) => k.startsWith('01:'));
      const select = page.getByTestId('rules-province');
      expect(await select.inputValue()).toBe('01');
      // Only the province the account may see is offered.
      expect(
        await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)),
      ).toEqual(['01']);
      expect(await select.locator('option:checked').textContent()).toContain('Hà Nội');
      await page.getByTestId('differences').waitFor(WAIT);
      expect(await page.getByTestId('api-error').count()).toBe(0);
      expect(await visibleText(page)).not.toMatch(RAW_ERRORS);
      await screenshot(page, `rules-hanoi-${sizeName(viewport)}`);
      await page.close();
    });
  }

  it('finds Hà Nội, and no refusal, on every page it opens', async () => {
    const page = await newPage();
    // The page below the header (whose account name says Hà Nội anyway).
    const pageText = () =>
      page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLElement>('.app > :not(header)'))
          // biome-ignore lint/performance/useDomNodeTextContent: the visible text is the point
          .map((e) => e.innerText)
          .join('\n'),
      );
    for (const [path, area] of [
      ['/ban-do', true],
      ['/so-sanh', true],
      ['/tieu-chi', true],
      ['/phan-tich', true],
      ['/ke-hoach', false],
      ['/trinh-chieu', false],
    ] as const) {
      await page.goto(`${baseUrl()}${path}`);
      await page.waitForLoadState('networkidle');
      if (area) await expect.poll(pageText, { ...WAIT, message: path }).toContain('Hà Nội');
      // A refusal would show as the error notice, or as the server's English.
      expect(await page.getByTestId('api-error').count(), path).toBe(0);
      expect(await visibleText(page), path).not.toMatch(RAW_ERRORS);
      if (path === '/phan-tich') expect(await page.getByTestId('province').inputValue()).toBe('01');
      if (path === '/so-sanh') {
        expect(new URL(page.url()).searchParams.get('province')).toBe('01');
        const offered = await page
          .getByTestId('compare-province')
          .locator('option')
          .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
        expect(offered).toEqual(['01']);
      }
      await screenshot(page, `hanoi-${path.slice(1)}`);
    }
    await page.close();
  });

  it('reads an old link to another province as a Vietnamese refusal with a way back to Hà Nội', async () => {
    const page = await newPage();
    await page.goto(`${baseUrl()}/tieu-chi?tinh=14`);
    const notice = page.getByTestId('api-error');
    await notice.waitFor(WAIT);
    expect(await notice.textContent()).toContain('địa bàn');
    expect(await visibleText(page)).not.toMatch(RAW_ERRORS);
    await notice.getByRole('link').click();
    await waitForRendered(page, (k) => k.startsWith('01:'));
    expect(new URL(page.url()).searchParams.get('tinh')).toBe('01');
    await page.close();
  });

  it('is told in Vietnamese why the national scorecard and a briefing outside Hà Nội do not open', async () => {
    const page = await newPage();
    for (const [path, back] of [
      ['/bang-diem/quoc-gia-2030', '/ke-hoach'],
      ['/trinh-chieu/k3m9xq2hpa', '/trinh-chieu'],
    ] as const) {
      await page.goto(`${baseUrl()}${path}`);
      const notice = page.getByTestId('api-error');
      await notice.waitFor(WAIT);
      expect(await notice.textContent()).toMatch(/địa bàn/);
      expect(await visibleText(page)).not.toMatch(RAW_ERRORS);
      expect(await notice.getByRole('link').getAttribute('href')).toBe(back);
      await screenshot(page, `refusal-${path.split('/')[1]}`);
    }
    await page.close();
  });
});

describe.skipIf(!browserAvailable)('the patrol planner, as the Hà Nội police (congan.hanoi)', () => {
  const newPage = useBrowser({ as: 'congan.hanoi' });

  for (const viewport of VIEWPORTS) {
    it(`plans along the route and names the places at ${sizeName(viewport)}`, async () => {
      const page = await newPage();
      await page.setViewportSize(viewport);
      await page.goto(`${baseUrl()}/tuan-tra`);
      await expect
        .poll(() => page.getByTestId('patrol-active-count').textContent(), WAIT)
        .toMatch(/^[1-9]\d* /);
      await waitForRendered(page, (k) => k === 'patrol:01');
      await screenshot(page, `patrol-planner-open-${sizeName(viewport)}`);
      // Map first: a real map, not a 10 px strip beside a sidebar; the header leaves the screen to the page.
      const map = await page.getByTestId('atlas-map').boundingBox();
      expect(map?.width ?? 0).toBeGreaterThanOrEqual(300);
      expect(map?.height ?? 0).toBeGreaterThanOrEqual(300);
      const header = await page.locator('.app-header').boundingBox();
      if (viewport.width <= 600) expect(header?.height ?? 999).toBeLessThanOrEqual(110);

      await page.getByTestId('patrol-top-n').fill('6');
      expect(await reachable(page.getByTestId('patrol-select-top'))).toBe(true);
      await page.getByTestId('patrol-select-top').click();
      const build = page.getByTestId('patrol-build');
      expect(await build.textContent()).toBe('Lập kế hoạch');
      // Nothing (a label, the map) lies over the button: the tap reaches it.
      expect(await reachable(build)).toBe(true);
      await build.click();
      await page.getByTestId('patrol-plan').waitFor(WAIT);

      // Visit times follow the route: the first visits are stops 1, 2, 3, … at rising times.
      const visits = await page.locator('[data-testid=patrol-dosage] tbody tr').evaluateAll((trs) =>
        trs.map((tr) => ({
          start: tr.getAttribute('data-start') ?? '',
          order: Number(tr.getAttribute('data-order')),
          nth: Number(tr.getAttribute('data-nth')),
        })),
      );
      const firsts = visits.filter((v) => v.nth === 1);
      expect(firsts.length).toBeGreaterThan(1);
      expect(firsts.map((v) => v.order)).toEqual(firsts.map((_, i) => i + 1));
      expect(visits.map((v) => v.start)).toEqual(visits.map((v) => v.start).sort());
      // Places by what they are and where, not only by their code.
      const stops = await page.locator('[data-testid=patrol-route] li').evaluateAll((lis) =>
        lis.map((li) => ({
          code: li.getAttribute('data-code') ?? '',
          name: li.querySelector('strong')?.textContent ?? '',
        })),
      );
      for (const s of stops) {
        expect(s.name.length).toBeGreaterThan(5);
        expect(s.name).not.toContain(s.code);
        expect(s.name).not.toMatch(/^HS-/);
      }
      expect(await page.getByTestId('patrol-dosage').textContent()).toContain(stops[0]?.name ?? '?');
      await screenshot(page, `patrol-planner-${sizeName(viewport)}`);
      await page.close();
    });
  }

  it('opens the hotspot register on the map at 390x844: map first, a hotspot’s popup wholly on screen', async () => {
    const page = await newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl()}/ban-do/tinh/01?layers=hotspots,labels`);
    await waitForRendered(page, (k) => k.split('|')[2] === '01');
    await expect.poll(() => page.getByTestId('hotspot-count').textContent(), WAIT).toMatch(/\d/);
    const map = await page.getByTestId('atlas-map').boundingBox();
    expect(map?.width ?? 0).toBeGreaterThanOrEqual(300);
    expect(map?.height ?? 0).toBeGreaterThanOrEqual(300);
    // A hotspot near the right edge of the map: its popup must not run off the screen.
    const date = new Date().toISOString().slice(0, 10);
    const fc = (await (
      await page.request.get(`${baseUrl()}/api/hotspots?status=active&at=${date}`)
    ).json()) as {
      features: { geometry: { coordinates: [number, number] } }[];
    };
    const target = await page.evaluate(
      ({ points, width, height }) => {
        const m = (
          window as unknown as {
            __pcmtTest: { lastMap: { project: (p: [number, number]) => { x: number; y: number } } };
          }
        ).__pcmtTest.lastMap;
        const inside = points
          .map((p) => m.project(p))
          .filter((q) => q.x > width * 0.6 && q.x < width - 40 && q.y > 60 && q.y < height - 60);
        return inside[0] ?? null;
      },
      {
        points: fc.features.map((f) => f.geometry.coordinates),
        width: map?.width ?? 0,
        height: map?.height ?? 0,
      },
    );
    if (!target) throw new Error('no hotspot in the right part of the map');
    await page.locator('[data-testid=atlas-map] canvas').first().click({ position: target });
    const popup = page.getByTestId('hotspot-popup');
    await popup.waitFor(WAIT);
    const box = await popup.boundingBox();
    expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
    expect((box?.x ?? 0) + (box?.width ?? 999)).toBeLessThanOrEqual(390);
    expect(await reachable(popup.getByRole('button'))).toBe(true);
    await screenshot(page, 'hotspots-map-390x844');
    await page.close();
  });

  it('prints an A4 sheet with a drawn map and MẬT in every page margin, never over the table', async () => {
    const page = await newPage();
    await page.goto(`${baseUrl()}/tuan-tra`);
    await expect
      .poll(() => page.getByTestId('patrol-active-count').textContent(), WAIT)
      .toMatch(/^[1-9]\d* /);
    // Enough places for the table to reach past row 6, where the footer used to print over it.
    await page.getByTestId('patrol-top-n').fill('14');
    await page.getByTestId('patrol-select-top').click();
    await page.getByTestId('patrol-save').click();
    await page.getByTestId('patrol-saved').waitFor(WAIT);
    const href = (await page.getByTestId('patrol-sheet').getAttribute('href')) ?? '';
    const sheet = await page.context().newPage();
    for (const viewport of VIEWPORTS) {
      await sheet.setViewportSize(viewport);
      await sheet.goto(href);
      // The map shows the communes round the stops (with names), the route and the numbered stops.
      expect(await sheet.locator('svg path.commune').count()).toBeGreaterThan(0);
      expect(await sheet.locator('svg text.commune-name').count()).toBeGreaterThan(0);
      expect(await sheet.locator('svg g.stop').count()).toBe(14);
      await screenshot(sheet, `patrol-sheet-${sizeName(viewport)}`);
    }
    // On paper the in-page marking is hidden: the page margin carries it, so no row is covered.
    await sheet.emulateMedia({ media: 'print' });
    expect(await sheet.locator('.footer-secret').isVisible()).toBe(false);
    const rows = await sheet.locator('tbody tr').count();
    expect(rows).toBe(14);
    // The plan reads in one order: each stop's first visit comes after the one before it on the route
    // (times past midnight belong to the same night), and every place is named, its code only under it.
    const table = await sheet.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        order: Number(tr.children[0]?.textContent),
        place: tr.children[1]?.textContent ?? '',
        code: tr.getAttribute('data-code') ?? '',
        first: /\d{2}:\d{2}/.exec(tr.children[5]?.textContent ?? '')?.[0] ?? '',
      })),
    );
    const minutes = (t: string) => {
      const [h, m] = t.split(':').map(Number) as [number, number];
      return (h < 12 ? h + 24 : h) * 60 + m;
    };
    const visited = table.filter((r) => r.first !== '');
    expect(visited.length).toBeGreaterThan(1);
    for (const [i, r] of visited.entries()) {
      expect(r.order).toBe(table.indexOf(r) + 1);
      const before = visited[i - 1];
      if (before)
        expect(minutes(r.first), `stop ${r.order} after stop ${before.order}`).toBeGreaterThan(
          minutes(before.first),
        );
      expect(r.place.replace(r.code, '').trim().length, r.code).toBeGreaterThan(10);
    }
    // Printed as the browser prints by default (no background graphics): the legend's swatches keep their
    // colours (they were two empty circles), as does the table's header.
    const pdf = await sheet.pdf({ format: 'A4', preferCSSPageSize: true });
    writeFileSync(join(artifactsDir, 'patrol-sheet.pdf'), pdf);
    const doc = await openPdf(new Uint8Array(pdf));
    const texts = await pageTexts(doc);
    // PDF.js splits "MẬT" where the accent is drawn: compare without spaces.
    for (const [n, text] of texts.entries())
      expect(text.replace(/\s/g, ''), `page ${n + 1}`).toContain('MẬT');
    const drawn = await renderPdfPage(doc, 1, 'patrol-sheet-print-page1');
    const legend = await textBox(doc, 1, 'Điểm trọng điểm');
    // The swatch is drawn just left of its words: red (#c80000) there, at 1.5 px a point.
    const red = drawn.count([200, 0, 0], {
      x0: (legend.x - 16) * 1.5,
      x1: legend.x * 1.5,
      y0: (legend.y - 12) * 1.5,
      y1: (legend.y + 4) * 1.5,
    });
    expect(red, 'the legend swatch of a top place prints red').toBeGreaterThan(20);
    await sheet.close();
    await page.close();
  });
});

/**
 * Draws a page of a PDF to test/artifacts/<name>.png, as a reader's viewer would (PDF.js), to look at;
 * returns a counter of the pixels near a colour in a box (pixels of the drawing, 1.5 a point, y down).
 */
async function renderPdfPage(doc: Awaited<ReturnType<typeof openPdf>>, n: number, name: string) {
  const require = createRequire(resolve(import.meta.dirname, '../../server/package.json'));
  // The server's canvas (the test package does not depend on it): only what drawing a page needs.
  const { createCanvas } = require('@napi-rs/canvas') as {
    createCanvas: (
      w: number,
      h: number,
    ) => {
      toBuffer: (type: 'image/png') => Buffer;
      getContext: (kind: '2d') => {
        getImageData: (x: number, y: number, w: number, h: number) => { data: Uint8ClampedArray };
      };
      width: number;
      height: number;
    };
  };
  const page = await doc.getPage(n);
  const viewport = page.getViewport({ scale: 1.5 });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  type RenderCanvas = Parameters<typeof page.render>[0]['canvas'];
  await page.render({ canvas: canvas as unknown as RenderCanvas, viewport }).promise;
  writeFileSync(join(artifactsDir, `${name}.png`), canvas.toBuffer('image/png'));
  const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  return {
    count(rgb: [number, number, number], box: { x0: number; x1: number; y0: number; y1: number }) {
      let hits = 0;
      for (let y = Math.max(0, Math.floor(box.y0)); y < Math.min(canvas.height, box.y1); y++)
        for (let x = Math.max(0, Math.floor(box.x0)); x < Math.min(canvas.width, box.x1); x++) {
          const i = (y * canvas.width + x) * 4;
          if (rgb.every((c, k) => Math.abs((data[i + k] ?? 0) - c) <= 40)) hits++;
        }
      return hits;
    },
  };
}

/** Where a text starts on a PDF page, in points from the top-left corner (its baseline). */
async function textBox(doc: Awaited<ReturnType<typeof openPdf>>, n: number, text: string) {
  const page = await doc.getPage(n);
  const height = page.getViewport({ scale: 1 }).height;
  const item = (await page.getTextContent()).items.find((i) => 'str' in i && i.str.startsWith(text));
  if (!item || !('transform' in item)) throw new Error(`"${text}" is not on page ${n}`);
  const [, , , , x, y] = item.transform as number[];
  return { x: x ?? 0, y: height - (y ?? 0) };
}
