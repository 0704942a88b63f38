import { createRoute } from '@hono/zod-openapi';
import {
  AsOfQuery,
  PlanCodeParam,
  RankingResponse,
  ScorecardQuery,
  ScorecardResponse,
  type Target,
  TargetDetailResponse,
  TargetParams,
  UnitQuery,
} from '@pcmt/domain/contracts/plans';
import { yearEnd, yearOf } from '@pcmt/domain/periods';
import type { z } from 'zod';
import type { Queryable } from '../../db/engine';
import type { RouteDeps } from '../../lib/context';
import { notFound } from '../../lib/errors';
import { msg } from '../../lib/messages';
import { createRouter, errorResponse } from '../../lib/openapi';
import { today } from '../../lib/sql';
import { mayReadUnit } from '../auth/jurisdiction';
import { requirePlan } from './plan-access';
import { childCells, loadUnit, summarize, unitTargetProgress } from './plan-progress';
import type { PlanRecord } from './plans.repo';
import { type AreaUnit, unitById, unitOn } from './progress-inputs.repo';
import { compareRanked } from './ranking';

/**
 * Scorecards (rows = targets, columns = child units or years), the detail behind one cell (its trend and
 * the units under it), and the ranking of provinces for one target.
 */

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

const scorecard = createRoute({
  method: 'get',
  path: '/api/plans/{code}/scorecard',
  summary: 'Scorecard of a plan on a unit: every target on every child unit (or every year), with statuses',
  request: { params: PlanCodeParam, query: ScorecardQuery },
  responses: {
    200: { description: 'Scorecard', ...json(ScorecardResponse) },
    400: errorResponse('Bad parameter'),
    404: errorResponse('No such plan or unit'),
  },
});

const detail = createRoute({
  method: 'get',
  path: '/api/plans/{code}/targets/{target}/detail',
  summary: 'One target on one unit: series, target trajectory, projection, and the units behind the value',
  request: { params: TargetParams, query: UnitQuery },
  responses: {
    200: { description: 'Target on a unit', ...json(TargetDetailResponse) },
    400: errorResponse('Bad parameter'),
    404: errorResponse('No such plan, target or unit'),
  },
});

const ranking = createRoute({
  method: 'get',
  path: '/api/plans/{code}/targets/{target}/ranking',
  summary: 'The provinces in force today ranked by their progress toward one target',
  request: { params: TargetParams, query: AsOfQuery },
  responses: {
    200: { description: 'Ranking', ...json(RankingResponse) },
    404: errorResponse('No such plan or target'),
  },
});

const head = (t: Target) => ({
  code: t.code,
  title: t.title,
  kind: t.definition.kind,
  allocation: 'allocation' in t.definition ? (t.definition.allocation?.type ?? null) : null,
  deadline: t.deadline,
  isPublic: t.isPublic,
});

const unitHead = (u: AreaUnit | null) =>
  u
    ? {
        code: u.code,
        name: u.name,
        level: u.level,
        provinceName: u.level === 'province' ? null : u.provinceName,
      }
    : null;

/**
 * The unit a request names, looked up in the plan scope's version (a pre-2025 plan's districts keep
 * their codes), or the plan's scope when none is named.
 */
async function requestedUnit(db: Queryable, plan: PlanRecord, code: string | undefined, asOf: string) {
  const scope = plan.scopeUnitId === null ? null : ((await unitById(db, plan.scopeUnitId)) ?? null);
  if (code === undefined) return scope;
  const on = scope?.validTo ? scope.validFrom : asOf;
  const unit = await unitOn(db, code, on);
  if (!unit) throw notFound('unit', msg('unit.not_valid_on', { field: 'unit', code, date: on }));
  return unit;
}

function requireTarget(plan: PlanRecord, code: string): Target {
  const target = plan.targets.find((t) => t.code === code);
  if (!target)
    throw notFound('target', msg('plan.target_not_found', { field: 'target', plan: plan.code, code }));
  return target;
}

