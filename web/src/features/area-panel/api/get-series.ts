import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { apiError } from '../../../lib/api-error';
import { queryKeys } from '../../../lib/query-keys';

export interface SeriesParams {
  unit: string;
  indicator: string;
  from: string;
  to: string;
  at: string;
}

/** One indicator of one unit over time, across 1/7/2025 through the crosswalk. */
export const seriesQuery = (p: SeriesParams) =>
  queryOptions({
    queryKey: queryKeys.series.of(p),
    queryFn: async ({ signal }) => {
      const res = await api.api.series.$get(
        { query: { unit: p.unit, indicator: p.indicator, from: p.from, to: p.to, at: p.at } },
        { init: { signal } },
      );
      if (!res.ok) throw await apiError(res, '/api/series');
      return res.json();
    },
  });
