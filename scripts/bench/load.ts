import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { Agent, createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { latToTileY, lonToTileX } from '@pcmt/server/bench';
import { DEMO_PASSWORD } from '@pcmt/server/demo';
import { benchServer } from './bench-server';

/**
 * `pnpm bench:load`: a fixed arrival rate (open loop: requests are sent on schedule whether or not earlier
 * ones have answered, and each latency counts from its scheduled time) of a realistic mix — map tiles,
 * values, statuses, series, boundaries, a briefing, the session — from signed-in users of several provinces,
 * against the real server (`scripts/start.ts` as a child process, tiles warmed first). Three set-ups:
 * - `pglite`: the embedded engine (a copy of PCMT_BENCH_DATA_DIR, default .data/bench-pglite, seeded by
 *   the server when empty);
 * - `postgres`: one server on PostgreSQL (BENCH_DATABASE_URL, else a throwaway PostGIS server);
 * - `scale-out`: two server processes on that one PostgreSQL behind a round-robin node:http proxy (a child
 *   process too): nothing is kept between requests in a server that the other would need.
 * Prints p50/p95/p99 per route and the errors (any status other than 2xx/304, or no answer); exits 1 on any
 * error. BENCH_LOAD_RATE (default 500 req/s), BENCH_LOAD_SECONDS (default 60), BENCH_LOAD_SETUPS (default
 * `pglite,postgres,scale-out`).
 */
const root = resolve(import.meta.dirname, '../..');

async function main() {
  const rate = Number(process.env.BENCH_LOAD_RATE ?? 500);
  const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
  const setups = (process.env.BENCH_LOAD_SETUPS ?? 'pglite,postgres,scale-out')
    .split(',')
    .map((s) => s.trim());
  const children: ChildProcess[] = [];
  const stopAll = () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  };
  process.once('SIGINT', () => {
    stopAll();
    process.exit(130);
  });
  let failed = false;
  let database: { url: string; stop: () => void } | null = null;
  try {
    for (const setup of setups) {
      if (setup === 'pglite') {
        // A copy: the measured server writes (sessions, audit), and the source may be in use afterwards.
        const source = resolve(root, process.env.PCMT_BENCH_DATA_DIR ?? '.data/bench-pglite');
        const dir = mkdtempSync(join(tmpdir(), 'pcmt-load-pglite-'));
        if (existsSync(source)) cpSync(source, dir, { recursive: true });
        try {
          const server = await startServer({ PCMT_DATA_DIR: dir }, children);
          failed =
            !(await measure('PGlite (embedded), one server process', server.base, rate, seconds)) || failed;
          await server.stop();
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      } else if (setup === 'postgres' || setup === 'scale-out') {
        database ??= benchServer('load');
        const env = { DATABASE_URL: database.url };
        if (setup === 'postgres') {
          const server = await startServer(env, children);
          failed = !(await measure('PostgreSQL, one server process', server.base, rate, seconds)) || failed;
          await server.stop();
        } else {
          // One after the other: the first start seeds an empty database.
          const first = await startServer(env, children);
          const second = await startServer(env, children);
          const port = await freePort();
          const proxy = spawn(
            process.execPath,
            ['--import', 'tsx', 'scripts/bench/load.ts', '--proxy', String(port), first.base, second.base],
            { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] },
          );
          children.push(proxy);
          await waitForPort(port);
          failed =
            !(await measure(
              'PostgreSQL, two server processes behind a round-robin proxy',
              `http://127.0.0.1:${port}`,
              rate,
              seconds,
            )) || failed;
          proxy.kill('SIGTERM');
          await first.stop();
          await second.stop();
        }
      } else {
        throw new Error(`BENCH_LOAD_SETUPS: unknown set-up ${setup}`);
      }
    }
  } finally {
    stopAll();
    database?.stop();
  }
  process.exit(failed ? 1 : 0);
}

