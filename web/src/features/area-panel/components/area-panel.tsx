import { formatDate } from '@pcmt/domain/format';
import { reorganisationPeriod, reorganisations } from '@pcmt/domain/unit-versions';
import { useQueries } from '@tanstack/react-query';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { CoverageNote } from '../../../entities/indicators/components/coverage-note';
import {
  describeSource,
  estimateText,
  formatValue,
  isCountUnit,
} from '../../../entities/indicators/estimates';
import { formatChange, formatCoverage, formatNumber } from '../../../lib/format';
import { type Lang, periodLabel, STATUS_LABELS, translate } from '../../../lib/i18n';
import { type Period, periodsOfKind, sameLastYear, shiftPeriod } from '../../../lib/periods';
import { useUnitVersions } from '../../../lib/unit-versions';
import { seriesQuery } from '../api/get-series';
import { keyFigure } from '../key-figures';

export interface PanelUnit {
  code: string;
  fullName: string;
  level: string;
  population: number | null;
  areaKm2: number | null;
}

export interface PanelIndicator {
  code: string;
  nameVi: string;
  nameEn: string;
  unitVi: string;
  unitEn: string;
}

export interface StatusStripCell {
  period: string;
  status: string | null;
  color: string;
}

export interface AreaPanelProps {
  unit: PanelUnit;
  period: Period;
  /** Units valid on this date: history before 1/7/2025 is re-expressed on them through the crosswalk. */
  at: string;
  today: string;
  indicators: readonly PanelIndicator[];
  statusStrip: readonly StatusStripCell[] | null;
  lang: Lang;
  onClose: () => void;
}

/** First period of the series a trend starts at: the first reported period of the same kind. */
function firstOfKind(p: Period, today: string): string {
  return periodsOfKind(p.kind, today)[0]?.id ?? p.id;
}

/**
 * The selected unit: key figures with the change against the previous period and the same period a year
 * before, trend charts across the 2025 reorganisation, and its status history as a strip.
 */
