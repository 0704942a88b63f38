import { describe, expect, it } from 'vitest';
import { checkOutliers, checkRules, robustZ, type ValidationRule } from './validation';

const RULES: ValidationRule[] = [
  { kind: 'lte', left: 'methadone', right: 'addicts', messageVi: 'Methadone không vượt quá số người nghiện' },
  {
    kind: 'parts_sum',
    total: 'rehab',
    parts: ['rehab_a', 'rehab_b'],
    messageVi: 'Tổng các phần phải bằng tổng',
  },
  {
    kind: 'share_max',
    numerator: 'reached',
    denominator: 'addicts',
    max: 100,
    messageVi: 'Tỷ lệ tối đa 100%',
  },
];
const ITEMS = ['addicts', 'methadone', 'rehab', 'rehab_a', 'rehab_b', 'reached'];
const GOOD = { addicts: 10, methadone: 4, rehab: 5, rehab_a: 2, rehab_b: 3, reached: 10 };

describe('validation rules as data', () => {
  it('pass a consistent report', () => {
    expect(checkRules(ITEMS, RULES, GOOD)).toEqual([]);
  });

  it('name the field of each broken rule with its Vietnamese message', () => {
    const problems = checkRules(ITEMS, RULES, { ...GOOD, methadone: 11, rehab_b: 4, reached: 12 });
    expect(problems.map((p) => [p.field, p.rule, p.severity])).toEqual([
      ['methadone', 'lte', 'error'],
      ['rehab', 'parts_sum', 'error'],
      ['reached', 'share_max', 'error'],
    ]);
    expect(problems[0]?.messageVi).toBe('Methadone không vượt quá số người nghiện');
  });

  it('block empty and negative values, naming the indicator', () => {
    const names = new Map([['addicts', 'Người nghiện']]);
    const problems = checkRules(ITEMS, [], { ...GOOD, addicts: null, rehab: -1 }, names);
    expect(problems.map((p) => [p.field, p.rule])).toEqual([
      ['addicts', 'required'],
      ['rehab', 'non_negative'],
    ]);
    expect(problems[0]?.messageVi).toContain('Người nghiện: chưa nhập');
  });

  it('a share over a zero denominator is refused', () => {
    expect(
      checkRules(ITEMS, RULES, { ...GOOD, addicts: 0, methadone: 0, reached: 1 }).map((p) => p.rule),
    ).toEqual(['share_max']);
  });
});

describe('outliers against the unit’s own history (robust z-score)', () => {
  const history = [20, 22, 19, 21, 23, 20, 22];

  it('scores a usual value near 0 and a jump far above 3.5', () => {
    expect(Math.abs(robustZ(21, history) ?? 99)).toBeLessThan(1);
    expect(robustZ(60, history)).toBeGreaterThan(3.5);
  });

  it('is not moved by one wild value in the history (median and MAD)', () => {
    expect(Math.abs(robustZ(21, [...history, 500]) ?? 99)).toBeLessThan(1);
    expect(robustZ(60, [...history, 500])).toBeGreaterThan(3.5);
  });

  it('says nothing with less than four earlier periods', () => {
    expect(robustZ(1000, [1, 2, 3])).toBeNull();
  });

  it('a constant history flags any other value', () => {
    expect(robustZ(5, [0, 0, 0, 0, 0])).toBe(Number.POSITIVE_INFINITY);
    expect(robustZ(0, [0, 0, 0, 0, 0])).toBe(0);
  });

  it('a new high of a steadily growing count within 30% of the usual level is no outlier', () => {
    const growing = [100, 104, 108, 112, 116, 120, 124, 128];
    expect(robustZ(140, growing)).toBeGreaterThan(0);
    expect(checkOutliers({ a: 140 }, new Map([['a', growing]]))).toEqual([]);
    expect(checkOutliers({ a: 400 }, new Map([['a', growing]]))).toHaveLength(1);
  });

  it('warns (never blocks) with the usual range in the message', () => {
    const warnings = checkOutliers(
      { addicts: 60, methadone: 21 },
      new Map([
        ['addicts', history],
        ['methadone', history],
      ]),
      new Map([['addicts', 'Người nghiện']]),
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ field: 'addicts', severity: 'warning', rule: 'outlier' });
    expect(warnings[0]?.messageVi).toContain('thường từ 19 đến 23');
  });
});
