import type { Layer, PickingInfo } from '@deck.gl/core';
import { hasDistricts } from '@pcmt/domain/unit-versions';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { ApiErrorNotice } from '../../components/api-error-notice';
import { AtlasMap, type MapClick } from '../../components/map/atlas-map';
import { Breadcrumb } from '../../components/map/breadcrumb';
import { NO_DATA_COLOR, OUTSIDE_COLOR } from '../../components/map/choropleth';
import { PROVINCE_LEVEL_CAPTION } from '../../entities/choropleth-data/province-level';
import { IndicatorControls } from '../../entities/indicators/components/indicator-controls';
import { IndicatorLegend } from '../../entities/indicators/components/indicator-legend';
import { PeriodPicker } from '../../entities/periods/components/period-picker';
import { StatusLegend } from '../../entities/status/components/status-legend';
import { DataTable } from '../../entities/table/components/data-table';
import { type SearchUnit, UnitSearch } from '../../entities/units/components/unit-search';
import { AddToBriefing } from '../../features/briefings/components/add-to-briefing';
import { defaultViewTitle, draftViewFromMap } from '../../features/briefings/lib/view-from-map';
import { CompareLink } from '../../features/compare/components/compare-link';
import { HotspotLegend } from '../../features/hotspots/components/hotspot-legend';
import { HotspotPopup } from '../../features/hotspots/components/hotspot-popup';
import { type HotspotPoint, hotspotPoints } from '../../features/hotspots/hotspot-points';
import { ExportPngButton } from '../../features/map-export/components/export-png-button';
import { ReceivedCount, useCompletenessMap } from '../../features/reporting/completeness-map';
import { TimelapseControls } from '../../features/timelapse/components/timelapse-controls';
import { TimelapseLabel } from '../../features/timelapse/components/timelapse-label';
import { useTimelapse } from '../../features/timelapse/use-timelapse';
import { formatNumber } from '../../lib/format';
import { periodLabel, translate } from '../../lib/i18n';
import { lastReportedQuarter, parsePeriod, todayIso } from '../../lib/periods';
import type { MapLayerId, MapPosition } from '../../lib/url-state';
import { useViewState } from '../../lib/use-view-state';
import {
  COMMUNE_LABEL_ZOOM,
  communeNames as communeNamesOf,
  frameFor,
  homeProvinceOf,
  mapLabels,
  panelIndicators as panelIndicatorsOf,
  searchUnitsOf,
  selectedUnitOf,
  statusStrip as statusStripOf,
  tableRows as tableRowsOf,
  viewCaptions,
} from './dashboard-builders';
import { useDashboardData } from './use-dashboard-data';
import {
  afterMapClick,
  afterSearchPick,
  type Popup,
  popupAfterPick,
  startOnHomeProvince,
  toggleLayer as toggleLayerPatch,
} from './view-updates';

/** deck.gl and the layers drawn with it: fetched after the page, so the first map needs MapLibre only. */
const loadDeckLayers = () => import('./deck-layers');

const AreaPanel = lazy(() =>
  import('../../features/area-panel/components/area-panel').then((m) => ({ default: m.AreaPanel })),
);

