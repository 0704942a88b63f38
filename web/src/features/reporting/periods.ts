import { parsePeriod, shiftPeriod, todayIso } from '../../lib/periods';

/** The current period of a kind and the `n − 1` before it, newest first (month forms: quarters' months). */
export function recentPeriods(kind: string, n: number, today = todayIso()): string[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  if (kind === 'month') {
    return Array.from({ length: n }, (_, i) => {
      const m = year * 12 + (month - 1) - i;
      return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
    });
  }
  const id =
    kind === 'year'
      ? String(year)
      : kind === 'half'
        ? `${year}-H${month <= 6 ? 1 : 2}`
        : `${year}-Q${Math.ceil(month / 3)}`;
  const current = parsePeriod(id);
  if (!current) return [];
  return Array.from({ length: n }, (_, i) => shiftPeriod(current, -i).id);
}
