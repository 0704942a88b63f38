import { type CommuneStatus, STATUS_ORDER } from './status-classes';

/**
 * Applies a status rule set to one commune's measures, criterion by criterion: the suggested status is the
 * first category (most serious first) with at least `minCriteria` criteria met. A criterion the data cannot
 * measure (no population, no route data) is neither met nor failed: it is reported as unknown, so the
 * explanation can say a status might be suggested if it were known.
 *
 * The one definition: the server explains and maps suggested statuses with it (status-rules slice), and the
 * demo generator derives its recognised statuses with it (data/src/demo/statuses.ts), so a demo decision and
 * the server's suggestion agree by construction. Rule sets are typed by their contract
 * (`@pcmt/domain/contracts/status-rules`); the types below (type aliases, so a `Record<string, unknown>` takes them) are the read-only shape this module reads, which
 * a parsed `Rules` and the demo's typed seed rule sets both satisfy.
 */

/** What a criterion measures over the evaluated period. */
export type RuleMeasure =
  | { readonly type: 'value'; readonly indicator: string }
  | { readonly type: 'per_resident_pct'; readonly indicators: readonly string[] }
  | { readonly type: 'route_and_criteria'; readonly status: CommuneStatus };

export type RuleCriterion = {
  readonly id: string;
  readonly labelVi: string;
  readonly labelEn: string;
  readonly measure: RuleMeasure;
  readonly op: 'gt' | 'gte';
  readonly threshold: number;
  readonly confirmed: boolean;
  readonly note: string;
};

export type RuleSetRules = {
  readonly categories: ReadonlyArray<{
    readonly status: CommuneStatus;
    readonly minCriteria: number;
    readonly criteria: readonly RuleCriterion[];
  }>;
  readonly otherwise: CommuneStatus;
};

/** A commune's indicator values over the evaluated period, by indicator code. */
export interface CommuneMeasures {
  values: ReadonlyMap<string, number>;
  /** Whether the commune lies on a drug route; null when unknown (no route data). */
  onRoute: boolean | null;
}

export interface CriterionOutcome {
  id: string;
  labelVi: string;
  labelEn: string;
  op: RuleCriterion['op'];
  threshold: number;
  confirmed: boolean;
  measured: number | null;
  met: boolean | null;
  note: string;
}

export interface CategoryOutcome {
  status: CommuneStatus;
  minCriteria: number;
  metCount: number;
  unknownCount: number;
  satisfied: boolean;
  criteria: CriterionOutcome[];
}

export interface RulesOutcome {
  suggested: CommuneStatus;
  categories: CategoryOutcome[];
}

const compare = (op: RuleCriterion['op'], value: number, threshold: number) =>
  op === 'gt' ? value > threshold : value >= threshold;

export function evaluateRules(rules: RuleSetRules, m: CommuneMeasures): RulesOutcome {
  const memo = new Map<CommuneStatus, CategoryOutcome>();
  const categoryOf = (status: CommuneStatus, stack: readonly CommuneStatus[]): CategoryOutcome | null => {
    const cached = memo.get(status);
    if (cached) return cached;
    const category = rules.categories.find((c) => c.status === status);
    // A rule set referring to itself in a loop (route criterion of its own category) cannot be evaluated.
    if (!category || stack.includes(status)) return null;
    const criteria = category.criteria.map((c) =>
      criterionOutcome(c, m, (s) => categoryOf(s, [...stack, status])),
    );
    const metCount = criteria.filter((c) => c.met === true).length;
    const outcome: CategoryOutcome = {
      status,
      minCriteria: category.minCriteria,
      metCount,
      unknownCount: criteria.filter((c) => c.met === null).length,
      satisfied: metCount >= category.minCriteria,
      criteria,
    };
    memo.set(status, outcome);
    return outcome;
  };
  const categories = rules.categories.flatMap((c) => categoryOf(c.status, []) ?? []);
  return { suggested: categories.find((c) => c.satisfied)?.status ?? rules.otherwise, categories };
}

function criterionOutcome(
  c: RuleCriterion,
  m: CommuneMeasures,
  categoryOf: (status: CommuneStatus) => CategoryOutcome | null,
): CriterionOutcome {
  const base = {
    id: c.id,
    labelVi: c.labelVi,
    labelEn: c.labelEn,
    op: c.op,
    threshold: c.threshold,
    confirmed: c.confirmed,
    note: c.note,
  };
  const measured = measure(c, m, categoryOf);
  if (measured === null) return { ...base, measured: null, met: null };
  return {
    ...base,
    measured: Math.round(measured * 10_000) / 10_000,
    met: compare(c.op, measured, c.threshold),
  };
}

/** The commune's value for a criterion, or null when the data cannot give it. */
function measure(
  c: RuleCriterion,
  m: CommuneMeasures,
  categoryOf: (status: CommuneStatus) => CategoryOutcome | null,
): number | null {
  const spec = c.measure;
  switch (spec.type) {
    case 'value':
      return m.values.get(spec.indicator) ?? null;
    case 'per_resident_pct': {
      const residents = m.values.get('population');
      if (!residents) return null;
      let total = 0;
      for (const code of spec.indicators) {
        const v = m.values.get(code);
        if (v === undefined) return null;
        total += v;
      }
      return (100 * total) / residents;
    }
    case 'route_and_criteria': {
      // Measured as the number of the other category's criteria met, only when the route is known and taken.
      if (m.onRoute === null) return null;
      if (!m.onRoute) return 0;
      return categoryOf(spec.status)?.metCount ?? null;
    }
  }
}

/** The stored indicators a rule set reads (population for per-resident criteria). */
export function indicatorsRead(rules: RuleSetRules): string[] {
  const codes = new Set<string>();
  for (const category of rules.categories)
    for (const c of category.criteria) {
      if (c.measure.type === 'value') codes.add(c.measure.indicator);
      if (c.measure.type === 'per_resident_pct') {
        codes.add('population');
        for (const code of c.measure.indicators) codes.add(code);
      }
    }
  return [...codes].sort();
}

/** Every commune class, most serious first. */
const ALL_CLASSES: readonly CommuneStatus[] = [...STATUS_ORDER].reverse();

export interface RuleCoverage {
  /** Classes the rule set can suggest: its categories (reachable) and its default. */
  produces: CommuneStatus[];
  /** Classes it cannot suggest, each with why: the rule set defines no criteria for it, or asks for more
   * criteria than it lists. */
  cannotProduce: Array<{ status: CommuneStatus; reason: 'not_defined' | 'too_few_criteria' }>;
}

/**
 * Which classes a rule set can produce. QĐ 3122/2010 as retrieved defines loại I and "có ma túy" only:
 * it says so (loại II and III: not defined) instead of silently never suggesting them.
 */
export function ruleCoverage(rules: RuleSetRules): RuleCoverage {
  const produces: CommuneStatus[] = [];
  const cannotProduce: RuleCoverage['cannotProduce'] = [];
  for (const status of ALL_CLASSES) {
    const category = rules.categories.find((c) => c.status === status);
    if (category && category.criteria.length >= category.minCriteria) produces.push(status);
    else if (rules.otherwise === status) produces.push(status);
    else cannotProduce.push({ status, reason: category ? 'too_few_criteria' : 'not_defined' });
  }
  return { produces, cannotProduce };
}
