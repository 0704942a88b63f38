import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { createApp } from '../app';
import { type Database, openDatabase } from '../db/engine';
import { readDatasetInfo } from '../lib/context';

/**
 * The database of this test worker: one per worker (test files share it; `isolate: false`), restored from
 * the snapshot on pglite or connected to TEST_DATABASE_URL on postgres. Tests only read; a test that
 * writes must do so inside a transaction it rolls back.
 */
let shared: Promise<Database> | undefined;

export function testEngine(): 'pglite' | 'postgres' {
  return process.env.PCMT_TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';
}

export function testDb(): Promise<Database> {
  shared ??=
    testEngine() === 'postgres'
      ? openDatabase({ databaseUrl: process.env.TEST_DATABASE_URL })
      : openSnapshot();
  return shared;
}

async function openSnapshot(): Promise<Database> {
  const bytes = readFileSync(inject('pgliteSnapshot'));
  return openDatabase({ snapshot: new Blob([bytes]) });
}

/** The app over the worker's database, as the HTTP server would run it. */
export async function testApp() {
  const db = await testDb();
  return { db, app: createApp({ db, dataset: await readDatasetInfo(db) }) };
}

/**
 * An app over a database this test file may write to. pglite: a private copy restored from the snapshot,
 * so writes never reach other files. postgres: the shared test database, so a writing test must use codes
 * of its own and remove what it created (afterAll), leaving the seeded rows as they were.
 */
export async function writableTestApp() {
  const db = testEngine() === 'postgres' ? await testDb() : await openSnapshot();
  const app = createApp({ db, dataset: await readDatasetInfo(db) });
  const close = async () => {
    if (testEngine() === 'pglite') await db.close();
  };
  return { db, app, close };
}
