import { addDays } from '@pcmt/domain/periods';
import type { PeriodRow } from '../periods/periods.repo';

/** Settings of the public pages (env.ts: PCMT_PUBLIC_DELAY_DAYS, PCMT_PUBLIC_MIN_COUNT). */
export interface PublicPagesConfig {
  /** Days after a quarter's end before its figures are published. */
  delayDays: number;
  /** Counts below this are published as suppressed ("< 5"). */
  minCount: number;
}

export const DEFAULT_PUBLIC_PAGES: PublicPagesConfig = { delayDays: 45, minCount: 5 };

/** `date` (YYYY-MM-DD) plus `days` calendar days (the rule: @pcmt/domain/periods). */
export { addDays };

/**
 * The last closed period: the latest quarter whose end date plus the publication delay is on or before
 * `today`. Reports of a quarter keep arriving and being corrected for weeks after it ends, so the public
 * sees a quarter only once its figures have settled; null when no quarter is closed yet.
 */
export function lastClosedQuarter(
  periods: Iterable<PeriodRow>,
  today: string,
  delayDays: number,
): PeriodRow | null {
  let latest: PeriodRow | null = null;
  for (const p of periods) {
    if (p.kind !== 'quarter' || addDays(p.endDate, delayDays) > today) continue;
    if (!latest || p.endDate > latest.endDate) latest = p;
  }
  return latest;
}

/** Whether a period (of any kind) is wholly closed by `closed`: it ends no later than the closed quarter. */
export const isClosedBy = (period: PeriodRow, closed: PeriodRow) => period.endDate <= closed.endDate;
