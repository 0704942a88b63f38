import type { UnitKind } from './types';

/**
 * Vietnamese unit names: splitting the kind prefix off, and a matching key that ignores the
 * spelling differences found in the address package (NFD vs NFC, "Hoà" vs "Hòa",
 * "Thuỷ" vs "Thủy", upper/lower case).
 */

const PREFIXES: ReadonlyArray<readonly [string, UnitKind]> = [
  ['Thành phố', 'thanh_pho'],
  ['Thị trấn', 'thi_tran'],
  ['Thị xã', 'thi_xa'],
  ['Đặc khu', 'dac_khu'],
  ['Phường', 'phuong'],
  ['Huyện', 'huyen'],
  ['Quận', 'quan'],
  ['Tỉnh', 'tinh'],
  ['Xã', 'xa'],
];

/** Unicode NFC, single spaces, trimmed: the package mixes composed and decomposed text. */
export function clean(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Splits "Phường Ba Đình" into kind 'phuong' and name "Ba Đình"; null when no known prefix. */
export function splitPrefix(fullName: string): { kind: UnitKind; name: string } | null {
  const text = clean(fullName);
  for (const [prefix, kind] of PREFIXES) {
    if (text.startsWith(`${prefix} `)) return { kind, name: text.slice(prefix.length + 1) };
  }
  return null;
}

/**
 * Old-style tone placement at the end of a syllable ("Hoà", "Thuỷ") mapped to the new style
 * ("Hòa", "Thủy"), so both spellings compare equal; "Hoàn" is the same in both and is left alone.
 */
const TONE_PLACEMENT: ReadonlyArray<readonly [RegExp, string]> = [
  [/oà(?!\p{L})/gu, 'òa'],
  [/oá(?!\p{L})/gu, 'óa'],
  [/oả(?!\p{L})/gu, 'ỏa'],
  [/oã(?!\p{L})/gu, 'õa'],
  [/oạ(?!\p{L})/gu, 'ọa'],
  [/oè(?!\p{L})/gu, 'òe'],
  [/oé(?!\p{L})/gu, 'óe'],
  [/oẻ(?!\p{L})/gu, 'ỏe'],
  [/oẽ(?!\p{L})/gu, 'õe'],
  [/oẹ(?!\p{L})/gu, 'ọe'],
  [/uỳ(?!\p{L})/gu, 'ùy'],
  [/uý(?!\p{L})/gu, 'úy'],
  [/uỷ(?!\p{L})/gu, 'ủy'],
  [/uỹ(?!\p{L})/gu, 'ũy'],
  [/uỵ(?!\p{L})/gu, 'ụy'],
];

/** A key for comparing names written by different people: NFC, lower case, one tone placement. */
export function nameKey(text: string): string {
  let key = clean(text).toLowerCase();
  for (const [pattern, replacement] of TONE_PLACEMENT) key = key.replace(pattern, replacement);
  return key;
}
