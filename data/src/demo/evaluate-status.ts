import type { CommuneStatus } from './types';

/**
 * The official status rules as typed data, and the demo's reading of them: the same semantics as the
 * server's rule engine (server/src/features/status-rules/evaluate-rules.ts) — the suggested status is the
 * first category, most serious first, with at least `minCriteria` criteria met; a criterion the data cannot
 * measure (no population, no route data) is neither met nor failed. The demo derives its recognised statuses
 * from its own indicators with it, so a decision and the engine's suggestion agree by construction; the
 * thresholds are those of `status-rules.ts`, the one place they live (the server loads them from there).
 */

export type DemoMeasure =
  | { type: 'value'; indicator: string }
  | { type: 'per_resident_pct'; indicators: readonly string[] }
  | { type: 'route_and_criteria'; status: CommuneStatus };

export type DemoCriterion = {
  id: string;
  labelVi: string;
  labelEn: string;
  measure: DemoMeasure;
  op: 'gt' | 'gte';
  threshold: number;
  confirmed: boolean;
  note: string;
};

export type DemoRules = {
  categories: ReadonlyArray<{
    status: CommuneStatus;
    minCriteria: number;
    criteria: readonly DemoCriterion[];
  }>;
  otherwise: CommuneStatus;
};

/**
 * Suggested status from a commune's values over the assessed period (stocks at its end, flows summed), by
 * indicator code. Route data do not exist in the demo: route criteria are unknown, as on the server.
 */
export function suggestStatus(rules: DemoRules, values: ReadonlyMap<string, number>): CommuneStatus {
  const metCount = new Map<CommuneStatus, number>();
  const count = (status: CommuneStatus): number => {
    const cached = metCount.get(status);
    if (cached !== undefined) return cached;
    const category = rules.categories.find((c) => c.status === status);
    if (!category) return 0;
    let met = 0;
    for (const c of category.criteria) {
      const v = measure(c.measure, values);
      if (v !== null && (c.op === 'gt' ? v > c.threshold : v >= c.threshold)) met += 1;
    }
    metCount.set(status, met);
    return met;
  };
  for (const category of rules.categories) {
    const met = count(category.status);
    if (met >= category.minCriteria) return category.status;
  }
  return rules.otherwise;
}

function measure(spec: DemoMeasure, values: ReadonlyMap<string, number>): number | null {
  switch (spec.type) {
    case 'value':
      return values.get(spec.indicator) ?? null;
    case 'per_resident_pct': {
      const residents = values.get('population');
      if (!residents) return null;
      let total = 0;
      for (const code of spec.indicators) {
        const v = values.get(code);
        if (v === undefined) return null;
        total += v;
      }
      return (100 * total) / residents;
    }
    case 'route_and_criteria':
      // No route data in the demo: unknown, so never met (as on the server).
      return null;
  }
}

/** The stored indicators a rule set reads (population for per-resident criteria). */
export function indicatorsRead(rules: DemoRules): string[] {
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
