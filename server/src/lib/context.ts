import type { Database } from '../db/engine';

/** Facts about the loaded dataset, read once at start from `dataset_meta`. */
export interface DatasetInfo {
  synthetic: boolean;
  source: string;
}

/** What every route handler may use; built once in createApp. */
export interface AppDeps {
  db: Database;
  dataset: DatasetInfo;
}

export async function readDatasetInfo(db: Database): Promise<DatasetInfo> {
  const rows = await db.query<{ key: string; value: unknown }>(`select key, value from dataset_meta`);
  const get = (key: string) => rows.find((r) => r.key === key)?.value;
  const synthetic = get('synthetic');
  const source = get('source');
  return {
    // No metadata means nothing has been imported or generated yet: say synthetic rather than claim official.
    synthetic: typeof synthetic === 'boolean' ? synthetic : true,
    source: typeof source === 'string' ? source : 'unknown',
  };
}
