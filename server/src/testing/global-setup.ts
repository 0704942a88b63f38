import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase, snapshotPglite } from '../db/engine';
import { loadDataset } from '../db/load-dataset';
import { ensureDemoAccounts } from '../features/auth/demo-accounts';
import { testDataset } from './test-dataset';

const root = resolve(import.meta.dirname, '../../..');

/**
 * Runs once per test project. pglite: build (or reuse) a gzipped snapshot of a migrated, seeded database
 * so each worker restores it in ~2 s instead of a 15 s cold start plus seeding. postgres: reset the
 * schema of TEST_DATABASE_URL, migrate and seed it once.
 */
export default async function setup(project: TestProject) {
  const engine = project.name.endsWith('postgres') ? 'postgres' : 'pglite';
  if (engine === 'postgres') {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('TEST_DATABASE_URL is not set');
    const db = await openDatabase({ databaseUrl: url });
    try {
      await db.exec(
        'drop schema if exists drizzle cascade; drop schema if exists public cascade; create schema public;',
      );
      await db.migrate();
      await loadDataset(db, testDataset(), { synthetic: true, source: 'demo (test subset)' });
      await ensureDemoAccounts(db);
    } finally {
      await db.close();
    }
    return;
  }
  const snapshotPath = join(root, '.data', `test-snapshot-${inputsHash()}.tar.gz`);
  if (!existsSync(snapshotPath)) {
    const started = Date.now();
    const db = await openDatabase({});
    await db.migrate();
    await loadDataset(db, testDataset(), { synthetic: true, source: 'demo (test subset)' });
    await ensureDemoAccounts(db);
    const blob = await snapshotPglite(db);
    await db.close();
    mkdirSync(join(root, '.data'), { recursive: true });
    writeFileSync(snapshotPath, Buffer.from(await blob.arrayBuffer()));
    console.log(`test database snapshot built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  project.provide('pgliteSnapshot', snapshotPath);
}

/** Rebuild the snapshot whenever the schema, the loader or the generator changes. */
function inputsHash(): string {
  const hash = createHash('sha256');
  const dirs = [
    'server/src/db',
    'server/src/testing',
    'server/src/features/auth',
    'data/src',
    'data/reference',
  ];
  for (const dir of dirs) {
    for (const file of walk(join(root, dir))) hash.update(file).update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : /\.test\.ts$/.test(name) ? [] : [path];
    });
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string;
  }
}
