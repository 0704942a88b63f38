import { type SearchableUnit, searchUnits } from '../../../lib/search-name';

/** A unit a picker offers: its name, level and, for a commune, its province's name. */
export interface PickerUnit extends SearchableUnit {
  provinceCode: string;
  provinceName: string | null;
}

export type PickerLevel = 'province' | 'commune';

interface ListedUnit {
  code: string;
  name: string;
  fullName: string;
  level: string;
  provinceCode: string;
}

/** Provinces then communes (with their province's name), limited to the levels asked for and to `within`. */
export function pickerUnits(
  provinces: readonly ListedUnit[],
  communes: readonly ListedUnit[],
  levels: readonly PickerLevel[],
  within: readonly string[] | null = null,
): PickerUnit[] {
  const provinceName = new Map(provinces.map((p) => [p.code, p.fullName]));
  const inside = (u: ListedUnit) =>
    within === null || within.includes(u.provinceCode) || within.includes(u.code);
  return [
    ...(levels.includes('province') ? provinces : [])
      .filter(inside)
      .map((u) => ({ ...u, provinceName: null })),
    ...(levels.includes('commune') ? communes : [])
      .filter(inside)
      .map((u) => ({ ...u, provinceName: provinceName.get(u.provinceCode) ?? null })),
  ];
}

/** The line under a unit's name: its level and, for a commune, its province ("Cấp xã · Tỉnh Sơn La"). */
export function unitCaption(unit: Pick<PickerUnit, 'level' | 'provinceName'>): string {
  const level = unit.level === 'province' ? 'Cấp tỉnh' : unit.level === 'district' ? 'Cấp huyện' : 'Cấp xã';
  return unit.provinceName ? `${level} · ${unit.provinceName}` : level;
}

/** Units matching what was typed (without diacritics, prefix optional), minus those already chosen. */
export function matchUnits(
  units: readonly PickerUnit[],
  query: string,
  opts: { exclude?: readonly string[]; nearProvince?: string | null; limit?: number } = {},
): PickerUnit[] {
  const exclude = new Set(opts.exclude ?? []);
  const limit = opts.limit ?? 12;
  return searchUnits(units, query, limit + exclude.size, opts.nearProvince ?? null)
    .filter((u) => !exclude.has(u.code))
    .slice(0, limit);
}

/** The unit of a code, or null when the list does not have it (yet). */
export const unitOfCode = (units: readonly PickerUnit[] | null, code: string | null): PickerUnit | null =>
  code === null || units === null ? null : (units.find((u) => u.code === code) ?? null);
