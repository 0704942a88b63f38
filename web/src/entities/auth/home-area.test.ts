import { describe, expect, it } from 'vitest';
import { areaNamesOf, homeAreaOf } from './home-area';

describe('home area of a jurisdiction', () => {
  const communes = new Map([['00004', '01']]);
  const of = (jurisdiction: string[] | null) =>
    homeAreaOf(jurisdiction ? { jurisdiction } : null, (c) => communes.get(c));

  it('opens a province user on their province and offers only it', () => {
    expect(of(['01'])).toEqual({ national: false, provinces: ['01'], home: '01' });
  });
  it('opens a commune user on the province of the commune', () => {
    expect(of(['00004'])).toEqual({ national: false, provinces: ['01'], home: '01' });
  });
  it('leaves national users and the public on the whole country', () => {
    expect(of(['VN'])).toEqual({ national: true, provinces: [], home: null });
    expect(of(null)).toEqual({ national: true, provinces: [], home: null });
  });
  it('lists each province once, in the order of the jurisdiction', () => {
    expect(of(['14', '00004', '01']).provinces).toEqual(['14', '01']);
  });
});

describe('the area a page names', () => {
  const units: Record<string, { name: string; province?: string }> = {
    '01': { name: 'Thành phố Hà Nội' },
    '14': { name: 'Tỉnh Sơn La' },
    '00004': { name: 'Phường Ba Đình', province: 'Thành phố Hà Nội' },
  };
  const named = (jurisdiction: string[] | null) =>
    areaNamesOf(jurisdiction ? { jurisdiction } : null, (c) => units[c], 'Toàn quốc');

  it('names a province user’s province and a commune user’s commune with its province', () => {
    expect(named(['01'])).toBe('Thành phố Hà Nội');
    expect(named(['00004'])).toBe('Phường Ba Đình, Thành phố Hà Nội');
    expect(named(['14', '01'])).toBe('Tỉnh Sơn La; Thành phố Hà Nội');
  });
  it('says Toàn quốc for national accounts', () => {
    expect(named(['VN'])).toBe('Toàn quốc');
    expect(named(null)).toBe('Toàn quốc');
  });
  it('shows nothing rather than a code while a name is unknown', () => {
    expect(named(['01', '99'])).toBeNull();
  });
});
