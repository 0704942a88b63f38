import { formatNumber } from '../../../lib/format';
import { type Lang, translate } from '../../../lib/i18n';
import { estimateText } from '../estimates';

export interface IndicatorLegendProps {
  title: string;
  unit: string;
  ranges: [number, number][];
  counts: number[];
  palette: readonly string[];
  noData: number;
  noDataColor: string;
  lang: Lang;
  /** Units whose value is an estimate (carried by a partial crosswalk row). */
  estimated?: number;
}

/** Classed legend of an indicator: value ranges written the reader's way, units per class, and no data. */
export function IndicatorLegend(p: IndicatorLegendProps) {
  return (
    <section className="legend" aria-label={translate(p.lang, 'legend')} data-testid="indicator-legend">
      <h2>
        {p.title} {p.unit && <small>({p.unit})</small>}
      </h2>
      <ul>
        {p.ranges.map(([lo, hi], i) => (
          <li key={`${lo}-${hi}`}>
            <span className="swatch" style={{ background: p.palette[i] }} aria-hidden="true" />
            <span className="label">
              {lo === hi
                ? formatNumber(lo, p.lang)
                : `${formatNumber(lo, p.lang)} – ${formatNumber(hi, p.lang)}`}
            </span>
            <span className="count">{formatNumber(p.counts[i] ?? 0, p.lang, 0)}</span>
          </li>
        ))}
        {p.noData > 0 && (
          <li>
            <span className="swatch" style={{ background: p.noDataColor }} aria-hidden="true" />
            <span className="label">{translate(p.lang, 'noData')}</span>
            <span className="count">{formatNumber(p.noData, p.lang, 0)}</span>
          </li>
        )}
        {(p.estimated ?? 0) > 0 && (
          <li data-testid="legend-estimated" title={estimateText(p.lang, 'estimatedTitle')}>
            <span className="swatch estimate" aria-hidden="true">
              ≈
            </span>
            <span className="label">{estimateText(p.lang, 'estimatedUnits')}</span>
            <span className="count">{formatNumber(p.estimated ?? 0, p.lang, 0)}</span>
          </li>
        )}
      </ul>
    </section>
  );
}
