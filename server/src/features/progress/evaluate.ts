import type { ProgressStatus, TargetProgress } from '../../contracts/plans';
import {
  linearTrendAt,
  type Point,
  PROJECTION_WORDS,
  type ProjectionMethod,
  paceAt,
  TREND_POINTS,
} from './projection';

/**
 * From a measured series to a progress status. Every kind of target is first turned into a measure where
 * higher is better (a share, a count, a reduction in %, the number of communes kept), so one set of rules
 * decides the status:
 * - deadline passed: achieved if the value at the deadline meets the target, else missed;
 * - met now and still met by the projection: achieved;
 * - not met now but met by the projection: on track;
 * - projection within RISK_TOLERANCE of the target (or met now but projected to slip): at risk;
 * - otherwise off track.
 */

/** A projection falling short by at most this share of the target is "at risk" rather than "off track". */
export const RISK_TOLERANCE = 0.1;

export interface Observation extends Point {
  estimated: boolean;
}

/** A target turned into a measure: its series, what it must reach, and how to project it. */
export interface Measured {
  series: readonly Observation[];
  target: number;
  /** Range targets ("5–10 %"): the upper end; reaching `target` is enough to achieve. */
  targetMax: number | null;
  /** "> 20 %" rather than "≥ 20 %". */
  strict: boolean;
  baseline: Point | null;
  /** Start of the counting window for `pace`. */
  windowStart: string;
  /** How it is extended to the deadline while the deadline lies ahead. */
  projection: Exclude<ProjectionMethod, 'deadline_passed'>;
  unit: string;
  /** Set when the data cannot measure this target at all (baseline zero, no baseline data …). */
  reason: string | null;
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

export function evaluateMeasured(m: Measured, deadline: string, asOf: string): TargetProgress {
  const evaluatedOn = asOf < deadline ? asOf : deadline;
  const observed = m.series.filter((p) => p.date <= evaluatedOn);
  const current = observed.at(-1) ?? null;
  const met = (v: number) => (m.strict ? v > m.target : v >= m.target);
  const trajectory = m.baseline
    ? [m.baseline, { date: deadline, value: m.target }]
    : [{ date: deadline, value: m.target }];
  const base = {
    target: m.target,
    targetMax: m.targetMax,
    baseline: m.baseline?.value ?? null,
    baselineDate: m.baseline?.date ?? null,
    unit: m.unit,
    series: observed.map((p) => ({ date: p.date, value: round(p.value), estimated: p.estimated })),
    trajectory,
    years: null,
    children: null,
  };
  const words = PROJECTION_WORDS[m.projection];
  const noProjection = {
    method: m.projection,
    descriptionVi: words.vi,
    descriptionEn: words.en,
    value: null,
    basedOn: 0,
  };
  if (m.reason || !current) {
    return {
      ...base,
      status: 'no_data',
      current: current ? round(current.value) : null,
      currentDate: current?.date ?? null,
      progressPct: null,
      projection: noProjection,
      band: null,
      reason: m.reason ?? `no data on or before ${evaluatedOn}`,
    };
  }
  const deadlinePassed = asOf > deadline;
  const projected = deadlinePassed ? current.value : project(m, observed, current, deadline);
  let status: ProgressStatus;
  if (deadlinePassed) status = met(current.value) ? 'achieved' : 'missed';
  else if (met(current.value)) status = met(projected) ? 'achieved' : 'at_risk';
  else if (met(projected)) status = 'on_track';
  else if (projected >= m.target - RISK_TOLERANCE * Math.abs(m.target)) status = 'at_risk';
  else status = 'off_track';
  return {
    ...base,
    status,
    current: round(current.value),
    currentDate: current.date,
    progressPct: progressPct(m, current.value, met(current.value)),
    projection: deadlinePassed
      ? {
          method: 'deadline_passed',
          descriptionVi: PROJECTION_WORDS.deadline_passed.vi,
          descriptionEn: PROJECTION_WORDS.deadline_passed.en,
          value: null,
          basedOn: 0,
        }
      : {
          ...noProjection,
          value: round(projected),
          basedOn:
            m.projection === 'linear_trend' ? Math.min(observed.length, TREND_POINTS) : observed.length,
        },
    band: m.targetMax === null ? null : bandOf(current.value, m.targetMax, met),
    reason: null,
  };
}

function project(m: Measured, observed: readonly Observation[], current: Observation, deadline: string) {
  if (m.projection === 'linear_trend') return linearTrendAt(observed, deadline) ?? current.value;
  if (m.projection === 'pace') return paceAt(current.value, m.windowStart, current.date, deadline);
  return current.value;
}

/**
 * Share of the way from the baseline to the target; from zero when there is no baseline below the target
 * (a count, or a share already above the target at the start). Met targets show at least 100 %.
 */
function progressPct(m: Measured, current: number, isMet: boolean): number | null {
  const from = m.baseline && m.baseline.value < m.target ? m.baseline.value : 0;
  if (m.target <= from) return isMet ? 100 : null;
  const pct = (100 * (current - from)) / (m.target - from);
  return round(Math.max(isMet ? 100 : 0, Math.min(pct, isMet ? Number.POSITIVE_INFINITY : 99.9)));
}

function bandOf(value: number, max: number, met: (v: number) => boolean) {
  if (!met(value)) return 'below' as const;
  return value > max ? ('above' as const) : ('within' as const);
}

export const round = (v: number) => Math.round(v * 100) / 100;
