import { describe, expect, it } from 'vitest';
import { indicatorChoropleth } from '../../components/map/choropleth';
import { isProvinceLevel, provinceClassesOnCommunes, provincesOf } from './province-level';

describe('a province-level indicator on the map', () => {
  const provinces = indicatorChoropleth(
    [
      { code: '01', value: 10 },
      { code: '14', value: 500 },
    ],
    ['01', '14', '96'],
    'quantile',
    2,
  );
  const communes = [
    { code: '00004', provinceCode: '01' },
    { code: '00007', provinceCode: '01' },
    { code: '03979', provinceCode: '14' },
    { code: '30001', provinceCode: '96' },
  ];

  it('paints every commune its province’s colour, and "no data" where the province has no value', () => {
    const painted = provinceClassesOnCommunes(provinces, communes);
    const low = provinces.classes.get('01');
    const high = provinces.classes.get('14');
    expect(low).not.toBe(high);
    expect(painted.classes.get('00004')).toBe(low);
    expect(painted.classes.get('00007')).toBe(low);
    expect(painted.classes.get('03979')).toBe(high);
    expect(painted.classes.get('30001')).toBe(-1);
  });

  it('gives no commune a value: values, legend counts and ranges stay the provinces’', () => {
    const painted = provinceClassesOnCommunes(provinces, communes);
    expect([...painted.valueByCode.keys()].sort()).toEqual(['01', '14']);
    expect(painted.counts).toEqual(provinces.counts);
    expect(painted.counts.reduce((a, b) => a + b, 0)).toBe(2);
    expect(painted.ranges).toEqual(provinces.ranges);
    // The legend's "no data" counts provinces (96 has no value), not their communes.
    expect(painted.noData).toBe(1);
    expect(provincesOf(communes)).toEqual(['01', '14', '96']);
  });

  it('is told by the catalogue entry', () => {
    expect(isProvinceLevel({ reportingLevel: 'province' })).toBe(true);
    expect(isProvinceLevel({ reportingLevel: 'commune' })).toBe(false);
    expect(isProvinceLevel(null)).toBe(false);
  });
});
