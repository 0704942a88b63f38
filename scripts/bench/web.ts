/// <reference lib="dom" />
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch, signInContext } from '../../test/e2e/browser';
import { boundUrl, routeBoundPage } from './web-bound';

type Page = Awaited<ReturnType<Awaited<ReturnType<typeof launch>>['newPage']>>;

/**
 * `tsx scripts/bench/web.ts`: the web app's figures, each beside its budget — JS size (gzip) per chunk and
 * the initial shell (≤ 200 KB); navigation → map `idle` with the national status colours (≤ 2500 ms);
 * period change → recoloured `idle` (≤ 200 ms). Runs the built app (`pnpm build` first) on BENCH_URL, or starts
 * `scripts/start.ts` on a free port with PCMT_DATA_DIR (default .data/e2e-pglite, seeded on first start).
 * PCMT_WEB_DIST (default web/dist): the built app measured and served, as `pnpm start` reads it.
 */
const root = resolve(import.meta.dirname, '../..');
const dist = resolve(root, process.env.PCMT_WEB_DIST ?? 'web/dist');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function chunkSizes() {
  const assets = join(dist, 'assets');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const initial = new Set([...html.matchAll(/assets\/([^"]+\.(?:js|css))/g)].map((m) => m[1]));
  const rows = readdirSync(assets)
    .filter((f) => f.endsWith('.js') || f.endsWith('.css') || f.endsWith('.mjs'))
    .map((f) => {
      const bytes = readFileSync(join(assets, f));
      return {
        file: f,
        raw: statSync(join(assets, f)).size,
        gzip: gzipSync(bytes).length,
        initial: initial.has(f),
      };
    })
    .sort((a, b) => b.gzip - a.gzip);
  return rows;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/** Waits for the map to report (`data-rendered`) that it is idle with a colouring whose key starts so. */
async function rendered(page: Page, prefix: string) {
  await page.waitForFunction(
    (p) =>
      (document.querySelector('[data-testid=atlas-map]')?.getAttribute('data-rendered') ?? '').startsWith(p),
    prefix,
    { timeout: 60_000, polling: 'raf' },
  );
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const a = probe.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      probe.close(() => ok(port));
    });
  });
}

async function startServer(): Promise<{ url: string; child: ChildProcess | null }> {
  if (process.env.BENCH_URL) return { url: process.env.BENCH_URL, child: null };
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PCMT_DATA_DIR: process.env.PCMT_DATA_DIR ?? '.data/e2e-pglite',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 1800; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, child };
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('server did not start');
}

const sizes = chunkSizes();
console.log('JS and CSS per chunk (gzip):');
for (const r of sizes)
  console.log(
    `  ${r.initial ? '*' : ' '} ${r.file.padEnd(48)} ${kb(r.gzip).padStart(10)}  (${kb(r.raw)} raw)`,
  );
const shell = sizes.filter((r) => r.initial).reduce((s, r) => s + r.gzip, 0);
console.log(`initial shell (*): ${kb(shell)} gzip — budget 200 KB: ${shell <= 200 * 1024 ? 'ok' : 'OVER'}`);

const { url, child } = await startServer();
const firstPictureCode: string[] = [];
const browser = await launch();
const load1 = loadavg()[0] ?? 0;
try {
  // The map is a staff page: without a session /ban-do shows the sign-in form and no map ever draws.
  await signInContext(browser, 'admin', url);
  const app: Figures = { load: [], inPage: [], change: [], afterPause: [] };
  const bare: Figures = { load: [], inPage: [], change: [], afterPause: [] };
  // Every page notes when its map announces a colouring (data-rendered), on its own clock.
  await browser.addInitScript(() => {
    const w = window as unknown as { __benchRendered: { key: string; t: number }[] };
    w.__benchRendered = [];
    new MutationObserver((records) => {
      for (const r of records) {
        const key = (r.target as HTMLElement).dataset.rendered;
        if (key) w.__benchRendered.push({ key, t: performance.now() });
      }
    }).observe(document, { attributes: true, attributeFilter: ['data-rendered'], subtree: true });
  });
  for (let i = 0; i < RUNS; i++) {
    // The app, then the bare MapLibre page asking for the very status answers the app asked for.
    const page = await browser.newPage();
    const asked = recordStatusRequests(page);
    await steps(page, `${url}/ban-do?period=2026-Q3`, app, async () => {
      if (i === 0) firstPictureCode.push(...(await codeBeforeFirstPicture(page)));
    });
    const size = await page
      .getByTestId('atlas-map')
      .evaluate((el) => ({ width: el.clientWidth, height: el.clientHeight }));
    await page.close();
    const first = asked.status.find((u) => u.includes('period=2026-Q3'));
    const next = ['2026-Q2', '2026-Q1'].map((p) => asked.status.find((u) => u.includes(`period=${p}`)));
    if (!first || !asked.tileAt || next.some((u) => !u))
      throw new Error(`the app asked for no status of 2026-Q3/Q2/Q1 or no tiles: ${asked.status.join(' ')}`);
    if (i === 0) await routeBoundPage(browser, url, asked.tileAt);
    const bound = await browser.newPage();
    await steps(bound, boundUrl(url, first, next as string[], size), bare);
    await bound.close();
  }
  const needed = sizes.filter((r) => firstPictureCode.includes(r.file));
  console.log(
    `code fetched before the first picture: ${kb(needed.reduce((n, r) => n + r.gzip, 0))} gzip in ${needed.length} files (${needed
      .slice(0, 6)
      .map((r) => `${r.file} ${kb(r.gzip)}`)
      .join(', ')}, …); deck.gl or recharts among them: ${
      needed
        .filter((r) => heavyLibraries(r.file))
        .map((r) => r.file)
        .join(', ') || 'none'
    }`,
  );
  const ratio = (a: number[], b: number[]) => `${(median(a) / median(b)).toFixed(2)} × the bare page`;
  const line = (label: string, xs: number[], bound: number[], budget: number) =>
    console.log(
      `${label}: median ${median(xs).toFixed(0)} ms of ${xs.length} (${xs.map((x) => x.toFixed(0)).join(', ')}) — budget ${budget} ms: ${median(xs) <= budget ? 'ok' : 'OVER'}\n` +
        `    bare MapLibre page, same run: median ${median(bound).toFixed(0)} ms (${bound.map((x) => x.toFixed(0)).join(', ')}); app = ${ratio(xs, bound)}`,
    );
  line('navigation → national status map idle', app.load, bare.load, 2500);
  line("  the same on the page's clock (map announces its first colouring)", app.inPage, bare.inPage, 2500);
  line('period change → recoloured idle, immediately after drawing', app.change, bare.change, 200);
  line(
    'period change → recoloured idle, after a 1.5 s pause (neighbours prefetched)',
    app.afterPause,
    bare.afterPause,
    200,
  );
  console.log(
    `load average (1 min) at start ${load1.toFixed(2)}, at end ${(loadavg()[0] ?? 0).toFixed(2)}; ${cpus().length} cores`,
  );
} finally {
  await browser.close();
  child?.kill('SIGTERM');
}

/** When (page clock, ms after navigation start) the map announced its first colouring. */
async function firstPictureAt(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      (window as unknown as { __benchRendered: { key: string; t: number }[] }).__benchRendered.find((r) =>
        r.key.startsWith('status|'),
      )?.t ?? Number.NaN,
  );
}

