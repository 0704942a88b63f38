/**
 * The one place the web builds its query keys. Every key starts with its resource's root (`all`) and goes
 * from general to specific, so a prefix names every cached answer of a resource, or of one part of it
 * (one plan, the completeness of reports): `invalidateQueries({ queryKey: queryKeys.plans.plan(code) })`.
 * The "invalidate after a write" rule (./data-changes.ts) reads the same prefixes.
 */
export const queryKeys = {
  health: { all: ['health'] as const },
  config: { all: ['config'] as const },
  session: { all: ['session'] as const },
  authDemo: { all: ['auth-demo'] as const },
  users: { all: ['users'] as const },
  audit: { all: ['audit'] as const },
  job: { all: ['job'] as const, one: (id: string | null) => ['job', id] as const },

  indicators: {
    all: ['indicators'] as const,
    catalogue: (showRetired: boolean) => ['indicators', 'catalogue', showRetired] as const,
  },
  unitVersions: { all: ['unit-versions'] as const },
  units: {
    all: ['units'] as const,
    of: (p: { level: string; parent: string | null; at: string }) =>
      ['units', p.level, p.parent ?? 'all', p.at] as const,
  },
  values: {
    all: ['values'] as const,
    of: (p: { indicator: string; period: string; level: string; parent: string | null; at: string }) =>
      ['values', p.indicator, p.period, p.level, p.parent ?? 'all', p.at] as const,
    /** The communes an area total lacks (GET /api/values/missing): refreshed with the values. */
    missing: (p: { indicator: string; period: string; parent: string | null; at: string }) =>
      ['values', 'missing', p.indicator, p.period, p.parent ?? 'all', p.at] as const,
  },
  status: {
    all: ['status'] as const,
    of: (p: { period: string; parent: string | null; at: string }) =>
      ['status', p.period, p.parent ?? 'all', p.at] as const,
  },
  series: {
    all: ['series'] as const,
    of: (p: { unit: string; indicator: string; from: string; to: string; at: string }) =>
      ['series', p.unit, p.indicator, p.from, p.to, p.at] as const,
  },
  analysis: { all: ['analysis'] as const, of: (form: unknown) => ['analysis', form] as const },
  public: {
    all: ['public'] as const,
    summary: (province: string | null) => ['public', 'summary', province ?? 'VN'] as const,
  },

  plans: {
    all: ['plans'] as const,
    list: () => ['plans', 'list'] as const,
    /** Every view of one plan: its progress, scorecards, cell details and rankings. */
    plan: (code: string) => ['plans', 'plan', code] as const,
    progress: (code: string) => ['plans', 'plan', code, 'progress'] as const,
    scorecard: (code: string, unit: string | null, columns: 'children' | 'periods') =>
      ['plans', 'plan', code, 'scorecard', unit, columns] as const,
    detail: (code: string, target: string, unit: string | null) =>
      ['plans', 'plan', code, 'detail', target, unit] as const,
    ranking: (code: string, target: string) => ['plans', 'plan', code, 'ranking', target] as const,
  },

  reporting: {
    all: ['reporting'] as const,
    forms: () => ['reporting', 'forms'] as const,
    /** Every commune's report (its values as entered) and every list of submissions. */
    entryAll: () => ['reporting', 'entry'] as const,
    submissionsAll: () => ['reporting', 'submissions'] as const,
    entry: (form: string, commune: string, period: string) =>
      ['reporting', 'entry', form, commune, period] as const,
    submissions: (form: string, period: string, parent: string | null) =>
      ['reporting', 'submissions', form, period, parent] as const,
    /** Every completeness count (reports received of expected communes). */
    completenessAll: () => ['reporting', 'completeness'] as const,
    completeness: (form: string, period: string, parent: string | null, perCommune: boolean) =>
      ['reporting', 'completeness', form, period, parent, perCommune] as const,
  },

  statusRules: {
    all: ['status-rules'] as const,
    /** Answers computed from values: where the proposed rules differ, why a commune has its status. */
    differencesAll: () => ['status-rules', 'differences'] as const,
    explainAll: () => ['status-rules', 'explain'] as const,
    differences: (period: string, parent: string) => ['status-rules', 'differences', period, parent] as const,
    explain: (commune: string, period: string) => ['status-rules', 'explain', commune, period] as const,
    ruleSet: (code: string) => ['status-rules', 'rule-set', code] as const,
    proposals: () => ['status-rules', 'proposals'] as const,
  },

  hotspots: {
    all: ['hotspots'] as const,
    register: (at: string) => ['hotspots', 'all', at] as const,
    active: (at: string) => ['hotspots', 'active', at] as const,
  },
  hotspotCounts: {
    all: ['hotspot-counts'] as const,
    of: (parent: string | null, at: string) => ['hotspot-counts', parent, at] as const,
  },
  hotspotClusters: {
    all: ['hotspot-clusters'] as const,
    of: (province: string, at: string, eps: number) => ['hotspot-clusters', province, at, eps] as const,
  },

  briefings: {
    all: ['briefings'] as const,
    list: () => ['briefings', 'list'] as const,
    one: (id: string) => ['briefings', 'one', id] as const,
  },
  imports: { all: ['imports'] as const },
} as const;

/** A prefix of query keys: a resource's root or a part of it. */
export type QueryKeyPrefix = readonly unknown[];
