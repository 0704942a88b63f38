import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { UserBody } from '@pcmt/domain/contracts/auth';
import { openDatabase } from '@pcmt/server/engine';
import { readEnv } from '@pcmt/server/env';
import { ApiError, createUser, recordAudit } from '@pcmt/server/operations';

/**
 * `pnpm admin create-user --username u --name "Họ tên" --role admin --jurisdiction VN`: creates an account
 * (the first admin of a real deployment) on the database the app uses. The password is read from standard
 * input (one line), so it never appears in the shell history or the process list.
 */
const USAGE =
  'usage: pnpm admin create-user --username NAME --name "Display name" --role admin|committee|police|data_officer ' +
  '--jurisdiction VN|<province code>|<commune code>[,...]   (password on standard input)';

const root = resolve(import.meta.dirname, '..');

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY)
    process.stderr.write('Password (at least 10 characters, not a common or repetitive one): ');
  const rl = createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return '';
}

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  if (command !== 'create-user') {
    console.error(USAGE);
    return 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      username: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      jurisdiction: { type: 'string', default: 'VN' },
    },
  });
  const parsed = UserBody.safeParse({
    username: values.username,
    displayName: values.name ?? values.username,
    role: values.role,
    jurisdiction: (values.jurisdiction ?? '').split(',').map((s) => s.trim()),
    password: await readPassword(),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') ?? 'arguments';
    console.error(`create-user: ${field === 'displayName' ? 'name' : field}: ${issue?.message}\n${USAGE}`);
    return 2;
  }
  const env = readEnv();
  const db = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    migrationDatabaseUrl: env.PCMT_MIGRATION_DATABASE_URL,
    dataDir: env.DATABASE_URL ? undefined : resolve(root, env.PCMT_DATA_DIR),
  });
  try {
    await db.migrate();
    const user = await db.transaction(async (tx) => {
      const created = await createUser(tx, parsed.data);
      await recordAudit(tx, {
        actor: 'cli',
        action: 'create',
        entity: 'user',
        entityId: created.id,
        after: created,
      });
      return created;
    });
    console.log(`created ${user.role} ${user.username} (jurisdiction ${user.jurisdiction.join(', ')})`);
    return 0;
  } catch (err) {
    if (err instanceof ApiError) {
      console.error(`create-user: ${err.message}`);
      return 2;
    }
    throw err;
  } finally {
    await db.close();
  }
}

process.exitCode = await main();
