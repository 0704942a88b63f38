import type { PickingInfo } from '@deck.gl/core';
import { hasDistricts } from '@pcmt/domain/unit-versions';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { ApiErrorNotice } from '../../components/api-error-notice';
import { AtlasMap, type MapClick } from '../../components/map/atlas-map';
import { Breadcrumb } from '../../components/map/breadcrumb';
import { NO_DATA_COLOR, OUTSIDE_COLOR } from '../../components/map/choropleth';
import { IndicatorControls } from '../../entities/indicators/components/indicator-controls';
import { PeriodPicker } from '../../entities/periods/components/period-picker';
import { DataTable } from '../../entities/table/components/data-table';
import { type SearchUnit, UnitSearch } from '../../entities/units/components/unit-search';
import { CompareLink } from '../../features/compare/components/compare-link';
import { HotspotPopup } from '../../features/hotspots/components/hotspot-popup';
import type { HotspotPoint } from '../../features/hotspots/hotspot-points';
import { ReceivedCount, useCompletenessMap } from '../../features/reporting/completeness-map';
import { TimelapseControls } from '../../features/timelapse/components/timelapse-controls';
import { TimelapseLabel } from '../../features/timelapse/components/timelapse-label';
import { useTimelapse } from '../../features/timelapse/use-timelapse';
import { periodLabel, translate } from '../../lib/i18n';
import { lastReportedQuarter, parsePeriod, todayIso } from '../../lib/periods';
import type { MapLayerId, MapPosition } from '../../lib/url-state';
import { useViewState } from '../../lib/use-view-state';
import { homeProvinceOf } from './dashboard-builders';
import { LayerControls } from './layer-controls';
import { MapKey } from './map-key';
import { useDashboardData } from './use-dashboard-data';
import { useDashboardView } from './use-dashboard-view';
import { ViewActions } from './view-actions';
import {
  afterMapClick,
  afterSearchPick,
  type Popup,
  popupAfterPick,
  startOnHomeProvince,
  toggleLayer as toggleLayerPatch,
} from './view-updates';

const AreaPanel = lazy(() =>
  import('../../features/area-panel/components/area-panel').then((m) => ({ default: m.AreaPanel })),
);

/**
 * The map dashboard: composes the features (status, indicators, periods, units, hotspots, area panel, table)
 * around the map. Every choice lives in the URL; every server answer in the query cache. The queries are in
 * use-dashboard-data.ts, what is shown is computed by the pure builders of dashboard-builders.ts (memoised in
 * use-dashboard-view.ts), and the user's changes to the view by view-updates.ts; the layer switches are
 * layer-controls.tsx. This component wires them together.
 */
