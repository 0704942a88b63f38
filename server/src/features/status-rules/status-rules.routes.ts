import { createRoute, z } from '@hono/zod-openapi';
import {
  DifferencesQuery,
  DifferencesResponse,
  ExplainQuery,
  ExplainResponse,
  type RuleSet,
  RuleSetCodeParam,
  RuleSetInput,
  RuleSetResponse,
  RuleSetsResponse,
} from '@pcmt/domain/contracts/status-rules';
import {
  type CommuneMeasures,
  evaluateRules,
  indicatorsRead,
  ruleCoverage,
} from '@pcmt/domain/status-rule-evaluation';
import type { Queryable } from '../../db/engine';
import { actorOf } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { bodyHook } from '../../lib/body-hook';
import type { RouteDeps } from '../../lib/context';
import { ApiError, badRequest, notFound } from '../../lib/errors';
import { msg } from '../../lib/messages';
import { createRouter, errorResponse } from '../../lib/openapi';
import { coversUnit, requireReadable, touchesProvince } from '../auth/jurisdiction';
import type { PeriodRow } from '../periods/periods.repo';
import { getOrInsert } from '../progress/inputs';
import type { ReferenceData } from '../reference/reference-cache';
import { communeStatuses } from '../status/status.repo';
import { resolvePeriod } from '../values/resolve-values-query';
import { valueRows } from '../values/values.repo';
import {
  communesOn,
  insertRuleSetVersion,
  latestRuleSet,
  listRuleSets,
  ruleSetInForce,
} from './status-rules.repo';

/**
 * Official status rules: the versioned rule sets, the explanation of one commune's suggested status
 * criterion by criterion beside its decided status, and every commune of an area with both (map-ready),
 * flagging where they differ.
 */

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

const list = createRoute({
  method: 'get',
  path: '/api/status-rules',
  summary: 'Every version of every status rule set',
  responses: { 200: { description: 'Rule sets', ...json(RuleSetsResponse) } },
});

const explain = createRoute({
  method: 'get',
  path: '/api/status-rules/explain',
  summary:
    'Why a commune is suggested a status in a period: each criterion, its threshold and the measured value',
  request: { query: ExplainQuery },
  responses: {
    200: { description: 'Explanation', ...json(ExplainResponse) },
    400: errorResponse('Bad parameter'),
    404: errorResponse('Unknown commune, period or rule set'),
  },
});

const differences = createRoute({
  method: 'get',
  path: '/api/status-rules/differences',
  summary:
    'Suggested and decided status of every commune of an area in a period (map-ready, with differences)',
  request: { query: DifferencesQuery },
  responses: {
    200: { description: 'Suggested vs decided', ...json(DifferencesResponse) },
    400: errorResponse('Bad parameter'),
    404: errorResponse('Unknown period, province or rule set'),
  },
});

const get = createRoute({
  method: 'get',
  path: '/api/status-rules/{code}',
  summary: 'The latest version of a rule set and the list of its versions',
  request: { params: RuleSetCodeParam },
  responses: {
    200: { description: 'Rule set', ...json(RuleSetResponse) },
    404: errorResponse('No such rule set'),
  },
});

const addVersion = createRoute({
  method: 'post',
  path: '/api/status-rules/{code}/versions',
  summary: 'Adopt a new version of a rule set (thresholds are data; earlier versions stay)',
  request: { params: RuleSetCodeParam, body: { ...json(RuleSetInput), required: true } },
  responses: {
    201: {
      description: 'Created',
      ...json(
        z.object({ ruleSet: RuleSetInput.extend({ code: z.string(), version: z.number(), id: z.number() }) }),
      ),
    },
    400: errorResponse('Invalid field'),
  },
});

const head = (r: RuleSet) => ({
  code: r.code,
  version: r.version,
  title: r.title,
  legalSource: r.legalSource,
  cannotProduce: ruleCoverage(r.rules).cannotProduce,
});

/**
 * The thresholds are yearly (people on record at the assessment date, arrests over the assessed year):
 * applied unchanged to a quarter they would under-count every flow, so a quarter or a month is refused.
 */
