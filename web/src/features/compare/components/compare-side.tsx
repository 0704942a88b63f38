import { formatDate } from '@pcmt/domain/format';
import { hasDistricts, versionOn } from '@pcmt/domain/unit-versions';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { ApiErrorNotice } from '../../../components/api-error-notice';
import { AtlasMap, type Bounds, type MapClick } from '../../../components/map/atlas-map';
import { NO_DATA_COLOR, OUTSIDE_COLOR } from '../../../components/map/choropleth';
import { ARCHIPELAGO_LABELS, buildLabelLayer, unitLabel } from '../../../components/map/label-layer';
import { type ChoroplethRequest, useChoropleth } from '../../../entities/choropleth-data/use-choropleth';
import { viewDates } from '../../../entities/choropleth-data/view-dates';
import { IndicatorLegend } from '../../../entities/indicators/components/indicator-legend';
import { StatusLegend } from '../../../entities/status/components/status-legend';
import { unitsQuery } from '../../../entities/units/api/get-units';
import { type Lang, periodLabel, translate } from '../../../lib/i18n';
import { type PeriodKind, periodsOfKind } from '../../../lib/periods';
import { useUnitVersions } from '../../../lib/unit-versions';
import { type MapPosition, STATUS_INDICATOR } from '../../../lib/url-state';
import { compareText } from '../messages';

/** Zoom from which a province view labels its communes instead of provinces (as on the dashboard). */
const COMMUNE_LABEL_ZOOM = 7;
const KINDS: PeriodKind[] = ['quarter', 'half', 'year'];

export interface IndicatorInfo {
  code: string;
  nameVi: string;
  nameEn: string;
  unitVi: string;
  unitEn: string;
}

/** What the side colours (as the dashboard asks the same data hook), and how it is shown and driven. */
export interface CompareSideProps extends ChoroplethRequest {
  side: 'left' | 'right';
  lang: Lang;
  indicators: readonly IndicatorInfo[];
  position: MapPosition | null;
  frame: { key: string; bounds: Bounds } | null;
  basemapStyleUrl: string | null;
  onMove: (position: MapPosition) => void;
  onClick: (click: MapClick) => void;
  onPeriod: (id: string) => void;
  onIndicator: (code: string) => void;
}

const noPick = () => {};

/**
 * One side of the comparison: its period named large above the map, its own period and indicator pickers,
 * the map coloured through the same data hook as the dashboard, and its legend with the count per class.
 */
