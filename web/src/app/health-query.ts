import { queryOptions } from '@tanstack/react-query';
import { api } from '../lib/api-client';
import { queryKeys } from '../lib/query-keys';

export const healthQuery = queryOptions({
  queryKey: queryKeys.health.all,
  queryFn: async () => {
    const res = await api.api.health.$get();
    if (!res.ok) throw new Error(`API /api/health answered ${res.status}`);
    return res.json();
  },
});
