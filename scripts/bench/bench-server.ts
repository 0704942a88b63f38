import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

/**
 * The PostgreSQL + PostGIS server a benchmark measures: BENCH_DATABASE_URL when given, else a throwaway
 * server started with scripts/ci/start-postgis.sh (the same script CI uses). `stop` removes the throwaway
 * server and does nothing to a server that was given.
 */
export function benchServer(name: string): { url: string; stop: () => void } {
  const given = process.env.BENCH_DATABASE_URL;
  if (given) return { url: given, stop: () => {} };
  const stateFile = join(mkdtempSync(join(tmpdir(), `pcmt-bench-${name}-`)), 'postgis.env');
  const started = spawnSync(
    'bash',
    [resolve(root, 'scripts/ci/start-postgis.sh'), '--state-file', stateFile],
    {
      encoding: 'utf8',
    },
  );
  if (started.status !== 0) throw new Error(`could not start PostGIS:\n${started.stderr}`);
  const url = started.stdout.trim().split('\n').pop() ?? '';
  const dir = /^PCMT_PG_DIR=(.*)$/m.exec(readFileSync(stateFile, 'utf8'))?.[1];
  return {
    url,
    stop: () => {
      if (dir) spawnSync('bash', [resolve(root, 'scripts/ci/stop-postgis.sh'), dir], { stdio: 'inherit' });
    },
  };
}
