/**
 * `@pcmt/server/operations`: what the command lines do to the database besides serving it —
 * the start-up chores of `pnpm start` (jobs cut off by the last stop, expired sessions, warm tiles),
 * `pnpm import` (the import command line) and `pnpm admin create-user` (an account, with its audit entry).
 */

export { purgeExpiredSessions } from './features/auth/sessions.repo';
export { createUser } from './features/auth/users.repo';
export { runImportCli } from './features/imports/import-cli';
export { keepTilesWarm } from './features/tiles/tile-warm';
export { recordAudit } from './lib/audit';
export { ApiError } from './lib/errors';
export { failInterruptedJobs } from './lib/jobs.repo';
