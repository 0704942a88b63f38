import type { Database } from '../db/engine';
import type { PublicPagesConfig } from '../features/public/closed-period';
import type { ReferenceCache } from '../features/reference/reference-cache';
import { listDatasetMeta } from './dataset-meta.repo';
import type { OriginSettings } from './public-origin';

/** Facts about the loaded dataset, read once at start from `dataset_meta`. */
export interface DatasetInfo {
  synthetic: boolean;
  source: string;
}

/** Settings the web app reads at run time from /api/config. */
export interface ClientConfig {
  /** MapLibre style URL drawn under the choropleth; null keeps every request on the app's origin. */
  basemapStyleUrl: string | null;
  /** Further origins the page may fetch from (a basemap's tiles and glyphs on other hosts); CSP only. */
  extraConnectSrc?: readonly string[];
}

/** What the app is built from. */
export interface AppDeps {
  db: Database;
  dataset: DatasetInfo;
  client?: ClientConfig;
  /** Publication delay and small-count threshold of the public pages; default 45 days and 5. */
  publicPages?: PublicPagesConfig;
  /** PCMT_PUBLIC_ORIGIN and HOST: the origin of absolute links and of the Origin check of writes. */
  origin?: OriginSettings;
}

/** What every route handler may use: the deps plus caches built once in createApp. */
export interface RouteDeps extends AppDeps {
  reference: ReferenceCache;
}

export async function readDatasetInfo(db: Database): Promise<DatasetInfo> {
  const rows = await listDatasetMeta(db);
  const get = (key: string) => rows.find((r) => r.key === key)?.value;
  const synthetic = get('synthetic');
  const source = get('source');
  return {
    // No metadata means nothing has been imported or generated yet: say synthetic rather than claim official.
    synthetic: typeof synthetic === 'boolean' ? synthetic : true,
    source: typeof source === 'string' ? source : 'unknown',
  };
}
