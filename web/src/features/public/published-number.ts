import type { PublicNumber } from '@pcmt/domain/contracts/public';
import { estimateText } from '../../entities/indicators/estimates';
import { formatCoverage, formatNumber, withUnit } from '../../lib/format';
import { type Lang, periodLabel } from '../../lib/i18n';

/** A published figure as a reader sees it: the number, or the server's "< 5" for a suppressed one. */
export function publishedText(n: PublicNumber, lang: Lang): string {
  return n.suppressed ? n.display : formatNumber(n.value, lang);
}

/** The number to plot: suppressed figures leave a gap rather than a guess. */
export const plottedValue = (n: PublicNumber | null): number | null => (n && !n.suppressed ? n.value : null);

/**
 * An indicator's latest year beside its name: "Năm 2025: 1.234 người", "< 5", or "chưa có số liệu" when the
 * year has no value (missing is said, never left out or shown as 0). Null when there is no year at all.
 */
export function latestText(
  last: { period: string; value: PublicNumber | null; reported?: number; expected?: number } | undefined,
  unit: string,
  lang: Lang,
): string | null {
  if (!last) return null;
  const figure = last.value ? withUnit(publishedText(last.value, lang), unit) : estimateText(lang, 'noData');
  // A total over only some of the area's communes says so ("Tổng của 12/15 xã đã báo cáo"; counts only).
  const partial =
    last.value && last.reported !== undefined && last.expected !== undefined && last.reported < last.expected
      ? ` (${formatCoverage(last.reported, last.expected, lang)})`
      : '';
  return `${periodLabel(last.period, lang)}: ${figure}${partial}`;
}
