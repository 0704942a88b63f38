import type { ViewSnapshot } from '@pcmt/domain/contracts/briefings';
import { NO_DATA_COLOR } from '../../../components/map/choropleth';
import { estimateText, formatValue, isCountUnit } from '../../../entities/indicators/estimates';
import { formatNumber, formatPercent } from '../../../lib/format';
import type { Lang } from '../../../lib/i18n';
import { legendLines, topRows } from '../lib/slide-figures';
import { briefingText } from '../messages';
import { SlideTrend } from './slide-trend';

/** Beside the map: a large high-contrast legend with counts and shares, the trend, the top communes. */
export function SlidePanel({
  snapshot,
  lang,
  fontPx,
}: {
  snapshot: ViewSnapshot;
  lang: Lang;
  fontPx: number;
}) {
  const t = (k: Parameters<typeof briefingText>[1]) => briefingText(lang, k);
  const lines = legendLines(snapshot, lang, t('noData'), NO_DATA_COLOR);
  const top = snapshot.kind === 'indicator' ? topRows(snapshot, 5) : [];
  const unit = snapshot.indicator
    ? lang === 'vi'
      ? snapshot.indicator.unitVi
      : snapshot.indicator.unitEn
    : '';
  return (
    <aside className="slide-panel">
      <table className="slide-legend" data-testid="slide-legend">
        <thead>
          <tr>
            <th scope="col" colSpan={2}>
              {snapshot.indicator
                ? `${lang === 'vi' ? snapshot.indicator.nameVi : snapshot.indicator.nameEn}`
                : t('status')}
            </th>
            <th scope="col">{t('count')}</th>
            <th scope="col">{t('share')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.key} data-key={l.key}>
              <td>
                <span className="slide-swatch" style={{ background: l.color }} aria-hidden="true" />
              </td>
              <th scope="row">{l.label}</th>
              <td className="num">{formatNumber(l.count, lang, 0)}</td>
              <td className="num">{l.key === 'no-data' ? '' : formatPercent(l.share, lang, 1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <SlideTrend snapshot={snapshot} lang={lang} fontPx={fontPx} />
      {top.length > 0 && (
        <table className="slide-top">
          <caption>
            {t('topUnits')} ({unit})
          </caption>
          <tbody>
            {top.map((r) => (
              <tr key={r.code}>
                <th scope="row">{r.name}</th>
                <td className="num" data-estimated={r.estimated || undefined}>
                  {formatValue(r.value, lang, {
                    estimated: r.estimated,
                    count: isCountUnit(snapshot.indicator?.unitVi ?? ''),
                    unit: snapshot.indicator?.unitVi,
                  })}
                  {r.estimated && ` (${estimateText(lang, 'estimated')})`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </aside>
  );
}
