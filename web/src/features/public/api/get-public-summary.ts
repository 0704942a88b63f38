import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { apiError } from '../../../lib/api-error';
import { queryKeys } from '../../../lib/query-keys';

/** A province's (or the country's) public summary as of the last closed period. */
export const publicSummaryQuery = (province: string | null) =>
  queryOptions({
    queryKey: queryKeys.public.summary(province),
    queryFn: async ({ signal }) => {
      const res = await api.api.public.summary.$get(
        { query: province ? { province } : {} },
        { init: { signal } },
      );
      if (!res.ok) throw await apiError(res, '/api/public/summary');
      return res.json();
    },
    staleTime: 5 * 60_000,
  });
