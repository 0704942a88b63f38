import { describe, expect, it } from 'vitest';
import {
  evaluateFormula,
  FormulaError,
  formatFormula,
  formulaCodes,
  formulaSql,
  parseFormula,
  unitProblem,
} from './formula';

const UNITS: Record<string, string> = {
  addicts_reached: 'người',
  managed_addicts: 'người',
  illegal_users: 'người',
  population: 'người',
  episodes: 'lượt',
  loans_vnd: 'đồng',
  loan_households: 'hộ',
  share: '%',
};
const unitOf = (code: string) => UNITS[code] ?? '';

describe('formulas of computed indicators', () => {
  it('reads sums and ratios with a scale, with the usual precedence', () => {
    const tree = parseFormula('addicts_reached / (managed_addicts + illegal_users) * 100');
    expect(formulaCodes(tree)).toEqual(['addicts_reached', 'managed_addicts', 'illegal_users']);
    expect(formatFormula(tree)).toBe('addicts_reached / (managed_addicts + illegal_users) * 100');
    const values: Record<string, number> = { addicts_reached: 45, managed_addicts: 80, illegal_users: 20 };
    expect(evaluateFormula(tree, (c) => values[c] ?? null)).toBe(45);
    expect(formatFormula(parseFormula('a - (b - c)'))).toBe('a - (b - c)');
    expect(evaluateFormula(parseFormula('10 - 4 - 3'), () => null)).toBe(3);
    expect(evaluateFormula(parseFormula('-2 * 3 + 1'), () => null)).toBe(-5);
    expect(evaluateFormula(parseFormula('a × 2 ÷ 4'), () => 6)).toBe(3);
  });

  it('answers no data, never Infinity, when a denominator is 0 or an input is missing', () => {
    const tree = parseFormula('a / b * 100');
    expect(evaluateFormula(tree, (c) => (c === 'a' ? 5 : 0))).toBeNull();
    expect(evaluateFormula(tree, (c) => (c === 'a' ? 5 : null))).toBeNull();
  });

  it('refuses what is not a formula, with where', () => {
    for (const bad of [
      '',
      'a +',
      '(a + b',
      'a b',
      'a; drop table x',
      'eval(a)',
      'A + b',
      '1e5 * a',
      'a ** 2',
    ]) {
      expect(() => parseFormula(bad), bad).toThrow(FormulaError);
    }
    expect(() => parseFormula('a + $b')).toThrow(/vị trí 5/);
    expect(() => parseFormula(`${'('.repeat(60)}a${')'.repeat(60)}`)).toThrow(FormulaError);
  });

  it('writes SQL from positions and numbers only, dividing by nullif(…, 0)', () => {
    const sql = formulaSql(parseFormula('a / (b + c) * 100'), ['b', 'a', 'c'], '$1');
    expect(sql).toContain('($1::text[])[2]');
    expect(sql).toContain('nullif(');
    expect(sql).not.toMatch(/'a'|"a"/);
  });

  it('checks units: sums of the same unit, shares without unit, declared units matched', () => {
    const check = (f: string, unit: string) => unitProblem(parseFormula(f), unit, unitOf);
    expect(check('addicts_reached / (managed_addicts + illegal_users) * 100', '%')).toBeNull();
    expect(check('managed_addicts / population * 1000', 'người/1.000 dân')).toBeNull();
    expect(check('managed_addicts + illegal_users', 'người')).toBeNull();
    expect(check('loans_vnd / loan_households', 'đồng/hộ')).toBeNull();
    expect(check('managed_addicts + episodes', 'người')).toMatch(/không thể cộng/);
    expect(check('managed_addicts / population', 'người')).toMatch(/không khớp đơn vị tính/);
    expect(check('episodes / managed_addicts * 100', '%')).toMatch(/lượt\/người/);
    expect(check('share * 2', '%')).toBeNull();
  });
});
