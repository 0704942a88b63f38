import type { DataKind } from '@pcmt/domain/data-kinds';
import type { QueryClient } from '@tanstack/react-query';

/**
 * The one "invalidate after a write" rule of the web: a write names the kinds of data it changed (the same
 * kinds the server's caches follow, @pcmt/domain/data-kinds, plus the web's own list of imports) and every
 * cached answer that reads them is refetched. Query keys start with their resource's name, so a prefix names
 * them all.
 */
export type ChangedData = DataKind | 'imports';

/** Everything a map, a table, a chart or a scorecard computes from values (directly or through statuses). */
const FIGURES = ['values', 'status', 'series', 'analysis', 'public', 'plans', 'hotspot-counts'] as const;

const READERS: Readonly<Record<ChangedData, readonly string[]>> = {
  units: ['units', 'unit-versions', 'boundaries', ...FIGURES],
  crosswalk: [...FIGURES],
  values: [...FIGURES],
  statuses: ['status', 'status-rules', 'series', 'public', 'plans'],
  plans: ['plans'],
  hotspots: ['hotspots', 'hotspot-counts', 'hotspot-clusters'],
  accounts: ['users', 'audit'],
  catalogue: ['indicators', ...FIGURES],
  imports: ['imports'],
};

export async function afterDataChange(client: QueryClient, ...changed: ChangedData[]): Promise<void> {
  const roots = new Set(changed.flatMap((k) => READERS[k]));
  await Promise.all([...roots].map((root) => client.invalidateQueries({ queryKey: [root] })));
}
