import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { apiError } from '../../../lib/api-error';
import { queryKeys } from '../../../lib/query-keys';

/** Hotspots per commune (counts, no positions) within a province or the caller's whole jurisdiction. */
export const hotspotCountsQuery = (parent: string | null, at: string) =>
  queryOptions({
    queryKey: queryKeys.hotspotCounts.of(parent, at),
    queryFn: async ({ signal }) => {
      const res = await api.api['hotspot-counts'].$get(
        { query: { at, ...(parent ? { parent } : {}) } },
        { init: { signal } },
      );
      if (!res.ok) throw await apiError(res, '/api/hotspot-counts');
      return res.json();
    },
  });
