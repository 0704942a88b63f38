import { formatDate } from '@pcmt/domain/format';
import { reorganisationPeriod, reorganisations } from '@pcmt/domain/unit-versions';
import { useQuery } from '@tanstack/react-query';
import { receivedText } from '../../entities/reporting/received-text';
import { statusQuery } from '../../entities/status/api/get-status';
import { unitsQuery } from '../../entities/units/api/get-units';
import { formatNumber, formatPercent } from '../../lib/format';
import { periodLabel, STATUS_LABELS, translate } from '../../lib/i18n';
import { hrefWithLang, langOf, navigate, useLocation } from '../../lib/navigation';
import { routePath } from '../../lib/routes';
import { STATUS_COLORS, STATUS_ORDER } from '../../lib/status-style';
import { useUnitVersions } from '../../lib/unit-versions';
import { publicSummaryQuery } from './api/get-public-summary';
import { PublicStatusMap } from './components/public-status-map';
import { TargetsList } from './components/targets-list';
import { TrendChart } from './components/trend-chart';
import { fill, publicText } from './messages';
import { publicProvinceOf } from './public-path';
import { latestText, plottedValue } from './published-number';
import './public.css';

/**
 * The public summary of a province or the country, for anyone: the status map, the share of drug-free
 * communes and its trend, progress toward public targets and public indicators, as of the last closed
 * period. Loads MapLibre and recharts only: none of the dashboard's code.
 */
export default function PublicPage() {
  const location = useLocation();
  const lang = langOf(location.search);
  const t = (k: Parameters<typeof publicText>[1]) => publicText(lang, k);
  const province = publicProvinceOf(location.pathname);
  const summary = useQuery(publicSummaryQuery(province));
  const data = summary.data;
  const at = data?.meta.periodEnd ?? null;
  const statuses = useQuery({
    ...statusQuery({ period: data?.meta.period ?? '', parent: province, at: at ?? '' }),
    enabled: data !== undefined,
  });
  const provinces = useQuery({
    ...unitsQuery({ level: 'province', parent: null, at: at ?? '' }),
    enabled: at !== null,
  });
  // Indicators count on the units of each year: a reorganisation is marked where it first shows (a year).
  const reorganisedMarks = reorganisations(useUnitVersions()).map((r) => ({
    label: reorganisationPeriod(r.date, 'year'),
    text: fill(t('reorganised'), { date: formatDate(r.date) }),
  }));

  if (summary.isError) {
    return (
      <main className="public-page">
        <p role="alert" className="error">
          {t('loadError')}: {summary.error.message}
        </p>
      </main>
    );
  }
  if (!data) return <p className="loading">{translate(lang, 'loadingPage')}</p>;

  const areaName = data.area.level === 'country' ? t('country') : data.area.name;
  const current = data.drugFree.current;
  return (
    <main className="public-page" data-testid="public-page">
      <div className="public-head">
        <div>
          <h2>
            {t('title')}: {areaName}
          </h2>
          <p className="public-asof" data-testid="public-asof">
            {t('asOf')} {periodLabel(data.meta.period, lang)} (
            {fill(t('delayNote'), { days: data.meta.delayDays })})
          </p>
          {data.reports && (
            <p className="public-received" data-testid="public-received" title={data.reports.formName}>
              {receivedText(data.reports, lang)}
            </p>
          )}
        </div>
        <label className="public-picker">
          {t('pickProvince')}{' '}
          <select
            data-testid="public-province"
            value={province ?? ''}
            onChange={(e) =>
              navigate(hrefWithLang(routePath({ page: 'public', province: e.target.value || null }), lang))
            }
          >
            <option value="">{t('country')}</option>
            {provinces.data?.rows.map((p) => (
              <option key={p.code} value={p.code}>
                {p.fullName}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="public-print" onClick={() => window.print()}>
          {t('print')}
        </button>
      </div>

      <div className="public-grid">
        <section className="public-card public-map-card">
          <h3>{t('statusMap')}</h3>
          {at && (
            <PublicStatusMap
              tileAt={at}
              province={province}
              bounds={data.area.bounds}
              statuses={statuses.data?.rows ?? []}
              ariaLabel={`${t('statusMap')}: ${areaName}`}
            />
          )}
          <ul className="public-legend" aria-label={t('communesByStatus')}>
            {STATUS_ORDER.map((s) => (
              <li key={s} data-status={s}>
                <span className="swatch" style={{ background: STATUS_COLORS[s] }} aria-hidden="true" />
                {STATUS_LABELS[lang][s]}: <strong>{formatNumber(data.status.counts[s], lang, 0)}</strong>
              </li>
            ))}
          </ul>
        </section>

        <section className="public-card public-drug-free-card" data-testid="public-drug-free">
          <h3>{t('drugFreeShare')}</h3>
          <p className="public-big" data-testid="public-drug-free-share">
            {formatPercent(current.sharePct, lang)}
          </p>
          <p className="public-muted">
            {fill(t('drugFreeOf'), {
              n: formatNumber(current.drugFree, lang, 0),
              total: formatNumber(current.total, lang, 0),
            })}
          </p>
          <h4>{t('drugFreeTrend')}</h4>
          <TrendChart
            testId="public-drug-free-trend"
            lang={lang}
            unit="%"
            points={data.drugFree.trend.map((p) => ({
              label: periodLabel(p.period, lang),
              value: p.sharePct,
            }))}
          />
          <p className="public-muted">{t('onTodayUnits')}</p>
        </section>

        <section className="public-card public-targets-card">
          <h3>{t('targets')}</h3>
          <TargetsList targets={data.targets} lang={lang} />
        </section>

        <section className="public-card public-indicators-card" data-testid="public-indicators">
          <h3>{t('indicators')}</h3>
          {data.indicators.length === 0 && <p className="public-muted">{t('noIndicators')}</p>}
          {data.indicators.map((indicator) => {
            const unit = lang === 'vi' ? indicator.unitVi : indicator.unitEn;
            const latest = latestText(indicator.points.at(-1), unit, lang);
            return (
              <figure key={indicator.code} className="public-indicator">
                <figcaption>
                  {lang === 'vi' ? indicator.nameVi : indicator.nameEn}
                  {latest && <span className="public-muted"> · {latest}</span>}
                </figcaption>
                <TrendChart
                  testId={`public-indicator-${indicator.code}`}
                  lang={lang}
                  unit={unit}
                  marks={reorganisedMarks}
                  points={indicator.points.map((p) => ({ label: p.period, value: plottedValue(p.value) }))}
                />
              </figure>
            );
          })}
          {data.indicators.some((i) =>
            i.points.some((p) => reorganisedMarks.some((m) => m.label === p.period)),
          ) && (
            <p className="public-muted" data-testid="public-reorganised-note">
              {t('reorganisedNote')}
            </p>
          )}
          <p className="public-muted">{fill(t('suppressedNote'), { n: data.meta.minCount })}</p>
        </section>
      </div>
    </main>
  );
}
