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
import { formatNumber, withUnit } from '../../../lib/format';
import type { Lang } from '../../../lib/i18n';

export interface TrendPoint {
  label: string;
  /** null: no figure, or a suppressed one (the line skips it). */
  value: number | null;
}

/** A dashed vertical line at one point's label, e.g. where a reorganisation of the units first shows. */
export interface TrendMark {
  label: string;
  text: string;
}

/**
 * One line over the years, for print and screen alike (no animation, so a print shows the final line).
 * Marks that fall on none of the points are not drawn.
 */
export function TrendChart({
  points,
  lang,
  unit,
  testId,
  marks = [],
}: {
  points: readonly TrendPoint[];
  lang: Lang;
  unit: string;
  testId: string;
  marks?: readonly TrendMark[];
}) {
  // The axis is as wide as its longest label ("120.000.000" is not cut to "20.000.000"); shares say "%".
  const tick = (v: number) => (unit === '%' ? withUnit(formatNumber(v, lang), '%') : formatNumber(v, lang));
  const largest = Math.max(0, ...points.map((p) => Math.abs(p.value ?? 0)));
  const top = axisTop(largest);
  const axisWidth = Math.max(36, 10 + 7 * tick(top).length);
  return (
    <div className="public-chart" data-testid={testId}>
      {/* Its height is the stylesheet's (.public-chart): taller on a projector. */}
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={[...points]} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e3e3e3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} interval="preserveStartEnd" minTickGap={8} />
          <YAxis tick={{ fontSize: 12 }} width={axisWidth} tickFormatter={tick} />
          <Tooltip formatter={(v) => withUnit(formatNumber(typeof v === 'number' ? v : null, lang), unit)} />
          {marks
            .filter((m) => points.some((p) => p.label === m.label))
            .map((m) => (
              <ReferenceLine
                key={m.label}
                x={m.label}
                stroke="#888"
                strokeDasharray="3 3"
                // Left of the line: a reorganisation is often the last year shown, at the chart's right edge.
                label={{ value: m.text, fontSize: 10, position: 'insideTopRight', fill: '#555' }}
              />
            ))}
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

/**
 * The top tick of an axis over 0…largest as a chart rounds it (about four nice steps: 1, 2, 2,5, 5 × 10ⁿ):
 * 830 → 1.000, the label the axis must have room for (it was measured on 830 and "1.000" was cut).
 */
export function axisTop(largest: number): number {
  if (!(largest > 0)) return 0;
  const raw = largest / 4;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((f) => f * mag >= raw) ?? 10) * mag;
  return Math.ceil(largest / step) * step;
}