export default function Dashboard() {
  const [view, setView] = useViewState();
  const { lang } = view;
  const t = (k: Parameters<typeof translate>[1]) => translate(lang, k);
  const today = useMemo(() => todayIso(), []);
  const period = (view.period ? parsePeriod(view.period) : null) ?? lastReportedQuarter(today);
  const province = view.province;
  const [searchWanted, setSearchWanted] = useState(false);
  const [zoom, setZoom] = useState(view.map?.zoom ?? 5);
  const [popup, setPopup] = useState<Popup<HotspotPoint> | null>(null);
  const data = useDashboardData({ view, period, today, searchWanted });
  const { versions, indicators, config, provinces, allCommunes, user, seesPoints, hotspots, hotspotCounts } =
    data;
  const { old, at, tileAt, inView, choropleth, classesKey, ...colouring } = data.colouring;
  const timelapse = useTimelapse({
    period,
    today,
    classesKey,
    ready: colouring.ready,
    onPeriod: (id) => setView({ period: id }, { replace: true }),
  });
  const reports = useCompletenessMap({ periodId: period.id, province, inView });

  // A user of one province starts on it: the rest of the country is outside their jurisdiction.
  const homeProvince = homeProvinceOf(user);
  useEffect(() => {
    const patch = startOnHomeProvince(homeProvince, { province, map: view.map });
    if (patch) setView(patch, { replace: true });
  }, [homeProvince, province, view.map, setView]);

  const emptyClasses = useMemo(() => new Map<string, number>(), []);
  const shown = useDashboardView({ view, period, zoom, data });
  const { selectedUnit, provinceUnit, captions, hotspotList, hotspotsOn } = shown;
  const unitCode = view.unit;

  const onMove = useCallback(
    (pos: MapPosition) => {
      setZoom(pos.zoom);
      setView({ map: pos }, { replace: true });
    },
    [setView],
  );
  const onClick = useCallback(
    (c: MapClick) => {
      setPopup(null);
      const patch = afterMapClick(province, inView, c);
      if (patch) setView(patch);
    },
    [province, inView, setView],
  );
  const onPick = useCallback((info: PickingInfo | null, kind: 'hover' | 'click') => {
    const object = info?.object as HotspotPoint | undefined;
    const picked = info && object ? { object, x: info.x, y: info.y } : null;
    setPopup((prev) => popupAfterPick(prev, picked, kind));
  }, []);
  const onSearchPick = (u: SearchUnit) => {
    const patch = afterSearchPick(u, allCommunes.data?.rows);
    if (patch) setView(patch);
  };

  const error = colouring.error ?? provinces.error;
  const toggleLayer = (id: MapLayerId, on: boolean) => setView(toggleLayerPatch(view.layers, id, on));

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
          units={shown.searchUnits}
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
        <ReceivedCount periodId={period.id} province={province} lang={lang} />
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
        {/* One legend for the colours on the map: the completeness layer's (in its panel) replaces these. */}
        {!reports.colouring && (
          <MapKey
            lang={lang}
            choropleth={choropleth}
            what={captions.what}
            unit={captions.unit}
            provinceLevel={colouring.provinceLevel}
          />
        )}
        <ViewActions
          lang={lang}
          view={view}
          periodId={period.id}
          signedIn={user !== null}
          choropleth={reports.colouring ? null : choropleth}
          captions={captions}
          note={old ? t(view.todayUnits ? 'crosswalkNote' : 'oldUnitsNote') : null}
          meta={shown.meta}
          busy={timelapse.playing}
        />
        <LayerControls
          lang={lang}
          layers={view.layers}
          view={view.view}
          seesPoints={seesPoints}
          hotspotsOn={hotspotsOn}
          activePoints={hotspots.data ? hotspotList.filter((h) => h.status === 'active').length : null}
          activeCount={hotspotCounts.data ? hotspotCounts.data.rows.reduce((n, r) => n + r.active, 0) : null}
          zoom={zoom}
          reportsPanel={reports.panel}
          onLayer={toggleLayer}
          onView={(v) => setView({ view: v })}
        />
      </aside>
      <main className="map-area">
        {/* The map's style depends on the optional basemap: create it once the setting is known. */}
        {!config.isPending && (
          <AtlasMap
            basemapStyleUrl={config.data?.basemapStyleUrl ?? null}
            tileAt={tileAt}
            classes={reports.colouring?.classes ?? choropleth?.classes ?? emptyClasses}
            classesKey={reports.colouring?.key ?? classesKey}
            fill={{
              palette: reports.colouring?.palette ?? choropleth?.palette ?? [],
              noDataColor: NO_DATA_COLOR,
              outsideColor: province ? OUTSIDE_COLOR : NO_DATA_COLOR,
            }}
            showDistricts={hasDistricts(versions, tileAt) && province !== null}
            focusProvince={province}
            selectedCommune={unitCode}
            position={view.map}
            frame={shown.frame}
            deckLayers={shown.deckLayers}
            onMove={onMove}
            onClick={onClick}
            onPick={onPick}
            onRendered={timelapse.onRendered}
            ariaLabel={`${t('appSubtitle')} — ${periodLabel(period.id, lang)}`}
          />
        )}
        {timelapse.shownPeriod && <TimelapseLabel periodId={timelapse.shownPeriod} lang={lang} />}
        {popup && (
          <HotspotPopup
            hotspot={popup.hotspot}
            communeName={shown.communeNames.get(popup.hotspot.communeCode) ?? null}
            x={popup.x}
            y={popup.y}
            lang={lang}
            onClose={() => setPopup(null)}
          />
        )}
        {view.view === 'table' && (
          <DataTable
            rows={shown.tableRows}
            valueHeader={captions.valueHeader}
            fileName={captions.csvName}
            caption={captions.tableCaption}
            lang={lang}
            onSelect={(code) => setView({ unit: code, view: 'map' })}
            values={
              colouring.isStatus || !view.indicator
                ? null
                : { indicator: view.indicator, period: period.id, at }
            }
          />
        )}
        {selectedUnit && (
          <Suspense fallback={null}>
            <AreaPanel
              unit={selectedUnit}
              period={period}
              at={at}
              today={today}
              indicators={shown.panelIndicators}
              statusStrip={shown.statusStrip}
              lang={lang}
              onClose={() => setView({ unit: null })}
            />
          </Suspense>
        )}
      </main>
    </div>
  );
}
