import type { TargetProgress } from '@pcmt/domain/contracts/plans';
import { formatDate } from '@pcmt/domain/format';
import { dateOfDayNumber, dayNumber } from '@pcmt/domain/periods';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { Lang } from '../../../lib/i18n';
import { chartRows, formatNumber } from '../lib/progress-style';
import { intervalText, planText } from '../messages';

/**
 * Actual values against the straight trajectory from the baseline to the target, the projection to the
 * deadline (a vertical line), and in words how the projection was made.
 */
export function TrendChart({
  progress,
  deadline,
  lang,
}: {
  progress: TargetProgress;
  deadline: string;
  lang: Lang;
}) {
  const t = (k: Parameters<typeof planText>[1]) => planText(lang, k);
  const rows = chartRows(progress, deadline);
  const deadlineT = dayNumber(deadline);
  return (
    <figure style={{ margin: 0 }} data-testid="trend-chart">
      <ResponsiveContainer width="100%" height={260}>
        <ComposedChart data={rows} margin={{ top: 10, right: 16, bottom: 4, left: 4 }}>
          <CartesianGrid stroke="#e5e5e5" />
          <XAxis
            dataKey="t"
            type="number"
            domain={['dataMin', 'dataMax']}
            // Month and year on the axis (03/2026), the day in the tooltip (31/03/2026): dd/mm/yyyy as everywhere.
            tickFormatter={(v: number) => formatDate(dateOfDayNumber(v)).slice(3)}
            tick={{ fontSize: 11 }}
          />
          <YAxis tick={{ fontSize: 11 }} width={52} tickFormatter={(v: number) => formatNumber(v, lang)} />
          <Tooltip
            labelFormatter={(v) => formatDate(dateOfDayNumber(Number(v)))}
            formatter={(v) => formatNumber(typeof v === 'number' ? v : null, lang, 2)}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <ReferenceLine
            x={deadlineT}
            stroke="#555"
            strokeDasharray="2 2"
            label={{ value: t('deadline'), fontSize: 11, position: 'insideTopRight' }}
          />
          <Line
            dataKey="actual"
            name={t('actual')}
            stroke="#1f4e79"
            strokeWidth={2}
            dot={{ r: 2 }}
            connectNulls
            isAnimationActive={false}
          />
          <Line
            dataKey="estimated"
            name={`${t('actual')} (${t('estimated')})`}
            stroke="#1f4e79"
            strokeDasharray="5 3"
            dot={{ r: 2 }}
            connectNulls
            isAnimationActive={false}
          />
          <Line
            dataKey="trajectory"
            name={t('trajectory')}
            stroke="#1a9641"
            strokeWidth={1.5}
            dot={false}
            connectNulls
            isAnimationActive={false}
          />
          <Area
            dataKey="band"
            name={t('projectionBand')}
            stroke="none"
            fill="#d95f02"
            fillOpacity={0.15}
            connectNulls
            isAnimationActive={false}
          />
          <Line
            dataKey="projection"
            name={t('projectionLine')}
            stroke="#d95f02"
            strokeDasharray="6 4"
            dot={{ r: 2 }}
            connectNulls
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
      <figcaption style={{ fontSize: 12, color: '#444' }} data-testid="projection-method">
        {t('projection')}:{' '}
        {lang === 'vi' ? progress.projection.descriptionVi : progress.projection.descriptionEn}
        {progress.projection.basedOn > 0 ? ` (n = ${progress.projection.basedOn})` : ''}.
        {progress.projection.interval && (
          <span data-testid="projection-interval">
            {' '}
            {intervalText(progress.projection.interval, progress.unit, lang)}
          </span>
        )}
      </figcaption>
    </figure>
  );
}
