import { z } from 'zod';

/** The only reader of process.env: every setting, parsed and checked once. */
const EnvSchema = z.object({
  // An empty value (DATABASE_URL= in a shell or .env) means "not set": use the embedded database.
  DATABASE_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().url().optional()),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /** Optional basemap style (MapLibre style JSON URL) under the choropleth; absent: no request leaves the origin. */
  PCMT_BASEMAP_STYLE_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().url().optional()),
  /** Where the embedded database keeps its files. */
  PCMT_DATA_DIR: z.string().default('.data/pglite'),
});

export type Env = z.infer<typeof EnvSchema>;

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid environment: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
}
