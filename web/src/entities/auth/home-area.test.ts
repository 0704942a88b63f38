import { describe, expect, it } from 'vitest';
import { homeAreaOf } from './home-area';

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
