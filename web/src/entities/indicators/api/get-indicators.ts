import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { apiError } from '../../../lib/api-error';
import { queryKeys } from '../../../lib/query-keys';

/** The indicator catalogue (administrators change it: their page invalidates this query). */
export const indicatorsQuery = queryOptions({
  queryKey: queryKeys.indicators.all,
  queryFn: async ({ signal }) => {
    const res = await api.api.indicators.$get({ query: {} }, { init: { signal } });
    if (!res.ok) throw await apiError(res, '/api/indicators');
    return res.json();
  },
  staleTime: Number.POSITIVE_INFINITY,
});
