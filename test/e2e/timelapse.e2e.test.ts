/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { periodEnd, periodsOfKind, todayIso } from '../../web/src/lib/periods';
import { browserAvailable, recordRequests, screenshot, useBrowser } from './browser';
import { waitForRendered } from './pixels';

interface Sample {
  /** Period named by the big label (its data-period), null when no label is shown. */
  label: string | null;
  labelText: string | null;
  /** Period of the colouring the map says it has drawn, null while it redraws. */
  drawn: string | null;
  playing: boolean;
}

/** Reads the label and the map's drawn colouring in one go. */
function sample(page: Page): Promise<Sample> {
  return page.evaluate(() => {
    const label = document.querySelector<HTMLElement>('[data-testid=timelapse-label]');
    const rendered = document.querySelector<HTMLElement>('[data-testid=atlas-map]')?.dataset.rendered ?? '';
    const play = document.querySelector('[data-testid=timelapse-play]');
    return {
      label: label?.dataset.period ?? null,
      labelText: label?.textContent ?? null,
      drawn: rendered.split('|')[1] || null,
      playing: play?.getAttribute('aria-pressed') === 'true',
    };
  });
}

/** Samples until `done` says so; returns every sample (each a few tens of ms apart). */
async function watch(page: Page, done: (s: Sample, all: Sample[]) => boolean, timeout = 60_000) {
  const all: Sample[] = [];
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const s = await sample(page);
    all.push(s);
    if (done(s, all)) return all;
    await page.waitForTimeout(40);
  }
  throw new Error(`time-lapse did not get there; last sample ${JSON.stringify(all.at(-1))}`);
}

/** Periods in the order they first appear. */
const sequence = (xs: (string | null)[]) =>
  xs.filter((x): x is string => x !== null).filter((x, i, a) => a.indexOf(x) === i);

describe.skipIf(!browserAvailable)('time-lapse on the dashboard', () => {
  const newPage = useBrowser();
  const baseUrl = inject('baseUrl');

  it('plays a province through every quarter to the latest, each one drawn before the next, across 1/7/2025', async () => {
    const page = await newPage();
    const requests = recordRequests(page);
    await page.goto(`${baseUrl}/ban-do/tinh/01?period=2025-Q1`);
    await waitForRendered(page, (k) => k.split('|')[1] === '2025-Q1' && k.split('|')[5] !== '0');
    const historyBefore = await page.evaluate(() => window.history.length);
    expect(await page.getByTestId('timelapse-label').count()).toBe(0);

    await page.getByTestId('timelapse-speed').selectOption('500');
    await page.getByTestId('timelapse-play').click();
    const samples = await watch(page, (s, all) => !s.playing && all.some((x) => x.playing));

    // Every quarter shown in order, none skipped, and the label never ahead of the colours on the map.
    const quarters = periodsOfKind('quarter', todayIso());
    const expected = quarters.filter((q) => q.id >= '2025-Q1').map((q) => q.id);
    const latest = quarters[quarters.length - 1];
    if (!latest) throw new Error('no quarters');
    expect(expected.slice(0, 3)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3']);
    expect(sequence(samples.map((s) => s.label))).toEqual(expected);
    expect(sequence(samples.map((s) => s.drawn))).toEqual(expected);
    for (const s of samples) if (s.label && s.drawn) expect(s.label <= s.drawn).toBe(true);
    expect(samples.find((s) => s.label === '2025-Q2')?.labelText).toBe('Quý II/2025');

    // It stops on the latest quarter, drawn on the new units, and leaves no trail in the history.
    expect(page.url()).toContain(`period=${latest.id}`);
    const last = await waitForRendered(page, (k) => k.split('|')[1] === latest.id);
    const communes = (await (
      await fetch(`${baseUrl}/api/units?level=commune&parent=01&at=${periodEnd(latest)}`)
    ).json()) as { rows: unknown[] };
    expect(last.split('|')[5]).toBe(String(communes.rows.length));
    expect(requests.some((u) => u.includes('/api/tiles/') && u.includes('at=2025-07-01'))).toBe(true);
    expect(await page.evaluate(() => window.history.length)).toBe(historyBefore);
    expect(await page.getByTestId('timelapse-label').count()).toBe(0);
    await page.close();
  });

  it('starts with Space from the latest period over again, and pausing stops it where it is', async () => {
    const page = await newPage();
    const latest = periodsOfKind('quarter', todayIso()).at(-1)?.id ?? '';
    await page.goto(`${baseUrl}/ban-do/tinh/01?period=${latest}`);
    await waitForRendered(page, (k) => k.split('|')[1] === latest && k.split('|')[5] !== '0');
    await page.getByTestId('timelapse-speed').selectOption('500');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Space');

    // From the latest quarter Play starts over at the first one and advances through at least two more
    // (the label names the latest quarter until 2019-Q1 is drawn: it follows the map, not the request).
    const in2019 = (all: Sample[]) => sequence(all.map((x) => x.label)).filter((p) => p.startsWith('2019'));
    const samples = await watch(page, (_s, all) => in2019(all).length >= 3);
    expect(in2019(samples).slice(0, 3)).toEqual(['2019-Q1', '2019-Q2', '2019-Q3']);
    expect(sequence(samples.map((s) => s.label)).every((p) => p === latest || p.startsWith('2019'))).toBe(
      true,
    );
    expect(await page.getByTestId('timelapse-label').textContent()).toMatch(/^Quý (I|II|III|IV)\/2019$/);
    await screenshot(page, 'timelapse');

    await page.getByTestId('timelapse-play').click();
    expect(await page.getByTestId('timelapse-play').getAttribute('aria-pressed')).toBe('false');
    expect(await page.getByTestId('timelapse-label').count()).toBe(0);
    const paused = new URL(page.url()).searchParams.get('period') ?? '';
    await waitForRendered(page, (k) => k.split('|')[1] === paused);
    // Three steps' worth at the chosen speed: a playing time-lapse would have moved on by now.
    await page.waitForTimeout(1500);
    expect(new URL(page.url()).searchParams.get('period')).toBe(paused);
    // Space in a form field is typing, not playing.
    await page.getByTestId('unit-search').press('Space');
    expect(await page.getByTestId('timelapse-play').getAttribute('aria-pressed')).toBe('false');
    await page.close();
  });
});
