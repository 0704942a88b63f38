/**
 * A hotspot's lifecycle (điểm, tụ điểm ma túy in the register). A place is detected on a date; it is
 * active from then until it is eliminated (triệt xóa); an eliminated place that is found in use again
 * re-emerges (tái hoạt động) and is active again from that date. Before its detection date it has no state.
 * The record keeps the latest elimination and the latest re-emergence; the later of the two decides (a
 * re-emergence on the elimination day itself ends it, as the register's re-opening allows). A re-emergence
 * before the latest elimination (eliminated, found again, eliminated again) ended an earlier elimination:
 * the place is eliminated from the latest one.
 * One definition for the server's SQL, the server's progress measures and the web's words.
 */

/** The states a detected hotspot can be in on a date. */
export const HOTSPOT_STATES = ['active', 'eliminated'] as const;
export type HotspotState = (typeof HOTSPOT_STATES)[number];

/** A state, or every detected hotspot whatever its state (the map's filter). */
export type HotspotLifecycle = HotspotState | 'all';

/** The dates of a hotspot's register record that decide its state (ISO yyyy-mm-dd). */
export interface HotspotDates {
  detectedOn: string;
  eliminatedOn: string | null;
  reemergedOn: string | null;
}

/** Each state in words: Vietnamese, English. */
export const HOTSPOT_STATE_WORDS: Record<HotspotState, { vi: string; en: string }> = {
  active: { vi: 'Đang hoạt động', en: 'Active' },
  eliminated: { vi: 'Đã triệt xóa', en: 'Eliminated' },
};

/**
 * A detected hotspot's state on `date`: active when not eliminated yet, or re-emerged by then (on or after
 * its latest elimination); otherwise eliminated. Does not look at the detection date (see `hotspotStateOn`).
 */
export function detectedHotspotState(h: Omit<HotspotDates, 'detectedOn'>, date: string): HotspotState {
  // ISO dates compare as strings.
  if (h.eliminatedOn === null || h.eliminatedOn > date) return 'active';
  return h.reemergedOn !== null && h.reemergedOn >= h.eliminatedOn && h.reemergedOn <= date
    ? 'active'
    : 'eliminated';
}

/** Eliminated on `date` by an elimination made on or after `from` (a target's counting window). */
export const eliminatedWithin = (h: HotspotDates, from: string, date: string): boolean =>
  h.eliminatedOn !== null && h.eliminatedOn >= from && hotspotStateOn(h, date) === 'eliminated';

/** A hotspot's state on `date`, or null before its detection. */
export function hotspotStateOn(h: HotspotDates, date: string): HotspotState | null {
  return h.detectedOn > date ? null : detectedHotspotState(h, date);
}

/** Active on a date: detected, and not eliminated unless it re-emerged since. */
export const isActiveOn = (h: HotspotDates, date: string): boolean => hotspotStateOn(h, date) === 'active';

/**
 * SQL for a detected hotspot's state on the date in `param` (`detectedHotspotState` in SQL), over the
 * columns `eliminated_on` and `reemerged_on` of the table aliased `alias`. Callers filter `detected_on`.
 */
export const hotspotStateSql = (alias: string, param: string): string =>
  `case when ${alias}.eliminated_on is null or ${alias}.eliminated_on > ${param}::date
          or (${alias}.reemerged_on is not null and ${alias}.reemerged_on >= ${alias}.eliminated_on
              and ${alias}.reemerged_on <= ${param}::date)
        then 'active' else 'eliminated' end`;