/** Starts scripts/start.ts on a free port and waits until it has warmed its tiles. */
async function startServer(env: Record<string, string>, children: ChildProcess[]) {
  const port = await freePort();
  let log = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let exited: string | null = null;
  child.on('exit', (code, signal) => {
    exited = `exit code ${code ?? '-'}, signal ${signal ?? '-'}`;
  });
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      process.stderr.write(
        `  [server ${port}] ${chunk.toString().trimEnd().replaceAll('\n', `\n  [server ${port}] `)}\n`,
      );
    });
  }
  const readyBy = Date.now() + 15 * 60_000;
  while (!/tiles warmed|tile warming failed/.test(log)) {
    if (exited) throw new Error(`the server ended before it was ready (${exited})`);
    if (Date.now() > readyBy) throw new Error('the server was not ready within 15 minutes');
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    base: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode !== null) return;
      const ended = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await ended;
    },
  };
}

interface Planned {
  route: string;
  path: string;
  headers: Record<string, string>;
}

/**
 * Runs the mix at `rate` for `seconds` against `base` and prints the figures; true when nothing failed.
 */
async function measure(label: string, base: string, rate: number, seconds: number): Promise<boolean> {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const users = await signInAll(base, agent);
  const briefing = await makeBriefing(base, agent, users.get('bcd.hanoi'));
  const mix = requestMix(users, briefing, await someCommunes(base, agent));
  // Every request of the mix once, unmeasured: the JIT and the caches as users meet them after a while.
  for (const r of mix.all) await send(agent, base, r);

  const samples = new Map<string, number[]>();
  /** Latencies by 10-second window of the scheduled time: a stall shows as one window's tail. */
  const windows: number[][] = [];
  const errors = new Map<string, string[]>();
  const total = Math.round(rate * seconds);
  const started = performance.now();
  let next = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const pending: Promise<void>[] = [];
  await new Promise<void>((done) => {
    const tick = () => {
      const now = performance.now();
      // Every request whose time has come leaves now, however many are still waiting for an answer.
      while (next < total && started + (next * 1000) / rate <= now) {
        const scheduled = started + (next * 1000) / rate;
        const r = mix.pick(next);
        next++;
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        pending.push(
          send(agent, base, r).then(
            (status) => {
              inFlight--;
              if ((status >= 200 && status < 300) || status === 304) {
                const list = samples.get(r.route) ?? [];
                const took = performance.now() - scheduled;
                list.push(took);
                samples.set(r.route, list);
                const w = Math.floor((scheduled - started) / 10_000);
                windows[w] ??= [];
                windows[w].push(took);
              } else addError(errors, r.route, `${status} ${r.path}`);
            },
            (err: unknown) => {
              inFlight--;
              addError(errors, r.route, `${err instanceof Error ? err.message : String(err)} ${r.path}`);
            },
          ),
        );
      }
      if (next < total) setTimeout(tick, 1);
      else done();
    };
    tick();
  });
  await Promise.all(pending);
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();

  const table = [['route', 'requests', 'errors', 'p50', 'p95', 'p99', 'max']];
  const all: number[] = [];
  for (const route of [...new Set(mix.all.map((r) => r.route))]) {
    const xs = (samples.get(route) ?? []).sort((a, b) => a - b);
    all.push(...xs);
    table.push([route, String(xs.length), String(errors.get(route)?.length ?? 0), ...pcts(xs)]);
  }
  all.sort((a, b) => a - b);
  const errorCount = [...errors.values()].reduce((n, e) => n + e.length, 0);
  table.push(['all', String(all.length), String(errorCount), ...pcts(all)]);
  console.log(
    `\n${label}: ${total} requests at ${rate} req/s scheduled over ${seconds} s, done in ${elapsed.toFixed(1)} s; ` +
      `at most ${maxInFlight} in flight; latency from the scheduled time`,
  );
  const widths = table[0]?.map((_, i) => Math.max(...table.map((r) => (r[i] ?? '').length))) ?? [];
  for (const r of table)
    console.log(
      r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  '),
    );
  console.log(`${resent} requests sent again after their kept-alive connection was closed under them`);
  resent = 0;
  const p99s = windows.map((xs) => pcts(xs.sort((a, b) => a - b))[2]);
  console.log(`p99 by 10-s window: ${p99s.join(', ')}`);
  for (const [route, list] of errors) console.log(`  errors of ${route}: ${list.slice(0, 5).join('; ')}`);
  return errorCount === 0;
}