export function CompareSide(p: CompareSideProps) {
  const t = (k: Parameters<typeof compareText>[1]) => compareText(p.lang, k);
  const versions = useUnitVersions();
  const dates = viewDates(p.period, p.todayUnits, p.today, versions);
  const provinces = useQuery(unitsQuery({ level: 'province', parent: null, at: dates.tileAt }));
  // A province of one unit version may not exist on the other (merged on 1/7/2025): this side then shows
  // the whole country rather than an error.
  const missing =
    p.province !== null &&
    provinces.data !== undefined &&
    !provinces.data.rows.some((u) => u.code === p.province);
  const province = missing ? null : p.province;
  const c = useChoropleth({
    period: p.period,
    indicator: p.indicator,
    province,
    method: p.method,
    classes: p.classes,
    todayUnits: p.todayUnits,
    today: p.today,
  });
  const emptyClasses = useMemo(() => new Map<string, number>(), []);

  const communeLabels = province !== null && (p.position?.zoom ?? 0) >= COMMUNE_LABEL_ZOOM;
  const deckLayers = useMemo(() => {
    const rows = communeLabels ? (c.provinceCommunes.data?.rows ?? []) : (provinces.data?.rows ?? []);
    const units = rows.map(unitLabel);
    const labels = province === null ? [...ARCHIPELAGO_LABELS, ...units] : units;
    return units.length > 0
      ? [buildLabelLayer(`${p.side}-${communeLabels ? 'commune' : 'province'}-labels`, labels, 12)]
      : [];
  }, [communeLabels, c.provinceCommunes.data, provinces.data, p.side, province]);

  const info = p.indicators.find((i) => i.code === p.indicator) ?? null;
  const what =
    p.indicator === STATUS_INDICATOR
      ? translate(p.lang, 'statusIndicator')
      : info
        ? p.lang === 'vi'
          ? info.nameVi
          : info.nameEn
        : p.indicator;
  // The units' own dates, from the published versions: "before 01/07/2025", "from 01/04/2026".
  const version = versionOn(versions, 'commune', c.tileAt);
  const units = c.old
    ? p.todayUnits
      ? t('crosswalk')
      : `${t('oldUnits')} ${formatDate(version?.validTo ?? null)}`
    : `${t('newUnits')} ${formatDate(version?.validFrom ?? null)}`;
  const label = periodLabel(p.period.id, p.lang);

  return (
    <section className="compare-side" data-side={p.side} aria-label={`${t(p.side)}: ${label}`}>
      <header className="compare-side-head">
        <h2 className="compare-label" data-testid={`compare-label-${p.side}`}>
          {label}
        </h2>
        <div className="compare-pickers">
          <select
            aria-label={`${t('period')} (${t(p.side).toLowerCase()})`}
            data-testid={`compare-period-${p.side}`}
            value={p.period.id}
            onChange={(e) => p.onPeriod(e.target.value)}
          >
            {KINDS.map((kind) => (
              <optgroup key={kind} label={translate(p.lang, kind)}>
                {periodsOfKind(kind, p.today)
                  .reverse()
                  .map((x) => (
                    <option key={x.id} value={x.id}>
                      {periodLabel(x.id, p.lang)}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
          <select
            aria-label={`${t('indicator')} (${t(p.side).toLowerCase()})`}
            data-testid={`compare-indicator-${p.side}`}
            value={p.indicator}
            onChange={(e) => p.onIndicator(e.target.value)}
          >
            <option value={STATUS_INDICATOR}>{translate(p.lang, 'statusIndicator')}</option>
            {p.indicators.map((i) => (
              <option key={i.code} value={i.code}>
                {p.lang === 'vi' ? i.nameVi : i.nameEn}
              </option>
            ))}
          </select>
        </div>
        <p className="compare-sub" data-testid={`compare-sub-${p.side}`}>
          {what} · {units}
        </p>
      </header>
      <div className="compare-map">
        <AtlasMap
          basemapStyleUrl={p.basemapStyleUrl}
          tileAt={c.tileAt}
          classes={c.choropleth?.classes ?? emptyClasses}
          classesKey={c.classesKey}
          fill={{
            palette: c.choropleth?.palette ?? [],
            noDataColor: NO_DATA_COLOR,
            outsideColor: province ? OUTSIDE_COLOR : NO_DATA_COLOR,
          }}
          showDistricts={hasDistricts(versions, c.tileAt) && province !== null}
          focusProvince={province}
          selectedCommune={null}
          position={p.position}
          frame={p.frame}
          deckLayers={deckLayers}
          onMove={p.onMove}
          onClick={p.onClick}
          onPick={noPick}
          ariaLabel={`${what} — ${label}`}
        />
        <div className="compare-legend">
          {missing && (
            <p className="note" role="status">
              {t('notOnTheseUnits')}
            </p>
          )}
          {c.error && <ApiErrorNotice error={c.error} lang={p.lang} />}
          {c.choropleth?.kind === 'status' && (
            <StatusLegend
              counts={c.choropleth.counts}
              noData={c.choropleth.noData}
              lang={p.lang}
              noDataColor={NO_DATA_COLOR}
            />
          )}
          {c.choropleth?.kind === 'indicator' && (
            <IndicatorLegend
              title={what}
              unit={info ? (p.lang === 'vi' ? info.unitVi : info.unitEn) : ''}
              ranges={c.choropleth.ranges}
              counts={c.choropleth.counts}
              palette={c.choropleth.palette}
              noData={c.choropleth.noData}
              noDataColor={NO_DATA_COLOR}
              lang={p.lang}
            />
          )}
        </div>
      </div>
    </section>
  );
}
