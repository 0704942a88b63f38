import type { Lang } from './i18n';

const LOCALE: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(lang: Lang, maxDigits: number): Intl.NumberFormat {
  const key = `${lang}:${maxDigits}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: maxDigits });
    formatters.set(key, f);
  }
  return f;
}

/**
 * A number the way readers of `lang` write it: Vietnamese `1.234,5`, English `1,234.5`.
 * Digits after the separator shrink as values grow, so legends stay short.
 */
export function formatNumber(value: number | null | undefined, lang: Lang, maxDigits?: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const digits = maxDigits ?? (Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2);
  return formatter(lang, digits).format(value);
}

/** A signed change, e.g. `+12,5 %`, for key figures compared with an earlier period. */
export function formatChange(current: number | null, previous: number | null, lang: Lang): string | null {
  if (current === null || previous === null) return null;
  if (previous === 0) return current === 0 ? '0 %' : null;
  const pct = ((current - previous) / Math.abs(previous)) * 100;
  const sign = pct > 0 ? '+' : '';
  return `${sign}${formatNumber(pct, lang, 1)} %`;
}
