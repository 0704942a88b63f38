import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { apiError } from '../../../lib/api-error';
import { queryKeys } from '../../../lib/query-keys';

/** Query keys of the import page, general to specific. */
export const importKeys = queryKeys.imports;

/** Committed imports, newest first. */
export const importsQuery = queryOptions({
  queryKey: importKeys.all,
  queryFn: async ({ signal }) => {
    const res = await api.api.imports.$get(undefined, { init: { signal } });
    if (!res.ok) throw await apiError(res, '/api/imports');
    return res.json();
  },
});
