import type { ProgressSummary, Target, TargetProgress } from '@pcmt/domain/contracts/plans';
import type { Queryable } from '../../db/engine';
import { allocate } from '../progress/allocation';
import type { AreaInputs, IndicatorRef, ProgressContext } from '../progress/inputs';
import { emptyArea, mergeAreas } from '../progress/inputs';
import { inputNeeds } from '../progress/needs';
import {
  asContribution,
  isWholeScopeCount,
  progressOnArea,
  type TargetSpec,
  targetProgress,
  withoutShare,
} from '../progress/target-progress';
import type { ReferenceData } from '../reference/reference-cache';
import type { PlanRecord } from './plans.repo';
import { type AreaUnit, childUnits, fetchAreaInputs } from './progress-inputs.repo';

/**
 * Glue between the repository and the pure computation: fetch the inputs of a unit's children once, then
 * compute every target on the unit (as the plan states it) and on each child (a scorecard cell).
 */

/** A unit's inputs, loaded once and computed on as often as needed (per target, per year column). */
export interface LoadedUnit {
  unit: AreaUnit | null;
  children: AreaUnit[];
  scope: AreaInputs;
  childInputs: AreaInputs[];
  ctx: ProgressContext;
  span: { periodStart: string };
}

export function progressContext(ref: ReferenceData, asOf: string): ProgressContext {
  const quarters = [...ref.periods.values()]
    .filter((p) => p.kind === 'quarter')
    .sort((a, b) => a.startDate.localeCompare(b.startDate));
  const indicators = new Map<string, IndicatorRef>(
    [...ref.indicators.values()].map((i) => [
      i.code,
      {
        code: i.code,
        unitVi: i.unitVi,
        areaAggregation: i.areaAggregation,
        timeAggregation: i.timeAggregation,
        formula: i.formula,
        retired: i.retiredAt !== null,
      },
    ]),
  );
  return { asOf, quarters, indicators };
}

/**
 * The inputs of every target of `plan` on `unit` (null = the whole country) and on each of its children.
 * A unit without children (a commune) is read on its own.
 */
export async function loadUnit(
  db: Queryable,
  ref: ReferenceData,
  plan: PlanRecord,
  targets: readonly Target[],
  unit: AreaUnit | null,
  asOf: string,
  /** 'latest' when only today's figures are shown (scorecard cells, rankings): fewer quarters to read. */
  detail: 'series' | 'latest' = 'series',
): Promise<LoadedUnit> {
  const ctx = progressContext(ref, asOf);
  const needs = inputNeeds(targets, plan.periodStart, asOf, ctx.quarters, ctx.indicators, detail);
  const children = await childUnits(db, unit, asOf);
  const span = { periodStart: plan.periodStart };
  if (children.length > 0) {
    const inputs = await fetchAreaInputs(db, ref, children, unit, needs, asOf);
    const childInputs = children.map((c) => inputs.get(c.code) ?? emptyArea(c.code, c.name));
    const scope = mergeAreas(unit?.code ?? 'VN', unit?.name ?? 'Toàn quốc', childInputs, ctx.indicators);
    return { unit, children, scope, childInputs, ctx, span };
  }
  if (!unit) return { unit, children, scope: emptyArea('VN', 'Toàn quốc'), childInputs: [], ctx, span };
  const inputs = await fetchAreaInputs(db, ref, [unit], null, needs, asOf);
  return {
    unit,
    children,
    scope: inputs.get(unit.code) ?? emptyArea(unit.code, unit.name),
    childInputs: [],
    ctx,
    span,
  };
}

/** The target as the plan states it, on the loaded unit, as known on `asOf` (default the load date). */
export function unitTargetProgress(loaded: LoadedUnit, target: TargetSpec, asOf?: string): TargetProgress {
  const ctx = asOf ? { ...loaded.ctx, asOf } : loaded.ctx;
  return targetProgress(target, loaded.scope, loaded.childInputs, loaded.span, ctx);
}

/**
 * The target on each child unit: the cells of a scorecard row. A count for the whole scope is judged per
 * child against the child's allocated share when the target allocates it; otherwise it is shown per child
 * as a contribution, without a traffic light (a phường is not judged against the district's 33).
 */
export function childCells(loaded: LoadedUnit, target: TargetSpec): Map<string, TargetProgress> {
  const def = target.definition;
  const allocation =
    (def.kind === 'count' || def.kind === 'cumulative') && !def.eachChild ? def.allocation : undefined;
  if ((def.kind === 'count' || def.kind === 'cumulative') && allocation) {
    const shares = allocate(def.threshold, allocation, loaded.childInputs, loaded.ctx);
    return new Map(
      loaded.childInputs.map((c) => {
        const share = shares.get(c.code) ?? null;
        const whole = progressOnArea(target, c, loaded.span, loaded.ctx);
        if (share === null) return [c.code, withoutShare(whole, allocation, def.threshold)] as const;
        const own = { ...target, definition: { ...def, threshold: share } };
        return [c.code, progressOnArea(own, c, loaded.span, loaded.ctx)] as const;
      }),
    );
  }
  const contribution = isWholeScopeCount(def);
  return new Map(
    loaded.childInputs.map((c) => {
      const p = progressOnArea(target, c, loaded.span, loaded.ctx);
      return [c.code, contribution ? asContribution(p) : p] as const;
    }),
  );
}

/** A progress without its series: a cell, a ranking row. */
export function summarize(p: TargetProgress): ProgressSummary {
  return {
    status: p.status,
    current: p.current,
    target: p.target,
    targetMax: p.targetMax,
    progressPct: p.progressPct,
    unit: p.unit,
    band: p.band,
    reason: p.reason,
    reasonCode: p.reasonCode,
    reasonParams: p.reasonParams,
    direction: p.direction,
    measure: p.measure,
    children: p.children,
    projected: p.projection.value,
  };
}
