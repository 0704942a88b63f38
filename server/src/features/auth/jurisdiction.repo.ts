import type { Queryable } from '../../db/engine';

/**
 * Provinces wholly inside a set of grants: granted current provinces, and the older provinces whose
 * communes crosswalk into a granted province's current communes.
 */
export async function grantedProvinceCodes(db: Queryable, grants: readonly string[]): Promise<string[]> {
  const rows = await db.query<{ code: string }>(
    `select p.code from admin_units p
      where p.level = 'province' and p.valid_to is null and p.code = any($1::text[])
     union
     select distinct o.province_code from admin_units n
       join unit_crosswalk x on x.new_unit_id = n.id
       join admin_units o on o.id = x.old_unit_id
      where n.level = 'commune' and n.valid_to is null and n.province_code = any($1::text[])`,
    [grants],
  );
  return rows.map((r) => r.code);
}

/** Granted current communes, and the older communes that crosswalk into them. */
export async function grantedCommunes(
  db: Queryable,
  grants: readonly string[],
): Promise<{ id: number; provinceCode: string }[]> {
  return db.query<{ id: number; provinceCode: string }>(
    `select n.id, n.province_code as "provinceCode" from admin_units n
      where n.level = 'commune' and n.valid_to is null and n.code = any($1::text[])
     union
     select o.id, o.province_code from admin_units n
       join unit_crosswalk x on x.new_unit_id = n.id join admin_units o on o.id = x.old_unit_id
      where n.level = 'commune' and n.valid_to is null and n.code = any($1::text[])`,
    [grants],
  );
}
