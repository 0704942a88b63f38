import { describe, expect, it } from 'vitest';
import { classesKeyOf, periodOfClassesKey } from './classes-key';

describe('classes key', () => {
  it('names a status colouring without classing and an indicator one with it', () => {
    const base = {
      period: '2025-Q3',
      parent: '01',
      at: '2025-09-30',
      method: 'jenks',
      classes: 6,
      inView: 126,
    };
    expect(classesKeyOf({ ...base, indicator: 'status' })).toBe('status|2025-Q3|01|2025-09-30||126');
    expect(classesKeyOf({ ...base, indicator: 'drug_arrests', parent: null, inView: 0 })).toBe(
      'drug_arrests|2025-Q3|all|2025-09-30|jenks6|0',
    );
  });

  it('reads the period back from a drawn key', () => {
    expect(periodOfClassesKey('status|2024-Q1|01|2024-03-31||579')).toBe('2024-Q1');
    expect(periodOfClassesKey('')).toBeNull();
    expect(periodOfClassesKey(undefined)).toBeNull();
  });
});
