import { resolve } from 'node:path';
import { seedDemo } from '@pcmt/server/demo';
import { openDatabase } from '@pcmt/server/engine';
import { readEnv } from '@pcmt/server/env';

/** `pnpm seed`: regenerate the demo data and replace the database's contents (all or nothing). */
const root = resolve(import.meta.dirname, '..');
const env = readEnv();
const db = await openDatabase({
  databaseUrl: env.DATABASE_URL,
  dataDir: env.DATABASE_URL ? undefined : resolve(root, env.PCMT_DATA_DIR),
});
try {
  await db.migrate();
  await seedDemo(db, (m) => console.log(`[seed] ${m}`));
} finally {
  await db.close();
}
