import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { apiError } from '../../../lib/api-error';
import { queryKeys } from '../../../lib/query-keys';

export interface ValueSourcesParams {
  unit: string;
  indicator: string;
  period: string;
  at: string;
}

/**
 * Where one unit's figure of one period came from: GET /api/series over that single period (a commune's
 * point carries `sources`: the import, file rows, who and when; or the report form; or the demo generator).
 * The same query key as the area panel's series of that period, so both share the answer.
 */
export const valueSourcesQuery = (p: ValueSourcesParams) =>
  queryOptions({
    queryKey: queryKeys.series.of({
      unit: p.unit,
      indicator: p.indicator,
      from: p.period,
      to: p.period,
      at: p.at,
    }),
    queryFn: async ({ signal }) => {
      const res = await api.api.series.$get(
        { query: { unit: p.unit, indicator: p.indicator, from: p.period, to: p.period, at: p.at } },
        { init: { signal } },
      );
      if (!res.ok) throw await apiError(res, '/api/series');
      return res.json();
    },
  });
