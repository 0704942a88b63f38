import { searchName } from '@pcmt/domain/contracts/search-name';
import { problemText } from './import-problem';

/**
 * A unit a report row may name: the communes of the version the period was reported on, and its provinces
 * (`level: 'province'`), which carry the indicators reported at province level (issue 15).
 */
export interface MatchableUnit {
  id: number;
  code: string;
  name: string;
  fullName: string;
  provinceCode: string;
  provinceName: string;
  /** A province's own row (values of indicators reported at province level); absent for a commune. */
  level?: 'province';
}

export type UnitMatch =
  | { kind: 'found'; unit: MatchableUnit }
  | { kind: 'problem'; column: 'code' | 'name'; message: string }
  | { kind: 'ambiguous'; key: string; candidates: MatchableUnit[] };

/**
 * Kind prefixes people write before names ("Xã", "P.", "TT."). They are recognised with their diacritics:
 * without them "phuong" could be the prefix Phường or the name Phương, "tinh" the prefix Tỉnh or the
 * name Tịnh. Text typed without any diacritics can only be read one way, so there the common commune
 * prefixes are taken as prefixes.
 */
const PREFIX = /^\s*(xã|phường|thị trấn|đặc khu|tỉnh|thành phố|tp\.|tt\.|p\.|x\.)\s*/iu;
const ASCII_PREFIX = /^(xa|phuong|thi tran|dac khu|tt|p|x) /;

/** The key a unit name is matched by: no diacritics, no kind prefix, lower case ("Phường Ba Đình" → "ba dinh"). */
export function nameKey(name: string): string {
  const stripped = name.normalize('NFC').replace(PREFIX, '');
  if (stripped !== name.normalize('NFC')) return searchName(stripped);
  const key = searchName(name);
  return /^[\x20-\x7e]*$/.test(name) ? key.replace(ASCII_PREFIX, '') : key;
}

/** Codes lose their leading zeros in spreadsheets (00004 → 4): put them back to the level's width. */
export const normaliseCode = (raw: string | number, width = 5) => String(raw).trim().padStart(width, '0');

/**
 * Finds units by official code, or by name without diacritics and prefixes within a scope (a province).
 * A name that fits several units is ambiguous: the caller lists the candidates and the user picks one
 * (`choices`, name key → code), never the matcher.
 */
export function createUnitMatcher(
  units: readonly MatchableUnit[],
  options: {
    scope: string | null;
    date: string;
    choices?: Readonly<Record<string, string>>;
    /** Provinces a row may name by their two-digit code (province-level indicators); by code only. */
    provinces?: readonly MatchableUnit[];
  },
) {
  const byCode = new Map(units.map((u) => [u.code, u]));
  const provinceByCode = new Map((options.provinces ?? []).map((p) => [p.code, p]));
  const byName = new Map<string, MatchableUnit[]>();
  for (const u of units) {
    if (options.scope && u.provinceCode !== options.scope) continue;
    const key = nameKey(u.fullName);
    const list = byName.get(key);
    if (list) list.push(u);
    else byName.set(key, [u]);
  }
  const scopeText = options.scope ? problemText('import.in_province', { province: options.scope }) : '';

  function byCodeMatch(rawCode: string | number, rawName: string | null): UnitMatch {
    // A one- or two-digit code names a province (its own row: indicators reported at province level).
    const province = /^\d{1,2}$/.test(String(rawCode).trim())
      ? provinceByCode.get(normaliseCode(rawCode, 2))
      : undefined;
    if (province) {
      if (options.scope && province.code !== options.scope)
        return {
          kind: 'problem',
          column: 'code',
          message: `${province.code} là ${province.fullName}, ngoài phạm vi nhập (tỉnh ${options.scope})`,
        };
      if (rawName !== null && nameKey(rawName) !== nameKey(province.fullName))
        return {
          kind: 'problem',
          column: 'name',
          message: problemText('import.name_mismatch', {
            value: rawName,
            code: province.code,
            name: province.fullName,
          }),
        };
      return { kind: 'found', unit: province };
    }
    const code = normaliseCode(rawCode);
    if (!/^\d{5}$/.test(code)) {
      return {
        kind: 'problem',
        column: 'code',
        message: problemText('import.not_commune_code', { value: String(rawCode) }),
      };
    }
    const unit = byCode.get(code);
    if (!unit) {
      return {
        kind: 'problem',
        column: 'code',
        message: problemText('import.unknown_unit_code', { code, date: options.date }),
      };
    }
    if (options.scope && unit.provinceCode !== options.scope) {
      return {
        kind: 'problem',
        column: 'code',
        message: problemText('import.unit_outside_scope', {
          code,
          name: unit.fullName,
          province: `${unit.provinceName} (${unit.provinceCode})`,
          scope: options.scope,
        }),
      };
    }
    if (rawName !== null && nameKey(rawName) !== nameKey(unit.fullName)) {
      return {
        kind: 'problem',
        column: 'name',
        message: problemText('import.name_mismatch', { value: rawName, code, name: unit.fullName }),
      };
    }
    return { kind: 'found', unit };
  }

  function byNameMatch(rawName: string): UnitMatch {
    const key = nameKey(rawName);
    const chosen = options.choices?.[key];
    const candidates = byName.get(key) ?? [];
    if (chosen !== undefined) {
      const unit = candidates.find((u) => u.code === chosen);
      if (unit) return { kind: 'found', unit };
    }
    if (candidates.length === 1 && candidates[0]) return { kind: 'found', unit: candidates[0] };
    if (candidates.length > 1) return { kind: 'ambiguous', key, candidates };
    return {
      kind: 'problem',
      column: 'name',
      message: problemText('import.unknown_unit_name', {
        value: rawName,
        scope: scopeText,
        date: options.date,
      }),
    };
  }

  return {
    match(rawCode: string | number | null, rawName: string | null): UnitMatch {
      if (rawCode !== null && String(rawCode).trim() !== '') return byCodeMatch(rawCode, rawName);
      if (rawName !== null && rawName.trim() !== '') return byNameMatch(rawName);
      return { kind: 'problem', column: 'code', message: problemText('import.no_unit_on_row', {}) };
    },
  };
}
