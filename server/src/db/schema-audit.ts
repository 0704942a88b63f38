import { bigserial, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Every write through the API or a CLI: who, when, what, before → after. Rows are only ever inserted
 * (a trigger in the migration refuses UPDATE and DELETE), so the log cannot be edited after the fact.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actor: text('actor').notNull(),
    /** Verb of the change: create, update, delete, eliminate, import, rollback, login… */
    action: text('action').notNull(),
    /** Table or domain object changed: plan, plan_target, hotspot, import, user… */
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [index('audit_log_entity_idx').on(t.entity, t.entityId), index('audit_log_at_idx').on(t.at)],
);
