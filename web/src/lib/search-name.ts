import { searchName } from '@pcmt/domain/contracts/search-name';

/** Kind prefixes people type or leave out ("xa ia mo", "tp thu duc"), longest first. */
const PREFIXES = [
  'thanh pho truc thuoc trung uong',
  'thanh pho',
  'thi tran',
  'thi xa',
  'dac khu',
  'phuong',
  'huyen',
  'quan',
  'tinh',
  'tp',
  'xa',
];

/** Splits a typed query into the kind prefix it starts with (if any) and the name. */
export function splitPrefix(query: string): { prefix: string | null; name: string } {
  const q = searchName(query);
  for (const p of PREFIXES) {
    if (q.startsWith(`${p} `)) return { prefix: p === 'tp' ? 'thanh pho' : p, name: q.slice(p.length + 1) };
  }
  return { prefix: null, name: q };
}

export interface SearchableUnit {
  code: string;
  name: string;
  fullName: string;
  level: string;
  provinceCode?: string;
  population?: number | null;
}

/**
 * Units matching a query without diacritics or kind prefix, best first: exact name, then names starting
 * with the query, then names containing it; a typed prefix ("xa …") keeps only units of that kind. Equal
 * matches ("ba dinh" is both Phường Ba Đình and Xã Ba Dinh) put the province in view first, then the more
 * populous unit.
 */
export function searchUnits<T extends SearchableUnit>(
  units: readonly T[],
  query: string,
  limit = 10,
  nearProvince: string | null = null,
): T[] {
  const { prefix, name } = splitPrefix(query);
  if (name.length === 0) return [];
  const scored: { unit: T; score: number }[] = [];
  for (const unit of units) {
    const n = searchName(unit.name);
    const full = searchName(unit.fullName);
    if (prefix && !full.startsWith(prefix)) continue;
    let score: number;
    if (n === name || full === name) score = 0;
    else if (n.startsWith(name)) score = 1;
    else if (n.includes(` ${name}`)) score = 2;
    else if (full.includes(name)) score = 3;
    else continue;
    // Provinces before communes when names tie: a province is the likelier target.
    const near = nearProvince !== null && unit.provinceCode === nearProvince ? 0 : 1;
    scored.push({ unit, score: score * 4 + (unit.level === 'province' ? 0 : 2) + near });
  }
  scored.sort(
    (a, b) =>
      a.score - b.score ||
      (b.unit.population ?? 0) - (a.unit.population ?? 0) ||
      a.unit.name.localeCompare(b.unit.name, 'vi'),
  );
  return scored.slice(0, limit).map((s) => s.unit);
}
