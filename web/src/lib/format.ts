import {
  formatChange as domainChange,
  formatCoverage as domainCoverage,
  formatNumber as domainNumber,
  formatPercent as domainPercent,
} from '@pcmt/domain/format';
import type { Lang } from './i18n';

/**
 * A number the way readers of `lang` write it: Vietnamese `1.234,5`, English `1,234.5` (one rule,
 * @pcmt/domain). Digits after the separator shrink as values grow, so legends stay short.
 */
export const formatNumber = (value: number | null | undefined, lang: Lang, maxDigits?: number): string =>
  domainNumber(value, lang, maxDigits);

/** A share as Vietnamese writes it, `5%` (no space), or `–` when there is none. */
export const formatPercent = (value: number | null | undefined, lang: Lang, maxDigits = 1): string =>
  domainPercent(value, lang, maxDigits);

/** A value followed by its unit: `5%` for percent (no space), `12 người` otherwise. */
export const withUnit = (text: string, unit: string): string =>
  unit === '%' ? `${text}%` : unit ? `${text} ${unit}` : text;

/** An area total's coverage, "Tổng của 12/15 xã đã báo cáo" (/api/values, /api/series `reported`/`expected`). */
export const formatCoverage = (reported: number, expected: number, lang: Lang): string =>
  domainCoverage(reported, expected, lang);

/** A signed change, e.g. `+12,5%`, for key figures compared with an earlier period. */
export const formatChange = (current: number | null, previous: number | null, lang: Lang): string | null =>
  domainChange(current, previous, lang);
