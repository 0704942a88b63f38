import type { IndicatorChoropleth, StatusChoropleth } from '../../components/map/choropleth';
import { NO_DATA_COLOR } from '../../components/map/choropleth';
import { PROVINCE_LEVEL_CAPTION } from '../../entities/choropleth-data/province-level';
import { IndicatorLegend } from '../../entities/indicators/components/indicator-legend';
import { StatusLegend } from '../../entities/status/components/status-legend';
import type { Lang } from '../../lib/i18n';

/**
 * The key to the map's colours: the status legend, or the indicator's classes, and the caption of an
 * indicator reported by province. The completeness layer's legend (in its panel) replaces it.
 */
export function MapKey(p: {
  lang: Lang;
  choropleth: StatusChoropleth | IndicatorChoropleth | null;
  /** The indicator's name and unit, as the captions say them. */
  what: string;
  unit: string;
  provinceLevel: boolean;
}) {
  const { lang, choropleth } = p;
  return (
    <>
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
          title={p.what}
          unit={p.unit}
          ranges={choropleth.ranges}
          counts={choropleth.counts}
          palette={choropleth.palette}
          noData={choropleth.noData}
          noDataColor={NO_DATA_COLOR}
          lang={lang}
          estimated={choropleth.estimated.size}
        />
      )}
      {p.provinceLevel && (
        <p className="muted" data-testid="province-level-caption">
          {PROVINCE_LEVEL_CAPTION[lang]}
        </p>
      )}
    </>
  );
}
