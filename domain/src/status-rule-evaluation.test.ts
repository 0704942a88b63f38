import { describe, expect, it } from 'vitest';
import {
  evaluateRules,
  indicatorsRead,
  type RuleCriterion,
  type RuleSetRules,
  ruleCoverage,
} from './status-rule-evaluation';

/**
 * The evaluation's semantics on a small rule set (the seed rule sets QĐ 28/2025 and QĐ 3122/2010 are tested
 * where their thresholds live, data/src/demo/status-rules.test.ts).
 */
const criterion = (id: string, measure: RuleCriterion['measure'], op: 'gt' | 'gte', threshold: number) => ({
  id,
  labelVi: id,
  labelEn: id,
  measure,
  op,
  threshold,
  confirmed: true,
  note: '',
});

const rules: RuleSetRules = {
  categories: [
    {
      status: 'trong_diem_I',
      minCriteria: 2,
      criteria: [
        criterion('users', { type: 'per_resident_pct', indicators: ['addicts', 'users'] }, 'gte', 1),
        criterion('places', { type: 'value', indicator: 'places' }, 'gte', 3),
        criterion('route', { type: 'route_and_criteria', status: 'co_ma_tuy' }, 'gte', 1),
      ],
    },
    {
      status: 'co_ma_tuy',
      minCriteria: 1,
      criteria: [criterion('any-place', { type: 'value', indicator: 'places' }, 'gt', 0)],
    },
  ],
  otherwise: 'khong_ma_tuy',
};

const measures = (values: Record<string, number>, onRoute: boolean | null = null) => ({
  values: new Map(Object.entries(values)),
  onRoute,
});

describe('status rule evaluation', () => {
  it('suggests the first category, most serious first, with enough criteria met', () => {
    // 1 % of residents, 3 places: two loại I criteria.
    const o = evaluateRules(rules, measures({ population: 1000, addicts: 6, users: 4, places: 3 }));
    expect(o.suggested).toBe('trong_diem_I');
    expect(o.categories[0]).toMatchObject({ metCount: 2, unknownCount: 1, satisfied: true });
    // One loại I criterion only: the next category down.
    expect(
      evaluateRules(rules, measures({ population: 1000, addicts: 1, users: 0, places: 1 })).suggested,
    ).toBe('co_ma_tuy');
    expect(
      evaluateRules(rules, measures({ population: 1000, addicts: 0, users: 0, places: 0 })).suggested,
    ).toBe('khong_ma_tuy');
  });

  it('a criterion the data cannot measure is unknown, neither met nor failed', () => {
    const o = evaluateRules(rules, measures({ places: 5 }));
    expect(o.categories[0]?.criteria.find((c) => c.id === 'users')).toMatchObject({
      measured: null,
      met: null,
    });
    expect(o.categories[0]).toMatchObject({ metCount: 1, unknownCount: 2, satisfied: false });
    expect(o.suggested).toBe('co_ma_tuy');
  });

  it('the route criterion counts the other category’s criteria met when the route is known', () => {
    const values = { population: 1000, addicts: 0, users: 0, places: 3 };
    const route = (onRoute: boolean | null) =>
      evaluateRules(rules, measures(values, onRoute)).categories[0]?.criteria.find((c) => c.id === 'route');
    expect(route(null)).toMatchObject({ measured: null, met: null });
    expect(route(true)).toMatchObject({ measured: 1, met: true });
    expect(route(false)).toMatchObject({ measured: 0, met: false });
    expect(evaluateRules(rules, measures(values, true)).suggested).toBe('trong_diem_I');
  });

  it('a route criterion naming its own category cannot be measured (no loop)', () => {
    const loop: RuleSetRules = {
      categories: [
        {
          status: 'trong_diem_I',
          minCriteria: 1,
          criteria: [criterion('self', { type: 'route_and_criteria', status: 'trong_diem_I' }, 'gte', 1)],
        },
      ],
      otherwise: 'co_ma_tuy',
    };
    const o = evaluateRules(loop, measures({}, true));
    expect(o.categories[0]?.criteria[0]).toMatchObject({ measured: null, met: null });
    expect(o.suggested).toBe('co_ma_tuy');
  });

  it('names the stored indicators it reads and the classes it cannot produce', () => {
    expect(indicatorsRead(rules)).toEqual(['addicts', 'places', 'population', 'users']);
    expect(ruleCoverage(rules)).toEqual({
      produces: ['trong_diem_I', 'co_ma_tuy', 'khong_ma_tuy'],
      cannotProduce: [
        { status: 'trong_diem_II', reason: 'not_defined' },
        { status: 'trong_diem_III', reason: 'not_defined' },
      ],
    });
  });
});
