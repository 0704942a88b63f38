import type { PublicNumber } from '@pcmt/domain/contracts/public';
import { formatNumber } from '../../lib/format';
import type { Lang } from '../../lib/i18n';

/** A published figure as a reader sees it: the number, or the server's "< 5" for a suppressed one. */
export function publishedText(n: PublicNumber, lang: Lang): string {
  return n.suppressed ? n.display : formatNumber(n.value, lang);
}

/** The number to plot: suppressed figures leave a gap rather than a guess. */
export const plottedValue = (n: PublicNumber | null): number | null => (n && !n.suppressed ? n.value : null);
