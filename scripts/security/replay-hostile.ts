import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { DISTANCE_BANDS_M } from '@pcmt/domain/contracts/analysis';
import { DEMO_PASSWORD } from '@pcmt/server/demo';
import { farColumnWorkbook } from '@pcmt/server/fixtures';
import { benchServer } from '../bench/bench-server';

/**
 * `pnpm security:replay`: replays the crafted inputs of issue 13 against the real HTTP server (a child
 * process running scripts/start.ts on BENCH_DATABASE_URL or a throwaway PostGIS server, seeded on first
 * start) while another user polls /api/values. Prints each hostile answer's status and time, the other
 * user's p50/p95 and the server's RSS before and after. Exits 1 when the server dies, an answer takes more
 * than 5 s, or the other user's p95 passes 100 ms; 5xx answers are listed as findings.
 */
const root = resolve(import.meta.dirname, '../..');
const ANSWER_LIMIT_MS = 5000;
const P95_LIMIT_MS = 100;

const freePort = () =>
  new Promise<number>((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });

const rssMb = (pid: number | undefined) => {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : Number.NaN;
  } catch {
    return Number.NaN;
  }
};

const { url, stop: stopDatabase } = benchServer('security');
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
let serverLog = '';
const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
  cwd: root,
  env: { ...process.env, DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', PCMT_DEMO_PASSWORD: '' },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let exited: string | null = null;
server.on('exit', (code, signal) => {
  exited = `exit code ${code ?? '-'}, signal ${signal ?? '-'}`;
});
for (const stream of [server.stdout, server.stderr]) {
  stream?.on('data', (chunk: Buffer) => {
    serverLog += chunk.toString();
    process.stderr.write(`  [server] ${chunk.toString().trimEnd().replaceAll('\n', '\n  [server] ')}\n`);
  });
}

const failures: string[] = [];
let exitCode = 0;
try {
  // Ready once it answers and has warmed its tiles (the warm-up would otherwise count in the latencies).
  const readyBy = Date.now() + 15 * 60_000;
  while (!/tiles warmed|tile warming failed/.test(serverLog)) {
    if (exited) throw new Error(`the server ended before it was ready (${exited})`);
    if (Date.now() > readyBy) throw new Error('the server was not ready within 15 minutes');
    await new Promise((r) => setTimeout(r, 500));
  }

  const signIn = async (username: string) => {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    const body = (await res.json()) as { csrfToken?: string };
    const cookie = /pcmt_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0];
    if (!cookie || !body.csrfToken) throw new Error(`sign-in as ${username} failed: ${res.status}`);
    return { cookie, 'x-csrf-token': body.csrfToken };
  };
  const officer = await signIn('thongke.hanoi');
  const analyst = await signIn('bcd.quocgia');
  const admin = await signIn('admin');
  const bystander = await signIn('bcd.hanoi');

  const rssBefore = rssMb(server.pid);
  const valuesPath = '/api/values?indicator=addicts_per_1000&period=2025-Q4&parent=01';
  const warm = await fetch(base + valuesPath, { headers: bystander });
  if (warm.status !== 200) throw new Error(`the bystander's /api/values answered ${warm.status}`);
  await warm.arrayBuffer();

  // Files are built before the bystander starts: building them here would stall this process, not the server.
  const workbooks = [
    [400, await farColumnWorkbook(400)],
    [3000, await farColumnWorkbook(3000)],
  ] as const;
  // A few requests first, so the figures are of a warm server (JIT, caches), as users meet it.
  for (let k = 0; k < 20; k++) await (await fetch(base + valuesPath, { headers: bystander })).arrayBuffer();

  // The bystander polls the map's values the whole time.
  const latencies: number[] = [];
  /** What the hostile side was doing when each bystander request started. */
  const phases: string[] = [];
  let phase = 'idle';
  let polling = true;
  const poller = (async () => {
    while (polling) {
      const started = performance.now();
      phases.push(phase);
      try {
        const res = await fetch(base + valuesPath, { headers: bystander });
        await res.arrayBuffer();
        latencies.push(performance.now() - started);
      } catch {
        latencies.push(Number.POSITIVE_INFINITY);
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  })();

  type Answer = { what: string; status: number | string; ms: number };
  const answers: Answer[] = [];
  const replay = async (
    what: string,
    path: string,
    init: RequestInit & { headers: Record<string, string> },
  ) => {
    phase = what.replace(/\d+\/6|=\d+/g, '…');
    const started = performance.now();
    let status: number | string;
    try {
      const res = await fetch(base + path, { ...init, signal: AbortSignal.timeout(60_000) });
      await res.arrayBuffer();
      status = res.status;
    } catch (err) {
      status = err instanceof Error ? err.message : String(err);
    }
    const answer = { what, status, ms: performance.now() - started };
    answers.push(answer);
    console.log(`  ${String(status).padEnd(4)} ${answer.ms.toFixed(0).padStart(6)} ms  ${what}`);
    return answer;
  };
  const form = (file: Uint8Array, name: string) => {
    const f = new FormData();
    f.set('file', new File([file as Uint8Array<ArrayBuffer>], name));
    f.set('period', '2026-Q3');
    f.set('scope', '01');
    return f;
  };
  const json = (headers: Record<string, string>, method: string, body: string) => ({
    method,
    headers: { ...headers, 'content-type': 'application/json' },
    body,
  });

  console.log('hostile requests (status, time):');
  for (const [rows, file] of workbooks) {
    for (const path of ['/api/imports/values/preview', '/api/imports/values']) {
      await replay(`XLSX, ${rows} rows with a cell in column XFD (${file.length} B) → POST ${path}`, path, {
        method: 'POST',
        headers: officer,
        body: form(file, `xfd-${rows}.xlsx`),
      });
    }
  }
  const distances = [
    ...DISTANCE_BANDS_M,
    ...Array.from({ length: 20 - DISTANCE_BANDS_M.length }, (_, k) => 500 + k * 6_600),
  ];
  for (const distance of distances) {
    await replay(
      `gi-star, whole country, distance=${distance}`,
      `/api/analysis/gi-star?indicator=addicts_per_1000&period=2025-Q4&weights=distance&distance=${distance}`,
      { headers: analyst },
    );
  }
  await Promise.all(
    Array.from({ length: 6 }, (_, k) =>
      replay(
        `burst ${k + 1}/6: emerging hot spots, whole country, contiguity`,
        '/api/analysis/emerging-hotspots?indicator=addicts_per_1000&from=2024-Q1&to=2025-Q4',
        { headers: analyst },
      ),
    ),
  );
  for (const path of [
    `${valuesPath.replace('parent=01', 'parent=01')}&at=0000-01-01`,
    '/api/analysis/gi-star?indicator=addicts_per_1000&period=2025-Q4&province=01&at=0000-01-01',
    '/api/status?period=2025-Q4&at=0000-01-01',
    '/api/hotspots?at=0000-01-01',
  ]) {
    await replay(`date at=0000-01-01: GET ${path.split('?')[0]}`, path, { headers: admin });
  }
  await replay('id above 2^31−1: GET /api/patrol/plans/2147483648', '/api/patrol/plans/2147483648', {
    headers: admin,
  });
  await replay(
    'id above 2^31−1: PATCH /api/users/99999999999',
    '/api/users/99999999999',
    json(admin, 'PATCH', JSON.stringify({ displayName: 'x' })),
  );
  await replay(
    'id above 2^31−1: POST /api/imports/values/99999999999/rollback',
    '/api/imports/values/99999999999/rollback',
    { method: 'POST', headers: officer },
  );
  for (const [label, text] of [
    ['NUL', 'Giao ban\u0000'],
    ['lone surrogate', 'Giao ban \ud800'],
  ] as const) {
    await replay(
      `${label} in a briefing title: POST /api/briefings`,
      '/api/briefings',
      json(analyst, 'POST', JSON.stringify({ title: text, views: [] })),
    );
    await replay(
      `${label} in a plan title: POST /api/plans`,
      '/api/plans',
      json(admin, 'POST', JSON.stringify({ title: text, scope: '01' })),
    );
  }

  polling = false;
  await poller;
  const rssAfter = rssMb(server.pid);
  const sorted = latencies.filter(Number.isFinite).sort((a, b) => a - b);
  const pct = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  const p50 = pct(0.5);
  const p95 = pct(0.95);
  console.log(
    `\nbystander GET /api/values: ${latencies.length} requests, p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${(sorted[sorted.length - 1] ?? Number.NaN).toFixed(1)} ms`,
  );
  const byPhase = new Map<string, number[]>();
  latencies.forEach((ms, k) => {
    const list = byPhase.get(phases[k] ?? '') ?? [];
    list.push(ms);
    byPhase.set(phases[k] ?? '', list);
  });
  for (const [name, list] of byPhase) {
    const worst = Math.max(...list);
    if (worst > P95_LIMIT_MS)
      console.log(`  slow while ${name}: ${list.map((v) => v.toFixed(0)).join(', ')} ms`);
  }
  console.log(`server RSS: ${rssBefore} MB before, ${rssAfter} MB after`);
  const byStatus = new Map<string, number>();
  for (const a of answers) byStatus.set(String(a.status), (byStatus.get(String(a.status)) ?? 0) + 1);
  console.log(`answers by status: ${[...byStatus].map(([s, n]) => `${s} ×${n}`).join(', ')}`);

  if (exited) failures.push(`the server died (${exited})`);
  if (latencies.length !== sorted.length) failures.push('a bystander request failed (connection)');
  for (const a of answers) {
    if (a.ms > ANSWER_LIMIT_MS) failures.push(`${a.what}: ${a.ms.toFixed(0)} ms > ${ANSWER_LIMIT_MS} ms`);
    if (typeof a.status === 'string') failures.push(`${a.what}: no answer (${a.status})`);
  }
  if (!(p95 <= P95_LIMIT_MS)) failures.push(`bystander p95 ${p95.toFixed(1)} ms > ${P95_LIMIT_MS} ms`);
  const errors = answers.filter((a) => typeof a.status === 'number' && a.status >= 500);
  if (errors.length > 0) {
    console.log(
      `findings (5xx, being fixed elsewhere): ${errors.map((a) => `${a.status} ${a.what}`).join('; ')}`,
    );
  }
} catch (err) {
  failures.push(err instanceof Error ? err.message : String(err));
} finally {
  if (!exited) server.kill('SIGTERM');
  await new Promise((r) => (exited ? r(null) : server.once('exit', r)));
  stopDatabase();
}
if (failures.length > 0) {
  console.log(`\nFAILED:\n  ${failures.join('\n  ')}`);
  exitCode = 1;
} else console.log('\nOK: the server stayed up, every answer within 5 s, the bystander’s p95 within 100 ms');
process.exit(exitCode);
