import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { adminUnits } from './schema';

/**
 * A drug-prevention plan (kế hoạch) adopted by a body for a scope unit and a span of time. The scope is a
 * unit *version* (admin_units.id), so a plan made for a pre-2025 district keeps meaning the same area after
 * the 2025 reorganisation; null scope = the whole country.
 */
export const plans = pgTable(
  'plans',
  {
    id: serial('id').primaryKey(),
    /** Stable slug used in URLs ("dong-thap-2023"). */
    code: text('code').notNull(),
    title: text('title').notNull(),
    issuingBody: text('issuing_body').notNull(),
    documentNo: text('document_no').notNull(),
    issuedOn: date('issued_on').notNull(),
    scopeUnitId: integer('scope_unit_id').references(() => adminUnits.id, { onDelete: 'restrict' }),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    notes: text('notes').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('plans_code_uq').on(t.code),
    index('plans_scope_idx').on(t.scopeUnitId),
    check('plans_period_ck', sql`${t.periodEnd} >= ${t.periodStart}`),
  ],
);

/**
 * One target of a plan. `kind` selects the computation; `definition` holds its kind-specific parameters
 * (indicator, threshold, baseline period, unit set…), validated by the zod contract of that kind, so a new
 * kind needs no migration.
 */
export const planTargets = pgTable(
  'plan_targets',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    /** Stable slug within the plan. */
    code: text('code').notNull(),
    title: text('title').notNull(),
    kind: text('kind').notNull(),
    definition: jsonb('definition').notNull(),
    deadline: date('deadline').notNull(),
    /** Shown on public pages (progress toward public targets). */
    isPublic: boolean('is_public').notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('plan_targets_plan_code_uq').on(t.planId, t.code)],
);

/**
 * A versioned set of rules that maps a commune's indicators to a *suggested* status (QĐ 28/2025/QĐ-TTg and
 * its predecessors). Thresholds are data an admin edits, never constants in code; each edit is a new version.
 */
export const statusRuleSets = pgTable(
  'status_rule_sets',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull(),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    legalSource: text('legal_source').notNull(),
    /** The rule set applies to periods ending on or after this date. */
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    rules: jsonb('rules').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('status_rule_sets_code_version_uq').on(t.code, t.version),
    check('status_rule_sets_validity_ck', sql`${t.validTo} is null or ${t.validTo} > ${t.validFrom}`),
  ],
);

/**
 * A province's proposal to change a national status rule set's thresholds (issue 16): the rules it
 * proposes, written on version `base_version`. It never changes the rule set; a national administrator
 * accepts it (a new version of the rule set, naming the proposer) or rejects it with a reason.
 */
export const statusRuleProposals = pgTable(
  'status_rule_proposals',
  {
    id: serial('id').primaryKey(),
    ruleSetCode: text('rule_set_code').notNull(),
    baseVersion: integer('base_version').notNull(),
    /** The proposing province (`admin_units.province_code`): it and national users see the proposal. */
    provinceCode: text('province_code').notNull(),
    rules: jsonb('rules').notNull(),
    reason: text('reason').notNull(),
    status: text('status').notNull().default('pending'),
    proposedBy: text('proposed_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
    /** The rule set version an accepted proposal became. */
    acceptedVersion: integer('accepted_version'),
  },
  (t) => [
    index('status_rule_proposals_province_idx').on(t.provinceCode, t.status),
    check('status_rule_proposals_status_ck', sql`${t.status} in ('pending', 'accepted', 'rejected')`),
  ],
);
