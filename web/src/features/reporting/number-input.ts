import { formatNumber } from '../../lib/format';

/**
 * A number typed the Vietnamese way: `1.234,5` (dot between thousands, comma before decimals). `1234,5`,
 * `1 234` and a plain `1234.5` are read too; a dot followed by groups of exactly three digits is a
 * thousands separator (`1.234` = 1234). Empty = null; anything else = NaN (the field says so).
 */
export function parseNumberVi(text: string): number | null {
  const s = text.replace(/[\s\u00a0]/g, '');
  if (s === '') return null;
  let normal: string;
  if (s.includes(',')) normal = s.replaceAll('.', '').replace(',', '.');
  else if (/^-?\d{1,3}(\.\d{3})+$/.test(s)) normal = s.replaceAll('.', '');
  else normal = s;
  if (!/^-?\d+(\.\d+)?$/.test(normal)) return Number.NaN;
  return Number(normal);
}

/** A stored number as the field shows it (`1.234,5`); null = empty. */
export const showNumberVi = (v: number | null | undefined): string =>
  v === null || v === undefined ? '' : formatNumber(v, 'vi', 3);
