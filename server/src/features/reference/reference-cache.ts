import type { Queryable } from '../../db/engine';
import { type IndicatorRow, listIndicators } from '../indicators/indicators.repo';
import { listPeriods, type PeriodRow } from '../periods/periods.repo';

/** Small tables every data request consults: the indicator catalogue, the periods, the unit versions. */
export interface ReferenceData {
  indicators: ReadonlyMap<string, IndicatorRow>;
  periods: ReadonlyMap<string, PeriodRow>;
  /** First days of the commune versions, ascending (e.g. 2008-08-01, 2025-07-01). */
  communeVersions: readonly string[];
  /** First days of the versions that have districts. */
  districtVersions: readonly string[];
}

export interface ReferenceCache {
  get(): Promise<ReferenceData>;
  /** Call after anything changes these tables (imports, catalogue edits). */
  invalidate(): void;
}

/**
 * Keeps the reference tables in memory so a map request costs one or two queries instead of eight.
 * They change only through imports, which invalidate; the time limit bounds staleness from other writers
 * (a second server process on the same database).
 */
export function createReferenceCache(db: Queryable, maxAgeMs = 60_000): ReferenceCache {
  let cached: { at: number; data: Promise<ReferenceData> } | null = null;
  return {
    get() {
      if (!cached || Date.now() - cached.at > maxAgeMs) {
        const data = load(db);
        const entry = { at: Date.now(), data };
        // A failed load must not stick.
        data.catch(() => {
          if (cached === entry) cached = null;
        });
        cached = entry;
      }
      return cached.data;
    },
    invalidate() {
      cached = null;
    },
  };
}

async function load(db: Queryable): Promise<ReferenceData> {
  const [indicators, periods, versions] = await Promise.all([
    listIndicators(db),
    listPeriods(db),
    db.query<{ level: string; validFrom: string }>(
      `select distinct level, to_char(valid_from, 'YYYY-MM-DD') as "validFrom" from admin_units
       where level in ('commune', 'district') order by 2`,
    ),
  ]);
  return {
    indicators: new Map(indicators.map((i) => [i.code, i])),
    periods: new Map(periods.map((p) => [p.id, p])),
    communeVersions: versions.filter((v) => v.level === 'commune').map((v) => v.validFrom),
    districtVersions: versions.filter((v) => v.level === 'district').map((v) => v.validFrom),
  };
}
