import type { Layer, PickingInfo } from '@deck.gl/core';
import { hasDistricts, versionOn } from '@pcmt/domain/unit-versions';
import { useQueries, useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiErrorNotice } from '../../components/api-error-notice';
import { AtlasMap, type MapClick } from '../../components/map/atlas-map';
import { boundsOfPoints } from '../../components/map/bounds';
import { Breadcrumb } from '../../components/map/breadcrumb';
import { NO_DATA_COLOR, OUTSIDE_COLOR } from '../../components/map/choropleth';
import {
  ARCHIPELAGO_LABELS,
  buildLabelLayer,
  type MapLabel,
  unitLabelPriority,
} from '../../components/map/label-layer';
import { VIETNAM_BOUNDS } from '../../components/map/map-style';
import { sessionQuery } from '../../entities/auth/session';
import { useChoropleth } from '../../entities/choropleth-data/use-choropleth';
import { configQuery } from '../../entities/config/api/get-config';
import { indicatorsQuery } from '../../entities/indicators/api/get-indicators';
import { IndicatorControls } from '../../entities/indicators/components/indicator-controls';
import { IndicatorLegend } from '../../entities/indicators/components/indicator-legend';
import { isCountUnit } from '../../entities/indicators/estimates';
import { PeriodPicker } from '../../entities/periods/components/period-picker';
import { statusQuery } from '../../entities/status/api/get-status';
import { StatusLegend } from '../../entities/status/components/status-legend';
import { DataTable, type TableRow } from '../../entities/table/components/data-table';
import { unitsQuery } from '../../entities/units/api/get-units';
import { type SearchUnit, UnitSearch } from '../../entities/units/components/unit-search';
import { AddToBriefing } from '../../features/briefings/components/add-to-briefing';
import { defaultViewTitle, draftViewFromMap } from '../../features/briefings/lib/view-from-map';
import { CompareLink } from '../../features/compare/components/compare-link';
import { hotspotCountsQuery } from '../../features/hotspots/api/get-hotspot-counts';
import { hotspotsQuery } from '../../features/hotspots/api/get-hotspots';
import { HotspotPopup } from '../../features/hotspots/components/hotspot-popup';
import {
  buildHotspotLayers,
  type HotspotPoint,
  hotspotPoints,
} from '../../features/hotspots/layers/hotspot-layers';
import { ExportPngButton } from '../../features/map-export/components/export-png-button';
import { TimelapseControls } from '../../features/timelapse/components/timelapse-controls';
import { TimelapseLabel } from '../../features/timelapse/components/timelapse-label';
import { useTimelapse } from '../../features/timelapse/use-timelapse';
import { formatNumber } from '../../lib/format';
import { periodLabel, STATUS_LABELS, translate } from '../../lib/i18n';
import { lastReportedQuarter, parsePeriod, periodsOfKind, todayIso } from '../../lib/periods';
import { STATUS_COLORS } from '../../lib/status-style';
import { useUnitVersions } from '../../lib/unit-versions';
import type { MapLayerId, MapPosition } from '../../lib/url-state';
import { useViewState } from '../../lib/use-view-state';

const AreaPanel = lazy(() =>
  import('../../features/area-panel/components/area-panel').then((m) => ({ default: m.AreaPanel })),
);

/** Indicators the area panel shows as key figures and trends, when the catalogue has them. */
const KEY_INDICATORS = ['managed_addicts', 'addicts_per_1000', 'treatment_reach_pct', 'drug_arrests'];

/** Zoom from which a province view labels its communes instead of provinces. */
const COMMUNE_LABEL_ZOOM = 8.5;

interface Popup {
  hotspot: HotspotPoint;
  x: number;
  y: number;
  pinned: boolean;
}

/**
 * The map dashboard: composes the features (status, indicators, periods, units, hotspots, area panel, table)
 * around the map. Every choice lives in the URL; every server answer in the query cache.
 */
