import type { AuditAction, AuditEntity } from '@pcmt/domain/audit-actions';
import type { Queryable } from '../db/engine';
import { insertAuditRow } from './audit.repo';

export interface AuditEntry {
  actor: string;
  /** One of the log's actions (@pcmt/domain/audit-actions), each with its words for the admin page. */
  action: AuditAction;
  entity: AuditEntity;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
}

/**
 * Records one write in the append-only audit log. Call it inside the same transaction as the write, so
 * a change and its audit row commit or roll back together.
 */
export async function recordAudit(tx: Queryable, e: AuditEntry): Promise<void> {
  await insertAuditRow(tx, [
    e.actor,
    e.action,
    e.entity,
    String(e.entityId),
    e.before === undefined ? null : JSON.stringify(e.before),
    e.after === undefined ? null : JSON.stringify(e.after),
  ]);
}
