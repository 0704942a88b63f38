import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { apiError } from '../../../lib/api-error';
import { queryKeys } from '../../../lib/query-keys';

export interface StatusParams {
  period: string;
  parent: string | null;
  at: string;
}

/** Recognised status of every commune (of a province, or the country) at the end of a period. */
export const statusQuery = (p: StatusParams) =>
  queryOptions({
    queryKey: queryKeys.status.of(p),
    queryFn: async ({ signal }) => {
      const res = await api.api.status.$get(
        { query: { period: p.period, at: p.at, ...(p.parent ? { parent: p.parent } : {}) } },
        { init: { signal } },
      );
      if (!res.ok) throw await apiError(res, '/api/status');
      return res.json();
    },
  });
