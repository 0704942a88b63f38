import type { CommuneStatus } from '@pcmt/domain/contracts/common';
import { formatNumber } from '../../../lib/format';
import { type Lang, STATUS_LABELS, translate } from '../../../lib/i18n';
import { STATUS_COLORS, STATUS_ORDER } from '../../../lib/status-style';

export interface StatusLegendProps {
  counts: Record<CommuneStatus, number> | null;
  noData: number;
  lang: Lang;
  noDataColor: string;
}

/** Commune classification legend: colour, Vietnamese label and how many communes fall in each class. */
export function StatusLegend({ counts, noData, lang, noDataColor }: StatusLegendProps) {
  return (
    <section className="legend" aria-label={translate(lang, 'legend')} data-testid="status-legend">
      <h2>{translate(lang, 'statusIndicator')}</h2>
      <ul>
        {STATUS_ORDER.map((s) => (
          <li key={s} data-status={s}>
            <span className="swatch" style={{ background: STATUS_COLORS[s] }} aria-hidden="true" />
            <span className="label">{STATUS_LABELS[lang][s]}</span>
            <span className="count">{counts ? formatNumber(counts[s], lang, 0) : '…'}</span>
          </li>
        ))}
        {noData > 0 && (
          <li data-status="no-data">
            <span className="swatch" style={{ background: noDataColor }} aria-hidden="true" />
            <span className="label">{translate(lang, 'noData')}</span>
            <span className="count">{formatNumber(noData, lang, 0)}</span>
          </li>
        )}
      </ul>
    </section>
  );
}
