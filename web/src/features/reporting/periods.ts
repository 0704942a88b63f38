import { periodIdOf, periodOfDate, shiftPeriodParts } from '@pcmt/domain/periods';
import { latestPeriod, type PeriodKind, shiftPeriod, todayIso } from '../../lib/periods';

/**
 * The periods a report form offers, newest first: the latest period that has ended (as the map's period
 * picker) and the `n − 1` before it. Month forms: the latest ended month and those before.
 */
export function recentPeriods(kind: string, n: number, today = todayIso()): string[] {
  if (kind === 'month') {
    const thisMonth = periodOfDate('month', today);
    return Array.from({ length: n }, (_, i) => periodIdOf(shiftPeriodParts(thisMonth, -1 - i)));
  }
  const latest = latestPeriod(kind as PeriodKind, today);
  return Array.from({ length: n }, (_, i) => shiftPeriod(latest, -i).id);
}
