import { mayReach } from '@pcmt/domain/roles';
import { versionOn } from '@pcmt/domain/unit-versions';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { sessionQuery } from '../../entities/auth/session';
import { useChoropleth } from '../../entities/choropleth-data/use-choropleth';
import { configQuery } from '../../entities/config/api/get-config';
import { indicatorsQuery } from '../../entities/indicators/api/get-indicators';
import { statusQuery } from '../../entities/status/api/get-status';
import { unitsQuery } from '../../entities/units/api/get-units';
import { hotspotCountsQuery } from '../../features/hotspots/api/get-hotspot-counts';
import { hotspotsQuery } from '../../features/hotspots/api/get-hotspots';
import { type Period, periodsOfKind } from '../../lib/periods';
import { useUnitVersions } from '../../lib/unit-versions';
import type { ViewState } from '../../lib/url-state';
import { stripPeriodsFor } from './dashboard-builders';

/**
 * Every server answer the map dashboard reads, for the view in the URL: the colouring, the catalogue, the
 * units (names, label points, search), the user, hotspots (points for police and admins, counts for others)
 * and the selected commune's yearly statuses. Each query asks only when what it feeds is on screen.
 */
export function useDashboardData(p: {
  view: ViewState;
  period: Period;
  today: string;
  /** The search box has been focused: load every commune for it. */
  searchWanted: boolean;
}) {
  const { view, period, today } = p;
  const province = view.province;
  const versions = useUnitVersions();
  const colouring = useChoropleth({
    period,
    indicator: view.indicator,
    province,
    method: view.method,
    classes: view.classes,
    todayUnits: view.todayUnits,
    today,
  });
  const { tileAt, end, at } = colouring;

  const indicators = useQuery(indicatorsQuery);
  const config = useQuery(configQuery);
  // Names and label points are the same on every date of a unit version: ask once per version, not per period.
  const provinces = useQuery(unitsQuery({ level: 'province', parent: null, at: tileAt }));
  const allCommunes = useQuery({
    ...unitsQuery({ level: 'commune', parent: null, at: tileAt }),
    enabled: p.searchWanted || view.view === 'table' || (!province && view.unit !== null),
  });

  // Hotspot positions are for police (and admins); committees see how many a place has, not where.
  const session = useQuery(sessionQuery);
  const user = session.data?.user ?? null;
  const seesPoints = mayReach(user?.role ?? null, 'police');
  // The state of each hotspot at the end of the period (or today for the running one).
  const hotspotsAt = [end, today].sort()[0] ?? today;
  const hotspots = useQuery({
    ...hotspotsQuery(hotspotsAt),
    enabled: view.layers.has('hotspots') && seesPoints,
  });
  const hotspotCounts = useQuery({
    ...hotspotCountsQuery(province, hotspotsAt),
    enabled: user !== null && !seesPoints,
  });

  // Status history of the selected commune, one cell per year (from its province's yearly statuses).
  const unitCode = view.unit;
  const stripPeriods = useMemo(() => {
    if (unitCode?.length !== 5 || !province) return [];
    const years = periodsOfKind('year', today).map((y) => y.id);
    return stripPeriodsFor(years, versionOn(versions, 'commune', at)?.validTo ?? null);
  }, [unitCode, province, today, at, versions]);
  const stripQueries = useQueries({
    queries: stripPeriods.map((id) => ({
      ...statusQuery({ period: id, parent: province, at }),
      retry: false,
    })),
  });

  return {
    versions,
    colouring,
    indicators,
    config,
    provinces,
    allCommunes,
    user,
    seesPoints,
    hotspots,
    hotspotCounts,
    stripPeriods,
    stripAnswers: stripQueries.map((q) => q.data),
  };
}
