import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { apiError } from '../../../lib/api-error';
import { queryKeys } from '../../../lib/query-keys';

/** Run-time settings of this deployment (optional basemap); fixed while the server runs. */
export const configQuery = queryOptions({
  queryKey: queryKeys.config.all,
  queryFn: async ({ signal }) => {
    const res = await api.api.config.$get({}, { init: { signal } });
    if (!res.ok) throw await apiError(res, '/api/config');
    return res.json();
  },
  staleTime: Number.POSITIVE_INFINITY,
});
