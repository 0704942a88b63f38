import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { adminUnits, periods } from './schema';

/**
 * Report forms (issue 17): which catalogue indicators (and breakdown parts) a unit reports each period, its
 * validation rules as data, and the days of the period's last month that close the data (cut-off) and
 * that the report is due (defaults after Thông tư 13/2022/TT-BCA: data to the 14th, due to the province
 * before the 18th).
 */
export const reportForms = pgTable(
  'report_forms',
  {
    code: text('code').primaryKey(),
    nameVi: text('name_vi').notNull(),
    periodKind: text('period_kind').notNull(),
    /** Level of the units that report it (commune). */
    reportingLevel: text('reporting_level').notNull().default('commune'),
    /** Indicator codes (catalogue entries or breakdown parts) in the order the form shows them. */
    items: jsonb('items').notNull(),
    /** Validation rules (features/reporting/validation.ts), each with its Vietnamese message. */
    rules: jsonb('rules').notNull().default(sql`'[]'::jsonb`),
    cutoffDay: integer('cutoff_day').notNull().default(14),
    dueDay: integer('due_day').notNull().default(18),
    /** Role that fills it in (data officers scoped to the commune). */
    filledBy: text('filled_by').notNull().default('data_officer'),
    /** The province whose units report it; null = every province. */
    provinceCode: text('province_code'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('report_forms_period_kind_ck', sql`${t.periodKind} in ('month', 'quarter', 'half', 'year')`),
    check('report_forms_level_ck', sql`${t.reportingLevel} in ('commune')`),
    check('report_forms_days_ck', sql`${t.cutoffDay} between 1 and 28 and ${t.dueDay} between 1 and 28`),
  ],
);

/**
 * One unit's report of a form for a period: draft → submitted → returned → submitted → approved (locked)
 * → reopened → submitted … Approved values are written into indicator_values through the values import
 * path (an import per approval), so the map reads them and an approval can be traced and rolled back.
 */
export const reportSubmissions = pgTable(
  'report_submissions',
  {
    id: serial('id').primaryKey(),
    formCode: text('form_code')
      .notNull()
      .references(() => reportForms.code),
    /** The unit version valid on the period's last day. */
    unitId: integer('unit_id')
      .notNull()
      .references(() => adminUnits.id, { onDelete: 'cascade' }),
    periodId: text('period_id')
      .notNull()
      .references(() => periods.id),
    state: text('state').notNull().default('draft'),
    /** `{ indicator code: value }`: what the reporter entered (null = left empty). */
    values: jsonb('values').notNull(),
    /** The reporter's confirmation of the outlier warnings. */
    warningComment: text('warning_comment'),
    /** The province's reason for returning it. */
    returnComment: text('return_comment'),
    firstSubmittedAt: timestamp('first_submitted_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: text('submitted_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    approvedBy: text('approved_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by').notNull(),
  },
  (t) => [
    uniqueIndex('report_submissions_form_unit_period_uq').on(t.formCode, t.periodId, t.unitId),
    index('report_submissions_unit_idx').on(t.unitId),
    check(
      'report_submissions_state_ck',
      sql`${t.state} in ('draft', 'submitted', 'returned', 'approved', 'reopened')`,
    ),
  ],
);
