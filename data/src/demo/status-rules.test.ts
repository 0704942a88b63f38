import { Rules } from '@pcmt/domain/contracts/status-rules';
import { evaluateRules, indicatorsRead, ruleCoverage } from '@pcmt/domain/status-rule-evaluation';
import { describe, expect, it } from 'vitest';
import { QD_28_2025, QD_3122_2010 } from './status-rules';

/**
 * The seed rule sets (the one place their thresholds live) through the one evaluator
 * (@pcmt/domain/status-rule-evaluation), read through the contract as the server stores them.
 */
const qd28 = Rules.parse(QD_28_2025.rules);
const qd3122 = Rules.parse(QD_3122_2010.rules);

/** A commune of 10,000 residents with the given counts. */
const commune = (counts: Record<string, number>, onRoute: boolean | null = null) => ({
  values: new Map(Object.entries({ population: 10_000, ...counts })),
  onRoute,
});

const criterion = (outcome: ReturnType<typeof evaluateRules>, status: string, id: string) =>
  outcome.categories.find((c) => c.status === status)?.criteria.find((c) => c.id === id);

describe('QĐ 28/2025: suggested status criterion by criterion', () => {
  it('loại I needs at least 3 of its 5 criteria, each with the measured value beside its threshold', () => {
    // 0.6 % addicts and users, 3 places, 0.12 % arrests, no crops.
    const o = evaluateRules(
      qd28,
      commune({
        managed_addicts: 50,
        illegal_users: 10,
        drug_use_places: 3,
        drug_arrests: 12,
        drug_crops_destroyed_m2: 0,
      }),
    );
    expect(o.suggested).toBe('trong_diem_I');
    const typeI = o.categories.find((c) => c.status === 'trong_diem_I');
    expect(typeI).toMatchObject({ metCount: 3, minCriteria: 3, satisfied: true, unknownCount: 1 });
    expect(criterion(o, 'trong_diem_I', 'nghien-i')).toMatchObject({
      measured: 0.6,
      threshold: 0.5,
      met: true,
      confirmed: true,
    });
    expect(criterion(o, 'trong_diem_I', 'cay-i')).toMatchObject({ measured: 0, threshold: 750, met: false });
  });

  it('two loại I criteria are not enough: the next category down that is met is suggested', () => {
    const o = evaluateRules(
      qd28,
      commune({
        managed_addicts: 60,
        illegal_users: 0,
        drug_use_places: 2,
        drug_arrests: 6,
        drug_crops_destroyed_m2: 0,
      }),
    );
    expect(o.categories.find((c) => c.status === 'trong_diem_I')?.metCount).toBe(2);
    // Loại II (low-confidence bands): 0.6 % ≥ 0.3 %, 2 ≥ 1 place, 0.06 % ≥ 0.05 % arrests.
    expect(o.suggested).toBe('trong_diem_II');
    expect(criterion(o, 'trong_diem_II', 'bat-giu-ii')).toMatchObject({ confirmed: false, met: true });
  });

  it('the route criterion is unknown without route data and counts loại III criteria when the route is known', () => {
    const counts = {
      managed_addicts: 20,
      illegal_users: 0,
      drug_use_places: 0,
      drug_arrests: 4,
      drug_crops_destroyed_m2: 10,
    };
    const unknown = evaluateRules(qd28, commune(counts, null));
    expect(criterion(unknown, 'trong_diem_I', 'tuyen-i')).toMatchObject({ measured: null, met: null });
    const onRoute = evaluateRules(qd28, commune(counts, true));
    // Loại III: 0.2 % ≥ 0.15 %, 0.04 % ≥ 0.03 %, crops > 0 → 3 met ≥ 2.
    expect(criterion(onRoute, 'trong_diem_I', 'tuyen-i')).toMatchObject({ measured: 3, met: true });
    const offRoute = evaluateRules(qd28, commune(counts, false));
    expect(criterion(offRoute, 'trong_diem_I', 'tuyen-i')).toMatchObject({ measured: 0, met: false });
  });

  it('a commune with nothing recorded is suggested không ma túy; one user makes it có ma túy', () => {
    const none = {
      managed_addicts: 0,
      illegal_users: 0,
      drug_use_places: 0,
      drug_arrests: 0,
      drug_crops_destroyed_m2: 0,
    };
    expect(evaluateRules(qd28, commune(none)).suggested).toBe('khong_ma_tuy');
    expect(evaluateRules(qd28, commune({ ...none, illegal_users: 1 })).suggested).toBe('co_ma_tuy');
  });

  it('without a population the per-resident criteria cannot be measured, and are not counted as failed', () => {
    const o = evaluateRules(qd28, { values: new Map([['drug_use_places', 5]]), onRoute: null });
    expect(criterion(o, 'trong_diem_I', 'nghien-i')).toMatchObject({ measured: null, met: null });
    expect(o.categories.find((c) => c.status === 'trong_diem_I')?.unknownCount).toBe(4);
  });

  it('reads exactly the stored indicators its criteria name', () => {
    expect(indicatorsRead(qd28)).toEqual([
      'drug_arrests',
      'drug_crops_destroyed_m2',
      'drug_use_places',
      'illegal_users',
      'managed_addicts',
      'population',
    ]);
  });
});

describe('QĐ 3122/2010: the older basis', () => {
  it('loại I on any one absolute criterion', () => {
    expect(
      evaluateRules(qd3122, commune({ managed_addicts: 100, drug_use_places: 0, drug_crops_destroyed_m2: 0 }))
        .suggested,
    ).toBe('trong_diem_I');
    expect(
      evaluateRules(qd3122, commune({ managed_addicts: 99, drug_use_places: 4, drug_crops_destroyed_m2: 0 }))
        .suggested,
    ).toBe('co_ma_tuy');
  });
});

describe('which classes a rule set can produce', () => {
  it('QĐ 28/2025 produces every class; QĐ 3122/2010 names loại II and III as classes it cannot produce', () => {
    expect(ruleCoverage(qd28).cannotProduce).toEqual([]);
    expect(ruleCoverage(qd28).produces).toHaveLength(5);
    const old = ruleCoverage(qd3122);
    expect(old.cannotProduce).toEqual([
      { status: 'trong_diem_II', reason: 'not_defined' },
      { status: 'trong_diem_III', reason: 'not_defined' },
    ]);
    expect(old.produces).toEqual(['trong_diem_I', 'co_ma_tuy', 'khong_ma_tuy']);
  });

  it('a category asking for more criteria than it lists cannot be produced', () => {
    const broken = Rules.parse({
      ...QD_3122_2010.rules,
      categories: QD_3122_2010.rules.categories.map((c) =>
        c.status === 'trong_diem_I' ? { ...c, minCriteria: c.criteria.length + 1 } : c,
      ),
    });
    expect(ruleCoverage(broken).cannotProduce[0]).toEqual({
      status: 'trong_diem_I',
      reason: 'too_few_criteria',
    });
  });
});