function pcts(xs: number[]): string[] {
  const at = (q: number) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))];
  return [at(0.5), at(0.95), at(0.99), xs[xs.length - 1]].map((x) =>
    x === undefined ? '-' : `${x.toFixed(1)} ms`,
  );
}

function addError(errors: Map<string, string[]>, route: string, what: string) {
  const list = errors.get(route) ?? [];
  list.push(what);
  errors.set(route, list);
}

/** Requests sent again because the kept-alive connection they left on had just been closed by the server. */
let resent = 0;

/**
 * Sends one GET and reads the whole answer; resolves with its status. A GET that fails before any answer on
 * a reused kept-alive connection (the server closed it as the request left: its 5-s idle timeout) is sent
 * once more on a fresh one, as browsers do; the count is printed.
 */
function send(agent: Agent, base: string, r: Planned, again = false): Promise<number> {
  return new Promise((done, fail) => {
    let answered = false;
    const req = request(
      `${base}${r.path}`,
      { agent, headers: { 'accept-encoding': 'gzip', ...r.headers } },
      (res) => {
        answered = true;
        res.on('data', () => {});
        res.on('end', () => done(res.statusCode ?? 0));
        res.on('error', fail);
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error('no answer within 30 s')));
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (!again && !answered && req.reusedSocket && err.code === 'ECONNRESET') {
        resent++;
        send(agent, base, r, true).then(done, fail);
      } else fail(err);
    });
    req.end();
  });
}

interface User {
  username: string;
  province: string | null;
  headers: Record<string, string>;
}

/** Demo accounts of several provinces and the country (server/src/features/auth/demo-accounts.ts). */
const USERS: readonly { username: string; province: string | null }[] = [
  { username: 'bcd.quocgia', province: null },
  { username: 'bcd.hanoi', province: '01' },
  { username: 'bcd.sonla', province: '14' },
  { username: 'congan.hanoi', province: '01' },
  { username: 'congan.sonla', province: '14' },
  { username: 'thongke.hanoi', province: '01' },
];

async function signInAll(base: string, agent: Agent): Promise<Map<string, User>> {
  const users = new Map<string, User>();
  for (const u of USERS) {
    const res = await post(
      base,
      agent,
      '/api/auth/login',
      { username: u.username, password: DEMO_PASSWORD },
      {},
    );
    const cookie = /pcmt_session=[^;]+/.exec(String(res.headers['set-cookie'] ?? ''))?.[0];
    const csrf = (JSON.parse(res.body) as { csrfToken?: string }).csrfToken;
    if (!cookie || !csrf) throw new Error(`sign-in as ${u.username} failed: ${res.status} ${res.body}`);
    users.set(u.username, { ...u, headers: { cookie, 'x-csrf-token': csrf } });
  }
  return users;
}

/** A province committee's briefing of two views, made before the measured run (making one is not the mix). */
async function makeBriefing(base: string, agent: Agent, user: User | undefined): Promise<string> {
  if (!user) throw new Error('no Hà Nội committee account');
  const res = await post(
    base,
    agent,
    '/api/briefings',
    {
      title: 'Giao ban quý — tải thử',
      views: [
        { title: 'Tình trạng xã', province: '01', period: '2026-Q2' },
        {
          title: 'Người nghiện được quản lý',
          province: '01',
          period: '2026-Q2',
          indicator: 'managed_addicts',
        },
      ],
    },
    user.headers,
  );
  const id = (JSON.parse(res.body) as { id?: number | string }).id;
  if (res.status >= 300 || id === undefined)
    throw new Error(`making a briefing failed: ${res.status} ${res.body}`);
  return String(id);
}

