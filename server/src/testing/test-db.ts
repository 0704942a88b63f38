import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { createApp } from '../app';
import { type Database, openDatabase } from '../db/engine';
import { DEMO_PASSWORD } from '../features/auth/demo-accounts';
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

type RawApp = ReturnType<typeof createApp>;

/** Requests as one caller: the session cookie and CSRF header of a signed-in demo account, or none. */
export interface TestClient {
  request(input: string, init?: RequestInit): Promise<Response>;
  /** The signed-in username, or null for the anonymous public. */
  username: string | null;
}

/**
 * Signs in through the login route as a demo account (features/auth/demo-accounts.ts, created by the global
 * setup) and returns a client that sends its cookie and CSRF token; null = an anonymous client.
 */
export async function signIn(app: RawApp, username: string | null): Promise<TestClient> {
  if (username === null) return { username, request: async (input, init) => app.request(input, init) };
  const res = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  const body = (await res.json()) as { csrfToken?: string };
  const cookie = /pcmt_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
  if (res.status !== 200 || !cookie || !body.csrfToken) {
    throw new Error(`test sign-in as ${username} failed: ${res.status} ${JSON.stringify(body)}`);
  }
  const csrf = body.csrfToken;
  return {
    username,
    request: async (input, init = {}) => {
      const headers = new Headers(init.headers);
      headers.set('cookie', `pcmt_session=${cookie}`);
      if (!headers.has('x-csrf-token')) headers.set('x-csrf-token', csrf);
      return app.request(input, { ...init, headers });
    },
  };
}

/**
 * The app over the worker's database, as the HTTP server would run it. `app` is signed in as the demo admin
 * (every route, the whole country); `as(username)` gives other callers, `raw` the bare app.
 */
export async function testApp() {
  const db = await testDb();
  const raw = createApp({ db, dataset: await readDatasetInfo(db) });
  return { db, raw, app: await signIn(raw, 'admin'), as: (username: string | null) => signIn(raw, username) };
}

/**
 * An app over a database this test file may write to. pglite: a private copy restored from the snapshot,
 * so writes never reach other files. postgres: the shared test database, so a writing test must use codes
 * of its own and remove what it created (afterAll), leaving the seeded rows as they were.
 */
export async function writableTestApp() {
  const db = testEngine() === 'postgres' ? await testDb() : await openSnapshot();
  const raw = createApp({ db, dataset: await readDatasetInfo(db) });
  const close = async () => {
    if (testEngine() === 'pglite') await db.close();
  };
  return {
    db,
    raw,
    app: await signIn(raw, 'admin'),
    as: (username: string | null) => signIn(raw, username),
    close,
  };
}
