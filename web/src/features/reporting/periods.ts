import { latestPeriod, type PeriodKind, shiftPeriod, todayIso } from '../../lib/periods';

/**
 * The periods a report form offers, newest first: the latest period that has ended (as the map's period
 * picker) and the `n − 1` before it. Month forms: the latest ended month and those before.
 */
export function recentPeriods(kind: string, n: number, today = todayIso()): string[] {
  if (kind === 'month') {
    const m0 = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 2;
    return Array.from({ length: n }, (_, i) => {
      const m = m0 - i;
      return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
    });
  }
  const latest = latestPeriod(kind as PeriodKind, today);
  return Array.from({ length: n }, (_, i) => shiftPeriod(latest, -i).id);
}
