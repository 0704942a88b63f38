/**
 * One way to write periods, dates and numbers, for every screen, sheet, PDF and image the product makes
 * (server and web import this module). Vietnamese follows official documents: `Quý III/2026`,
 * `6 tháng đầu năm 2026`, dd/mm/yyyy, `1.234,5`, `5%` (no space before %).
 */
export type Lang = 'vi' | 'en';

const ROMAN_QUARTER = ['I', 'II', 'III', 'IV'] as const;
const PERIOD_ID = /^(\d{4})(?:-(H|Q|M)?(\d{1,2}))?$/;

/**
 * A period id (`2026`, `2026-H1`, `2026-Q3`, `2026-07` or `2026-M7`) as a reader says it:
 * `Năm 2026`, `6 tháng đầu năm 2026`, `Quý III/2026`, `Tháng 7/2026`; in English `2026`, `H1 2026`,
 * `Q3 2026`, `July 2026`. An id that is none of these is returned as it is.
 */
export function periodLabel(id: string, lang: Lang = 'vi'): string {
  const m = PERIOD_ID.exec(id);
  if (!m) return id;
  const [, year, kind, n] = m;
  if (!n) return lang === 'vi' ? `Năm ${year}` : String(year);
  if (kind === 'Q')
    return lang === 'vi' ? `Quý ${ROMAN_QUARTER[Number(n) - 1] ?? n}/${year}` : `Q${n} ${year}`;
  if (kind === 'H') {
    if (lang === 'en') return `H${n} ${year}`;
    return n === '1' ? `6 tháng đầu năm ${year}` : `6 tháng cuối năm ${year}`;
  }
  const month = Number(n);
  if (lang === 'vi') return `Tháng ${month}/${year}`;
  return `${new Date(Date.UTC(Number(year), month - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' })} ${year}`;
}

/** Two short lines where a full label does not fit (chart axes): `Q.III` / `2026`. */
export function periodShortLabel(id: string, lang: Lang = 'vi'): [string, string] {
  const m = PERIOD_ID.exec(id);
  if (!m) return [id, ''];
  const [, year = '', kind, n] = m;
  if (!n) return [lang === 'vi' ? 'Năm' : 'Year', year];
  if (kind === 'Q') return [lang === 'vi' ? `Q.${ROMAN_QUARTER[Number(n) - 1] ?? n}` : `Q${n}`, year];
  if (kind === 'H') return [lang === 'vi' ? (n === '1' ? '6T đầu' : '6T cuối') : `H${n}`, year];
  return [lang === 'vi' ? `T${Number(n)}` : `M${Number(n)}`, year];
}

/** An ISO date (`2026-07-01`, or a timestamp) as `01/07/2026`, whatever the reader's language. */
export function formatDate(iso: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '–';
}

/** A moment as `dd/mm/yyyy HH:mm` in Vietnam's time (UTC+7), 24-hour. */
export function formatDateTime(at: Date | string): string {
  const d = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(d.getTime())) return '–';
  const vn = new Date(d.getTime() + VIETNAM_OFFSET_MS).toISOString();
  return `${formatDate(vn)} ${vn.slice(11, 16)}`;
}

const LOCALE: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };
const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * A number as readers of `lang` write it: Vietnamese `1.234,5`, English `1,234.5`; missing is `–`, never 0.
 * Without `maxDigits`, digits after the separator shrink as values grow, so legends stay short.
 */
export function formatNumber(
  value: number | null | undefined,
  lang: Lang = 'vi',
  maxDigits?: number,
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const digits = maxDigits ?? (Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2);
  const key = `${lang}:${digits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: digits });
    numberFormats.set(key, f);
  }
  return f.format(value);
}

/** A share in percent, written `5%`, `12,5%` (Vietnamese and English both write no space). */
export function formatPercent(value: number | null | undefined, lang: Lang = 'vi', maxDigits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return `${formatNumber(value, lang, maxDigits)}%`;
}

/** A signed change in percent, e.g. `+12,5%`; null when there is nothing to compare with. */
export function formatChange(
  current: number | null,
  previous: number | null,
  lang: Lang = 'vi',
): string | null {
  if (current === null || previous === null) return null;
  if (previous === 0) return current === 0 ? '0%' : null;
  const pct = ((current - previous) / Math.abs(previous)) * 100;
  return `${pct > 0 ? '+' : ''}${formatPercent(pct, lang, 1)}`;
}

/**
 * How many communes a total over an area covers (GET /api/values, /api/series `reported`/`expected`):
 * "Tổng của 12/15 xã đã báo cáo". Said wherever an area's total is shown, so a total of some communes never
 * passes as the whole area's.
 */
export function formatCoverage(reported: number, expected: number, lang: Lang = 'vi'): string {
  const part = `${formatNumber(reported, lang, 0)}/${formatNumber(expected, lang, 0)}`;
  return lang === 'vi' ? `Tổng của ${part} xã đã báo cáo` : `Total of ${part} communes that reported`;
}

/** Vietnam keeps UTC+7 all year (no daylight saving). */
export const VIETNAM_OFFSET_MS = 7 * 3600_000;

/** Today's calendar date in Vietnam, `YYYY-MM-DD`: the server and the browser agree between 00:00 and 07:00. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}
