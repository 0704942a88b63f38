import { z } from 'zod';
import { CommuneStatus, DataMeta, IndicatorCode, IsoDate, PeriodId, UnitCode } from './common';
import { Slug } from './plans';

/**
 * Official status rules as data: a rule set lists, from the most serious status down, the criteria a
 * commune's indicators are checked against and how many must be met. Thresholds an admin could not
 * confirm from the legal text carry `confirmed: false` and are shown as such.
 */

/** What a criterion measures over the evaluated period. */
export const CriterionMeasure = z.discriminatedUnion('type', [
  /** Σ indicators ÷ residents × 100 (e.g. addicts and users with records ≥ 0.5 % of residents). */
  z.object({ type: z.literal('per_resident_pct'), indicators: z.array(IndicatorCode).min(1) }),
  /** An indicator's value over the period (places found, m² of crops destroyed …). */
  z.object({ type: z.literal('value'), indicator: IndicatorCode }),
  /**
   * Lies on an intra- or inter-provincial drug route, measured as the number of `status` criteria met (the
   * threshold says how many). Route data are not in the database yet, so it is reported as not measurable.
   */
  z.object({ type: z.literal('route_and_criteria'), status: CommuneStatus }),
]);
export type CriterionMeasure = z.infer<typeof CriterionMeasure>;

export const Criterion = z.object({
  id: Slug,
  labelVi: z.string().min(1),
  labelEn: z.string().min(1),
  measure: CriterionMeasure,
  op: z.enum(['gte', 'gt']),
  threshold: z.number().min(0),
  /** false: the threshold was not confirmed from the legal text. */
  confirmed: z.boolean(),
  note: z.string().default(''),
});
export type Criterion = z.infer<typeof Criterion>;

export const RuleCategory = z.object({
  status: CommuneStatus,
  /** At least this many criteria must be met. */
  minCriteria: z.number().int().min(1),
  criteria: z.array(Criterion).min(1),
});

export const Rules = z.object({
  /** Most serious first: the first category whose criteria are met gives the suggested status. */
  categories: z.array(RuleCategory).min(1),
  /** The status suggested when no category is met. */
  otherwise: CommuneStatus,
});
export type Rules = z.infer<typeof Rules>;

export const RuleSetInput = z.object({
  title: z.string().trim().min(1, 'không được để trống'),
  legalSource: z.string().trim().min(1, 'không được để trống'),
  validFrom: IsoDate,
  validTo: IsoDate.nullable().default(null),
  rules: Rules,
});
export type RuleSetInput = z.infer<typeof RuleSetInput>;

export const RuleSet = RuleSetInput.extend({ id: z.number(), code: z.string(), version: z.number() });
export type RuleSet = z.infer<typeof RuleSet>;

export const RuleSetsResponse = z.object({ rows: z.array(RuleSet) });
export const RuleSetResponse = z.object({
  ruleSet: RuleSet,
  versions: z.array(RuleSet.pick({ id: true, version: true, title: true, validFrom: true, validTo: true })),
});
export const RuleSetCodeParam = z.object({ code: Slug });

export const CriterionResult = z.object({
  id: z.string(),
  labelVi: z.string(),
  labelEn: z.string(),
  op: z.enum(['gte', 'gt']),
  threshold: z.number(),
  confirmed: z.boolean(),
  /** The commune's value; null when the data cannot measure it. */
  measured: z.number().nullable(),
  /** null: not measurable with the data. */
  met: z.boolean().nullable(),
  note: z.string(),
});

export const CategoryResult = z.object({
  status: CommuneStatus,
  minCriteria: z.number(),
  metCount: z.number(),
  /** Criteria the data cannot measure: the status might be met if they were. */
  unknownCount: z.number(),
  satisfied: z.boolean(),
  criteria: z.array(CriterionResult),
});

export const Decision = z.object({
  status: CommuneStatus,
  effectiveDate: z.string(),
  document: z.string(),
  decidingBody: z.string(),
  derived: z.boolean(),
});

export const ExplainQuery = z.object({
  commune: UnitCode,
  period: PeriodId,
  ruleSet: Slug.optional().describe('rule set code; default the one in force at the end of the period'),
});

const RuleSetHead = z.object({
  code: z.string(),
  version: z.number(),
  title: z.string(),
  legalSource: z.string(),
  /**
   * Classes the rule set cannot suggest (QĐ 3122/2010 as retrieved defines no loại II or III): not_defined,
   * or too_few_criteria (a category asking for more criteria than it lists).
   */
  cannotProduce: z.array(
    z.object({ status: CommuneStatus, reason: z.enum(['not_defined', 'too_few_criteria']) }),
  ),
});

export const ExplainResponse = z.object({
  meta: DataMeta.extend({ period: z.string(), periodEnd: z.string() }),
  ruleSet: RuleSetHead,
  commune: z.object({ code: z.string(), name: z.string(), provinceCode: z.string() }),
  suggested: CommuneStatus,
  decided: Decision.nullable(),
  differs: z.boolean(),
  categories: z.array(CategoryResult),
});

export const DifferencesQuery = z.object({
  period: PeriodId,
  parent: UnitCode.optional().describe('a province; default the whole country'),
  ruleSet: Slug.optional(),
});

export const DifferencesResponse = z.object({
  meta: DataMeta.extend({
    period: z.string(),
    periodEnd: z.string(),
    parent: z.string().nullable(),
    count: z.number(),
    differing: z.number(),
  }),
  ruleSet: RuleSetHead,
  /** Every commune: ready to colour a map by code (agree / differ), and to list where they differ. */
  rows: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      suggested: CommuneStatus,
      decided: CommuneStatus.nullable(),
      differs: z.boolean(),
      /** Criteria met for the suggested status, e.g. "3/5". */
      metCount: z.number(),
      labelPoint: z.tuple([z.number(), z.number()]),
    }),
  ),
});
