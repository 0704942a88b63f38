import { beforeReform, type Period, periodEnd, tileDateFor } from '../../lib/periods';

/** The dates one period is shown on: which units, which boundary tiles. */
export interface ViewDates {
  /** The period was reported on the units before 1/7/2025. */
  old: boolean;
  /** Last day of the period. */
  end: string;
  /** Units the figures are expressed on: the period's own, or today's through the crosswalk. */
  at: string;
  /** Date the boundary tiles are asked for (one per unit version, so tiles are reused across periods). */
  tileAt: string;
}

export function viewDates(period: Period, todayUnits: boolean, today: string): ViewDates {
  const old = beforeReform(period);
  const end = periodEnd(period);
  const at = old && todayUnits ? today : end;
  return { old, end, at, tileAt: tileDateFor(at) };
}
