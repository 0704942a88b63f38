import { describe, expect, it } from 'vitest';
import { matchUnits, pickerUnits, unitCaption, unitOfCode } from './unit-picker-options';

const provinces = [
  { code: '01', name: 'Hà Nội', fullName: 'Thành phố Hà Nội', level: 'province', provinceCode: '01' },
  { code: '14', name: 'Sơn La', fullName: 'Tỉnh Sơn La', level: 'province', provinceCode: '14' },
];
const communes = [
  { code: '00004', name: 'Ba Đình', fullName: 'Phường Ba Đình', level: 'commune', provinceCode: '01' },
  {
    code: '04000',
    name: 'Chiềng Sinh',
    fullName: 'Phường Chiềng Sinh',
    level: 'commune',
    provinceCode: '14',
  },
  { code: '04100', name: 'Mường La', fullName: 'Xã Mường La', level: 'commune', provinceCode: '14' },
];

describe('unit picker options', () => {
  it('finds a commune typed without diacritics or kind and names its province', () => {
    const units = pickerUnits(provinces, communes, ['province', 'commune']);
    const [first] = matchUnits(units, 'ba dinh');
    expect(first?.fullName).toBe('Phường Ba Đình');
    expect(first && unitCaption(first)).toBe('Cấp xã · Thành phố Hà Nội');
    expect(matchUnits(units, 'son la').map((u) => u.code)).toEqual(['14']);
    expect(unitCaption({ level: 'province', provinceName: null })).toBe('Cấp tỉnh');
  });

  it('offers only the levels and area asked for', () => {
    expect(pickerUnits(provinces, communes, ['province']).map((u) => u.code)).toEqual(['01', '14']);
    expect(pickerUnits(provinces, communes, ['commune'], ['14']).map((u) => u.code)).toEqual([
      '04000',
      '04100',
    ]);
    expect(pickerUnits(provinces, communes, ['province', 'commune'], ['14']).map((u) => u.code)).toEqual([
      '14',
      '04000',
      '04100',
    ]);
  });

  it('leaves out units already chosen and finds a unit by its code', () => {
    const units = pickerUnits(provinces, communes, ['commune']);
    expect(matchUnits(units, 'chieng').map((u) => u.code)).toEqual(['04000']);
    expect(matchUnits(units, 'chieng', { exclude: ['04000'] })).toEqual([]);
    expect(unitOfCode(units, '04100')?.fullName).toBe('Xã Mường La');
    expect(unitOfCode(units, '99999')).toBeNull();
    expect(unitOfCode(null, '04100')).toBeNull();
  });
});
