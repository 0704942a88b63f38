import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { apiError } from '../../../lib/api-error';

/** Suggested and decided status of every commune of a province in a period (colours the map, lists differences). */
export const differencesQuery = (period: string, parent: string) =>
  queryOptions({
    queryKey: ['status-rules', 'differences', period, parent],
    queryFn: async ({ signal }) => {
      const res = await api.api['status-rules'].differences.$get(
        { query: { period, parent } },
        { init: { signal } },
      );
      if (!res.ok) throw await apiError(res, '/api/status-rules/differences');
      return res.json();
    },
  });

/** One commune's criteria, measured values and thresholds, suggested vs decided status. */
export const explainQuery = (commune: string, period: string) =>
  queryOptions({
    queryKey: ['status-rules', 'explain', commune, period],
    queryFn: async ({ signal }) => {
      const res = await api.api['status-rules'].explain.$get(
        { query: { commune, period } },
        { init: { signal } },
      );
      if (!res.ok) throw await apiError(res, '/api/status-rules/explain');
      return res.json();
    },
  });
