import type { ProgressStatus, ReasonCode, TargetProgress } from '@pcmt/domain/contracts/plans';
import {
  INTERVAL_LEVEL,
  linearTrendAt,
  linearTrendInterval,
  type Point,
  PROJECTION_WORDS,
  type ProjectionMethod,
  paceAt,
  TREND_POINTS,
} from './projection';

/**
 * From a measured series to a progress status. A measure says whether higher or lower is better (a share,
 * a count, a reduction in %: higher; a growth cap: lower), so one set of rules decides the status:
 * - deadline passed: achieved if the value at the deadline meets the target, else missed;
 * - met now and it can no longer be lost (a running count reached): achieved;
 * - not met now and it can no longer be met (new events over a cap "không phát sinh"): missed;
 * - met now and still met by the projection: on track (not achieved: a level can still slip before the deadline);
 * - not met now but met by the projection: on track;
 * - projection within RISK_TOLERANCE of the target (or met now but projected to slip): at risk;
 * - otherwise off track.
 * Projections are held within the range the measure can take (a share 0–100 %, a count ≥ 0).
 */

/** A projection falling short by at most this share of the target is "at risk" rather than "off track". */
export const RISK_TOLERANCE = 0.1;

export interface Observation extends Point {
  estimated: boolean;
}

export interface Reason {
  code: ReasonCode;
  params: Record<string, string | number>;
  /** English sentence, for logs and API readers without the catalogue. */
  en: string;
}

export const reason = (
  code: ReasonCode,
  en: string,
  params: Record<string, string | number> = {},
): Reason => ({
  code,
  params,
  en,
});

/** A target turned into a measure: its series, what it must reach, and how to project it. */
export interface Measured {
  series: readonly Observation[];
  target: number;
  /** Range targets ("5–10 %"): the upper end; reaching `target` is enough to achieve. */
  targetMax: number | null;
  /** "> 20 %" rather than "≥ 20 %" (or "< 1 %" for a lower-is-better measure). */
  strict: boolean;
  /** Whether a higher value is better (default) or a lower one (a cap). */
  direction: 'higher' | 'lower';
  /** What the value is: the level itself, a reduction in %, a growth in %. */
  measure: 'level' | 'reduction' | 'growth';
  /** The range the measure can take; projections are held inside it. */
  bounds: { min: number | null; max: number | null };
  /** Once met it cannot be lost before the deadline (a running count of a flow). */
  locksWhenMet: boolean;
  /** Once broken it cannot be met again (a running count of new events over a cap): missed at once. */
  locksWhenBroken: boolean;
  baseline: Point | null;
  /** Start of the counting window for `pace`. */
  windowStart: string;
  /** How it is extended to the deadline while the deadline lies ahead. */
  projection: Exclude<ProjectionMethod, 'deadline_passed'>;
  unit: string;
  /** Set when the data cannot measure this target at all (no baseline data, unknown indicator …). */
  reason: Reason | null;
  /** Points on an older unit version were left out of the baseline and trend from this date. */
  bridgeSince: string | null;
  /** Points the trend is fitted to (default: the whole series). */
  trendFrom: string | null;
}

const SEVERITY: readonly ProgressStatus[] = [
  'achieved',
  'on_track',
  'at_risk',
  'off_track',
  'missed',
  'no_data',
];

/** The more serious of two statuses (no_data ranks last so that it never hides a real status). */
export const worseStatus = (a: ProgressStatus, b: ProgressStatus): ProgressStatus =>
  SEVERITY.indexOf(a) >= SEVERITY.indexOf(b) ? a : b;

/** Bounds of a share in %. */
export const SHARE_BOUNDS = { min: 0, max: 100 } as const;
/** Bounds of a count. */
export const COUNT_BOUNDS = { min: 0, max: null } as const;

export function clampTo(bounds: Measured['bounds'], v: number): number {
  if (bounds.min !== null && v < bounds.min) return bounds.min;
  if (bounds.max !== null && v > bounds.max) return bounds.max;
  return v;
}

