import { defineConfig } from 'vitest/config';

/**
 * unit: pure functions, no database.
 * db:pglite / db:postgres: the same database tests on both engines; postgres only when TEST_DATABASE_URL is set.
 * End-to-end browser tests have their own config (test/e2e/vitest.config.ts).
 */
const engines = ['pglite', ...(process.env.TEST_DATABASE_URL ? ['postgres'] : [])];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'data/src/**/*.test.ts',
            'domain/src/**/*.test.ts',
            'scripts/check/**/*.test.ts',
            'server/src/**/*.unit.test.ts',
            'web/src/**/*.test.{ts,tsx}',
          ],
          testTimeout: 120_000,
        },
      },
      ...engines.map((engine) => ({
        test: {
          name: `db:${engine}`,
          include: ['server/src/**/*.db.test.ts'],
          globalSetup: ['server/src/testing/global-setup.ts'],
          env: { PCMT_TEST_ENGINE: engine },
          // One database per worker shared by its test files: a PGlite restore costs seconds.
          isolate: false,
          maxWorkers: 1,
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      })),
    ],
  },
});
