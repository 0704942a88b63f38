import type { Queryable } from '../db/engine';

/** Every key and value of `dataset_meta` (what the loaded dataset is: synthetic or not, its source). */
export async function listDatasetMeta(db: Queryable): Promise<{ key: string; value: unknown }[]> {
  return db.query<{ key: string; value: unknown }>(`select key, value from dataset_meta`);
}
