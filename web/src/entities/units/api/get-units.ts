import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { apiError } from '../../../lib/api-error';
import { queryKeys } from '../../../lib/query-keys';

export interface UnitsParams {
  level: 'province' | 'district' | 'commune';
  parent: string | null;
  at: string;
}

/** Units valid on a date: names, label points and parents for search, labels and tables. */
export const unitsQuery = (p: UnitsParams) =>
  queryOptions({
    queryKey: queryKeys.units.of(p),
    queryFn: async ({ signal }) => {
      const res = await api.api.units.$get(
        { query: { level: p.level, at: p.at, ...(p.parent ? { parent: p.parent } : {}) } },
        { init: { signal } },
      );
      if (!res.ok) throw await apiError(res, '/api/units');
      return res.json();
    },
    staleTime: 60 * 60_000,
  });