function post(base: string, agent: Agent, path: string, body: unknown, headers: Record<string, string>) {
  const text = JSON.stringify(body);
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: string;
  }>((done, fail) => {
    const req = request(
      `${base}${path}`,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', origin: base, ...headers },
      },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          data += c;
        });
        res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
      },
    );
    req.on('error', fail);
    req.end(text);
  });
}

/**
 * What a few dozen people at work ask for. Mostly map tiles: a map view fires a dozen or more at once, and
 * every pan or zoom more. Then, once per view or period switch, the values and statuses that colour it;
 * a commune's series when one is clicked; boundaries, a briefing, the session check. National users look at
 * provinces too; the national values (every commune of the country) are a route of their own, rarely asked.
 */
function requestMix(users: Map<string, User>, briefing: string, communes: Map<string, string[]>) {
  const at = '2026-06-30';
  const staff = [...users.values()];
  const tiles: Planned[] = [];
  // Panning around Hà Nội, Sơn La, Hồ Chí Minh City and Đà Nẵng: provinces to z7, communes from z8 to z12.
  for (const [lon, lat] of [
    [105.84, 21.03],
    [103.9, 21.33],
    [106.7, 10.78],
    [108.2, 16.05],
  ] as const) {
    for (let z = 5; z <= 12; z++) {
      const layer = z <= 7 ? 'provinces' : 'communes';
      const cx = lonToTileX(lon, z);
      const cy = latToTileY(lat, z);
      for (let dx = -1; dx <= 1; dx++) {
        for (let dy = -1; dy <= 1; dy++) {
          tiles.push({
            route: 'tile',
            path: `/api/tiles/${layer}/${z}/${cx + dx}/${cy + dy}.mvt?at=${at}`,
            headers: {},
          });
        }
      }
    }
  }
  const periods = ['2026-Q2', '2026-Q1', '2025-Q4'];
  const indicators = ['managed_addicts', 'addicts_per_1000'];
  const values: Planned[] = [];
  const nationalValues: Planned[] = [];
  const status: Planned[] = [];
  const series: Planned[] = [];
  const boundaries: Planned[] = [];
  for (const u of staff) {
    const provinces = u.province ? [u.province] : [...communes.keys()];
    for (const province of provinces) {
      for (const period of periods) {
        for (const indicator of indicators) {
          values.push({
            route: 'values',
            path: `/api/values?indicator=${indicator}&period=${period}&parent=${province}`,
            headers: u.headers,
          });
        }
        status.push({
          route: 'status',
          path: `/api/status?period=${period}&parent=${province}`,
          headers: u.headers,
        });
      }
      for (const unit of communes.get(province) ?? []) {
        for (const indicator of indicators) {
          series.push({
            route: 'series',
            path: `/api/series?unit=${unit}&indicator=${indicator}`,
            headers: u.headers,
          });
        }
      }
      boundaries.push({
        route: 'boundaries',
        path: `/api/boundaries?level=commune&parent=${province}&at=${at}`,
        headers: u.headers,
      });
    }
    if (!u.province) {
      for (const indicator of indicators) {
        nationalValues.push({
          route: 'values (national)',
          path: `/api/values?indicator=${indicator}&period=2026-Q2`,
          headers: u.headers,
        });
      }
      status.push({ route: 'status', path: '/api/status?period=2026-Q2', headers: u.headers });
      boundaries.push({
        route: 'boundaries',
        path: `/api/boundaries?level=province&at=${at}`,
        headers: u.headers,
      });
    }
  }
  const hanoi = users.get('bcd.hanoi')?.headers ?? {};
  const briefings: Planned[] = [{ route: 'briefing', path: `/api/briefings/${briefing}`, headers: hanoi }];
  const sessions: Planned[] = staff.map((u) => ({
    route: 'session',
    path: '/api/auth/session',
    headers: u.headers,
  }));
  // Shares out of 1000.
  const weighted: [Planned[], number][] = [
    [tiles, 800],
    [values, 60],
    [nationalValues, 5],
    [status, 40],
    [series, 30],
    [boundaries, 20],
    [briefings, 15],
    [sessions, 30],
  ];
  const all = weighted.flatMap(([list]) => list);
  // A fixed, well-mixed sequence (a multiplicative hash of the request number), the same in every run.
  const pick = (n: number): Planned => {
    const h = Math.imul(n + 1, 2654435761) >>> 0;
    let slot = h % 1000;
    for (const [list, share] of weighted) {
      if (slot < share) return list[(h >>> 10) % list.length] as Planned;
      slot -= share;
    }
    return all[0] as Planned;
  };
  return { all, pick };
}

