/**
 * `@pcmt/server/engine`: the database engine for command lines, benchmarks and tests — open it (embedded
 * PGlite, or PostgreSQL when a URL is given), apply migrations (`db.migrate()`), close it, and read what the
 * database holds (the dataset row, the roles it connects as).
 */
export {
  type Database,
  type EngineKind,
  type OpenOptions,
  openDatabase,
  type Queryable,
  type RoleReport,
  roleReport,
  type Transaction,
} from './db/engine';
export { type DatasetInfo, readDatasetInfo } from './lib/context';
