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