/** A few communes of each province the users work on, for their series. */
async function someCommunes(base: string, agent: Agent): Promise<Map<string, string[]>> {
  const communes = new Map<string, string[]>();
  for (const province of ['01', '14']) {
    const body = await getJson(base, agent, `/api/units?level=commune&parent=${province}&at=2026-06-30`);
    const rows = (body as { rows?: { code: string }[] }).rows ?? [];
    communes.set(
      province,
      rows
        .filter((_, i) => i % Math.max(1, Math.floor(rows.length / 6)) === 0)
        .slice(0, 6)
        .map((r) => r.code),
    );
  }
  return communes;
}

function getJson(base: string, agent: Agent, path: string): Promise<unknown> {
  return new Promise((done, fail) => {
    request(`${base}${path}`, { agent }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        data += c;
      });
      res.on('end', () => {
        try {
          done(JSON.parse(data));
        } catch (err) {
          fail(err);
        }
      });
    })
      .on('error', fail)
      .end();
  });
}

/**
 * The round-robin proxy of the scale-out set-up: each request to the next server in turn. Like a reverse
 * proxy in front of a real deployment, it passes the Host through, keeps idle client connections longer
 * than the run, and sends a GET again (to the other server) when a kept-alive connection to a server turned
 * out to be closed as the request left on it.
 */
function runProxy(port: number, upstreams: string[]) {
  const agent = new Agent({ keepAlive: true, maxSockets: 128 });
  let turn = 0;
  const targets = upstreams.map((u) => new URL(u));
  const forward = (req: IncomingMessage, res: ServerResponse, attempt: number) => {
    const target = targets[turn++ % targets.length] as URL;
    const upstream = request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        // The Host the client named goes through, as a reverse proxy passes it (the Origin check uses it).
        headers: req.headers,
        agent,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (upstream.reusedSocket && attempt === 0 && req.method === 'GET' && !res.headersSent) {
        forward(req, res, 1);
        return;
      }
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    if (req.method === 'GET' || req.method === 'HEAD') upstream.end();
    else req.pipe(upstream);
  };
  const server = createServer((req, res) => forward(req, res, 0));
  server.keepAliveTimeout = 120_000;
  server.listen(port, '127.0.0.1');
  process.once('SIGTERM', () => process.exit(0));
}

function freePort(): Promise<number> {
  return new Promise((done) => {
    const s = createNetServer().listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitForPort(port: number) {
  for (let i = 0; i < 100; i++) {
    const open = await new Promise<boolean>((done) => {
      const req = request({ host: '127.0.0.1', port, path: '/api/health' }, (res) => {
        res.resume();
        done(true);
      });
      req.on('error', () => done(false));
      req.end();
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the proxy on port ${port} did not start`);
}

// Last, so that every constant above is initialised before it runs.
if (process.argv[2] === '--proxy') {
  runProxy(Number(process.argv[3]), process.argv.slice(4));
} else {
  await main();
}
