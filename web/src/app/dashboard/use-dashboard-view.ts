import type { Layer } from '@deck.gl/core';
import { useEffect, useMemo, useState } from 'react';
import { whenMapsDrawn } from '../../components/map/first-draw';
import { hotspotPoints } from '../../features/hotspots/hotspot-points';
import { periodLabel } from '../../lib/i18n';
import type { Period } from '../../lib/periods';
import type { ViewState } from '../../lib/url-state';
import {
  COMMUNE_LABEL_ZOOM,
  communeNames as communeNamesOf,
  frameFor,
  mapLabels,
  panelIndicators as panelIndicatorsOf,
  searchUnitsOf,
  selectedUnitOf,
  statusStrip as statusStripOf,
  tableRows as tableRowsOf,
  viewCaptions,
} from './dashboard-builders';
import type { useDashboardData } from './use-dashboard-data';

/**
 * deck.gl and the layers drawn with it: fetched once the map has drawn its first picture (first-draw.ts), so
 * the first map needs MapLibre only and deck.gl's start does not hold the main thread while it draws.
 */
const loadDeckLayers = () => whenMapsDrawn().then(() => import('./deck-layers'));

/**
 * What the map dashboard shows for the view in the URL and the server's answers: the selected unit, the
 * frame, labels and deck.gl layers, search entries, table rows, the status strip and the captions. Each is a
 * pure builder of dashboard-builders.ts, memoised on what it reads; this hook holds no state of its own but
 * the lazily loaded deck.gl module.
 */
export function useDashboardView(p: {
  view: ViewState;
  period: Period;
  zoom: number;
  data: ReturnType<typeof useDashboardData>;
}) {
  const { view, period, zoom, data } = p;
  const { lang, province } = view;
  const { indicators, provinces, allCommunes, seesPoints, hotspots } = data;
  const { tileAt, isStatus, status, provinceCommunes, choropleth, provinceLevel, values } = data.colouring;

  const provinceByCode = useMemo(
    () => new Map((provinces.data?.rows ?? []).map((u) => [u.code, u])),
    [provinces.data],
  );
  const indicator = indicators.data?.rows.find((i) => i.code === view.indicator) ?? null;
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

  const searchUnits = useMemo(
    () => searchUnitsOf(provinces.data?.rows, allCommunes.data?.rows, provinceByCode),
    [provinces.data, allCommunes.data, provinceByCode],
  );

  const tableRows = useMemo(
    () =>
      view.view !== 'table'
        ? []
        : tableRowsOf({
            // A province-level indicator has figures for provinces only: the table lists provinces.
            units:
              (provinceLevel
                ? provinces.data?.rows.filter((u) => province === null || u.code === province)
                : province
                  ? provinceCommunes.data?.rows
                  : allCommunes.data?.rows) ?? [],
            provinceByCode,
            statuses: status.data?.rows ?? [],
            choropleth,
            isStatus,
            indicator,
            lang,
          }),
    [
      view.view,
      province,
      provinceLevel,
      provinces.data,
      provinceCommunes.data,
      allCommunes.data,
      status.data,
      provinceByCode,
      choropleth,
      isStatus,
      lang,
      indicator,
    ],
  );

  const statusStrip = statusStripOf(data.stripPeriods, data.stripAnswers, unitCode ?? '');
  const panelIndicators = useMemo(
    () => panelIndicatorsOf(indicators.data?.rows ?? [], isStatus, view.indicator),
    [indicators.data, isStatus, view.indicator],
  );

  // What the page shows, in words: default briefing titles, export titles and table captions.
  const meta = (isStatus ? status.data : values.data)?.meta;
  const captions = viewCaptions({
    isStatus,
    indicatorCode: view.indicator,
    indicator,
    areaName: provinceUnit?.fullName ?? null,
    province,
    periodId: period.id,
    periodText: periodLabel(period.id, lang),
    meta,
    lang,
  });

  return {
    selectedUnit,
    provinceUnit,
    frame,
    hotspotList,
    hotspotsOn,
    communeNames,
    deckLayers,
    searchUnits,
    tableRows,
    statusStrip,
    panelIndicators,
    captions,
    meta,
  };
}
