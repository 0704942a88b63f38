import { type Period, periodsOfKind } from '../../lib/periods';

/** Seconds each period stays on screen once drawn: a quick scan to a pace one can talk over. */
export const SPEEDS_MS = [500, 1000, 2000, 4000] as const;
export const DEFAULT_SPEED_MS = 1000;

/**
 * Where playing starts: the period on screen, or the first one of its kind when the latest is on screen
 * (as a player rewinds at the end of a recording), so Play always shows something move.
 */
export function timelapseStart(period: Period, today: string): Period {
  const periods = periodsOfKind(period.kind, today);
  const last = periods[periods.length - 1];
  if (last && last.id === period.id) return periods[0] ?? period;
  return period;
}

/**
 * The period after `period` among those of its kind with reports, or null at the latest one: the time-lapse
 * stops there instead of looping, so the room is left looking at the current situation, which is what the
 * discussion is about, rather than the map jumping back to 2019.
 */
export function nextTimelapsePeriod(period: Period, today: string): Period | null {
  const periods = periodsOfKind(period.kind, today);
  const i = periods.findIndex((p) => p.id === period.id);
  if (i < 0) return null;
  return periods[i + 1] ?? null;
}
