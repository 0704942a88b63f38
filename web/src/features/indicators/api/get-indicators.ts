import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { apiError } from '../../../lib/api-error';

/** The indicator catalogue; changes only with an import. */
export const indicatorsQuery = queryOptions({
  queryKey: ['indicators'],
  queryFn: async ({ signal }) => {
    const res = await api.api.indicators.$get({}, { init: { signal } });
    if (!res.ok) throw await apiError(res, '/api/indicators');
    return res.json();
  },
  staleTime: Number.POSITIVE_INFINITY,
});
