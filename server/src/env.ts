import { isIP } from 'node:net';
import { z } from 'zod';

/** `10.0.0.1`, `::1` or a CIDR block such as `10.0.0.0/8`, `fd00::/8`. */
function isAddressOrBlock(s: string): boolean {
  const [address = '', prefix, ...rest] = s.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

/** The only reader of process.env: every setting, parsed and checked once. */
const EnvSchema = z.object({
  // An empty value (DATABASE_URL= in a shell or .env) means "not set": use the embedded database.
  DATABASE_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().url().optional()),
  /**
   * postgres://… of the role that owns the tables: migrations (and the first start's seeding) run as it, then
   * it grants DATABASE_URL's role what the app needs (the audit log: read and append only). Absent: DATABASE_URL does both.
   */
  PCMT_MIGRATION_DATABASE_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().url().optional()),
  /** PostgreSQL: every statement of the app's requests is cancelled after this many ms (503); 0 = no limit. */
  PCMT_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(15_000),
  /**
   * Reverse proxies (addresses or CIDR blocks, comma-separated) whose `X-Forwarded-For` names the client.
   * Absent: the client is the socket's peer, and the header is ignored (anyone could forge it).
   */
  PCMT_TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(z.string().refine(isAddressOrBlock, 'must be IP addresses or CIDR blocks, comma-separated')),
    ),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /**
   * Scheme, host and port users reach the app at (e.g. `https://pcmt.example.gov.vn`, behind a proxy that
   * ends TLS): absolute links (og:image) and the Origin a write must come from. Absent: the request's own.
   */
  PCMT_PUBLIC_ORIGIN: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .url()
      .refine(
        (s) => /^https?:\/\/[^/?#]+\/?$/.test(s),
        'must be an origin such as https://pcmt.example.gov.vn',
      )
      .transform((s) => new URL(s).origin)
      .optional(),
  ),
  /** Optional basemap style (MapLibre style JSON URL) under the choropleth; absent: no request leaves the origin. */
  PCMT_BASEMAP_STYLE_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().url().optional()),
  /** More origins the page may fetch from (comma-separated), e.g. a basemap's tile host; CSP connect-src. */
  PCMT_CSP_CONNECT_SRC: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().url())),
  /** Password of the demo accounts created on synthetic demo data (never on imported data). */
  PCMT_DEMO_PASSWORD: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(10).optional()),
  /**
   * Days after a quarter ends before the public pages show it (the "last closed period"): reports keep
   * arriving and being corrected for weeks after a quarter ends, so the public sees settled figures only.
   */
  PCMT_PUBLIC_DELAY_DAYS: z.coerce.number().int().min(0).max(366).default(45),
  /** Counts below this are published as "< N" on the public pages (small-number suppression). */
  PCMT_PUBLIC_MIN_COUNT: z.coerce.number().int().min(1).max(1000).default(5),
  /** Where the embedded database keeps its files. */
  PCMT_DATA_DIR: z.string().default('.data/pglite'),
  /** The built web app to serve; a developer testing two checkouts' builds side by side can point elsewhere. */
  PCMT_WEB_DIST: z.string().default('web/dist'),
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
