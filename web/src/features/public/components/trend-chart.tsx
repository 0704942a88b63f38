import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumber } from '../../../lib/format';
import type { Lang } from '../../../lib/i18n';

export interface TrendPoint {
  label: string;
  /** null: no figure, or a suppressed one (the line skips it). */
  value: number | null;
}

/** One line over the years, for print and screen alike (no animation, so a print shows the final line). */
export function TrendChart({
  points,
  lang,
  unit,
  testId,
}: {
  points: readonly TrendPoint[];
  lang: Lang;
  unit: string;
  testId: string;
}) {
  return (
    <div className="public-chart" data-testid={testId}>
      <ResponsiveContainer width="100%" height={180}>
        <LineChart data={[...points]} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e3e3e3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" />
          <YAxis tick={{ fontSize: 11 }} width={64} tickFormatter={(v: number) => formatNumber(v, lang)} />
          <Tooltip formatter={(v) => `${formatNumber(typeof v === 'number' ? v : null, lang)} ${unit}`} />
          <Line
            type="monotone"
            dataKey="value"
            stroke="#225ea8"
            strokeWidth={2}
            dot={{ r: 3 }}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