/** The JS and CSS files the page asked for before its map announced its first colouring. */
async function codeBeforeFirstPicture(page: Page): Promise<string[]> {
  const at = await firstPictureAt(page);
  return page.evaluate(
    (at) =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.startTime < at && /\/assets\/.*\.(?:m?js|css)$/.test(new URL(e.name).pathname))
        .map((e) => new URL(e.name).pathname.replace('/assets/', '')),
    at,
  );
}

/** Whether a built chunk holds deck.gl (or luma.gl) or recharts code: read from its source map. */
function heavyLibraries(file: string): boolean {
  try {
    const map = JSON.parse(readFileSync(join(dist, 'assets', `${file}.map`), 'utf8')) as {
      sources: string[];
    };
    return map.sources.some((src) =>
      /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?(?:@deck\.gl|@luma\.gl|recharts)\//.test(src),
    );
  } catch {
    return false;
  }
}

interface Figures {
  load: number[];
  /** The page's own clock: navigation start → the map announcing its first colouring drawn. */
  inPage: number[];
  change: number[];
  afterPause: number[];
}

/** Open → idle with 2026-Q3; slider to 2026-Q2 at once; after a pause, to 2026-Q1. Same for app and bound. */
async function steps(page: Page, address: string, into: Figures, onFirstPicture?: () => Promise<void>) {
  const t0 = performance.now();
  await page.goto(address);
  await rendered(page, 'status|2026-Q3|all|');
  into.load.push(performance.now() - t0);
  into.inPage.push(await firstPictureAt(page));
  await onFirstPicture?.();
  // Right after the map is drawn: the neighbouring periods the app prefetches may still be on their way.
  const t1 = performance.now();
  await page.getByTestId('period-slider').fill('29');
  await rendered(page, 'status|2026-Q2|all|');
  into.change.push(performance.now() - t1);
  // After a pause, as a person reads the map before the next step: the prefetch has landed.
  await page.waitForTimeout(1500);
  const t2 = performance.now();
  await page.getByTestId('period-slider').fill('28');
  await rendered(page, 'status|2026-Q1|all|');
  into.afterPause.push(performance.now() - t2);
}

/** The /api/status addresses a page asks for, and the date its boundary tiles are asked on. */
function recordStatusRequests(page: Page) {
  const asked = { status: [] as string[], tileAt: null as string | null };
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.pathname === '/api/status') asked.status.push(`${u.pathname}${u.search}`);
    if (u.pathname.startsWith('/api/tiles/')) asked.tileAt ??= u.searchParams.get('at');
  });
  return asked;
}
