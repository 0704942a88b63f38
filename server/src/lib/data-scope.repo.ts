import type { Queryable } from '../db/engine';

export type ScopedUnit = { id: number; provinceCode: string; level: string };

/** Every unit of any version with this code (at most 50). */
export async function selectUnitsWithCode(db: Queryable, code: string): Promise<ScopedUnit[]> {
  return db.query<ScopedUnit>(
    `select id, province_code as "provinceCode", level from admin_units where code = $1 limit 50`,
    [code],
  );
}

/** Whether import `id` exists and passes `visible` (a filter of `imports i` and its parameters). */
export async function visibleImportExists(
  db: Queryable,
  visible: { where: string; params: unknown[] },
  id: number,
): Promise<boolean> {
  const rows = await db.query(
    `select 1 from imports i where i.id = $${visible.params.length + 1} and ${visible.where}`,
    [...visible.params, id],
  );
  return rows.length > 0;
}