/**
 * The map dashboard: composes the features (status, indicators, periods, units, hotspots, area panel, table)
 * around the map. Every choice lives in the URL; every server answer in the query cache. The queries are in
 * use-dashboard-data.ts, what is shown is computed by dashboard-builders.ts, and the user's changes to the
 * view by view-updates.ts; this component wires them together.
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
  const {
    old,
    at,
    tileAt,
    isStatus,
    status,
    provinceCommunes,
    inView,
    choropleth,
    classesKey,
    ...colouring
  } = data.colouring;
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

  const provinceByCode = useMemo(
    () => new Map((provinces.data?.rows ?? []).map((u) => [u.code, u])),
    [provinces.data],
  );
  const emptyClasses = useMemo(() => new Map<string, number>(), []);

  const indicatorMeta = indicators.data?.rows.find((i) => i.code === view.indicator) ?? null;
  const unitCode = view.unit;
  const selectedUnit = useMemo(
    () => selectedUnitOf(unitCode, provinceByCode, [provinceCommunes.data?.rows, allCommunes.data?.rows]),
    [unitCode, provinceByCode, provinceCommunes.data, allCommunes.data],
  );
  const provinceUnit = province ? (provinceByCode.get(province) ?? null) : null;

  const frame = useMemo(
    () => frameFor(province, tileAt, provinceCommunes.data?.rows),
    [province, tileAt, provinceCommunes.data],
  );

  const hotspotList = useMemo(() => (hotspots.data ? hotspotPoints(hotspots.data) : []), [hotspots.data]);
  const communeNames = useMemo(
    () => communeNamesOf([allCommunes.data?.rows, provinceCommunes.data?.rows]),
    [allCommunes.data, provinceCommunes.data],
  );

  const showCommuneLabels = province !== null && zoom >= COMMUNE_LABEL_ZOOM;
  const labels = useMemo(
    () =>
      mapLabels({
        on: view.layers.has('labels'),
        province,
        communeLabels: showCommuneLabels,
        provinces: provinces.data?.rows,
        provinceCommunes: provinceCommunes.data?.rows,
      }),
    [view.layers, showCommuneLabels, provinceCommunes.data, provinces.data, province],
  );

  const hotspotsOn = view.layers.has('hotspots') && seesPoints;
  const [deck, setDeck] = useState<Awaited<ReturnType<typeof loadDeckLayers>> | null>(null);
  useEffect(() => {
    let live = true;
    void loadDeckLayers().then((m) => {
      if (live) setDeck(m);
    });
    return () => {
      live = false;
    };
  }, []);
  const deckLayers = useMemo<Layer[]>(
    () =>
      deck
        ? deck.dashboardDeckLayers({
            hotspotsOn,
            hotspots: hotspotList,
            zoom,
            labels,
            communeLabels: showCommuneLabels,
          })
        : [],
    [deck, hotspotsOn, hotspotList, zoom, labels, showCommuneLabels],
  );

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

  const searchUnits: SearchUnit[] | null = useMemo(
    () => searchUnitsOf(provinces.data?.rows, allCommunes.data?.rows, provinceByCode),
    [provinces.data, allCommunes.data, provinceByCode],
  );
  const onSearchPick = (u: SearchUnit) => {
    const patch = afterSearchPick(u, allCommunes.data?.rows);
    if (patch) setView(patch);
  };

  const tableRows = useMemo(
    () =>
      view.view !== 'table'
        ? []
        : tableRowsOf({
            // A province-level indicator has figures for provinces only: the table lists provinces.
            units:
              (colouring.provinceLevel
                ? provinces.data?.rows.filter((u) => province === null || u.code === province)
                : province
                  ? provinceCommunes.data?.rows
                  : allCommunes.data?.rows) ?? [],
            provinceByCode,
            statuses: status.data?.rows ?? [],
            choropleth,
            isStatus,
            indicator: indicatorMeta,
            lang,
          }),
    [
      view.view,
      province,
      colouring.provinceLevel,
      provinces.data,
      provinceCommunes.data,
      allCommunes.data,
      status.data,
      provinceByCode,
      choropleth,
      isStatus,
      lang,
      indicatorMeta,
    ],
  );

  const statusStrip = statusStripOf(data.stripPeriods, data.stripAnswers, unitCode ?? '');
  const panelIndicators = useMemo(
    () => panelIndicatorsOf(indicators.data?.rows ?? [], isStatus, view.indicator),
    [indicators.data, isStatus, view.indicator],
  );

  const error = colouring.error ?? provinces.error;
  const toggleLayer = (id: MapLayerId, on: boolean) => setView(toggleLayerPatch(view.layers, id, on));
  const activeHotspots = hotspotList.filter((h) => h.status === 'active').length;

  // What the page shows, in words: default briefing titles, export titles and table captions.
  const captions = viewCaptions({
    isStatus,
    indicatorCode: view.indicator,
    indicator: indicatorMeta,
    areaName: provinceUnit?.fullName ?? null,
    province,
    periodId: period.id,
    periodText: periodLabel(period.id, lang),
    meta: (isStatus ? status.data : colouring.values.data)?.meta,
    lang,
  });
  const { what, area } = captions;
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
        {!reports.colouring && choropleth?.kind === 'status' && (
          <StatusLegend
            counts={choropleth.counts}
            noData={choropleth.noData}
            lang={lang}
            noDataColor={NO_DATA_COLOR}
          />
        )}
        {!reports.colouring && choropleth?.kind === 'indicator' && (
          <IndicatorLegend
            title={captions.what}
            unit={captions.unit}
            ranges={choropleth.ranges}
            counts={choropleth.counts}
            palette={choropleth.palette}
            noData={choropleth.noData}
            noDataColor={NO_DATA_COLOR}
            lang={lang}
            estimated={choropleth.estimated.size}
          />
        )}
        {!reports.colouring && colouring.provinceLevel && (
          <p className="muted" data-testid="province-level-caption">
            {PROVINCE_LEVEL_CAPTION[lang]}
          </p>
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
        {choropleth && !reports.colouring && (
          <ExportPngButton
            lang={lang}
            fileName={captions.pngName}
            what={what}
            area={area}
            period={periodLabel(period.id, lang)}
            note={old ? t(view.todayUnits ? 'crosswalkNote' : 'oldUnitsNote') : null}
            legend={choropleth}
            unit={captions.unit}
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
          ) : null}
          {seesPoints && hotspotsOn ? <HotspotLegend lang={lang} zoom={zoom} /> : null}
          {seesPoints
            ? null
            : hotspotCounts.data && (
                <p className="muted" data-testid="hotspot-counts">
                  {t('hotspots')}:{' '}
                  {formatNumber(
                    hotspotCounts.data.rows.reduce((n, r) => n + r.active, 0),
                    lang,
                    0,
                  )}{' '}
                  {t('active').toLowerCase()} ({t('countsOnly')})
                </p>
              )}
          <label>
            <input
              type="checkbox"
              checked={view.layers.has('labels')}
              onChange={(e) => toggleLayer('labels', e.target.checked)}
            />{' '}
            {t('labels')}
          </label>
          {reports.panel}
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
            frame={frame}
            deckLayers={deckLayers}
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
            valueHeader={captions.valueHeader}
            fileName={captions.csvName}
            caption={captions.tableCaption}
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
