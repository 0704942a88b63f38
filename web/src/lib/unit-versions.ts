import type { UnitVersion } from '@pcmt/domain/unit-versions';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from './api-client';
import { apiError } from './api-error';
import { queryKeys } from './query-keys';

/**
 * Every version of the administrative units (GET /api/unit-versions): the one source of reorganisation
 * dates for the web. A boundary import invalidates it (its key is `['unit-versions']`).
 */
export const unitVersionsQuery = queryOptions({
  queryKey: queryKeys.unitVersions.all,
  queryFn: async ({ signal }): Promise<UnitVersion[]> => {
    const res = await api.api['unit-versions'].$get({}, { init: { signal } });
    if (!res.ok) throw await apiError(res, '/api/unit-versions');
    return (await res.json()).rows;
  },
  staleTime: 10 * 60_000,
});

const NONE: readonly UnitVersion[] = [];

/** The versions, or none while they load (screens then treat every date as the units of its own day). */
export function useUnitVersions(): readonly UnitVersion[] {
  return useQuery(unitVersionsQuery).data ?? NONE;
}
