import { describe, expect, it } from 'vitest';
import { ownScope, scopeChoices } from './own-scope';

describe('the scope an import starts on', () => {
  it("is a province officer's province, a commune officer's commune, the country for national accounts", () => {
    expect(ownScope(['14'])).toBe('14');
    expect(ownScope(['04000', '14'])).toBe('14');
    expect(ownScope(['04000', '04100'])).toBe('04000');
    expect(ownScope(['VN'])).toBeNull();
    expect(ownScope([])).toBeNull();
    expect(ownScope(undefined)).toBeNull();
  });

  it("offers only the officer's own units", () => {
    expect(scopeChoices(['14'])).toEqual(['14']);
    expect(scopeChoices(['VN'])).toBeNull();
    expect(scopeChoices(undefined)).toBeNull();
  });
});