function requireYear(period: PeriodRow): void {
  if (!/^\d{4}$/.test(period.id))
    throw badRequest(
      'period',
      msg('request.invalid_field', {
        field: 'period',
        problem:
          'ngưỡng của bộ tiêu chí tính trên số liệu cả năm; hãy chọn một năm (ví dụ 2025), không áp dụng cho quý hay tháng',
      }),
    );
}

/** Each commune's values of the indicators the rules read, over the period, on the units of its end. */
async function measuresOf(
  db: Queryable,
  ref: ReferenceData,
  rules: RuleSet['rules'],
  period: PeriodRow,
  scope: { province: string | null; commune: string | null },
): Promise<Map<string, Map<string, number>>> {
  const byCommune = new Map<string, Map<string, number>>();
  for (const code of indicatorsRead(rules)) {
    const indicator = ref.indicators.get(code);
    if (!indicator || indicator.areaAggregation === 'rate' || indicator.timeAggregation === 'rate') continue;
    const rows = await valueRows(db, {
      stored: [
        { code, areaAggregation: indicator.areaAggregation, timeAggregation: indicator.timeAggregation },
      ],
      formula: null,
      direct: false,
      periodIds: [period.id],
      at: period.endDate,
      level: 'commune',
      parent: scope.province,
      parentLevel: scope.province ? 'province' : null,
      unitCode: scope.commune,
      // Who may see which communes is decided by the route's audience; scorecards read every unit.
      jurisdiction: null,
    });
    for (const r of rows) {
      const m = getOrInsert(byCommune, r.code, () => new Map());
      m.set(code, r.value);
    }
  }
  return byCommune;
}

/** Route data are not in the database: every commune's route criterion is unknown. */
const measures = (values: Map<string, number> | undefined): CommuneMeasures => ({
  values: values ?? new Map(),
  onRoute: null,
});