export default function Dashboard() {
  const [view, setView] = useViewState();
  const { lang } = view;
  const t = (k: Parameters<typeof translate>[1]) => translate(lang, k);
  const today = useMemo(() => todayIso(), []);
  const versions = useUnitVersions();
  const period = (view.period ? parsePeriod(view.period) : null) ?? lastReportedQuarter(today);
  const province = view.province;
  const {
    old,
    end,
    at,
    tileAt,
    isStatus,
    status,
    provinceCommunes,
    inView,
    choropleth,
    classesKey,
    ...colouring
  } = useChoropleth({
    period,
    indicator: view.indicator,
    province,
    method: view.method,
    classes: view.classes,
    todayUnits: view.todayUnits,
    today,
  });
  const mapArea = useRef<HTMLElement>(null);
  const timelapse = useTimelapse({
    period,
    today,
    classesKey,
    ready: colouring.ready,
    mapArea,
    onPeriod: (id) => setView({ period: id }, { replace: true }),
  });
  const [searchWanted, setSearchWanted] = useState(false);
  const [zoom, setZoom] = useState(view.map?.zoom ?? 5);
  const [popup, setPopup] = useState<Popup | null>(null);

  const indicators = useQuery(indicatorsQuery);
  const config = useQuery(configQuery);
  // Names and label points are the same on every date of a unit version: ask once per version, not per period.
  const provinces = useQuery(unitsQuery({ level: 'province', parent: null, at: tileAt }));
  const allCommunes = useQuery({
    ...unitsQuery({ level: 'commune', parent: null, at: tileAt }),
    enabled: searchWanted || view.view === 'table' || (!province && view.unit !== null),
  });
  // The state of each hotspot at the end of the period (or today for the running one).
  const hotspotsAt = [end, today].sort()[0] ?? today;
  // Hotspot positions are for police (and admins); committees see how many a place has, not where.
  const session = useQuery(sessionQuery);
  const user = session.data?.user ?? null;
  const seesPoints = user?.role === 'police' || user?.role === 'admin';
  const hotspots = useQuery({
    ...hotspotsQuery(hotspotsAt),
    enabled: view.layers.has('hotspots') && seesPoints,
  });
  const hotspotCounts = useQuery({
    ...hotspotCountsQuery(province, hotspotsAt),
    enabled: user !== null && !seesPoints,
  });
  // A user of one province starts on it: the rest of the country is outside their jurisdiction.
  const homeProvince =
    user?.jurisdiction.length === 1 && /^\d{2}$/.test(user.jurisdiction[0] ?? '')
      ? user.jurisdiction[0]
      : null;
  useEffect(() => {
    if (homeProvince && province === null && view.map === null)
      setView({ province: homeProvince }, { replace: true });
  }, [homeProvince, province, view.map, setView]);

  const provinceByCode = useMemo(
    () => new Map((provinces.data?.rows ?? []).map((u) => [u.code, u])),
    [provinces.data],
  );
  const emptyClasses = useMemo(() => new Map<string, number>(), []);

  const indicatorMeta = indicators.data?.rows.find((i) => i.code === view.indicator) ?? null;
  const unitCode = view.unit;
  const selectedUnit = useMemo(() => {
    if (!unitCode) return null;
    if (unitCode.length === 2) return provinceByCode.get(unitCode) ?? null;
    return (
      provinceCommunes.data?.rows.find((u) => u.code === unitCode) ??
      allCommunes.data?.rows.find((u) => u.code === unitCode) ??
      null
    );
  }, [unitCode, provinceByCode, provinceCommunes.data, allCommunes.data]);
  const provinceUnit = province ? (provinceByCode.get(province) ?? null) : null;

  const frame = useMemo(() => {
    if (!province) return { key: `country|${tileAt}`, bounds: VIETNAM_BOUNDS };
    const b = boundsOfPoints(provinceCommunes.data?.rows.map((u) => u.labelPoint) ?? []);
    return b ? { key: `${province}|${tileAt}`, bounds: b } : null;
  }, [province, tileAt, provinceCommunes.data]);

  const hotspotList = useMemo(() => (hotspots.data ? hotspotPoints(hotspots.data) : []), [hotspots.data]);
  const communeNames = useMemo(() => {
    const m = new Map<string, string>();
    for (const u of allCommunes.data?.rows ?? []) m.set(u.code, u.fullName);
    for (const u of provinceCommunes.data?.rows ?? []) m.set(u.code, u.fullName);
    return m;
  }, [allCommunes.data, provinceCommunes.data]);

  const showCommuneLabels = province !== null && zoom >= COMMUNE_LABEL_ZOOM;
  const labels: MapLabel[] = useMemo(() => {
    if (!view.layers.has('labels')) return [];
    const rows = showCommuneLabels ? (provinceCommunes.data?.rows ?? []) : (provinces.data?.rows ?? []);
    const units = rows.map((u) => ({
      code: u.code,
      name: u.name,
      position: u.labelPoint,
      priority: unitLabelPriority(u.code, u.areaKm2),
    }));
    return province === null ? [...ARCHIPELAGO_LABELS, ...units] : units;
  }, [view.layers, showCommuneLabels, provinceCommunes.data, provinces.data, province]);

  const hotspotsOn = view.layers.has('hotspots') && seesPoints;
  const deckLayers = useMemo(() => {
    const layers: Layer[] = [];
    if (hotspotsOn) layers.push(...buildHotspotLayers(hotspotList, zoom));
    if (labels.length > 0)
      layers.push(buildLabelLayer(showCommuneLabels ? 'commune-labels' : 'province-labels', labels, 12));
    return layers;
  }, [hotspotsOn, hotspotList, zoom, labels, showCommuneLabels]);

  const onMove = useCallback(
    (pos: MapPosition) => {
      setZoom(pos.zoom);
      setView({ map: pos }, { replace: true });
    },
    [setView],
  );
  const openProvince = useCallback(
    (code: string) => setView({ province: code, map: null, unit: null }),
    [setView],
  );
  const onClick = useCallback(
    (c: MapClick) => {
      setPopup(null);
      if (!province) {
        if (c.provinceCode) openProvince(c.provinceCode);
        return;
      }
      if (c.communeCode && inView?.includes(c.communeCode)) setView({ unit: c.communeCode });
      else if (c.provinceCode && c.provinceCode !== province) openProvince(c.provinceCode);
    },
    [province, inView, openProvince, setView],
  );
  const onPick = useCallback((info: PickingInfo | null, kind: 'hover' | 'click') => {
    const object = info?.object as HotspotPoint | undefined;
    setPopup((prev) => {
      if (!info || !object) return prev?.pinned ? prev : null;
      return { hotspot: object, x: info.x, y: info.y, pinned: kind === 'click' || (prev?.pinned ?? false) };
    });
  }, []);

  const searchUnits: SearchUnit[] | null = useMemo(() => {
    if (!provinces.data || !allCommunes.data) return null;
    const provinceName = (code: string) => provinceByCode.get(code)?.fullName ?? null;
    return [
      ...provinces.data.rows.map((u) => ({ ...u, provinceName: null })),
      ...allCommunes.data.rows.map((u) => ({ ...u, provinceName: provinceName(u.provinceCode) })),
    ];
  }, [provinces.data, allCommunes.data, provinceByCode]);
  const onSearchPick = (u: SearchUnit) => {
    if (u.level === 'province') {
      openProvince(u.code);
      return;
    }
    const unit = allCommunes.data?.rows.find((x) => x.code === u.code);
    if (!unit) return;
    setView({
      province: unit.provinceCode,
      unit: unit.code,
      map: { lng: unit.labelPoint[0], lat: unit.labelPoint[1], zoom: 10.5 },
    });
  };

  const tableRows: TableRow[] = useMemo(() => {
    if (view.view !== 'table') return [];
    const units = province ? (provinceCommunes.data?.rows ?? []) : (allCommunes.data?.rows ?? []);
    const statusByCode = new Map((status.data?.rows ?? []).map((r) => [r.code, r.status]));
    return units.map((u) => {
      const provinceName = provinceByCode.get(u.provinceCode)?.name ?? u.provinceCode;
      const c = choropleth?.classes.get(u.code);
      const color = c !== undefined && c >= 0 ? (choropleth?.palette[c] ?? null) : null;
      if (isStatus) {
        const s = statusByCode.get(u.code);
        return {
          code: u.code,
          name: u.fullName,
          province: provinceName,
          value: s ? (STATUS_LABELS[lang][s] ?? s) : null,
          color,
        };
      }
      const v = choropleth?.kind === 'indicator' ? choropleth.valueByCode.get(u.code) : undefined;
      const estimated = choropleth?.kind === 'indicator' && choropleth.estimated.has(u.code);
      const count = !indicatorMeta?.formula && isCountUnit(indicatorMeta?.unitVi ?? '');
      return {
        code: u.code,
        name: u.fullName,
        province: provinceName,
        value: v ?? null,
        color,
        estimated,
        count,
      };
    });
  }, [
    view.view,
    province,
    provinceCommunes.data,
    allCommunes.data,
    status.data,
    provinceByCode,
    choropleth,
    isStatus,
    lang,
    indicatorMeta,
  ]);

  // Status history of the selected commune, one cell per year (from its province's yearly statuses).
  const stripPeriods = useMemo(() => {
    if (unitCode?.length !== 5 || !province) return [];
    // Only periods reported on the units of `at`: those ending before the next version starts, and the
    // first half of that year when the change came mid-year.
    const next = versionOn(versions, 'commune', at)?.validTo;
    const years = periodsOfKind('year', today).map((p) => p.id);
    if (!next) return years;
    const before = years.filter((y) => `${y}-12-31` < next);
    const half = `${next.slice(0, 4)}-H1`;
    return next > `${next.slice(0, 4)}-06-30` ? [...before, half] : before;
  }, [unitCode, province, today, at, versions]);
  const stripQueries = useQueries({
    queries: stripPeriods.map((p) => ({ ...statusQuery({ period: p, parent: province, at }), retry: false })),
  });
  const statusStrip =
    stripPeriods.length > 0
      ? stripPeriods.map((p, i) => {
          const s = stripQueries[i]?.data?.rows.find((r) => r.code === unitCode)?.status ?? null;
          return { period: p, status: s, color: s ? STATUS_COLORS[s] : NO_DATA_COLOR };
        })
      : null;
  const panelIndicators = useMemo(() => {
    const rows = indicators.data?.rows ?? [];
    const codes = isStatus
      ? KEY_INDICATORS
      : [view.indicator, ...KEY_INDICATORS.filter((c) => c !== view.indicator)];
    return codes.flatMap((c) => rows.filter((r) => r.code === c));
  }, [indicators.data, isStatus, view.indicator]);

  const error = colouring.error ?? provinces.error;
  const toggleLayer = (id: MapLayerId, on: boolean) => {
    const next = new Set(view.layers);
    if (on) next.add(id);
    else next.delete(id);
    setView({ layers: next });
  };
  const activeHotspots = hotspotList.filter((h) => h.status === 'active').length;

  // What the page shows, in words: default briefing titles, export titles and table captions.
  const what = isStatus
    ? t('statusIndicator')
    : (indicatorMeta?.[lang === 'vi' ? 'nameVi' : 'nameEn'] ?? view.indicator);
  const area = provinceUnit?.fullName ?? t('country');
  const dataMeta = (isStatus ? status.data : colouring.values.data)?.meta;

  return (
    <div className="dashboard">
      <aside className="sidebar" aria-label={t('layers')}>
        <Breadcrumb
          provinceName={provinceUnit?.fullName ?? province}
          unitName={selectedUnit && selectedUnit.level !== 'province' ? selectedUnit.fullName : null}
          lang={lang}
          onCountry={() => setView({ province: null, unit: null, map: null })}
          onProvince={() => setView({ unit: null })}
        />
        <UnitSearch
          units={searchUnits}
          nearProvince={province}
          lang={lang}
          onFocus={() => setSearchWanted(true)}
          onPick={onSearchPick}
        />
        <PeriodPicker
          period={period}
          today={today}
          old={old}
          todayUnits={view.todayUnits}
          lang={lang}
          onPeriod={(id) => setView({ period: id })}
          onTodayUnits={(on) => setView({ todayUnits: on })}
        />
        <TimelapseControls
          playing={timelapse.playing}
          speedMs={timelapse.speedMs}
          lang={lang}
          onToggle={timelapse.toggle}
          onSpeed={timelapse.setSpeedMs}
        />
        <CompareLink view={view} period={period} today={today} />
        <IndicatorControls
          indicators={indicators.data?.rows ?? []}
          indicator={view.indicator}
          method={view.method}
          classes={view.classes}
          lang={lang}
          onChange={(patch) => setView(patch)}
        />
        {error && <ApiErrorNotice error={error} lang={lang} />}
        {choropleth?.kind === 'status' && (
          <StatusLegend
            counts={choropleth.counts}
            noData={choropleth.noData}
            lang={lang}
            noDataColor={NO_DATA_COLOR}
          />
        )}
        {choropleth?.kind === 'indicator' && (
          <IndicatorLegend
            title={
              indicatorMeta ? (lang === 'vi' ? indicatorMeta.nameVi : indicatorMeta.nameEn) : view.indicator
            }
            unit={indicatorMeta ? (lang === 'vi' ? indicatorMeta.unitVi : indicatorMeta.unitEn) : ''}
            ranges={choropleth.ranges}
            counts={choropleth.counts}
            palette={choropleth.palette}
            noData={choropleth.noData}
            noDataColor={NO_DATA_COLOR}
            lang={lang}
            estimated={choropleth.estimated.size}
          />
        )}
        {user && (
          <AddToBriefing
            lang={lang}
            view={draftViewFromMap(
              view,
              period.id,
              defaultViewTitle({ area, what, period: periodLabel(period.id, lang) }),
            )}
          />
        )}
        {choropleth && (
          <ExportPngButton
            lang={lang}
            fileName={`pcmt-${view.indicator}-${period.id}${province ? `-${province}` : ''}.png`}
            what={what}
            area={area}
            period={periodLabel(period.id, lang)}
            note={old ? t(view.todayUnits ? 'crosswalkNote' : 'oldUnitsNote') : null}
            legend={choropleth}
            unit={isStatus ? '' : (indicatorMeta?.[lang === 'vi' ? 'unitVi' : 'unitEn'] ?? '')}
            noDataColor={NO_DATA_COLOR}
            meta={dataMeta}
            busy={timelapse.playing}
          />
        )}
        <fieldset className="control-group">
          <legend>{t('layers')}</legend>
          {seesPoints ? (
            <label>
              <input
                type="checkbox"
                data-testid="layer-hotspots"
                checked={hotspotsOn}
                onChange={(e) => toggleLayer('hotspots', e.target.checked)}
              />{' '}
              {t('hotspots')}
              {hotspotsOn && hotspots.data && (
                <span className="muted" data-testid="hotspot-count">
                  {' '}
                  ({formatNumber(activeHotspots, lang, 0)} {t('active').toLowerCase()})
                </span>
              )}
            </label>
          ) : (
            hotspotCounts.data && (
              <p className="muted" data-testid="hotspot-counts">
                {t('hotspots')}:{' '}
                {formatNumber(
                  hotspotCounts.data.rows.reduce((n, r) => n + r.active, 0),
                  lang,
                  0,
                )}{' '}
                {t('active').toLowerCase()} ({t('countsOnly')})
              </p>
            )
          )}
          <label>
            <input
              type="checkbox"
              checked={view.layers.has('labels')}
              onChange={(e) => toggleLayer('labels', e.target.checked)}
            />{' '}
            {t('labels')}
          </label>
        </fieldset>
        <fieldset className="control-group">
          <legend>{t('view')}</legend>
          <div className="row" role="radiogroup">
            <label>
              <input
                type="radio"
                name="view"
                checked={view.view === 'map'}
                onChange={() => setView({ view: 'map' })}
              />{' '}
              {t('mapView')}
            </label>
            <label>
              <input
                type="radio"
                name="view"
                data-testid="view-table"
                checked={view.view === 'table'}
                onChange={() => setView({ view: 'table' })}
              />{' '}
              {t('tableView')}
            </label>
          </div>
        </fieldset>
      </aside>
      <main className="map-area" ref={mapArea}>
        {/* The map's style depends on the optional basemap: create it once the setting is known. */}
        {!config.isPending && (
          <AtlasMap
            basemapStyleUrl={config.data?.basemapStyleUrl ?? null}
            tileAt={tileAt}
            classes={choropleth?.classes ?? emptyClasses}
            classesKey={classesKey}
            fill={{
              palette: choropleth?.palette ?? [],
              noDataColor: NO_DATA_COLOR,
              outsideColor: province ? OUTSIDE_COLOR : NO_DATA_COLOR,
            }}
            showDistricts={hasDistricts(versions, tileAt) && province !== null}
            focusProvince={province}
            selectedCommune={unitCode}
            position={view.map}
            frame={frame}
            deckLayers={deckLayers}
            onMove={onMove}
            onClick={onClick}
            onPick={onPick}
            ariaLabel={`${t('appSubtitle')} — ${periodLabel(period.id, lang)}`}
          />
        )}
        {timelapse.shownPeriod && <TimelapseLabel periodId={timelapse.shownPeriod} lang={lang} />}
        {popup && (
          <HotspotPopup
            hotspot={popup.hotspot}
            communeName={communeNames.get(popup.hotspot.communeCode) ?? null}
            x={popup.x}
            y={popup.y}
            lang={lang}
            onClose={() => setPopup(null)}
          />
        )}
        {view.view === 'table' && (
          <DataTable
            rows={tableRows}
            valueHeader={
              isStatus ? t('status') : (indicatorMeta?.[lang === 'vi' ? 'nameVi' : 'nameEn'] ?? t('value'))
            }
            fileName={`pcmt-${view.indicator}-${period.id}${province ? `-${province}` : ''}.csv`}
            caption={[
              area,
              what,
              periodLabel(period.id, lang),
              dataMeta ? `${t('source')}: ${dataMeta.source}` : '',
              dataMeta?.synthetic ? t('syntheticNotice') : '',
            ]
              .filter(Boolean)
              .join(' — ')}
            lang={lang}
            onSelect={(code) => setView({ unit: code, view: 'map' })}
          />
        )}
        {selectedUnit && (
          <Suspense fallback={null}>
            <AreaPanel
              unit={selectedUnit}
              period={period}
              at={at}
              today={today}
              indicators={panelIndicators}
              statusStrip={statusStrip}
              lang={lang}
              onClose={() => setView({ unit: null })}
            />
          </Suspense>
        )}
      </main>
    </div>
  );
}
