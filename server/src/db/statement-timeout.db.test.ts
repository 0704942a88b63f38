import { describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { readDatasetInfo } from '../lib/context';
import { signIn, testDb, testEngine } from '../testing/test-db';
import { type Database, openDatabase } from './engine';

/**
 * A statement that runs past PCMT_STATEMENT_TIMEOUT_MS is cancelled by PostgreSQL (SQLSTATE 57014) and the
 * request answers 503 with a message saying so. PGlite cannot cancel a running statement, so there the
 * cancellation is simulated to check the answer.
 */
describe('statement timeout', () => {
  it.skipIf(testEngine() !== 'postgres')(
    'cancels a long statement on the app pool; a transaction may allow itself longer',
    async () => {
      const db = await openDatabase({ databaseUrl: process.env.TEST_DATABASE_URL, statementTimeoutMs: 100 });
      try {
        await expect(db.query(`select pg_sleep(2)`)).rejects.toMatchObject({ code: '57014' });
        const slow = await db.transaction(async (tx) => {
          await tx.query(`set local statement_timeout = 0`);
          return tx.query(`select pg_sleep(0.3), 'done' as ok`);
        });
        expect(slow[0]).toMatchObject({ ok: 'done' });
        // The longer limit was local to that transaction.
        await expect(db.query(`select pg_sleep(2)`)).rejects.toMatchObject({ code: '57014' });
      } finally {
        await db.close();
      }
    },
  );

  it('answers 503 with a clear message, not 500, when a request’s query is cancelled', async () => {
    const base = await testDb();
    const timed =
      testEngine() === 'postgres'
        ? await openDatabase({ databaseUrl: process.env.TEST_DATABASE_URL, statementTimeoutMs: 100 })
        : null;
    let slow = false;
    const cancelled = async () => {
      if (timed) return timed.query(`select pg_sleep(5)`);
      throw Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' });
    };
    const db: Database = {
      ...base,
      query: ((text: string, params?: readonly unknown[]) =>
        slow ? cancelled() : base.query(text, params)) as Database['query'],
    };
    try {
      const raw = createApp({ db, dataset: await readDatasetInfo(base) });
      const admin = await signIn(raw, 'admin');
      slow = true;
      const res = await admin.request('/api/users');
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ error: { code: 'query_timeout', message: /quá lâu/ } });
    } finally {
      slow = false;
      await timed?.close();
    }
  });
});
