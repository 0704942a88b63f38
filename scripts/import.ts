import { resolve } from 'node:path';
import { openDatabase } from '@pcmt/server/engine';
import { readEnv } from '@pcmt/server/env';
import { runImportCli } from '@pcmt/server/operations';

/**
 * `pnpm import values|boundaries|crosswalk FILE …`: imports into the database the app uses (DATABASE_URL, or
 * the embedded one in PCMT_DATA_DIR). Exit code 0 = imported, 1 = the file was refused (nothing changed),
 * 2 = wrong arguments.
 */
const root = resolve(import.meta.dirname, '..');
const env = readEnv();
const db = await openDatabase({
  databaseUrl: env.DATABASE_URL,
  dataDir: env.DATABASE_URL ? undefined : resolve(root, env.PCMT_DATA_DIR),
});
let code = 1;
try {
  await db.migrate();
  // pnpm runs scripts from the root; resolve FILE against the directory the user typed the command in.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const argv = process.argv.slice(2).map((a, i) => (i === 1 && !a.startsWith('-') ? resolve(cwd, a) : a));
  code = await runImportCli(db, argv, { out: (l) => console.log(l), err: (l) => console.error(l) });
} finally {
  await db.close();
}
process.exit(code);
