import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  // Core tables, then one file per feature area so separate features can grow their tables independently.
  schema: [
    './src/db/schema.ts',
    './src/db/schema-plans.ts',
    './src/db/schema-hotspots.ts',
    './src/db/schema-imports.ts',
    './src/db/schema-audit.ts',
    './src/db/schema-auth.ts',
    './src/db/schema-briefings.ts',
    './src/db/schema-generations.ts',
    './src/db/schema-reporting.ts',
    './src/db/schema-jobs.ts',
  ],
  out: './src/db/migrations',
});