export function evaluateMeasured(m: Measured, deadline: string, asOf: string): TargetProgress {
  const evaluatedOn = asOf < deadline ? asOf : deadline;
  const observed = m.series.filter((p) => p.date <= evaluatedOn);
  const current = observed.at(-1) ?? null;
  const sign = m.direction === 'lower' ? -1 : 1;
  const met = (v: number) => (m.strict ? sign * v > sign * m.target : sign * v >= sign * m.target);
  const trajectory = m.baseline
    ? [m.baseline, { date: deadline, value: m.target }]
    : [{ date: deadline, value: m.target }];
  const base = {
    target: m.target,
    targetMax: m.targetMax,
    direction: m.direction,
    measure: m.measure,
    baseline: m.baseline?.value ?? null,
    baselineDate: m.baseline?.date ?? null,
    unit: m.unit,
    series: observed.map((p) => ({ date: p.date, value: round(p.value), estimated: p.estimated })),
    trajectory,
    years: null,
    children: null,
    bridge: m.bridgeSince ? { method: 'latest_version_only' as const, since: m.bridgeSince } : null,
  };
  const words = PROJECTION_WORDS[m.projection];
  const noProjection = {
    method: m.projection,
    descriptionVi: words.vi,
    descriptionEn: words.en,
    value: null,
    basedOn: 0,
    bounds: m.bounds,
    clamped: false,
    interval: null,
  };
  if (m.reason || !current) {
    const why =
      m.reason ?? reason('no_data_until', `no data on or before ${evaluatedOn}`, { date: evaluatedOn });
    return {
      ...base,
      status: 'no_data',
      current: current ? round(current.value) : null,
      currentDate: current?.date ?? null,
      progressPct: null,
      projection: noProjection,
      band: null,
      reason: why.en,
      reasonCode: why.code,
      reasonParams: why.params,
    };
  }
  const deadlinePassed = asOf > deadline;
  const trendPoints = m.trendFrom ? observed.filter((p) => p.date >= (m.trendFrom ?? '')) : observed;
  const raw = deadlinePassed ? current.value : project(m, trendPoints, current, deadline);
  const projected = clampTo(m.bounds, raw);
  let status: ProgressStatus;
  if (deadlinePassed) status = met(current.value) ? 'achieved' : 'missed';
  else if (m.locksWhenBroken && !met(current.value)) status = 'missed';
  else if (met(current.value)) status = m.locksWhenMet ? 'achieved' : met(projected) ? 'on_track' : 'at_risk';
  else if (met(projected)) status = 'on_track';
  else if (sign * projected >= sign * m.target - RISK_TOLERANCE * Math.abs(m.target)) status = 'at_risk';
  else status = 'off_track';
  return {
    ...base,
    status,
    current: round(current.value),
    currentDate: current.date,
    progressPct: progressPct(m, sign, current.value, met(current.value)),
    projection: deadlinePassed
      ? {
          method: 'deadline_passed',
          descriptionVi: PROJECTION_WORDS.deadline_passed.vi,
          descriptionEn: PROJECTION_WORDS.deadline_passed.en,
          value: null,
          basedOn: 0,
          bounds: m.bounds,
          clamped: false,
          interval: null,
        }
      : {
          ...noProjection,
          value: round(projected),
          interval: intervalOf(m, trendPoints, deadline),
          basedOn:
            m.projection === 'linear_trend' ? Math.min(trendPoints.length, TREND_POINTS) : trendPoints.length,
          clamped: projected !== raw,
        },
    band: m.targetMax === null ? null : bandOf(current.value, m.targetMax, met),
    reason: null,
    reasonCode: null,
    reasonParams: {},
  };
}

/** The projection's interval, held within the measure's range (a share's interval never leaves 0–100 %). */
function intervalOf(m: Measured, points: readonly Observation[], deadline: string) {
  if (m.projection !== 'linear_trend') return null;
  const raw = linearTrendInterval(points, deadline);
  if (!raw) return null;
  return {
    low: round(clampTo(m.bounds, raw.low)),
    high: round(clampTo(m.bounds, raw.high)),
    level: INTERVAL_LEVEL,
  };
}

function project(m: Measured, observed: readonly Observation[], current: Observation, deadline: string) {
  if (m.projection === 'linear_trend') return linearTrendAt(observed, deadline) ?? current.value;
  if (m.projection === 'pace') return paceAt(current.value, m.windowStart, current.date, deadline);
  return current.value;
}

/**
 * Share of the way from the baseline to the target; from zero when there is no baseline short of the target
 * (a count, or a share already past the target at the start). Met targets show at least 100 %. A
 * lower-is-better measure counts the way down.
 */
function progressPct(m: Measured, sign: number, current: number, isMet: boolean): number | null {
  const target = sign * m.target;
  const from = m.baseline && sign * m.baseline.value < target ? sign * m.baseline.value : 0;
  if (target <= from) return isMet ? 100 : null;
  const pct = (100 * (sign * current - from)) / (target - from);
  return round(Math.max(isMet ? 100 : 0, Math.min(pct, isMet ? Number.POSITIVE_INFINITY : 99.9)));
}

function bandOf(value: number, max: number, met: (v: number) => boolean) {
  if (!met(value)) return 'below' as const;
  return value > max ? ('above' as const) : ('within' as const);
}

export const round = (v: number) => Math.round(v * 100) / 100;
