import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { indicatorChoropleth, statusChoropleth } from '../../components/map/choropleth';
import { useMapsLoaded } from '../../components/map/first-draw';
import { type Period, periodsOfKind, shiftPeriod } from '../../lib/periods';
import { useUnitVersions } from '../../lib/unit-versions';
import { type ClassMethod, STATUS_INDICATOR } from '../../lib/url-state';
import { indicatorsQuery } from '../indicators/api/get-indicators';
import { valuesQuery } from '../indicators/api/get-values';
import { statusQuery } from '../status/api/get-status';
import { unitsQuery } from '../units/api/get-units';
import { classesKeyOf } from './classes-key';
import { isProvinceLevel, provinceClassesOnCommunes, provincesOf } from './province-level';
import { viewDates } from './view-dates';

export interface ChoroplethRequest {
  period: Period;
  /** `status` or an indicator code. */
  indicator: string;
  province: string | null;
  method: ClassMethod;
  classes: number;
  /** Show a period before 1/7/2025 on today's units. */
  todayUnits: boolean;
  today: string;
}

/**
 * One map's colouring: fetches the statuses or indicator values of a period (in a province or the country),
 * the province's communes, and turns them into classes, a palette and legend counts. The previous answer
 * stays on screen while the next one loads, and a drawn period's neighbours are fetched ahead so stepping
 * (the period slider, the time-lapse) recolours from the cache.
 */
export function useChoropleth(r: ChoroplethRequest) {
  const { period, indicator, province, method, classes, todayUnits, today } = r;
  const versions = useUnitVersions();
  const dates = viewDates(period, todayUnits, today, versions);
  const { at, tileAt } = dates;
  const isStatus = indicator === STATUS_INDICATOR;
  // An indicator reported at province level is asked for, and coloured, by province (province-level.ts).
  const catalogue = useQuery(indicatorsQuery);
  const provinceLevel =
    !isStatus && isProvinceLevel(catalogue.data?.rows.find((r) => r.code === indicator) ?? null);
  const level = provinceLevel ? ('province' as const) : ('commune' as const);

  const provinceCommunes = useQuery({
    ...unitsQuery({ level: 'commune', parent: province, at: tileAt }),
    enabled: province !== null,
  });
  const status = useQuery({
    ...statusQuery({ period: period.id, parent: province, at }),
    enabled: isStatus,
    placeholderData: keepPreviousData,
  });
  const values = useQuery({
    ...valuesQuery({ indicator, period: period.id, level, parent: province, at }),
    enabled: !isStatus && catalogue.data !== undefined,
    placeholderData: keepPreviousData,
  });
  // The country's communes, to paint each province's colour on (a province view has its own already).
  const countryCommunes = useQuery({
    ...unitsQuery({ level: 'commune', parent: null, at: tileAt }),
    enabled: provinceLevel && province === null,
  });
  const paintedCommunes = province ? provinceCommunes.data?.rows : countryCommunes.data?.rows;

  // Once a period has arrived, fetch its neighbours (and, across 1/7/2025, the other units' communes) — after
  // the page's maps have their tiles, which would otherwise queue behind these answers on the server.
  const queryClient = useQueryClient();
  const arrived = isStatus ? status.data?.meta.period : values.data?.meta.period;
  const mapsLoaded = useMapsLoaded();
  useEffect(() => {
    if (arrived !== period.id || !mapsLoaded) return;
    const offered = periodsOfKind(period.kind, today);
    for (const step of [-1, 1]) {
      const next = shiftPeriod(period, step);
      if (!offered.some((x) => x.id === next.id)) continue;
      const nextDates = viewDates(next, todayUnits, today, versions);
      if (isStatus)
        void queryClient.prefetchQuery(statusQuery({ period: next.id, parent: province, at: nextDates.at }));
      else
        void queryClient.prefetchQuery(
          valuesQuery({ indicator, period: next.id, level, parent: province, at: nextDates.at }),
        );
      if (province && nextDates.tileAt !== tileAt)
        void queryClient.prefetchQuery(
          unitsQuery({ level: 'commune', parent: province, at: nextDates.tileAt }),
        );
    }
  }, [
    arrived,
    mapsLoaded,
    period,
    today,
    todayUnits,
    versions,
    indicator,
    isStatus,
    province,
    tileAt,
    queryClient,
    level,
  ]);

  const inView = useMemo(
    () => (province ? (provinceCommunes.data?.rows.map((u) => u.code) ?? null) : null),
    [province, provinceCommunes.data],
  );
  const choropleth = useMemo(() => {
    if (isStatus) return status.data ? statusChoropleth(status.data.rows, inView) : null;
    if (!values.data) return null;
    if (values.data.meta.level === 'province') {
      const covered = province ? [province] : provincesOf(paintedCommunes ?? []);
      const byProvince = indicatorChoropleth(values.data.rows, covered, method, classes);
      return provinceClassesOnCommunes(byProvince, paintedCommunes ?? []);
    }
    return indicatorChoropleth(values.data.rows, inView, method, classes);
  }, [isStatus, status.data, values.data, inView, method, classes, province, paintedCommunes]);
  const meta = isStatus ? status.data?.meta : values.data?.meta;
  const classesKey = meta
    ? classesKeyOf({
        indicator,
        period: meta.period,
        parent: meta.parent,
        at: meta.at,
        method,
        classes,
        // A province-level colouring is painted on the communes once they are known.
        inView: provinceLevel ? (paintedCommunes?.length ?? 0) : (inView?.length ?? 0),
      })
    : '';
  // The colouring is the one asked for, not the previous period kept on screen while this one loads.
  const ready =
    meta !== undefined &&
    meta.period === period.id &&
    meta.at === at &&
    (province === null || inView !== null) &&
    (!provinceLevel || paintedCommunes !== undefined);

  return {
    ...dates,
    isStatus,
    /** The indicator is reported at province level: values, colours and the table are by province. */
    provinceLevel,
    status,
    values,
    provinceCommunes,
    inView,
    choropleth,
    classesKey,
    ready,
    error: (isStatus ? status.error : values.error) ?? provinceCommunes.error,
  };
}