export function AreaPanel(p: AreaPanelProps) {
  const t = (k: Parameters<typeof translate>[1]) => translate(p.lang, k);
  // Each reorganisation the published versions name is marked where it first shows in a series.
  const reorganised = reorganisations(useUnitVersions()).map((r) => ({
    period: reorganisationPeriod(r.date, p.period.kind),
    label: `${t('reform')} ${formatDate(r.date)}`,
  }));
  const from = firstOfKind(p.period, p.today);
  const all = periodsOfKind(p.period.kind, p.today);
  const to = all[all.length - 1]?.id ?? p.period.id;
  const series = useQueries({
    queries: p.indicators.map((i) =>
      seriesQuery({ unit: p.unit.code, indicator: i.code, from, to, at: p.at }),
    ),
  });
  const previous = shiftPeriod(p.period, -1).id;
  const lastYear = sameLastYear(p.period).id;
  return (
    <aside className="area-panel" aria-label={t('areaPanel')} data-testid="area-panel">
      <header>
        <h2>{p.unit.fullName}</h2>
        <button type="button" className="close" onClick={p.onClose} aria-label={t('close')}>
          ×
        </button>
      </header>
      <p className="muted">
        {p.unit.code} · {periodLabel(p.period.id, p.lang)}
        {p.unit.population !== null && (
          <>
            {' '}
            · {t('population')}: {formatNumber(p.unit.population, p.lang, 0)}
          </>
        )}
        {p.unit.areaKm2 !== null && (
          <>
            {' '}
            · {t('area')}: {formatNumber(p.unit.areaKm2, p.lang)} km²
          </>
        )}
      </p>
      {p.statusStrip && (
        <section>
          <h3>{t('statusHistory')}</h3>
          <ol className="status-strip" data-testid="status-strip">
            {p.statusStrip.map((c) => (
              <li
                key={c.period}
                style={{ background: c.color }}
                title={`${periodLabel(c.period, p.lang)}: ${c.status ? STATUS_LABELS[p.lang][c.status] : t('noData')}`}
              >
                <span>{c.period.slice(2)}</span>
              </li>
            ))}
          </ol>
        </section>
      )}
      <table className="key-figures">
        <thead>
          <tr>
            <th scope="col">{t('indicator')}</th>
            <th scope="col">{periodLabel(p.period.id, p.lang)}</th>
            <th scope="col">{t('vsPrevious')}</th>
            <th scope="col">{t('vsLastYear')}</th>
          </tr>
        </thead>
        <tbody>
          {p.indicators.map((ind, i) => {
            const rows = series[i]?.data?.rows ?? [];
            const f = keyFigure(rows, p.period.id, previous, lastYear);
            const estimated = rows.find((r) => r.period === p.period.id)?.estimated ?? false;
            const partial = rows.find((r) => r.period === p.period.id)?.partial ?? false;
            // A province's or district's total says how many of its communes reported (missing is not zero).
            const coverage = partialCoverage(rows.find((r) => r.period === p.period.id));
            const count = isCountUnit(ind.unitVi);
            return (
              <tr key={ind.code}>
                <th scope="row">
                  {p.lang === 'vi' ? ind.nameVi : ind.nameEn}{' '}
                  <small className="muted">({p.lang === 'vi' ? ind.unitVi : ind.unitEn})</small>
                </th>
                <td className="num">
                  {series[i]?.isPending
                    ? '…'
                    : formatValue(f.current, p.lang, { estimated, count, unit: ind.unitVi })}
                  {estimated && (
                    <small className="estimate" title={estimateText(p.lang, 'estimatedTitle')}>
                      {' '}
                      {estimateText(p.lang, 'estimated')}
                    </small>
                  )}
                  {partial && (
                    <small className="partial" title={estimateText(p.lang, 'partialTitle')}>
                      {' '}
                      {estimateText(p.lang, 'partial')}
                    </small>
                  )}
                  {coverage && (
                    <CoverageNote
                      {...coverage}
                      missing={{ indicator: ind.code, period: p.period.id, parent: p.unit.code, at: p.at }}
                      lang={p.lang}
                    />
                  )}
                </td>
                <td className="num">{formatChange(f.current, f.previous, p.lang) ?? '–'}</td>
                <td className="num">{formatChange(f.current, f.lastYear, p.lang) ?? '–'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {(() => {
        const ind = p.indicators[0];
        const sources = series[0]?.data?.rows.find((r) => r.period === p.period.id)?.sources;
        if (!ind || !sources || sources.length === 0) return null;
        return (
          <section className="value-sources" data-testid="value-sources">
            <h3>
              {estimateText(p.lang, 'sources')}: {p.lang === 'vi' ? ind.nameVi : ind.nameEn},{' '}
              {periodLabel(p.period.id, p.lang)}
            </h3>
            <ul>
              {sources.map((s) => (
                <li key={`${s.tag}-${s.crosswalk}`}>{describeSource(s, p.lang)}</li>
              ))}
            </ul>
          </section>
        );
      })()}
      <h3>{t('trend')}</h3>
      {p.indicators.slice(0, 3).map((ind, i) => {
        const rows = series[i]?.data?.rows ?? [];
        return (
          <figure key={ind.code} className="trend" data-testid="trend-chart">
            <figcaption>{p.lang === 'vi' ? ind.nameVi : ind.nameEn}</figcaption>
            <ResponsiveContainer width="100%" height={110}>
              <LineChart data={rows} margin={{ top: 6, right: 8, bottom: 0, left: 0 }}>
                <CartesianGrid stroke="#e3e3e3" vertical={false} />
                <XAxis
                  dataKey="period"
                  tick={{ fontSize: 10 }}
                  interval="preserveStartEnd"
                  minTickGap={24}
                  tickFormatter={(v) => periodLabel(String(v), p.lang)}
                />
                <YAxis
                  tick={{ fontSize: 10 }}
                  width={44}
                  tickFormatter={(v: number) => formatNumber(v, p.lang)}
                />
                <Tooltip
                  formatter={(v, _name, item) => {
                    const point = item?.payload as
                      | { estimated?: boolean; reported?: number; expected?: number }
                      | undefined;
                    const estimated = point?.estimated;
                    const value = formatValue(typeof v === 'number' ? v : null, p.lang, {
                      estimated,
                      count: isCountUnit(ind.unitVi),
                      unit: ind.unitVi,
                    });
                    const text = estimated ? `${value} (${estimateText(p.lang, 'estimated')})` : value;
                    // An area's point always says how many communes its total covers.
                    return point?.reported !== undefined && point.expected !== undefined
                      ? `${text} — ${formatCoverage(point.reported, point.expected, p.lang)}`
                      : text;
                  }}
                  labelFormatter={(l) => periodLabel(String(l), p.lang)}
                />
                {reorganised.map((r) => (
                  <ReferenceLine
                    key={r.period}
                    x={r.period}
                    stroke="#888"
                    strokeDasharray="3 3"
                    label={{ value: r.label, fontSize: 9, position: 'insideTopLeft' }}
                  />
                ))}
                <Line
                  type="monotone"
                  dataKey="value"
                  stroke="#225ea8"
                  strokeWidth={2}
                  dot={false}
                  isAnimationActive={false}
                  connectNulls
                />
              </LineChart>
            </ResponsiveContainer>
          </figure>
        );
      })}
    </aside>
  );
}

/**
 * The coverage of an area's total when it covers only some of its communes ("Tổng của 12/15 xã đã báo cáo",
 * opening into the communes that did not report); null when all reported, for a commune, or without a value
 * (that is "chưa có số liệu" already).
 */
function partialCoverage(
  row: { value: number | null; reported?: number; expected?: number } | undefined,
): { reported: number; expected: number } | null {
  if (!row || row.value === null || row.reported === undefined || row.expected === undefined) return null;
  return row.reported < row.expected ? { reported: row.reported, expected: row.expected } : null;
}
