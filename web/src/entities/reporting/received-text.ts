import { formatNumber } from '../../lib/format';
import type { Lang } from '../../lib/i18n';

/**
 * The words beside every figure of a period (dashboard, briefings, public pages): how many of the communes
 * expected to report it have sent their report, e.g. "Số liệu đã nhận 1.234/3.321 xã".
 */
export function receivedText(c: { received: number; expected: number }, lang: Lang = 'vi'): string {
  const x = formatNumber(c.received, lang, 0);
  const y = formatNumber(c.expected, lang, 0);
  return lang === 'vi' ? `Số liệu đã nhận ${x}/${y} xã` : `Reports received: ${x}/${y} communes`;
}
