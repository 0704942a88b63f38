import type { ViewSnapshot } from '@pcmt/domain/contracts/briefings';
import { periodShortLabel } from '@pcmt/domain/format';
import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { formatNumber } from '../../../lib/format';
import { type Lang, periodLabel, STATUS_LABELS } from '../../../lib/i18n';
import { STATUS_COLORS, STATUS_ORDER } from '../../../lib/status-style';

/** Short period labels for a chart axis, by the one formatter: "Q.III 2026", "Năm 2024" (were "Q3/26"). */
const shortPeriod = (id: string, lang: Lang): string => periodShortLabel(id, lang).filter(Boolean).join(' ');

/**
 * The view's area over the periods before it: communes per status as stacked bars (so the shift from red to
 * blue reads at a glance), or the indicator's value as a line. Sizes follow the slide's type size.
 */
export function SlideTrend({
  snapshot,
  lang,
  fontPx,
}: {
  snapshot: ViewSnapshot;
  lang: Lang;
  fontPx: number;
}) {
  const trend = snapshot.trend;
  if (trend.length < 2) return null;
  const tick = { fontSize: Math.round(fontPx * 0.75), fill: '#111' };
  const height = Math.round(fontPx * 11);
  const title = trend.map((p) => periodLabel(p.period, lang));
  return (
    <figure className="slide-trend" data-testid="slide-trend" aria-label={`${title[0]} – ${title.at(-1)}`}>
      <ResponsiveContainer width="100%" height={height}>
        {snapshot.kind === 'status' ? (
          <BarChart
            data={trend.map((p) => ({ period: shortPeriod(p.period, lang), ...(p.counts ?? {}) }))}
            margin={{ top: 4, right: 4, bottom: 0, left: 0 }}
          >
            <CartesianGrid stroke="#ddd" vertical={false} />
            <XAxis dataKey="period" tick={tick} interval={0} />
            <YAxis tick={tick} width={fontPx * 3} tickFormatter={(v: number) => formatNumber(v, lang, 0)} />
            {STATUS_ORDER.map((s) => (
              <Bar
                key={s}
                dataKey={s}
                name={STATUS_LABELS[lang][s]}
                stackId="status"
                fill={STATUS_COLORS[s]}
                stroke="#333"
                strokeWidth={0.5}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        ) : (
          <LineChart
            data={trend.map((p) => ({ period: shortPeriod(p.period, lang), value: p.value }))}
            margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
          >
            <CartesianGrid stroke="#ddd" />
            <XAxis dataKey="period" tick={tick} interval={0} />
            <YAxis tick={tick} width={fontPx * 3.5} tickFormatter={(v: number) => formatNumber(v, lang)} />
            <Line
              dataKey="value"
              stroke="#08519c"
              strokeWidth={Math.max(2, fontPx / 8)}
              dot={{ r: fontPx / 5 }}
              isAnimationActive={false}
            />
          </LineChart>
        )}
      </ResponsiveContainer>
    </figure>
  );
}
