import type { CommuneStatus } from '@pcmt/domain/contracts/common';

/**
 * What the pure progress computation is fed with. The repository fetches these for an area (a plan's
 * scope or one of its child units); nothing in `features/progress` touches the database.
 */

/** A reporting quarter. */
export interface QuarterRef {
  id: string;
  startDate: string;
  endDate: string;
}

/** The parts of an indicator's catalogue entry the computation needs. */
export interface IndicatorRef {
  code: string;
  unitVi: string;
  areaAggregation: 'sum' | 'rate' | 'max';
  timeAggregation: 'sum' | 'last' | 'max' | 'rate';
  /** A computed indicator's formula over other indicators (features/indicators/formula.ts). */
  formula: string | null;
  /** Retired from the catalogue: its values stay readable, no new target may use it. */
  retired?: boolean;
}

/**
 * The decided status of one commune on a snapshot date, with the share of that commune that lies in the
 * area (1 on the area's own unit version; a crosswalk share when the snapshot date falls in another version).
 */
export interface StatusObservation {
  date: string;
  /** The commune's id; '*' for rows already summed over communes (when no target follows single communes). */
  commune: string;
  weight: number;
  /** The commune belongs to another unit version than the area: counted through the crosswalk. */
  estimated: boolean;
  /** null: no decision in force on that date. */
  status: CommuneStatus | null;
}

/**
 * One member of a keep_status set on a snapshot date: the member itself while its unit version lasts, then
 * each successor commune with the crosswalk weight of the member that went into it.
 */
export interface KeptObservation {
  date: string;
  member: string;
  weight: number;
  /** A successor of the member (after its unit version ended), weighted by the crosswalk. */
  estimated: boolean;
  status: CommuneStatus | null;
}

/** A hotspot of the register (điểm / tụ điểm) lying in the area. */
export interface HotspotRecord {
  detectedOn: string;
  eliminatedOn: string | null;
  reemergedOn: string | null;
}

/** Everything known about one area. Values are quarterly sums over the area's communes. */
export interface AreaInputs {
  code: string;
  name: string;
  /** Stored indicator → quarter id → value over the area. */
  values: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Quarters whose values were re-expressed through the 2025 crosswalk (estimates). */
  estimatedQuarters: ReadonlySet<string>;
  statuses: readonly StatusObservation[];
  /** keep_status targets' members, by target code. */
  kept: ReadonlyMap<string, readonly KeptObservation[]>;
  hotspots: readonly HotspotRecord[];
}

/** What every computation shares: the evaluation date, the quarter calendar, the indicator catalogue. */
export interface ProgressContext {
  /** Evaluation date ("today"): values after it are ignored. */
  asOf: string;
  /** Reported quarters in ascending order. */
  quarters: readonly QuarterRef[];
  indicators: ReadonlyMap<string, IndicatorRef>;
}

/**
 * The area made of several areas (a scope from its children): quarterly values combine by each
 * indicator's area rule; statuses, kept members and hotspots are pooled.
 */
export function mergeAreas(
  code: string,
  name: string,
  parts: readonly AreaInputs[],
  indicators: ReadonlyMap<string, IndicatorRef>,
): AreaInputs {
  const values = new Map<string, Map<string, number>>();
  const estimated = new Set<string>();
  const kept = new Map<string, KeptObservation[]>();
  for (const part of parts) {
    for (const [indicator, byQuarter] of part.values) {
      const combine = indicators.get(indicator)?.areaAggregation === 'max' ? Math.max : sum;
      const into = getOrInsert(values, indicator, () => new Map());
      for (const [quarter, value] of byQuarter) {
        const before = into.get(quarter);
        into.set(quarter, before === undefined ? value : combine(before, value));
      }
    }
    for (const q of part.estimatedQuarters) estimated.add(q);
    for (const [target, rows] of part.kept) kept.set(target, [...(kept.get(target) ?? []), ...rows]);
  }
  return {
    code,
    name,
    values,
    estimatedQuarters: estimated,
    statuses: parts.flatMap((p) => p.statuses),
    kept,
    hotspots: parts.flatMap((p) => p.hotspots),
  };
}

const sum = (a: number, b: number) => a + b;

/** The map's entry for `key`, made and stored first when missing. */
export function getOrInsert<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  const found = map.get(key);
  if (found !== undefined) return found;
  const made = make();
  map.set(key, made);
  return made;
}

/** An area with no data at all (a child unit nothing was reported for). */
export function emptyArea(code: string, name: string): AreaInputs {
  return {
    code,
    name,
    values: new Map(),
    estimatedQuarters: new Set(),
    statuses: [],
    kept: new Map(),
    hotspots: [],
  };
}
