import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { apiError } from '../../../lib/api-error';
import { queryKeys } from '../../../lib/query-keys';

export interface ValuesParams {
  indicator: string;
  period: string;
  level: 'province' | 'commune';
  parent: string | null;
  at: string;
}

/** One indicator, one period, every unit of a level (in a province or the country). */
export const valuesQuery = (p: ValuesParams) =>
  queryOptions({
    queryKey: queryKeys.values.of(p),
    queryFn: async ({ signal }) => {
      const res = await api.api.values.$get(
        {
          query: {
            indicator: p.indicator,
            period: p.period,
            level: p.level,
            at: p.at,
            ...(p.parent ? { parent: p.parent } : {}),
          },
        },
        { init: { signal } },
      );
      if (!res.ok) throw await apiError(res, '/api/values');
      return res.json();
    },
  });
