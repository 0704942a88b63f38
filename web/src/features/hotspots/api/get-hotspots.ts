import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { apiError } from '../../../lib/api-error';
import { queryKeys } from '../../../lib/query-keys';

/** Every hotspot (active and eliminated) and its state on a date. */
export const hotspotsQuery = (at: string) =>
  queryOptions({
    queryKey: queryKeys.hotspots.register(at),
    queryFn: async ({ signal }) => {
      const res = await api.api.hotspots.$get({ query: { status: 'all', at } }, { init: { signal } });
      if (!res.ok) throw await apiError(res, '/api/hotspots');
      return res.json();
    },
  });
