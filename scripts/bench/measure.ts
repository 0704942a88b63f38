import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Latency percentiles of `n` sequential calls after `warmup` unmeasured ones, in milliseconds. */
export async function latency(fn: () => Promise<unknown>, n = 400, warmup = 40) {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? Number.NaN;
  return { p50: at(0.5), p95: at(0.95), n };
}

/** Calls per second with `concurrency` callers in flight for `seconds` (used when wrk is absent and for SQL). */
export async function throughput(fn: () => Promise<unknown>, concurrency = 32, seconds = 5) {
  const end = performance.now() + seconds * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        await fn();
        done++;
      }
    }),
  );
  return done / seconds;
}

/**
 * Requests per second measured by wrk (a separate process, so the client does not steal the server's core).
 * Asynchronous on purpose: the server under test usually runs in this very process.
 */
export async function wrk(
  url: string,
  connections = 32,
  seconds = 5,
  headers: Record<string, string> = {},
): Promise<number | null> {
  try {
    const headerArgs = Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]);
    const { stdout } = await run('wrk', ['-t2', `-c${connections}`, `-d${seconds}s`, ...headerArgs, url]);
    const match = /Requests\/sec:\s+([\d.]+)/.exec(stdout);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

export const ms = (x: number) => `${x.toFixed(2)} ms`;
export const perSecond = (x: number | null) => (x === null ? 'n/a (install wrk)' : `${Math.round(x)} req/s`);
