import type { Queryable } from '../db/engine';

/** One row of the append-only audit log: actor, action, entity, entity id, before and after as JSON text. */
export type AuditRow = [
  actor: string,
  action: string,
  entity: string,
  entityId: string,
  before: string | null,
  after: string | null,
];

export async function insertAuditRow(tx: Queryable, row: AuditRow): Promise<void> {
  await tx.query(
    `insert into audit_log (actor, action, entity, entity_id, before, after) values ($1, $2, $3, $4, $5::jsonb, $6::jsonb)`,
    row,
  );
}

export interface AuditLogEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

/** Entries newest first, of one entity kind and/or actor when given, older than id `before` when given. */
export async function listAuditEntries(
  db: Queryable,
  f: { entity: string | null; actor: string | null; before: number | null; limit: number },
): Promise<AuditLogEntry[]> {
  return db.query<AuditLogEntry>(
    `select id::float8 as id, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, actor, action,
            entity, entity_id as "entityId", before, after
       from audit_log
      where ($1::text is null or entity = $1) and ($2::text is null or actor = $2)
        and ($3::bigint is null or id < $3)
      order by id desc limit $4`,
    [f.entity, f.actor, f.before, f.limit],
  );
}
