import type { Database, Queryable } from '../../db/engine';
import { type GenerationWatch, generationsOf } from '../../lib/data-generations';
import { type IndicatorRow, listIndicators } from '../indicators/indicators.repo';
import { listPeriods, type PeriodRow } from '../periods/periods.repo';
import { listVersionStarts } from './reference.repo';

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
}

/** Writes that change these tables: a dataset load (catalogue, periods) and boundary imports (versions). */
const KINDS = ['units', 'catalogue'] as const;

/**
 * Keeps the reference tables in memory so a map request costs one or two queries instead of eight. They
 * are read again when their generation moves (data-generations.ts): after a write by this process at its
 * next request, after one by another process or the CLI within the generations' staleness bound.
 */
export function createReferenceCache(
  db: Database,
  watch: GenerationWatch = generationsOf(db),
): ReferenceCache {
  let cached: { stamp: string; data: Promise<ReferenceData> } | null = null;
  return {
    get() {
      const stamp = watch.stamp(KINDS);
      if (cached?.stamp !== stamp) {
        const data = load(db);
        const entry = { stamp, data };
        // A failed load must not stick.
        data.catch(() => {
          if (cached === entry) cached = null;
        });
        cached = entry;
      }
      return cached.data;
    },
  };
}

async function load(db: Queryable): Promise<ReferenceData> {
  const [indicators, periods, versions] = await Promise.all([
    listIndicators(db),
    listPeriods(db),
    listVersionStarts(db),
  ]);
  return {
    indicators: new Map(indicators.map((i) => [i.code, i])),
    periods: new Map(periods.map((p) => [p.id, p])),
    communeVersions: versions.filter((v) => v.level === 'commune').map((v) => v.validFrom),
    districtVersions: versions.filter((v) => v.level === 'district').map((v) => v.validFrom),
  };
}