export const statusRulesRoutes = ({ db, dataset, reference }: RouteDeps) => {
  async function ruleSetFor(code: string | undefined, period: PeriodRow): Promise<RuleSet> {
    const found = code ? await latestRuleSet(db, code) : await ruleSetInForce(db, period.endDate);
    if (!found)
      throw code
        ? notFound('ruleSet', msg('rules.unknown_set', { field: 'ruleSet', code }))
        : notFound('period', msg('rules.none_in_force', { field: 'period', date: period.endDate }));
    return found;
  }

  return createRouter()
    .openapi(list, async (c) => c.json({ rows: await listRuleSets(db) }, 200))
    .openapi(explain, async (c) => {
      const q = c.req.valid('query');
      const ref = await reference.get();
      const period = resolvePeriod(ref, q.period);
      requireYear(period);
      const commune = (await communesOn(db, period.endDate, null)).find((u) => u.code === q.commune);
      if (!commune)
        throw notFound(
          'commune',
          msg('unit.no_commune_on', { field: 'commune', code: q.commune, date: period.endDate }),
        );
      requireReadable(c.get('identity').jurisdiction, { ...commune, level: 'commune' }, 'commune');
      const ruleSet = await ruleSetFor(q.ruleSet, period);
      const values = await measuresOf(db, ref, ruleSet.rules, period, {
        province: commune.provinceCode,
        commune: commune.code,
      });
      const outcome = evaluateRules(ruleSet.rules, measures(values.get(commune.code)));
      const decided =
        (
          await communeStatuses(db, {
            asOf: period.endDate,
            at: period.endDate,
            parent: commune.provinceCode,
          })
        ).find((s) => s.code === commune.code) ?? null;
      return c.json(
        {
          meta: {
            synthetic: dataset.synthetic,
            source: dataset.source,
            period: period.id,
            periodEnd: period.endDate,
          },
          ruleSet: head(ruleSet),
          commune: { code: commune.code, name: commune.name, provinceCode: commune.provinceCode },
          suggested: outcome.suggested,
          decided,
          differs: decided !== null && decided.status !== outcome.suggested,
          categories: outcome.categories,
        },
        200,
      );
    })
    .openapi(differences, async (c) => {
      const q = c.req.valid('query');
      const ref = await reference.get();
      const period = resolvePeriod(ref, q.period);
      requireYear(period);
      const { jurisdiction } = c.get('identity');
      if (q.parent && !touchesProvince(jurisdiction, q.parent)) {
        throw new ApiError(
          403,
          'outside_jurisdiction',
          msg('access.outside_jurisdiction', { field: 'parent', value: q.parent }),
          'parent',
        );
      }
      // Only the communes the caller may see: a province's, or just the granted communes.
      const communes = (await communesOn(db, period.endDate, q.parent ?? null)).filter((u) =>
        coversUnit(jurisdiction, u),
      );
      if (q.parent && communes.length === 0)
        throw notFound(
          'parent',
          msg('unit.no_province_with_communes', {
            field: 'parent',
            code: q.parent ?? '',
            date: period.endDate,
          }),
        );
      const ruleSet = await ruleSetFor(q.ruleSet, period);
      const values = await measuresOf(db, ref, ruleSet.rules, period, {
        province: q.parent ?? null,
        commune: null,
      });
      const decided = new Map(
        (
          await communeStatuses(db, { asOf: period.endDate, at: period.endDate, parent: q.parent ?? null })
        ).map((s) => [s.code, s.status]),
      );
      const rows = communes.map((u) => {
        const outcome = evaluateRules(ruleSet.rules, measures(values.get(u.code)));
        const status = decided.get(u.code) ?? null;
        return {
          code: u.code,
          name: u.name,
          suggested: outcome.suggested,
          decided: status,
          differs: status !== null && status !== outcome.suggested,
          metCount: outcome.categories.find((k) => k.status === outcome.suggested)?.metCount ?? 0,
          labelPoint: u.labelPoint,
        };
      });
      return c.json(
        {
          meta: {
            synthetic: dataset.synthetic,
            source: dataset.source,
            period: period.id,
            periodEnd: period.endDate,
            parent: q.parent ?? null,
            count: rows.length,
            differing: rows.filter((r) => r.differs).length,
          },
          ruleSet: head(ruleSet),
          rows,
        },
        200,
      );
    })
    .openapi(get, async (c) => {
      const { code } = c.req.valid('param');
      const all = (await listRuleSets(db)).filter((r) => r.code === code);
      const latest = all[0];
      if (!latest) throw notFound('code', msg('rules.unknown_set', { field: 'code', code }));
      return c.json(
        {
          ruleSet: latest,
          versions: all.map((r) => ({
            id: r.id,
            version: r.version,
            title: r.title,
            validFrom: r.validFrom,
            validTo: r.validTo,
          })),
        },
        200,
      );
    })
    .openapi(
      addVersion,
      async (c) => {
        const { code } = c.req.valid('param');
        const input = c.req.valid('json');
        if (input.validTo !== null && input.validTo <= input.validFrom)
          throw badRequest(
            'validTo',
            msg('rules.valid_to_order', { field: 'validTo', to: input.validTo, from: input.validFrom }),
          );
        const ref = await reference.get();
        for (const [i, category] of input.rules.categories.entries())
          for (const [j, criterion] of category.criteria.entries()) {
            const m = criterion.measure;
            const codes =
              m.type === 'value' ? [m.indicator] : m.type === 'per_resident_pct' ? m.indicators : [];
            for (const indicatorCode of codes) {
              const indicator = ref.indicators.get(indicatorCode);
              if (!indicator || indicator.areaAggregation === 'rate') {
                const field = `rules.categories[${i}].criteria[${j}].measure`;
                throw badRequest(field, msg('indicator.not_stored', { field, code: indicatorCode }));
              }
            }
          }
        const ruleSet = await db.transaction(async (tx) => {
          const before = await latestRuleSet(tx, code);
          const created = await insertRuleSetVersion(tx, code, input);
          await recordAudit(tx, {
            actor: actorOf(c),
            action: 'create',
            entity: 'status_rule_set',
            entityId: `${code}@${created.version}`,
            before: before ?? null,
            after: created,
          });
          return created;
        });
        return c.json({ ruleSet }, 201);
      },
      bodyHook,
    );
};
