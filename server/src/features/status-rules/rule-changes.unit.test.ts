import { QD_28_2025 } from '@pcmt/data/demo/status-rules';
import { Rules } from '@pcmt/domain/contracts/status-rules';
import { describe, expect, it } from 'vitest';
import { ruleChanges, structureChange } from './rule-changes';

const base = Rules.parse(QD_28_2025.rules);
const copy = (): Rules => structuredClone(base);

describe('a proposal’s changes to a rule set', () => {
  it('lists a changed threshold and a changed number of criteria to meet, with the criterion’s name', () => {
    const proposed = copy();
    const typeI = proposed.categories[0];
    const first = typeI?.criteria[0];
    if (!typeI || !first) throw new Error('QĐ 28/2025 has no first criterion');
    first.threshold = first.threshold * 2;
    typeI.minCriteria = typeI.minCriteria + 1;
    const changes = ruleChanges(base, proposed);
    expect(changes).toEqual([
      {
        status: typeI.status,
        criterion: null,
        labelVi: null,
        field: 'minCriteria',
        from: typeI.minCriteria - 1,
        to: typeI.minCriteria,
      },
      {
        status: typeI.status,
        criterion: first.id,
        labelVi: first.labelVi,
        field: 'threshold',
        from: first.threshold / 2,
        to: first.threshold,
      },
    ]);
    expect(structureChange(base, proposed)).toBeNull();
  });

  it('finds nothing in identical rules', () => {
    expect(ruleChanges(base, copy())).toEqual([]);
  });

  it('names the first field that changes more than a threshold (what is measured stays the nation’s)', () => {
    const renamed = copy();
    const k = renamed.categories[1]?.criteria[0];
    if (!k) throw new Error('no criterion');
    k.labelVi = 'Tiêu chí khác';
    expect(structureChange(base, renamed)).toBe('rules.categories[1].criteria[0].labelVi');
    const fewer = copy();
    fewer.categories[0]?.criteria.pop();
    expect(structureChange(base, fewer)).toBe('rules.categories[0].criteria');
    const other = copy();
    other.otherwise = base.otherwise === 'khong_ma_tuy' ? 'co_ma_tuy' : 'khong_ma_tuy';
    expect(structureChange(base, other)).toBe('rules.otherwise');
  });
});
