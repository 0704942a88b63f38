import type { AppType } from '@pcmt/server/app';
import { queryOptions } from '@tanstack/react-query';
import { hc, type InferRequestType } from 'hono/client';
import { api } from '../../lib/api-client';
import { apiError } from '../../lib/api-error';
import { queryKeys } from '../../lib/query-keys';

export type PlanRequest = InferRequestType<typeof api.api.patrol.plan.$post>['json'];

/** Active hotspots on a date, with what selection by recent activity needs. */
export const activeHotspotsQuery = (at: string) =>
  queryOptions({
    queryKey: queryKeys.hotspots.active(at),
    queryFn: async ({ signal }) => {
      const res = await api.api.hotspots.$get({ query: { status: 'active', at } }, { init: { signal } });
      if (!res.ok) throw await apiError(res, '/api/hotspots');
      return res.json();
    },
  });

/** DBSCAN clusters of a province's active hotspots (eps in metres), each with its members' codes. */
export const hotspotClustersQuery = (province: string, at: string, eps: number) =>
  queryOptions({
    queryKey: queryKeys.hotspotClusters.of(province, at, eps),
    queryFn: async ({ signal }) => {
      const res = await api.api.analysis['hotspot-clusters'].$get(
        { query: { province, at, eps: String(eps), minPoints: '3' } },
        { init: { signal } },
      );
      if (!res.ok) throw await apiError(res, '/api/analysis/hotspot-clusters');
      return res.json();
    },
  });

/** Zones, route and dosage for the chosen places, not saved. */
export async function previewPlan(body: PlanRequest) {
  const res = await api.api.patrol.plan.$post({ json: body });
  if (!res.ok) throw await apiError(res, '/api/patrol/plan');
  return res.json();
}

/** Builds and saves the plan (the server recomputes it from the same request). */
export async function savePlan(body: PlanRequest) {
  const res = await api.api.patrol.plans.$post({ json: body });
  if (!res.ok) throw await apiError(res, '/api/patrol/plans');
  return res.json();
}

/**
 * Links to a saved plan's files and printable sheet. Browsers download and print these by navigating, so
 * they are URLs (typed from the routes), not fetches; a client on the page's origin gives absolute ones.
 */
export function planLinks(id: number) {
  const urls = hc<AppType>(window.location.origin).api.patrol.plans[':id'];
  const param = { id: String(id) };
  const file = (format: 'gpx' | 'kml' | 'geojson') => urls.export.$url({ param, query: { format } }).href;
  return {
    gpx: file('gpx'),
    kml: file('kml'),
    geojson: file('geojson'),
    sheet: urls.sheet.$url({ param }).href,
  };
}
