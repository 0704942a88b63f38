import type { DataKind } from '@pcmt/domain/data-kinds';
import type { QueryClient } from '@tanstack/react-query';
import { queryKeys as k, type QueryKeyPrefix } from './query-keys';

/**
 * The one "invalidate after a write" rule of the web: a write names the kinds of data it changed (the same
 * kinds the server's caches follow, @pcmt/domain/data-kinds, plus the web's own list of imports) and every
 * cached answer that reads them is refetched. The prefixes come from the one query-key module (./query-keys).
 */
export type ChangedData = DataKind | 'imports';

/** Everything a map, a table, a chart or a scorecard computes from values (directly or through statuses). */
const FIGURES: readonly QueryKeyPrefix[] = [
  k.values.all,
  k.status.all,
  k.series.all,
  k.analysis.all,
  k.public.all,
  k.plans.all,
  k.hotspotCounts.all,
  k.statusRules.differencesAll(),
  k.statusRules.explainAll(),
];

/** A values import records each commune's report of the period (server: import-submissions.repo.ts). */
const REPORTS: readonly QueryKeyPrefix[] = [
  k.reporting.entryAll(),
  k.reporting.submissionsAll(),
  k.reporting.completenessAll(),
];

const READERS: Readonly<Record<ChangedData, readonly QueryKeyPrefix[]>> = {
  // Units valid on a date decide the expected communes of a completeness count.
  units: [k.units.all, k.unitVersions.all, ...FIGURES, k.reporting.completenessAll()],
  crosswalk: [...FIGURES],
  values: [...FIGURES, ...REPORTS],
  statuses: [k.status.all, k.statusRules.all, k.series.all, k.public.all, k.plans.all],
  plans: [k.plans.all],
  hotspots: [k.hotspots.all, k.hotspotCounts.all, k.hotspotClusters.all],
  accounts: [k.users.all, k.audit.all],
  catalogue: [k.indicators.all, ...FIGURES],
  imports: [k.imports.all],
};

export async function afterDataChange(client: QueryClient, ...changed: ChangedData[]): Promise<void> {
  const prefixes = new Map(changed.flatMap((c) => READERS[c]).map((p) => [JSON.stringify(p), p]));
  await Promise.all([...prefixes.values()].map((queryKey) => client.invalidateQueries({ queryKey })));
}
