import { describe, expect, it } from 'vitest';
import { allocate, largestRemainder } from './allocation';
import { area, context } from './testing/progress-fixtures';

const sum = (m: Map<string, number | null>) => [...m.values()].reduce<number>((a, v) => a + (v ?? 0), 0);

describe('allocating a whole-scope count to the children (largest remainder)', () => {
  it('keeps the sum: 33 over three children weighted 1, 1, 1 is 11 each; 10 over three is 4, 3, 3', () => {
    const even = largestRemainder(33, [
      { code: 'a', weight: 1 },
      { code: 'b', weight: 1 },
      { code: 'c', weight: 1 },
    ]);
    expect([...even.values()]).toEqual([11, 11, 11]);
    const ten = largestRemainder(10, [
      { code: 'a', weight: 1 },
      { code: 'b', weight: 1 },
      { code: 'c', weight: 1 },
    ]);
    expect(sum(ten)).toBe(10);
    expect([...ten.values()].sort()).toEqual([3, 3, 4]);
  });

  it('is proportional, the units left going to the largest remainders', () => {
    // Quotas 33 × 50/110 = 15.0, 33 × 40/110 = 12.0, 33 × 20/110 = 6.0 → exact; 34: 15.45, 12.36, 6.18 → +1 to the first.
    const weights = [
      { code: 'a', weight: 50 },
      { code: 'b', weight: 40 },
      { code: 'c', weight: 20 },
    ];
    expect(Object.fromEntries(largestRemainder(33, weights))).toEqual({ a: 15, b: 12, c: 6 });
    expect(Object.fromEntries(largestRemainder(34, weights))).toEqual({ a: 16, b: 12, c: 6 });
    // Many small children: still exactly the whole.
    const many = Array.from({ length: 17 }, (_, i) => ({ code: `x${i}`, weight: (i * 7) % 11 }));
    expect(sum(largestRemainder(33, many))).toBe(33);
  });

  it('gives a child without a value no share (not 0), and splits the whole among the others', () => {
    const parts = largestRemainder(33, [
      { code: 'a', weight: 2 },
      { code: 'b', weight: null },
      { code: 'c', weight: 1 },
    ]);
    expect(parts.get('b')).toBeNull();
    expect(Object.fromEntries(parts)).toEqual({ a: 22, b: null, c: 11 });
  });

  it('has no basis when no child has a positive weight', () => {
    const parts = largestRemainder(5, [
      { code: 'a', weight: 0 },
      { code: 'b', weight: null },
    ]);
    expect([...parts.values()]).toEqual([null, null]);
  });
});

describe('allocate: entered per child or proportional to an indicator over the baseline period', () => {
  const ctx = context('2021-06-30');
  it('reads each child’s indicator over the baseline year (a stock: its last quarter)', () => {
    const children = [
      area({ code: 'a', values: { managed_addicts: { '2019-Q3': 99, '2019-Q4': 60 } } }),
      area({ code: 'b', values: { managed_addicts: { '2019-Q4': 30 } } }),
      area({ code: 'c', values: { managed_addicts: { '2019-Q3': 10 } } }),
    ];
    const parts = allocate(
      33,
      { type: 'proportional', indicator: 'managed_addicts', period: '2019' },
      children,
      ctx,
    );
    // c reported nothing in 2019-Q4: "chưa đủ số liệu", not 0; a and b share 33 as 60 : 30.
    expect(Object.fromEntries(parts)).toEqual({ a: 22, b: 11, c: null });
  });

  it('sums a flow over the period’s quarters', () => {
    const children = [
      area({
        code: 'a',
        values: { rehab_compulsory: { '2019-Q1': 1, '2019-Q2': 1, '2019-Q3': 1, '2019-Q4': 1 } },
      }),
      area({
        code: 'b',
        values: { rehab_compulsory: { '2019-Q1': 3, '2019-Q2': 3, '2019-Q3': 3, '2019-Q4': 3 } },
      }),
    ];
    const parts = allocate(
      8,
      { type: 'proportional', indicator: 'rehab_compulsory', period: '2019' },
      children,
      ctx,
    );
    expect(Object.fromEntries(parts)).toEqual({ a: 2, b: 6 });
  });

  it('takes entered shares as they are; a child not listed has none', () => {
    const parts = allocate(
      33,
      {
        type: 'entered',
        shares: [
          { code: 'a', value: 20 },
          { code: 'b', value: 13 },
        ],
      },
      [area({ code: 'a' }), area({ code: 'b' }), area({ code: 'c' })],
      ctx,
    );
    expect(Object.fromEntries(parts)).toEqual({ a: 20, b: 13, c: null });
  });
});
