import { reportedOnOlderUnits, tileDateFor, type UnitVersion } from '@pcmt/domain/unit-versions';
import { type Period, periodEnd } from '../../lib/periods';

/** The dates one period is shown on: which units, which boundary tiles. */
export interface ViewDates {
  /** The period was reported on units that a later reorganisation (up to today) replaced. */
  old: boolean;
  /** Last day of the period. */
  end: string;
  /** Units the figures are expressed on: the period's own, or today's through the crosswalk. */
  at: string;
  /** Date the boundary tiles are asked for (one per unit version, so tiles are reused across periods). */
  tileAt: string;
}

export function viewDates(
  period: Period,
  todayUnits: boolean,
  today: string,
  versions: readonly UnitVersion[],
): ViewDates {
  const end = periodEnd(period);
  const old = reportedOnOlderUnits(versions, end, today);
  const at = old && todayUnits ? today : end;
  return { old, end, at, tileAt: tileDateFor(versions, at) };
}
