import { sql } from 'drizzle-orm';
import {
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

/**
 * One committed import of a file (indicator values, boundaries, crosswalk): what came in, from which file,
 * and whether it has been rolled back.
 */
export const imports = pgTable(
  'imports',
  {
    id: serial('id').primaryKey(),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    /** Hex SHA-256 of the file's bytes: re-importing the same file is recognised. */
    fileSha256: text('file_sha256').notNull(),
    /** Period (values) or validity date (boundaries) the import was made for. */
    target: text('target').notNull(),
    actor: text('actor').notNull(),
    status: text('status').notNull().default('committed'),
    summary: jsonb('summary').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    rolledBackAt: timestamp('rolled_back_at', { withTimezone: true }),
  },
  (t) => [
    index('imports_created_idx').on(t.createdAt),
    check('imports_kind_ck', sql`${t.kind} in ('values', 'boundaries', 'crosswalk')`),
    check('imports_status_ck', sql`${t.status} in ('committed', 'rolled_back')`),
  ],
);

/**
 * What a values import changed, value by value, with the value it replaced (null = there was none), so an
 * import can be rolled back exactly.
 */
export const importValueChanges = pgTable(
  'import_value_changes',
  {
    importId: integer('import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    indicatorCode: text('indicator_code').notNull(),
    periodId: text('period_id').notNull(),
    unitId: integer('unit_id').notNull(),
    oldValue: doublePrecision('old_value'),
    oldSource: text('old_source'),
    newValue: doublePrecision('new_value').notNull(),
  },
  (t) => [index('import_value_changes_import_idx').on(t.importId)],
);
