import type { Queryable } from '../../db/engine';

/** The PostGIS library version (asking proves the connection works). */
export async function postgisVersion(db: Queryable): Promise<string | undefined> {
  const [row] = await db.query<{ v: string }>(`select postgis_lib_version() as v`);
  return row?.v;
}
