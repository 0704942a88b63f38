import { IdParam } from '@pcmt/domain/contracts/common';
import { ValuesQuery } from '@pcmt/domain/contracts/values';
import { describe, expect, it } from 'vitest';
import { describeZodError } from './openapi';

/** A request failing its contract (in @pcmt/domain/contracts) answers with the field and a Vietnamese text. */
describe('contract errors', () => {
  it('name the id parameter of an id out of a serial column', () => {
    for (const bad of ['2147483648', '0', '1.5', '']) {
      const r = IdParam.safeParse({ id: bad });
      if (r.success) throw new Error(`${bad} was accepted`);
      expect(describeZodError(r.error).field, bad).toBe('id');
    }
  });

  it('produce an error message that names the parameter', () => {
    const missing = ValuesQuery.safeParse({ period: '2024' });
    expect(missing.success).toBe(false);
    if (!missing.success)
      expect(describeZodError(missing.error)).toEqual({
        field: 'indicator',
        message: 'indicator: cần nhập',
      });
    const wrong = ValuesQuery.safeParse({ indicator: 'managed_addicts', period: '2024-Q9' });
    if (wrong.success) throw new Error('2024-Q9 was accepted');
    const described = describeZodError(wrong.error);
    expect(described.field).toBe('period');
    expect(described.message).toMatch(/^period: phải là mã kỳ/);
  });
});
