import type { Queryable } from '../db/engine';

export interface AuditEntry {
  actor: string;
  action: string;
  entity: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
}

/**
 * Records one write in the append-only audit log. Call it inside the same transaction as the write, so
 * a change and its audit row commit or roll back together.
 */
export async function recordAudit(tx: Queryable, e: AuditEntry): Promise<void> {
  await tx.query(
    `insert into audit_log (actor, action, entity, entity_id, before, after) values ($1, $2, $3, $4, $5::jsonb, $6::jsonb)`,
    [
      e.actor,
      e.action,
      e.entity,
      String(e.entityId),
      e.before === undefined ? null : JSON.stringify(e.before),
      e.after === undefined ? null : JSON.stringify(e.after),
    ],
  );
}
