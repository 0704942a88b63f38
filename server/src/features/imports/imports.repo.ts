import type { Queryable } from '../../db/engine';

export type ImportKind = 'values' | 'boundaries' | 'crosswalk';

/** One committed import as the import page lists it. */
export interface ImportRow {
  id: number;
  kind: ImportKind;
  fileName: string;
  fileSha256: string;
  target: string;
  actor: string;
  status: 'committed' | 'rolled_back';
  summary: Record<string, unknown>;
  createdAt: string;
  rolledBackAt: string | null;
}

const COLUMNS = `id, kind, file_name as "fileName", file_sha256 as "fileSha256", target, actor, status, summary,
  to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "createdAt",
  to_char(rolled_back_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "rolledBackAt"`;

/** Records an import (in the caller's transaction) and returns its id. */
export async function insertImport(
  tx: Queryable,
  i: {
    kind: ImportKind;
    fileName: string;
    fileSha256: string;
    target: string;
    actor: string;
    summary: unknown;
  },
): Promise<number> {
  const rows = await tx.query<{ id: number }>(
    `insert into imports (kind, file_name, file_sha256, target, actor, summary)
     values ($1, $2, $3, $4, $5, $6::jsonb) returning id`,
    [i.kind, i.fileName, i.fileSha256, i.target, i.actor, JSON.stringify(i.summary)],
  );
  const id = rows[0]?.id;
  if (id === undefined) throw new Error('insert into imports returned no id');
  return id;
}

/** The latest imports, newest first. */
/** The newest imports a caller may see (`visible`: a SQL condition on `i` with its parameters). */
export async function listImports(
  db: Queryable,
  visible: { where: string; params: unknown[] },
  limit = 100,
): Promise<ImportRow[]> {
  const n = visible.params.length + 1;
  return db.query<ImportRow>(
    `select ${COLUMNS} from imports i where ${visible.where} order by created_at desc, id desc limit $${n}`,
    [...visible.params, limit],
  );
}

export async function findImport(db: Queryable, id: number): Promise<ImportRow | undefined> {
  return (await db.query<ImportRow>(`select ${COLUMNS} from imports where id = $1`, [id]))[0];
}

export async function markRolledBack(tx: Queryable, id: number): Promise<void> {
  await tx.query(`update imports set status = 'rolled_back', rolled_back_at = now() where id = $1`, [id]);
}
