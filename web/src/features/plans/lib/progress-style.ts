import type { ProgressStatus, TargetProgress } from '@pcmt/domain/contracts/plans';
import { dayNumber } from '@pcmt/domain/periods';
import { formatNumber as formatOne } from '../../../lib/format';

/**
 * Traffic-light colours of progress statuses. Green to dark red with a lightness step between neighbours
 * (ColorBrewer RdYlGn end points), and every cell also carries its label, so colour is never the only cue.
 */
export const PROGRESS_COLORS: Readonly<Record<ProgressStatus, string>> = {
  achieved: '#1a9641',
  on_track: '#a6d96a',
  at_risk: '#fdae61',
  off_track: '#f46d43',
  missed: '#a50026',
  no_data: '#d9d9d9',
};

/** Text colour readable on each status colour. */
export const PROGRESS_TEXT: Readonly<Record<ProgressStatus, string>> = {
  achieved: '#ffffff',
  on_track: '#1b1b1b',
  at_risk: '#1b1b1b',
  off_track: '#1b1b1b',
  missed: '#ffffff',
  no_data: '#1b1b1b',
};

export const PROGRESS_ORDER: readonly ProgressStatus[] = [
  'achieved',
  'on_track',
  'at_risk',
  'off_track',
  'missed',
  'no_data',
];

/** A number as Vietnamese (or English) readers write it, with at most `digits` decimals. */
/** A progress figure (one decimal at most) through the one formatter: `1.234,5`; missing is `–`. */
export function formatNumber(value: number | null, lang: 'vi' | 'en', digits = 1): string {
  return formatOne(value, lang, digits);
}

export interface ChartRow {
  /** Days since 1970, the chart's x axis. */
  t: number;
  date: string;
  actual?: number;
  /** Actual values re-expressed through the crosswalk: drawn dashed. */
  estimated?: number;
  trajectory?: number;
  projection?: number;
  /** The projection's uncertainty: [low, high], from the last value (no spread) to the deadline. */
  band?: [number, number];
}

/**
 * Rows for the trend chart: the actual series, the straight trajectory from the baseline to the target at
 * the deadline, and the projection from the last observation to the deadline — each on its own key so
 * recharts draws three lines on one time axis.
 */
export function chartRows(
  p: Pick<TargetProgress, 'series' | 'trajectory' | 'projection' | 'currentDate' | 'current'>,
  deadline: string,
): ChartRow[] {
  const rows = new Map<string, ChartRow>();
  const row = (date: string) => {
    let r = rows.get(date);
    if (!r) {
      r = { t: dayNumber(date), date };
      rows.set(date, r);
    }
    return r;
  };
  p.series.forEach((point, i) => {
    const r = row(point.date);
    const next = p.series[i + 1];
    // A point joins the dashed (estimated) line when it or its neighbour is an estimate, so the lines meet.
    if (!point.estimated) r.actual = point.value;
    if (point.estimated || next?.estimated) r.estimated = point.value;
  });
  for (const point of p.trajectory) row(point.date).trajectory = point.value;
  if (p.projection.value !== null && p.currentDate && p.current !== null && p.currentDate < deadline) {
    row(p.currentDate).projection = p.current;
    row(deadline).projection = p.projection.value;
    const interval = p.projection.interval;
    if (interval) {
      row(p.currentDate).band = [p.current, p.current];
      row(deadline).band = [interval.low, interval.high];
    }
  }
  return [...rows.values()].sort((a, b) => a.t - b.t);
}
