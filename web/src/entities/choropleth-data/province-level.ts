import type { IndicatorChoropleth } from '../../components/map/choropleth';

/**
 * PROVINCE-LEVEL INDICATORS on the map (issue 15; server: values.repo.ts). An indicator reported at province
 * level (people in the provincial rehabilitation facility, loans by the provincial bank) has values for whole
 * provinces only: the map asks `/api/values` at province level and colours each province by its value. The
 * map's fill is drawn per commune, so every commune of a province is painted its province's colour — a colour,
 * never a value: no commune is given a number, the legend counts provinces and the table lists provinces.
 */

/** The caption line under the map's title when the indicator is reported at province level. */
export const PROVINCE_LEVEL_CAPTION = {
  vi: 'Chỉ số báo cáo cấp tỉnh: bản đồ tô màu theo tỉnh, không có số liệu cấp xã',
  en: 'Indicator reported at province level: the map colours provinces; there are no commune figures',
} as const;

/** Whether an indicator of the catalogue is reported at province level. */
export const isProvinceLevel = (indicator: { reportingLevel?: string } | null | undefined): boolean =>
  indicator?.reportingLevel === 'province';

/**
 * The provinces' colouring painted on their communes: each commune takes its province's class (−1, "no
 * data", when its province has no value). Values, estimates, ranges and the legend's counts (no data
 * included) stay the provinces'.
 */
export function provinceClassesOnCommunes(
  provinces: IndicatorChoropleth,
  communes: readonly { code: string; provinceCode: string }[],
): IndicatorChoropleth {
  const classes = new Map(provinces.classes);
  for (const c of communes) classes.set(c.code, provinces.classes.get(c.provinceCode) ?? -1);
  return { ...provinces, classes };
}

/** The provinces the communes lie in (those a province-level colouring should cover), in code order. */
export const provincesOf = (communes: readonly { provinceCode: string }[]): string[] =>
  [...new Set(communes.map((c) => c.provinceCode))].sort();
