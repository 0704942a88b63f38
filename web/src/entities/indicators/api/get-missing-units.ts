import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { apiError } from '../../../lib/api-error';
import { queryKeys } from '../../../lib/query-keys';

export interface MissingUnitsParams {
  indicator: string;
  period: string;
  /** The district or province whose total it is; null: the whole country. */
  parent: string | null;
  at: string;
}

/** The communes an area's total lacks: the first 50 by code and how many there are. */
export const missingUnitsQuery = (p: MissingUnitsParams) =>
  queryOptions({
    queryKey: queryKeys.values.missing(p),
    queryFn: async ({ signal }) => {
      const res = await api.api.values.missing.$get(
        {
          query: {
            indicator: p.indicator,
            period: p.period,
            at: p.at,
            ...(p.parent ? { parent: p.parent } : {}),
          },
        },
        { init: { signal } },
      );
      if (!res.ok) throw await apiError(res, '/api/values/missing');
      return res.json();
    },
  });
