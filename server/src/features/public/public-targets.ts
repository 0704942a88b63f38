import type { Target } from '@pcmt/domain/contracts/plans';
import type { PublicSummaryResponse } from '@pcmt/domain/contracts/public';
import type { Queryable } from '../../db/engine';
import type { PeriodRow } from '../periods/periods.repo';
import { loadUnit, progressContext, unitTargetProgress } from '../plans/plan-progress';
import type { PlanRecord } from '../plans/plans.repo';
import { findPlan, listPlans } from '../plans/plans.repo';
import { unitById, unitOn } from '../plans/progress-inputs.repo';
import { inputNeeds } from '../progress/needs';
import type { ReferenceData } from '../reference/reference-cache';
import { publishCount } from './suppression';

type PublicTarget = PublicSummaryResponse['targets'][number];

/**
 * Progress toward the public targets (`plan_targets.is_public`) of the plans that concern the area: the
 * country's plans everywhere, and a province's own plans (scope = that province code, in any unit
 * version) on its page. Computed by the plans' progress module as of the closed period's end.
 *
 * A target marked public that reads internal or police data (a non-public indicator, the hotspot register)
 * is left out: the page shows nothing derived from them, whatever the plan says.
 */
export async function publicTargets(
  db: Queryable,
  ref: ReferenceData,
  province: { code: string } | null,
  closed: PeriodRow,
  minCount: number,
): Promise<PublicTarget[]> {
  const asOf = closed.endDate;
  const plans = (await listPlans(db)).filter(
    (p) =>
      p.scope === null ||
      (province !== null && p.scope.level === 'province' && p.scope.code === province.code),
  );
  const area = province ? ((await unitOn(db, province.code, asOf)) ?? null) : null;
  const result: PublicTarget[] = [];
  for (const summary of plans) {
    const plan = await findPlan(db, summary.code);
    if (!plan) continue;
    const targets = plan.targets.filter((t) => t.isPublic && readsOnlyPublicData(t, plan, ref, asOf));
    if (targets.length === 0) continue;
    // A national plan is shown on the province it is looked at from; a province's plan on its own scope.
    const unit = plan.scopeUnitId === null ? area : ((await unitById(db, plan.scopeUnitId)) ?? null);
    const loaded = await loadUnit(db, ref, plan, targets, unit, asOf);
    for (const target of targets) {
      const p = unitTargetProgress(loaded, target);
      const countsPeople = needsOf(target, plan, ref, asOf).storedIndicators.length > 0;
      result.push({
        plan: plan.code,
        planTitle: plan.title,
        code: target.code,
        title: target.title,
        deadline: target.deadline,
        status: p.status,
        progressPct: p.progressPct,
        // Figures from indicator values may be small counts of people; commune counts are public decisions.
        current:
          p.current === null
            ? null
            : countsPeople && p.unit !== '%'
              ? publishCount(p.current, minCount)
              : { suppressed: false, value: p.current },
        target: p.target,
        unit: p.unit,
      });
    }
  }
  return result.sort((a, b) => b.deadline.localeCompare(a.deadline) || a.code.localeCompare(b.code));
}

function needsOf(target: Target, plan: PlanRecord, ref: ReferenceData, asOf: string) {
  const ctx = progressContext(ref, asOf);
  return inputNeeds([target], plan.periodStart, asOf, ctx.quarters, ctx.indicators);
}

/** Whether a target is computed from public data only: decided statuses and public-sensitivity indicators. */
function readsOnlyPublicData(target: Target, plan: PlanRecord, ref: ReferenceData, asOf: string): boolean {
  const needs = needsOf(target, plan, ref, asOf);
  return (
    !needs.hotspots &&
    needs.storedIndicators.every((code) => ref.indicators.get(code)?.sensitivity === 'public')
  );
}
