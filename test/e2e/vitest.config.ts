import { defineConfig } from 'vitest/config';

/** Browser end-to-end tests: the real server (`scripts/start.ts`) on a free port, driven in Debian Chromium. */
export default defineConfig({
  test: {
    name: 'e2e',
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/e2e/server.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    // The first start seeds the embedded database.
    hookTimeout: 900_000,
  },
});
