import type {
  Allocation,
  ProgressStatus,
  TargetDefinition,
  TargetProgress,
} from '@pcmt/domain/contracts/plans';
import { yearEnd, yearOf, yearStart } from '@pcmt/domain/periods';
import { evaluateMeasured, reason, round, worseStatus } from './evaluate';
import type { AreaInputs, ProgressContext } from './inputs';
import { measureTarget } from './measures';

/**
 * Progress of one target: the entry point of the pure computation. `eachYear` splits the window into
 * calendar years (each must be met); `eachChild` evaluates the target on every child unit (each must meet
 * it) and reports how many do.
 */

export interface TargetSpec {
  code: string;
  definition: TargetDefinition;
  deadline: string;
}

export interface PlanSpan {
  periodStart: string;
}

/** The target on one area, ignoring eachChild: what a scorecard cell shows. */
export function progressOnArea(
  target: TargetSpec,
  area: AreaInputs,
  plan: PlanSpan,
  ctx: ProgressContext,
): TargetProgress {
  const def = target.definition;
  const measureCtx = (from: string, to: string) => ({
    ...ctx,
    planStart: plan.periodStart,
    targetCode: target.code,
    window: { from, to },
  });
  // A yearly change is judged on every calendar year from its first one.
  const window =
    'window' in def
      ? def.window
      : def.kind === 'yearly_change'
        ? { from: yearStart(def.fromYear), eachYear: true }
        : def.kind === 'roadmap'
          ? { from: yearStart(Math.min(...def.milestones.map((m) => m.year))), eachYear: true }
          : null;
  if (!window?.eachYear) {
    const from = window?.from ?? plan.periodStart;
    return evaluateMeasured(
      measureTarget(def, area, measureCtx(from, target.deadline)),
      target.deadline,
      ctx.asOf,
    );
  }
  return byYear(
    target,
    window.from,
    (from, to) => {
      const result = evaluateMeasured(measureTarget(def, area, measureCtx(from, to)), to, ctx.asOf);
      return result;
    },
    ctx,
  );
}

/**
 * A target that applies to every calendar year of its window: one result per year that has started; the
 * target is missed as soon as one finished year missed it, otherwise it stands where the current year does.
 */
function byYear(
  target: TargetSpec,
  from: string,
  evaluateYear: (from: string, to: string) => TargetProgress,
  ctx: ProgressContext,
): TargetProgress {
  const first = yearOf(from);
  const last = yearOf(target.deadline);
  const years: Array<{ year: number; result: TargetProgress }> = [];
  for (let year = first; year <= last; year++) {
    const start = year === first ? from : yearStart(year);
    if (start > ctx.asOf) break;
    const end = year === last ? target.deadline : yearEnd(year);
    years.push({ year, result: evaluateYear(start, end) });
  }
  // The year that stands: the latest one with figures (a new year has none until its first quarter).
  // With no figures at all, the first year's reason names what is missing.
  const current = years.filter((y) => y.result.status !== 'no_data').at(-1) ?? years[0];
  if (!current) {
    const none = evaluateYear(from, target.deadline);
    return { ...none, years: [] };
  }
  // Only a finished year can be missed.
  const finishedMiss = years.some((y) => y.result.status === 'missed');
  const deadlinePassed = ctx.asOf > target.deadline;
  // A year met while later years are still to come is on track, not achieved: "Đạt" is for the deadline.
  const status: ProgressStatus = finishedMiss
    ? 'missed'
    : current.result.status === 'achieved' && !deadlinePassed
      ? 'on_track'
      : current.result.status;
  const missedYears = years
    .filter((y) => y.result.status === 'missed')
    .map((y) => y.year)
    .join(', ');
  return {
    ...current.result,
    status,
    // A year without a figure has no point on the chart (not a point at zero).
    series: years.flatMap(({ result: r }) =>
      r.current !== null && r.currentDate !== null
        ? [{ date: r.currentDate, value: r.current, estimated: r.series.some((p) => p.estimated) }]
        : [],
    ),
    trajectory: years.map((y) => ({ date: yearEnd(y.year), value: y.result.target })),
    years: years.map((y) => ({ year: y.year, status: y.result.status, current: y.result.current })),
    reason: finishedMiss ? `missed in ${missedYears}` : current.result.reason,
    reasonCode: finishedMiss ? 'missed_years' : current.result.reasonCode,
    reasonParams: finishedMiss ? { years: missedYears } : current.result.reasonParams,
  };
}

/**
 * A target whose figure is a count for the whole scope ("đưa 33 người đi cai nghiện bắt buộc" for a district,
 * "12 → 18 xã" for a province): a child's part of it is not judged against the whole count.
 */
