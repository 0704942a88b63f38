import { searchName } from '@pcmt/domain/contracts/search-name';
import { describe, expect, it } from 'vitest';
import { searchUnits, splitPrefix } from './search-name';

const units = [
  { code: '01', name: 'Hà Nội', fullName: 'Thành phố Hà Nội', level: 'province' },
  { code: '00004', name: 'Ba Đình', fullName: 'Phường Ba Đình', level: 'commune' },
  { code: '00008', name: 'Ngọc Hà', fullName: 'Phường Ngọc Hà', level: 'commune' },
  { code: '24001', name: 'Ia Mơ', fullName: 'Xã Ia Mơ', level: 'commune' },
  { code: '24002', name: 'Ia Mơ Nông', fullName: 'Phường Ia Mơ Nông', level: 'commune' },
  { code: '31000', name: 'Đình Lập', fullName: 'Xã Đình Lập', level: 'commune' },
  {
    code: '21000',
    name: 'Ba Dinh',
    fullName: 'Xã Ba Dinh',
    level: 'commune',
    provinceCode: '51',
    population: 9000,
  },
];
units[1] = { ...units[1], provinceCode: '01', population: 60000 } as (typeof units)[number];

describe('searchName', () => {
  it('drops diacritics, đ and case', () => {
    expect(searchName('Phường Ba Đình')).toBe('phuong ba dinh');
    expect(searchName('  Xã  Ia Mơ ')).toBe('xa ia mo');
  });

  it('splits a typed kind prefix from the name', () => {
    expect(splitPrefix('xa ia mo')).toEqual({ prefix: 'xa', name: 'ia mo' });
    expect(splitPrefix('TP Hà Nội')).toEqual({ prefix: 'thanh pho', name: 'ha noi' });
    expect(splitPrefix('ba dinh')).toEqual({ prefix: null, name: 'ba dinh' });
  });
});

describe('searchUnits', () => {
  it('finds Phường Ba Đình from "ba dinh", exact match first', () => {
    const found = searchUnits(units, 'ba dinh');
    expect(found.map((u) => u.fullName)).toEqual(['Phường Ba Đình', 'Xã Ba Dinh']);
  });

  it('puts equal matches in the province in view first', () => {
    expect(searchUnits(units, 'ba dinh', 10, '51')[0]?.fullName).toBe('Xã Ba Dinh');
  });

  it('keeps only units of a typed kind', () => {
    expect(searchUnits(units, 'xa ia mo').map((u) => u.code)).toEqual(['24001']);
    expect(searchUnits(units, 'ia mo').map((u) => u.code)).toEqual(['24001', '24002']);
  });

  it('matches words inside names and returns nothing for an empty query', () => {
    expect(searchUnits(units, 'dinh').map((u) => u.code)).toEqual(['31000', '00004', '21000']);
    expect(searchUnits(units, '  ')).toEqual([]);
  });
});
