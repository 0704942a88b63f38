import type { TargetProgress } from '@pcmt/domain/contracts/plans';
import { dayNumber } from '@pcmt/domain/periods';

/** How a measure is extended to the deadline. */
export type ProjectionMethod = TargetProgress['projection']['method'];

/** Observations a linear trend is fitted to: two years of quarters would hide a recent turn. */
export const TREND_POINTS = 4;

export interface Point {
  date: string;
  value: number;
}

/**
 * Least-squares line through the last TREND_POINTS points, read at `at`. One point (or points all on one
 * day) gives a flat line: a single observation says nothing about direction.
 */
export function linearTrendAt(points: readonly Point[], at: string): number | null {
  const used = points.slice(-TREND_POINTS);
  const last = used.at(-1);
  if (!last) return null;
  const xs = used.map((p) => dayNumber(p.date));
  const meanX = xs.reduce((a, b) => a + b, 0) / xs.length;
  const meanY = used.reduce((a, p) => a + p.value, 0) / used.length;
  let sxx = 0;
  let sxy = 0;
  used.forEach((p, i) => {
    const dx = (xs[i] ?? meanX) - meanX;
    sxx += dx * dx;
    sxy += dx * (p.value - meanY);
  });
  if (sxx === 0) return last.value;
  const slope = sxy / sxx;
  return meanY + slope * (dayNumber(at) - meanX);
}

/** Two-sided 80 % Student t quantiles by degrees of freedom (n − 2 for a line through n points). */
const T80: Readonly<Record<number, number>> = { 1: 3.078, 2: 1.886, 3: 1.638, 4: 1.533, 5: 1.476 };

/** Share of outcomes a projection interval covers. */
export const INTERVAL_LEVEL = 80;

/**
 * The 80 % prediction interval of the least-squares line of `linearTrendAt` read at `at`, from the scatter of
 * its points around the line (residual standard error, widened with the distance from the points' centre).
 * Null with fewer than three points or all on one day: two points always lie on their line and say nothing
 * about the scatter.
 */
export function linearTrendInterval(
  points: readonly Point[],
  at: string,
): { low: number; high: number } | null {
  const used = points.slice(-TREND_POINTS);
  const n = used.length;
  if (n < 3) return null;
  const xs = used.map((p) => dayNumber(p.date));
  const meanX = xs.reduce((a, b) => a + b, 0) / n;
  const meanY = used.reduce((a, p) => a + p.value, 0) / n;
  let sxx = 0;
  let sxy = 0;
  used.forEach((p, i) => {
    const dx = (xs[i] ?? meanX) - meanX;
    sxx += dx * dx;
    sxy += dx * (p.value - meanY);
  });
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  const fitted = (x: number) => meanY + slope * (x - meanX);
  const ssr = used.reduce((sum, p, i) => sum + (p.value - fitted(xs[i] ?? meanX)) ** 2, 0);
  const s = Math.sqrt(ssr / (n - 2));
  const x0 = dayNumber(at);
  const se = s * Math.sqrt(1 + 1 / n + (x0 - meanX) ** 2 / sxx);
  const half = (T80[n - 2] ?? 1.282) * se;
  const centre = fitted(x0);
  return { low: centre - half, high: centre + half };
}

/**
 * A running total extended at the pace kept so far: total × (window length / time elapsed). Before any
 * time has elapsed there is no pace, so the total stands.
 */
export function paceAt(total: number, windowStart: string, observedOn: string, at: string): number {
  const elapsed = dayNumber(observedOn) - dayNumber(windowStart) + 1;
  const length = dayNumber(at) - dayNumber(windowStart) + 1;
  if (elapsed <= 0 || length <= elapsed) return total;
  return (total * length) / elapsed;
}

/** Words for each method, shown beside every projection (the UI states how it is made). */
export const PROJECTION_WORDS: Readonly<Record<ProjectionMethod, { vi: string; en: string }>> = {
  linear_trend: {
    vi: `Xu hướng tuyến tính (bình phương tối thiểu) của ${TREND_POINTS} kỳ số liệu gần nhất, kéo dài đến hạn; khoảng dự báo ${INTERVAL_LEVEL}% tính từ độ lệch của các kỳ so với đường xu hướng`,
    en: `Least-squares linear trend of the last ${TREND_POINTS} observations, extended to the deadline; the ${INTERVAL_LEVEL}% interval comes from the observations' scatter around the trend`,
  },
  pace: {
    vi: 'Nhịp độ bình quân từ đầu kỳ tính đến nay, giữ nguyên đến hạn',
    en: 'Average pace since the start of the counting window, kept until the deadline',
  },
  carry_forward: {
    vi: 'Giữ nguyên giá trị hiện tại đến hạn (phân loại xã chỉ thay đổi theo quyết định công nhận)',
    en: 'Current value carried to the deadline (commune statuses change only by decision)',
  },
  deadline_passed: {
    vi: 'Đã qua hạn: đánh giá theo số liệu tại thời điểm hạn, không dự báo',
    en: 'Deadline passed: judged on the value at the deadline, nothing projected',
  },
};
