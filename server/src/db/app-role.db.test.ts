import { describe, expect, it } from 'vitest';
import { bump, readGenerations } from '../lib/data-generations';
import { testDb, testEngine } from '../testing/test-db';
import { openDatabase, roleReport } from './engine';

/**
 * On PostgreSQL the app runs as its own role (DATABASE_URL) and the migrations as the tables' owner
 * (PCMT_MIGRATION_DATABASE_URL): the app may append to the audit log but never change, empty or unguard it.
 * PGlite has one user, so this is a server test only.
 */
describe.skipIf(testEngine() !== 'postgres')('the app role on PostgreSQL', () => {
  it('may read and append to the audit log, but not update, delete, truncate it or disable its trigger', async () => {
    const ownerUrl = process.env.TEST_DATABASE_URL as string;
    const owner = await testDb();
    await owner.exec(`do $$ begin
      if not exists (select from pg_roles where rolname = 'pcmt_test_app') then
        create role pcmt_test_app login nosuperuser nocreaterole nocreatedb;
      end if; end $$`);
    const appUrl = new URL(ownerUrl);
    appUrl.username = 'pcmt_test_app';
    appUrl.password = '';
    const app = await openDatabase({
      databaseUrl: appUrl.toString(),
      migrationDatabaseUrl: ownerUrl,
      statementTimeoutMs: 15_000,
    });
    try {
      // Migrating as the owner grants the app role (every start does; nothing left to migrate here).
      await app.migrate();
      expect(await roleReport(app)).toEqual({ role: 'pcmt_test_app', superuser: false, ownsAuditLog: false });
      // The app's everyday work: read, write its tables, append to the audit log.
      expect((await app.query(`select count(*)::int as n from users`))[0]).toMatchObject({
        n: expect.any(Number),
      });
      await app.transaction(async (tx) => {
        await tx.query(
          `insert into login_attempts (username, address, succeeded) values ('test-role', '-', false)`,
        );
        await tx.query(`delete from login_attempts where username = 'test-role'`);
      });
      // Every write stamps its kind of data (data_generations, added after migration 0010's grant).
      const before = await readGenerations(app);
      await app.transaction((tx) => bump(tx, 'hotspots'));
      expect((await readGenerations(app)).hotspots).toBeGreaterThan(before.hotspots);
      // Catalogue writes queue behind each other on a table lock (features/indicators/indicators.routes.ts).
      await app.transaction((tx) => tx.query('lock table indicators in share row exclusive mode'));
      await app.query(
        `insert into audit_log (actor, action, entity, entity_id) values ('test-role', 'check', 'audit_log', '-')`,
      );
      // What it must never do.
      await expect(app.query(`update audit_log set actor = 'someone-else'`)).rejects.toThrow(
        /permission denied/,
      );
      await expect(app.query(`delete from audit_log`)).rejects.toThrow(/permission denied/);
      await expect(app.query(`truncate audit_log`)).rejects.toThrow(/permission denied/);
      await expect(app.query(`alter table audit_log disable trigger all`)).rejects.toThrow(/must be owner/);
      await expect(
        app.query(`alter table audit_log disable trigger audit_log_no_update_delete`),
      ).rejects.toThrow(/must be owner/);
      await expect(app.query(`drop trigger audit_log_no_truncate on audit_log`)).rejects.toThrow(
        /must be owner/,
      );
      await expect(app.query(`select pcmt_grant_app_role('pcmt_test_app')`)).rejects.toThrow(
        /permission denied/,
      );
      const [kept] = await owner.query<{ n: number }>(
        `select count(*)::int as n from audit_log where actor = 'test-role'`,
      );
      expect(kept?.n).toBeGreaterThan(0);
      // Requests' statements are bounded on the app's pool.
      expect(await app.query(`show statement_timeout`)).toEqual([{ statement_timeout: '15s' }]);
    } finally {
      await app.close();
    }
  });
});
