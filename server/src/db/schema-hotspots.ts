import { sql } from 'drizzle-orm';
import {
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { adminUnits, hotspots } from './schema';

/**
 * Every change to the hotspot register (create, edit, triệt xóa, re-open), never updated or deleted:
 * the register's history and the source of "eliminate 5–10 % of hotspots each year".
 */
export const hotspotEvents = pgTable(
  'hotspot_events',
  {
    id: serial('id').primaryKey(),
    hotspotId: integer('hotspot_id')
      .notNull()
      .references(() => hotspots.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    /** When it happened on the ground (e.g. the triệt xóa date), as opposed to when it was recorded. */
    occurredOn: date('occurred_on').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    actor: text('actor').notNull(),
    note: text('note').notNull().default(''),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [
    index('hotspot_events_hotspot_idx').on(t.hotspotId, t.occurredOn),
    check('hotspot_events_action_ck', sql`${t.action} in ('create', 'update', 'eliminate', 'reopen')`),
  ],
);

/**
 * A spatial weights matrix built once per unit version (level + validity date) and method, for Gi* and
 * local Moran's I. Rows are stored unstandardised (binary contiguity or distance band); standardisation is
 * done by the statistic.
 */
export const spatialWeightSets = pgTable('spatial_weight_sets', {
  /** e.g. "commune@2025-07-01/contiguity:50" */
  key: text('key').primaryKey(),
  level: text('level').notNull(),
  validOn: date('valid_on').notNull(),
  method: text('method').notNull(),
  params: jsonb('params').notNull(),
  unitCount: integer('unit_count').notNull(),
  /** Units with no neighbour under this method (islands), by id. */
  islandUnitIds: jsonb('island_unit_ids').notNull(),
  builtAt: timestamp('built_at', { withTimezone: true }).notNull().defaultNow(),
  buildMs: doublePrecision('build_ms').notNull(),
});

export const spatialWeights = pgTable(
  'spatial_weights',
  {
    setKey: text('set_key')
      .notNull()
      .references(() => spatialWeightSets.key, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => adminUnits.id, { onDelete: 'cascade' }),
    neighbourId: integer('neighbour_id')
      .notNull()
      .references(() => adminUnits.id, { onDelete: 'cascade' }),
    weight: doublePrecision('weight').notNull(),
  },
  // Both unit columns are foreign keys: indexes let deleting units check them without a scan per unit.
  (t) => [
    primaryKey({ columns: [t.setKey, t.unitId, t.neighbourId] }),
    index('spatial_weights_unit_idx').on(t.unitId),
    index('spatial_weights_neighbour_idx').on(t.neighbourId),
  ],
);

/**
 * Saved patrol plans (police-sensitive: hotspot coordinates and times). The plan is kept as computed
 * (stops in route order, zones, visits) so a printed sheet and its downloads always match.
 */
export const patrolPlans = pgTable(
  'patrol_plans',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    shiftDate: date('shift_date').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: text('created_by').notNull(),
    /** What the plan was built from (hotspot codes, radius, shift, seed), to rebuild or audit it. */
    request: jsonb('request').notNull(),
    plan: jsonb('plan').notNull(),
  },
  (t) => [index('patrol_plans_date_idx').on(t.shiftDate)],
);
