/**
 * `@pcmt/server/demo`: the synthetic demonstration — generate and load it into an empty database, its accounts
 * (and their password, `PCMT_DEMO_PASSWORD`), its report form and commune reports. Used by `pnpm start` / `pnpm
 * seed`, the benchmarks and the browser tests (which sign in as the demo accounts).
 */
export { isEmpty, seedDemo } from './db/seed-demo';
export { DEMO_ACCOUNTS, DEMO_PASSWORD, ensureDemoAccounts } from './features/auth/demo-accounts';
export { DEMO_FORM, ensureDemoReporting } from './features/reporting/demo';