export function isWholeScopeCount(def: TargetSpec['definition']): boolean {
  if (def.eachChild) return false;
  switch (def.kind) {
    case 'count':
    case 'cumulative':
    case 'status_conversion':
      return true;
    case 'roadmap':
      return def.measure.type !== 'status_share';
    default:
      return false;
  }
}

/**
 * A child's figure shown as its contribution to the scope's count, without a traffic light: no status, no
 * progress, the scope's target kept for reference.
 */
export function asContribution(p: TargetProgress): TargetProgress {
  return {
    ...p,
    status: 'no_data',
    progressPct: null,
    band: null,
    projection: { ...p.projection, value: null, interval: null },
    reason: 'a contribution to the whole scope’s count, not judged on its own',
    reasonCode: 'contribution',
    reasonParams: { total: p.target, unit: p.unit },
  };
}

/**
 * A child without an allocated share (its weight indicator not reported over the baseline period, or not
 * listed among entered shares): its figure is shown, but it is not judged — "chưa đủ số liệu", never 0.
 */
export function withoutShare(p: TargetProgress, allocation: Allocation, total: number): TargetProgress {
  const what: Record<string, string> =
    allocation.type === 'proportional' ? { indicator: allocation.indicator, period: allocation.period } : {};
  return {
    ...p,
    status: 'no_data',
    progressPct: null,
    band: null,
    projection: { ...p.projection, value: null, interval: null },
    reason:
      allocation.type === 'proportional'
        ? `no ${allocation.indicator} figure for ${allocation.period} to allocate the target`
        : 'no share entered for this unit',
    reasonCode: allocation.type === 'proportional' ? 'allocation_no_value' : 'allocation_not_entered',
    reasonParams: { ...what, total, unit: p.unit },
  };
}

/**
 * The target as the plan states it: on the scope's total, or — eachChild — on every child unit, where the
 * scope's value is the number of children meeting it and its status the most serious of theirs.
 */
export function targetProgress(
  target: TargetSpec,
  scope: AreaInputs,
  children: readonly AreaInputs[],
  plan: PlanSpan,
  ctx: ProgressContext,
): TargetProgress {
  if (!target.definition.eachChild || children.length === 0) return progressOnArea(target, scope, plan, ctx);
  const results = children.map((child) => progressOnArea(target, child, plan, ctx));
  return combineChildren(results, target.deadline, ctx.asOf);
}

export function combineChildren(
  results: readonly TargetProgress[],
  deadline: string,
  asOf: string,
): TargetProgress {
  const withData = results.filter((r) => r.status !== 'no_data');
  const met = withData.filter((r) => r.status === 'achieved').length;
  const projectedMet = withData.filter((r) => r.status === 'achieved' || r.status === 'on_track').length;
  const status: ProgressStatus =
    withData.length === 0
      ? 'no_data'
      : withData.reduce<ProgressStatus>((worst, r) => worseStatus(worst, r.status), 'achieved');
  const first = results[0];
  const why =
    withData.length === 0
      ? reason('children_no_data', 'no child unit has data')
      : asOf > deadline && met < withData.length
        ? reason(
            'children_missed',
            `${withData.length - met} of ${withData.length} units did not meet the target`,
            {
              missed: withData.length - met,
              total: withData.length,
            },
          )
        : null;
  const latest =
    withData
      .map((r) => r.currentDate ?? '')
      .sort()
      .at(-1) ?? null;
  return {
    status,
    direction: 'higher',
    measure: 'level',
    bridge: null,
    // No child with data: no figure ("chưa có số liệu"), not "0 units met".
    current: withData.length > 0 ? met : null,
    currentDate: latest,
    target: withData.length,
    targetMax: null,
    baseline: null,
    baselineDate: null,
    progressPct: withData.length > 0 ? round((100 * met) / withData.length) : null,
    unit: 'đơn vị',
    projection: {
      method: first?.projection.method ?? 'carry_forward',
      descriptionVi: `Số đơn vị dự báo đạt theo từng đơn vị: ${first?.projection.descriptionVi ?? ''}`,
      descriptionEn: `Units projected to meet the target, each projected by: ${first?.projection.descriptionEn ?? ''}`,
      value: projectedMet,
      basedOn: withData.length,
      bounds: { min: 0, max: withData.length },
      clamped: false,
      interval: null,
    },
    band: null,
    reason: why?.en ?? null,
    reasonCode: why?.code ?? null,
    reasonParams: why?.params ?? {},
    series: [],
    trajectory: [],
    years: null,
    children: { met, total: withData.length, noData: results.length - withData.length },
  };
}
