import { formatChange as domainChange, formatNumber as domainNumber } from '@pcmt/domain/format';
import type { Lang } from './i18n';

/**
 * A number the way readers of `lang` write it: Vietnamese `1.234,5`, English `1,234.5` (one rule,
 * @pcmt/domain). Digits after the separator shrink as values grow, so legends stay short.
 */
export const formatNumber = (value: number | null | undefined, lang: Lang, maxDigits?: number): string =>
  domainNumber(value, lang, maxDigits);

/** A signed change, e.g. `+12,5%`, for key figures compared with an earlier period. */
export const formatChange = (current: number | null, previous: number | null, lang: Lang): string | null =>
  domainChange(current, previous, lang);