/** Year columns: each year of the plan up to today, evaluated as known at its end. */
function yearEnds(plan: PlanRecord, asOf: string): string[] {
  const last = [plan.periodEnd, ...plan.targets.map((t) => t.deadline)].sort().at(-1) ?? plan.periodEnd;
  const ends: string[] = [];
  for (let y = yearOf(plan.periodStart); y <= yearOf(last); y++) {
    const end = yearEnd(y);
    ends.push(end < asOf ? end : asOf);
    if (end >= asOf) break;
  }
  return ends;
}

export const scorecardRoutes = ({ db, dataset, reference }: RouteDeps) =>
  createRouter()
    .openapi(scorecard, async (c) => {
      const { code } = c.req.valid('param');
      const q = c.req.valid('query');
      const asOf = q.asOf ?? today();
      const plan = await requirePlan(db, code);
      const unit = await requestedUnit(db, plan, q.unit, asOf);
      // Cells show today's figures only; year columns re-evaluate at each year's end and need the series.
      const loaded = await loadUnit(
        db,
        await reference.get(),
        plan,
        plan.targets,
        unit,
        asOf,
        q.columns === 'periods' ? 'series' : 'latest',
      );
      const years = q.columns === 'periods' ? yearEnds(plan, asOf) : [];
      const columns =
        q.columns === 'periods'
          ? years.map((d) => ({ key: d, label: d.slice(0, 4), drill: false }))
          : loaded.children.map((u) => ({ key: u.code, label: u.name, drill: u.level !== 'commune' }));
      const rows = plan.targets.map((target) => {
        const total = summarize(unitTargetProgress(loaded, target));
        if (q.columns === 'periods') {
          const cells = years.map((d) => ({ key: d, ...summarize(unitTargetProgress(loaded, target, d)) }));
          return { target: head(target), total, cells };
        }
        const byChild = childCells(loaded, target);
        const cells = loaded.children.flatMap((u) => {
          const cell = byChild.get(u.code);
          return cell ? [{ key: u.code, ...summarize(cell) }] : [];
        });
        return { target: head(target), total, cells };
      });
      return c.json(
        {
          meta: { synthetic: dataset.synthetic, source: dataset.source, asOf, columns: q.columns },
          plan: { code: plan.code, title: plan.title },
          unit: unitHead(unit),
          columns,
          rows,
        },
        200,
      );
    })
    .openapi(detail, async (c) => {
      const { code, target: targetCode } = c.req.valid('param');
      const q = c.req.valid('query');
      const asOf = q.asOf ?? today();
      const plan = await requirePlan(db, code);
      const target = requireTarget(plan, targetCode);
      const unit = await requestedUnit(db, plan, q.unit, asOf);
      const loaded = await loadUnit(db, await reference.get(), plan, [target], unit, asOf);
      const cells = childCells(loaded, target);
      return c.json(
        {
          meta: { synthetic: dataset.synthetic, source: dataset.source, asOf },
          plan: { code: plan.code, title: plan.title },
          target: { ...head(target), definition: target.definition },
          unit: unitHead(unit),
          progress: unitTargetProgress(loaded, target),
          units: loaded.children.flatMap((u) => {
            const cell = cells.get(u.code);
            return cell ? [{ code: u.code, name: u.name, ...summarize(cell) }] : [];
          }),
        },
        200,
      );
    })
    .openapi(ranking, async (c) => {
      const { code, target: targetCode } = c.req.valid('param');
      const asOf = c.req.valid('query').asOf ?? today();
      const plan = await requirePlan(db, code);
      const target = requireTarget(plan, targetCode);
      const loaded = await loadUnit(db, await reference.get(), plan, [target], null, asOf, 'latest');
      const cells = childCells(loaded, target);
      // A ranking of provinces shows only those the caller may read: a province's committee sees its own row.
      const { jurisdiction } = c.get('identity');
      const rows = loaded.children
        .filter((u) => mayReadUnit(jurisdiction, u))
        .flatMap((u) => {
          const cell = cells.get(u.code);
          return cell ? [{ code: u.code, name: u.name, ...summarize(cell) }] : [];
        })
        // Units with figures first, best progress first; a missing figure ranks last, never as 0.
        .sort(compareRanked)
        .map((row, i) => ({ rank: i + 1, ...row }));
      return c.json(
        { meta: { synthetic: dataset.synthetic, source: dataset.source, asOf }, target: head(target), rows },
        200,
      );
    });
