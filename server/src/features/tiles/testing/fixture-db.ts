import { type Database, openDatabase } from '../../../db/engine';
import { testEngine } from '../../../testing/test-db';

/**
 * A fresh, migrated, empty database on the engine under test, for tests that need their own units rather
 * than the shared seeded one: in memory on the embedded engine (~15 s cold), a throwaway database on the
 * TEST_DATABASE_URL server (dropped by `close`).
 */
export async function openFixtureDatabase(): Promise<Database> {
  if (testEngine() !== 'postgres') {
    const db = await openDatabase({});
    await db.migrate();
    return db;
  }
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `pcmt_tiles_${process.pid}_${Date.now()}`;
  const admin = await openDatabase({ databaseUrl: serverUrl });
  await admin.exec(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString() });
  await db.migrate();
  return {
    ...db,
    async close() {
      await db.close();
      await dropDatabase(admin, name);
      await admin.close();
    },
  };
}

/**
 * The server may still be ending the closed pool's sessions for a moment; wait for that rather than force
 * them off, which would make the already-closed pool log an error.
 */
async function dropDatabase(admin: Database, name: string): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      await admin.exec(`drop database if exists ${name}`);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await admin.exec(`drop database if exists ${name} with (force)`);
}
